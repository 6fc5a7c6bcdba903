/** Every text the workbook shows, in French (first) and English. */
import { Language } from "../method/levels";
import { PALETTES, paletteEnds } from "../method/colour";
import { formatAmount } from "./numbers";
import { SCORE_MIN, SCORE_SCALE, scoreRuleText } from "../method/score";
import { CHECKLIST_ITEMS, CHECKLIST_STATUSES, statusCellLabel } from "../method/segments";
import { WEIGHT_MAX, WEIGHT_MIN } from "../method/study";

/** The score's range as the texts state it. */
const RANGE: Record<Language, string> = {
  fr: `${SCORE_MIN} à ${SCORE_SCALE}`,
  en: `${SCORE_MIN} to ${SCORE_SCALE}`,
};

/** The checklist's legend and size, as its sheet states them. */
const OK = CHECKLIST_STATUSES[0];
const ITEMS = CHECKLIST_ITEMS.length;
const legend = (language: Language): string =>
  CHECKLIST_STATUSES.map((status) => statusCellLabel(status, language)).join(" · ");

export interface WorkbookTexts {
  /** Sheet names, by role, in workbook order. */
  sheets: {
    ticks: string;
    ratings: string;
    matrix: string;
    segments: string;
    checklist: string;
    targeting: string;
    diagnostic: string;
    settings: string;
    /** Only in a client export (layout/export.ts). */
    legend: string;
  };
  settings: {
    title: string;
    createdBy: string;
    studyTitle: string;
    language: string;
    weights: string;
    weightPerception: string;
    weightImpact: string;
    weightHelp: string;
    scoreHelp: string;
    levels: string;
    level: string;
    label: string;
    competitionNote: string;
    clienteleTypes: string;
    needTypes: string;
    segmentTypes: string;
    statuses: string;
    strategies: string;
    colours: string;
    palette: string;
    paletteNote: string;
    deliverables: string;
    organisation: string;
    organisationNote: string;
    currency: string;
    currencyNote: string;
  };
  ticks: {
    title: string;
    instructions: string;
    flagHelp: string;
    corner: string;
    clienteleType: string;
    needType: string;
    tickError: { title: string; message: string };
    tickPrompt: { title: string; message: string };
  };
  ratings: {
    title: string;
    instructions: string;
    clientele: string;
    need: string;
    score: string;
    comment: string;
    /** Header of the hidden key column (the pair's matrix cell, as a number). */
    key: string;
    levelError: { title: string; message: string };
    /** Evidence from responses (docs/method.md §3.3): respondents, share feeling the need, source. */
    respondents: string;
    feelShare: string;
    source: string;
  };
  matrix: {
    title: string;
    instructions: string;
    legend: string;
    groups: string;
    scoreRule: string;
    /** Under the legend, only in a study with evidence: what italics and dotted borders mean. */
    hypotheses: string;
  };
  segments: {
    title: string;
    instructions: string;
    candidateNote: string;
    segment: string;
    type: string;
    meanScore: string;
    competition: string;
    size: string;
    frequency: string;
    basket: string;
    /** Where the size, frequency and basket come from (issue 15 §2). */
    source: string;
    potential: string;
    channels: string;
    zones: string;
    successFactors: string;
    attributes: string;
    personas: string;
    clienteles: string;
    needs: string;
    offerings: string;
    markError: { title: string; message: string };
    typeError: { title: string; message: string };
    numberError: { title: string; message: string };
    /** The trimming funnel (docs/method.md §1): the population, then each step's rows. */
    population: string;
    trimStep: string;
    trimParts: Record<"family" | "criterion" | "keep" | "remaining", string>;
    familyError: { title: string; message: string };
    keepError: { title: string; message: string };
  };
  /** The diagnostic sheet (docs/method.md §6): the study's PESTEL, each segment's SWOT and risks. */
  diagnostic: {
    title: string;
    instructions: string;
    pestel: string;
    factor: string;
    entries: string;
    swot: string;
    segment: string;
  };
  checklist: {
    title: string;
    instructions: string;
    family: string;
    item: string;
    okCount: string;
    total: string;
    /** Before a figure's name, on the live line that says whether it is entered on Segments. */
    figureEntered: string;
    statusError: { title: string; message: string };
  };
  targeting: {
    title: string;
    instructions: string;
    corner: string;
    marksPerSegment: string;
    marksPerOffering: string;
    strategy: string;
    ranking: string;
    segment: string;
    meanScore: string;
    scoreRank: string;
    potential: string;
    potentialRank: string;
    competition: string;
    conquest: string;
    conquestNote: string;
    /** Heading of the method's suggested order, beside the consultant's own (cached at build). */
    suggestedConquest: string;
    /** Heading of the method's warnings (cached at build), and the line when there is none. */
    warnings: string;
    noWarning: string;
    levers: string;
    lever: string;
    conquestError: { title: string; message: string };
  };
  kindError: { title: string; message: string };
  weightError: { title: string; message: string };
  /** The legend sheet of a client export. */
  legend: {
    title: string;
    prepared: (date: string) => string;
    study: string;
    reading: string;
    readingText: string;
    scoreRule: (weightPerception: string, weightImpact: string) => string;
    colours: (palette: string) => string;
    coloursNote: string;
    names: string;
    clienteles: string;
    needs: string;
    number: string;
    name: string;
    type: string;
  };
  /** What a client export says instead of the working workbook's instructions. */
  export: {
    /** The matrix's hypotheses line where the ratings sheet is not there (exports, picture, deck). */
    hypotheses: string;
    matrixInstructions: string;
    segmentsInstructions: string;
    offerings: string;
    targetingInstructions: string;
  };
}

