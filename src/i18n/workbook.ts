/** Every text the workbook shows, in French (first) and English. */
import { Language } from "../method/levels";

export interface WorkbookTexts {
  /** Sheet names, by role, in workbook order. */
  sheets: { ticks: string; ratings: string; matrix: string; settings: string };
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
    colours: string;
    colourLow: string;
    colourMid: string;
    colourHigh: string;
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
  };
  matrix: {
    title: string;
    instructions: string;
    legend: string;
    scoreRule: string;
  };
  kindError: { title: string; message: string };
  weightError: { title: string; message: string };
}

const fr: WorkbookTexts = {
  sheets: {
    settings: "Paramètres",
    ticks: "Qui ressent quoi",
    ratings: "Évaluation",
    matrix: "Matrice",
  },
  settings: {
    title: "Segment Matrix — paramètres de l'étude",
    createdBy:
      "Feuilles créées par Segment Matrix. Les noms définis SM_… relient les feuilles : ne les supprimez pas.",
    studyTitle: "Titre de l'étude",
    language: "Langue (fr / en)",
    weights: "Poids des critères (de 0 à 5)",
    weightPerception: "Poids de la perception du besoin",
    weightImpact: "Poids de l'importance de l'impact",
    weightHelp:
      "Un poids plus fort rend le critère plus exigeant ; 1 et 1 = les deux comptent autant.",
    scoreHelp: "Score (1 à 100) = ARRONDI(100 × (perception/4)^poids × (impact/4)^poids ; 0)",
    levels: "Niveaux",
    level: "Niveau",
    label: "Libellé",
    competitionNote: "La concurrence est une piste de réflexion, pas un critère du score.",
    clienteleTypes: "Types de clientèle",
    needTypes: "Types de besoin",
    colours: "Couleurs de la matrice",
    colourLow: "0 : orange foncé — paire la moins intéressante",
    colourMid: "50 : jaune",
    colourHigh: "100 : vert foncé — paire la plus intéressante et accessible",
  },
  ticks: {
    title: "Qui ressent quoi ? — clientèles × besoins",
    instructions:
      "Tapez les clientèles en ligne 5 (à partir de C5), les besoins en colonne A (à partir de A6), puis un X quand la clientèle ressent réellement le besoin.",
    flagHelp:
      "Une clientèle ou un besoin sans aucun X s'affiche en rouge : la méthode l'écarte du projet. Rapprochez les colonnes aux profils semblables pour voir les segments.",
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
  },
  matrix: {
    title: "Matrice des scores — clientèles × besoins",
    instructions:
      "Score de 1 à 100 par paire cochée et notée ; case vide = paire non cochée ou pas encore notée. Les formules restent actives sans le complément.",
    legend: "Légende",
    scoreRule:
      "Score = ARRONDI(100 × (perception/4)^poids × (impact/4)^poids ; 0) — poids dans la feuille Paramètres.",
  },
  kindError: { title: "Type", message: "Choisissez un type dans la liste, ou laissez vide." },
  weightError: { title: "Poids", message: "Tapez un nombre de 0 à 5." },
};

const en: WorkbookTexts = {
  sheets: { settings: "Settings", ticks: "Who feels what", ratings: "Ratings", matrix: "Matrix" },
  settings: {
    title: "Segment Matrix — study settings",
    createdBy:
      "Sheets created by Segment Matrix. The SM_… defined names link the sheets: do not delete them.",
    studyTitle: "Study title",
    language: "Language (fr / en)",
    weights: "Criteria weights (0 to 5)",
    weightPerception: "Weight of the perception of the need",
    weightImpact: "Weight of the impact",
    weightHelp:
      "A higher weight makes the criterion more demanding; 1 and 1 = both count the same.",
    scoreHelp: "Score (1 to 100) = ROUND(100 × (perception/4)^weight × (impact/4)^weight, 0)",
    levels: "Levels",
    level: "Level",
    label: "Label",
    competitionNote: "Competition is a track for reflection, not part of the score.",
    clienteleTypes: "Clientèle types",
    needTypes: "Need types",
    colours: "Matrix colours",
    colourLow: "0: dark orange — least interesting pair",
    colourMid: "50: yellow",
    colourHigh: "100: dark green — most interesting and accessible pair",
  },
  ticks: {
    title: "Who feels what? — clientèles × needs",
    instructions:
      "Type the clientèles across row 5 (from C5), the needs down column A (from A6), then an X where the clientèle really feels the need.",
    flagHelp:
      "A clientèle or a need without any X shows in red: the method drops it. Move columns with similar profiles side by side to reveal segments.",
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
  },
  matrix: {
    title: "Score matrix — clientèles × needs",
    instructions:
      "Score from 1 to 100 for each ticked and rated pair; empty = pair not ticked or not rated yet. The formulas keep working without the add-in.",
    legend: "Legend",
    scoreRule:
      "Score = ROUND(100 × (perception/4)^weight × (impact/4)^weight, 0) — weights on the Settings sheet.",
  },
  kindError: { title: "Type", message: "Pick a type from the list, or leave it empty." },
  weightError: { title: "Weight", message: "Type a number from 0 to 5." },
};

export const WORKBOOK_TEXTS: Record<Language, WorkbookTexts> = { fr, en };