const fr: WorkbookTexts = {
  sheets: {
    settings: "Paramètres",
    ticks: "Qui ressent quoi",
    ratings: "Évaluation",
    matrix: "Matrice",
    segments: "Segments",
    checklist: "Check-list",
    targeting: "Ciblage",
    diagnostic: "Diagnostic",
    legend: "Légende",
  },
  settings: {
    title: "Segment Matrix — paramètres de l'étude",
    createdBy:
      "Feuilles créées par Segment Matrix. Les noms définis SM_… relient les feuilles : ne les supprimez pas.",
    studyTitle: "Titre de l'étude",
    language: "Langue (fr / en)",
    weights: `Poids des critères (de ${WEIGHT_MIN} à ${WEIGHT_MAX})`,
    weightPerception: "Poids de la perception du besoin",
    weightImpact: "Poids de l'importance de l'impact",
    weightHelp:
      "Un poids plus fort rend le critère plus exigeant ; 1 et 1 = les deux comptent autant.",
    scoreHelp: `Score (${RANGE.fr}) = ${scoreRuleText("fr", "poids", "poids")}`,
    levels: "Niveaux",
    level: "Niveau",
    label: "Libellé",
    competitionNote: "La concurrence est une piste de réflexion, pas un critère du score.",
    clienteleTypes: "Types de clientèle",
    needTypes: "Types de besoin",
    segmentTypes: "Types de segment (Business Model Canvas)",
    statuses: "Avancement de la check-list",
    strategies: "Stratégies de ciblage",
    colours: "Couleurs de la matrice",
    palette: "Palette de couleurs (default / colourblind)",
    paletteNote: `default : ${paletteEnds(PALETTES.default, "fr")} (la méthode) ; colourblind : ${paletteEnds(PALETTES.colourblind, "fr")}, lisible par les daltoniens. Prend effet à l'Actualiser suivant.`,
    deliverables: "Livrables au client",
    organisation: "Organisation",
    organisationNote: "Sous le titre, sur la page de titre de la présentation client.",
    currency: "Monnaie (symbole ou code)",
    currencyNote: `Avec chaque panier et potentiel : ${formatAmount(840000, "fr", "€")}, ${formatAmount(840000, "fr", "CHF")} ; en anglais ${formatAmount(840000, "en", "€")}, ${formatAmount(840000, "en", "CHF")}. Prend effet à l'Actualiser suivant.`,
  },
  ticks: {
    title: "Qui ressent quoi ? — clientèles × besoins",
    instructions:
      "Tapez les clientèles en ligne 5 (à partir de C5), les besoins en colonne A (à partir de A6), puis un X quand la clientèle ressent réellement le besoin.",
    flagHelp:
      "Dès le premier X, une clientèle ou un besoin encore sans X s'affiche en rouge : la méthode l'écarte du projet. Rapprochez les colonnes aux profils semblables pour voir les segments.",
    corner: "Besoins ↓  /  Clientèles →",
    clienteleType: "Type de clientèle →",
    needType: "Type de besoin",
    tickError: {
      title: "Coche",
      message: "Tapez X si la clientèle ressent ce besoin, sinon laissez vide.",
    },
    tickPrompt: { title: "Ressent-elle ce besoin ?", message: "X = oui ; vide = non." },
  },
  ratings: {
    title: "Évaluation des paires cochées",
    instructions:
      "Une ligne par paire cochée. Choisissez les niveaux dans les listes ; le score se calcule seul. Pour une paire cochée à la main, ajoutez une ligne avec la clientèle et le besoin.",
    clientele: "Clientèle",
    need: "Besoin",
    score: "Score",
    comment: "Commentaire",
    key: "Case de la matrice",
    levelError: { title: "Niveau", message: "Choisissez un niveau dans la liste." },
    respondents: "Répondants (n)",
    feelShare: "% qui ressent",
    source: "Source des réponses",
  },
  matrix: {
    title: "Matrice des scores — clientèles × besoins",
    instructions: `Score de ${RANGE.fr} par paire cochée et notée ; case vide = paire non cochée ou pas encore notée. Les formules restent actives sans le complément.`,
    legend: "Légende",
    groups: "Segments →",
    scoreRule: `Score = ${scoreRuleText("fr", "poids", "poids")} — poids dans la feuille Paramètres.`,
    hypotheses:
      "En italique, bordure pointillée : paire notée sans réponses derrière elle (hypothèse). Les autres s'appuient sur des réponses : leur nombre (n) est dans la feuille Évaluation.",
  },
  segments: {
    title: "Segments — spécification de chaque segment",
    instructions:
      "Une colonne par segment : son nom, son type, ses chiffres (le potentiel annuel se calcule seul), ses canaux, zones, facteurs clés de succès, autres attributs et personas (une entrée par ligne dans la cellule), puis un X pour chaque clientèle, besoin et prestation du segment.",
    candidateNote:
      "Segments candidats : leurs besoins sont, pour commencer, ceux que ressent au moins la moitié de leurs clientèles. Modifiez librement ; une clientèle ou un besoin peut figurer dans plusieurs segments.",
    segment: "Segment",
    type: "Type (Business Model Canvas)",
    meanScore: "Score moyen des paires notées",
    competition: "Concurrence moyenne (0–4) des paires cochées",
    size: "Taille (nombre d'individus dans la zone)",
    frequency: "Fréquence d'achat par an",
    basket: "Panier moyen",
    source: "Source de la taille, de la fréquence et du panier",
    potential: "Potentiel annuel = taille × fréquence × panier",
    channels: "Canaux de communication",
    zones: "Zones géographiques",
    successFactors: "Facteurs clés de succès",
    attributes: "Autres attributs (critères de rognage)",
    personas: "Personas",
    clienteles: "Clientèles du segment (X)",
    needs: "Besoins du segment (X)",
    offerings: "Prestations (tapez-les ici ; X = pertinente pour le segment)",
    markError: {
      title: "Appartenance",
      message: "Tapez X si l'élément fait partie du segment, sinon laissez vide.",
    },
    typeError: {
      title: "Type de segment",
      message: "Choisissez un type dans la liste, ou laissez vide.",
    },
    numberError: { title: "Nombre", message: "Tapez un nombre positif ou nul, ou laissez vide." },
    population: "Population avant rognage (la taille devient population × parts gardées)",
    trimStep: "Rognage",
    trimParts: {
      family: "famille (Nature, Qui ?, Où ?, Pourquoi ?)",
      criterion: "critère gardé",
      keep: "part gardée (0 à 100 %)",
      remaining: "reste de la population",
    },
    familyError: {
      title: "Famille de critères",
      message: "Choisissez Nature (B2B / B2C), Qui ?, Où ? ou Pourquoi ?, ou laissez vide.",
    },
    keepError: { title: "Part gardée", message: "Tapez une part de 0 à 100 %, ou laissez vide." },
  },
  diagnostic: {
    title: "Diagnostic — PESTEL de l'étude, SWOT et risques par segment",
    instructions:
      "Une entrée par ligne dans chaque cellule. Le PESTEL décrit l'environnement de l'étude ; pour chaque segment, ses forces, faiblesses, opportunités, menaces et les risques à le viser.",
    pestel: "PESTEL de l'étude",
    factor: "Facteur",
    entries: "Constats (un par ligne)",
    swot: "SWOT et risques par segment",
    segment: "Segment",
  },
  checklist: {
    title: "Check-list du « bon segment »",
    instructions: `Pour chaque segment, l'avancement de chaque critère : ${legend("fr")}. Un segment est prêt quand ses ${ITEMS} critères sont ${OK.fr}. Un critère de quantification en orange ne correspond pas à son chiffre (lignes sous les totaux) : chiffre saisi mais critère pas ${OK.fr}, ou l'inverse.`,
    family: "Famille",
    item: "Critère",
    okCount: OK.symbol,
    total: `Total ${OK.symbol} (sur ${ITEMS})`,
    figureEntered: "Chiffre saisi sur la feuille des segments :",
    statusError: { title: "Avancement", message: "Choisissez un statut dans la liste." },
  },
  targeting: {
    title: "Ciblage — prestations × segments",
    instructions:
      "Marquez d'un X les paires prestation × segment à poursuivre : la stratégie que forment les marques s'affiche seule. Puis l'ordre de conquête et, par segment, les leviers de croissance.",
    corner: "Prestations ↓  /  Segments →",
    marksPerSegment: "X par segment",
    marksPerOffering: "X par prestation",
    strategy: "Stratégie de ciblage",
    ranking: "Segments classés par score moyen et par potentiel",
    segment: "Segment",
    meanScore: "Score moyen",
    scoreRank: "Rang (score)",
    potential: "Potentiel annuel",
    potentialRank: "Rang (potentiel)",
    competition: "Concurrence (0–4)",
    conquest: "Ordre de conquête",
    conquestNote:
      "Commencez par un segment (souvent géographique), conquérez-le, puis étendez : chaque segment gagné facilite le suivant.",
    suggestedConquest:
      "Ordre suggéré par la méthode (à la construction du classeur ; recouvrement : clientèles et besoins en commun)",
    warnings: "Avertissements de la méthode (à la construction du classeur)",
    noWarning: "Aucun avertissement : rien de ce que la méthode signale.",
    levers: "Leviers de croissance par segment",
    lever: "Levier",
    conquestError: { title: "Segment", message: "Choisissez un segment dans la liste." },
  },
  kindError: { title: "Type", message: "Choisissez un type dans la liste, ou laissez vide." },
  weightError: { title: "Poids", message: `Tapez un nombre de ${WEIGHT_MIN} à ${WEIGHT_MAX}.` },
  legend: {
    title: "Légende de la matrice des scores",
    prepared: (date) => `Livrable préparé avec Segment Matrix le ${date}.`,
    study: "Étude",
    reading: "Lecture",
    readingText: `Chaque case croise une clientèle (colonne) et un besoin (ligne). Score de ${RANGE.fr} pour chaque paire où la clientèle ressent réellement le besoin et qui a été notée : plus il est haut, plus la paire est intéressante et accessible. Case vide : besoin non ressenti, ou paire pas encore notée.`,
    scoreRule: (wp, wi) => `Score = ${scoreRuleText("fr", wp, wi)}`,
    colours: (palette) => `Couleurs (palette : ${palette})`,
    coloursNote:
      "Chaque case porte la couleur de son score, interpolée en ligne droite entre les trois couleurs ci-dessous.",
    names: "Clientèles et besoins (noms complets)",
    clienteles: "Clientèles",
    needs: "Besoins",
    number: "N°",
    name: "Nom",
    type: "Type",
  },
  export: {
    hypotheses:
      "En italique, bordure pointillée : paire notée sans réponses derrière elle (hypothèse) ; les autres s'appuient sur des réponses d'enquête ou d'atelier.",
    matrixInstructions: `Score de ${RANGE.fr} par paire cochée et notée ; case vide = paire non cochée ou pas encore notée.`,
    segmentsInstructions:
      "Une colonne par segment : son type, son score moyen, ses chiffres et son potentiel annuel, ses canaux, zones, facteurs clés de succès, autres attributs et personas, puis ses clientèles, besoins et prestations (X).",
    offerings: "Prestations (X = pertinente pour le segment)",
    targetingInstructions:
      "Les paires prestation × segment retenues (X) et la stratégie de ciblage qu'elles forment, les segments classés par score moyen et par potentiel, l'ordre de conquête et les leviers de croissance de chaque segment.",
  },
};

const en: WorkbookTexts = {
  sheets: {
    ticks: "Who feels what",
    ratings: "Ratings",
    matrix: "Matrix",
    segments: "Segments",
    checklist: "Checklist",
    targeting: "Targeting",
    diagnostic: "Diagnosis",
    settings: "Settings",
    legend: "Legend",
  },
  settings: {
    title: "Segment Matrix — study settings",
    createdBy:
      "Sheets created by Segment Matrix. The SM_… defined names link the sheets: do not delete them.",
    studyTitle: "Study title",
    language: "Language (fr / en)",
    weights: `Criteria weights (${WEIGHT_MIN} to ${WEIGHT_MAX})`,
    weightPerception: "Weight of the perception of the need",
    weightImpact: "Weight of the impact",
    weightHelp:
      "A higher weight makes the criterion more demanding; 1 and 1 = both count the same.",
    scoreHelp: `Score (${RANGE.en}) = ${scoreRuleText("en", "weight", "weight")}`,
    levels: "Levels",
    level: "Level",
    label: "Label",
    competitionNote: "Competition is a track for reflection, not part of the score.",
    clienteleTypes: "Clientèle types",
    needTypes: "Need types",
    segmentTypes: "Segment types (Business Model Canvas)",
    statuses: "Checklist progress",
    strategies: "Targeting strategies",
    colours: "Matrix colours",
    palette: "Colour palette (default / colourblind)",
    paletteNote: `default: ${paletteEnds(PALETTES.default, "en")} (the method); colourblind: ${paletteEnds(PALETTES.colourblind, "en")}, readable with colour blindness. Takes effect at the next Refresh.`,
    deliverables: "Client deliverables",
    organisation: "Organisation",
    organisationNote: "Under the title, on the title slide of the client deck.",
    currency: "Currency (symbol or code)",
    currencyNote: `With every basket and potential: ${formatAmount(840000, "en", "€")}, ${formatAmount(840000, "en", "CHF")}; in French ${formatAmount(840000, "fr", "€")}, ${formatAmount(840000, "fr", "CHF")}. Takes effect at the next Refresh.`,
  },
  ticks: {
    title: "Who feels what? — clientèles × needs",
    instructions:
      "Type the clientèles across row 5 (from C5), the needs down column A (from A6), then an X where the clientèle really feels the need.",
    flagHelp:
      "From the first X on, a clientèle or a need still without an X shows in red: the method drops it. Move columns with similar profiles side by side to reveal segments.",
    corner: "Needs ↓  /  Clientèles →",
    clienteleType: "Clientèle type →",
    needType: "Need type",
    tickError: {
      title: "Tick",
      message: "Type X if the clientèle feels this need, otherwise leave it empty.",
    },
    tickPrompt: { title: "Does it feel this need?", message: "X = yes; empty = no." },
  },
  ratings: {
    title: "Ratings of the ticked pairs",
    instructions:
      "One row per ticked pair. Pick the levels from the lists; the score computes itself. For a pair ticked by hand, add a row with its clientèle and need.",
    clientele: "Clientèle",
    need: "Need",
    score: "Score",
    comment: "Comment",
    key: "Matrix cell",
    levelError: { title: "Level", message: "Pick a level from the list." },
    respondents: "Respondents (n)",
    feelShare: "% feeling it",
    source: "Source of responses",
  },
  matrix: {
    title: "Score matrix — clientèles × needs",
    instructions: `Score from ${RANGE.en} for each ticked and rated pair; empty = pair not ticked or not rated yet. The formulas keep working without the add-in.`,
    legend: "Legend",
    groups: "Segments →",
    scoreRule: `Score = ${scoreRuleText("en", "weight", "weight")} — weights on the Settings sheet.`,
    hypotheses:
      "Italics, dotted border: a rated pair with no responses behind it (a hypothesis). The others are backed by responses: their number (n) is on the Ratings sheet.",
  },
  segments: {
    title: "Segments — specifying each segment",
    instructions:
      "One column per segment: its name, its type, its figures (the yearly potential computes itself), its channels, zones, key success factors, other attributes and personas (one entry per line in the cell), then an X for each clientèle, need and offering of the segment.",
    candidateNote:
      "Candidate segments: to start with, their needs are those at least half of their clientèles feel. Edit freely; a clientèle or a need may be in several segments.",
    segment: "Segment",
    type: "Type (Business Model Canvas)",
    meanScore: "Mean score of the rated pairs",
    competition: "Mean competition (0–4) of the ticked pairs",
    size: "Size (individuals in the zone)",
    frequency: "Purchases per year",
    basket: "Average basket",
    source: "Source of the size, frequency and basket",
    potential: "Yearly potential = size × frequency × basket",
    channels: "Communication channels",
    zones: "Geographic zones",
    successFactors: "Key success factors",
    attributes: "Other attributes (trimming criteria)",
    personas: "Personas",
    clienteles: "Clientèles of the segment (X)",
    needs: "Needs of the segment (X)",
    offerings: "Offerings (type them here; X = relevant to the segment)",
    markError: {
      title: "Membership",
      message: "Type X if the item belongs to the segment, otherwise leave it empty.",
    },
    typeError: { title: "Segment type", message: "Pick a type from the list, or leave it empty." },
    numberError: { title: "Number", message: "Type a number of zero or more, or leave it empty." },
    population: "Population before trimming (the size becomes population × shares kept)",
    trimStep: "Trimming",
    trimParts: {
      family: "family (Nature, Who?, Where?, Why?)",
      criterion: "criterion kept",
      keep: "share kept (0 to 100 %)",
      remaining: "population remaining",
    },
    familyError: {
      title: "Family of criteria",
      message: "Pick Nature (B2B / B2C), Who?, Where? or Why?, or leave it empty.",
    },
    keepError: { title: "Share kept", message: "Type a share from 0 to 100 %, or leave it empty." },
  },
  diagnostic: {
    title: "Diagnosis — the study's PESTEL, each segment's SWOT and risks",
    instructions:
      "One entry per line in each cell. The PESTEL describes the study's environment; for each segment, its strengths, weaknesses, opportunities, threats and the risks of targeting it.",
    pestel: "The study's PESTEL",
    factor: "Factor",
    entries: "Findings (one per line)",
    swot: "SWOT and risks per segment",
    segment: "Segment",
  },
  checklist: {
    title: 'The "good segment" checklist',
    instructions: `For each segment, the progress of each item: ${legend("en")}. A segment is ready when its ${ITEMS} items are ${OK.en}. A quantification item in orange disagrees with its figure (lines under the totals): the figure entered but the item not ${OK.en}, or the other way round.`,
    family: "Family",
    item: "Item",
    okCount: OK.symbol,
    total: `Total ${OK.symbol} (of ${ITEMS})`,
    figureEntered: "Figure entered on the segments sheet:",
    statusError: { title: "Progress", message: "Pick a status from the list." },
  },
  targeting: {
    title: "Targeting — offerings × segments",
    instructions:
      "Mark with an X the offering × segment pairs to pursue: the strategy the marks form shows by itself. Then the conquest order and, per segment, the growth levers.",
    corner: "Offerings ↓  /  Segments →",
    marksPerSegment: "X per segment",
    marksPerOffering: "X per offering",
    strategy: "Targeting strategy",
    ranking: "Segments ranked by mean score and by potential",
    segment: "Segment",
    meanScore: "Mean score",
    scoreRank: "Rank (score)",
    potential: "Yearly potential",
    potentialRank: "Rank (potential)",
    competition: "Competition (0–4)",
    conquest: "Conquest order",
    conquestNote:
      "Start with one segment (often a geographic one), win it, then expand: each segment won makes the next easier.",
    suggestedConquest:
      "The method's suggested order (when the workbook was built; overlap: clientèles and needs in common)",
    warnings: "The method's warnings (when the workbook was built)",
    noWarning: "No warning: nothing the method points out.",
    levers: "Growth levers per segment",
    lever: "Lever",
    conquestError: { title: "Segment", message: "Pick a segment from the list." },
  },
  kindError: { title: "Type", message: "Pick a type from the list, or leave it empty." },
  weightError: { title: "Weight", message: `Type a number from ${WEIGHT_MIN} to ${WEIGHT_MAX}.` },
  legend: {
    title: "Legend of the score matrix",
    prepared: (date) => `Deliverable prepared with Segment Matrix on ${date}.`,
    study: "Study",
    reading: "How to read it",
    readingText: `Each cell crosses a clientèle (column) and a need (row). A score from ${RANGE.en} for each pair where the clientèle really feels the need and that was rated: the higher, the more interesting and accessible the pair. Empty cell: the need is not felt, or the pair is not rated yet.`,
    scoreRule: (wp, wi) => `Score = ${scoreRuleText("en", wp, wi)}`,
    colours: (palette) => `Colours (palette: ${palette})`,
    coloursNote:
      "Each cell carries the colour of its score, interpolated in a straight line between the three colours below.",
    names: "Clientèles and needs (full names)",
    clienteles: "Clientèles",
    needs: "Needs",
    number: "No.",
    name: "Name",
    type: "Type",
  },
  export: {
    hypotheses:
      "Italics, dotted border: a rated pair with no responses behind it (a hypothesis); the others are backed by survey or workshop responses.",
    matrixInstructions: `Score from ${RANGE.en} for each ticked and rated pair; empty = pair not ticked or not rated yet.`,
    segmentsInstructions:
      "One column per segment: its type, its mean score, its figures and yearly potential, its channels, zones, key success factors, other attributes and personas, then its clientèles, needs and offerings (X).",
    offerings: "Offerings (X = relevant to the segment)",
    targetingInstructions:
      "The offering × segment pairs chosen (X) and the targeting strategy they form, the segments ranked by mean score and by potential, the conquest order and the growth levers of each segment.",
  },
};

export const WORKBOOK_TEXTS: Record<Language, WorkbookTexts> = { fr, en };
