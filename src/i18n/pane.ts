/** Every text the task pane shows, in French (first) and English. Workbook texts are in workbook.ts. */
import { IMPACT, Language, PERCEPTION, Scale, levelRange } from "../method/levels";
import { SCORE_MIN, SCORE_SCALE } from "../method/score";
import {
  CHECKLIST_STATUSES,
  ChecklistStatus,
  STRATEGIES,
  Strategy,
  strategySentence,
} from "../method/segments";
import { Study, isRated } from "../method/study";
import type { StepId } from "../method/steps";
import type { HostStep } from "../messages";
import { EvidenceCoverage, SegmentEvidence, backedPercent } from "../method/evidence";
import { formatNumber } from "./numbers";

export interface PaneTexts {
  title: string;
  help: string;
  previewNote: string;
  /** The persistent one-line status of the workbook, under the title. */
  status: {
    label: string;
    empty: string;
    template: string;
    unreadable: string;
    study: (study: Study) => string;
  };
  clienteles: { label: string; placeholder: string };
  needs: { label: string; placeholder: string };
  /** A list's live count, under its field. */
  listCount: (list: "clienteles" | "needs", count: number) => string;
  takeSelection: string;
  takeSelectionFor: (listLabel: string) => string;
  emptySelection: string;
  build: string;
  rebuild: string;
  editLists: string;
  buildNeedsLists: string;
  refresh: string;
  template: string;
  order: string;
  exportPicture: string;
  exported: (fileName: string) => string;
  /** The client deliverable (issue 8). */
  exportClient: string;
  clientOpened: (sheets: readonly string[]) => string;
  clientSaved: (fileName: string, sheets: readonly string[]) => string;
  /** The client deck (issue 14). */
  exportDeck: string;
  deckSaved: (fileName: string, slides: number) => string;
  /** Where a PDF comes from: Excel's own export (getFileAsync(Pdf) is not reliable on the web). */
  pdfNote: string;
  exportRangeImage: string;
  rangeImageSaved: (fileName: string) => string;
  segmentCount: string;
  /** Under the number of segments when it is not a whole number of at least 1. */
  segmentCountInvalid: string;
  /** The consent to replace the segments a workbook already holds by candidates. */
  replaceSegments: (count: number) => string;
  /** Tooltip of an action whose implementation is not in this version. */
  notInThisVersion: string;
  mainActions: string;
  busy: string;
  loading: string;
  progress: (done: number, total: number, sheet: string | undefined) => string;
  cannotBuild: string;
  unexpected: string;
  refused: string;
  failed: Record<HostStep, string>;
  /** Which Office.js call failed (debugInfo.errorLocation). */
  excelLocation: (location: string) => string;
  messages: string;
  showList: (count: number) => string;
  hideList: string;
  listOf: string;
  steps: {
    heading: string;
    statusLabel: (status: ChecklistStatus) => string;
    titles: Record<StepId, string>;
    explanations: Record<StepId, string>;
    openSheet: string;
    openSheetFor: (sheet: string) => string;
    noSheet: string;
    lists: (clienteles: number, needs: number) => string;
    ticks: (ticks: number) => string;
    without: (clienteles: number, needs: number) => string;
    withoutList: string;
    ratings: (rated: number, ticked: number) => string;
    rowsMissing: (count: number) => string;
    matrixEmpty: string;
    /** The share of scored pairs that responses back, and their median n. */
    evidence: (coverage: EvidenceCoverage) => string;
    bestPairs: string;
    pair: (clientele: string, need: string, score: number) => string;
    selectPair: (clientele: string, need: string) => string;
    weights: string;
    weightPerception: string;
    weightImpact: string;
    weightHint: string;
    segments: (segments: number, ready: number) => string;
    /** One segment's scored pairs that responses back. */
    segmentEvidence: (evidence: SegmentEvidence) => string;
    suggestedK: (k: number) => string;
    segmentsAbsent: string;
    targeting: (targets: number) => string;
    strategy: (strategy: Strategy) => string;
    conquest: (order: readonly string[]) => string;
    targetingAbsent: string;
    /** The method's judgement (docs/method.md §9): its suggested order and its warnings. */
    suggestedConquest: string;
    methodWarnings: string;
    noMethodWarning: string;
    /** Above the quantification items that disagree with their figures. */
    quantificationMismatches: string;
  };
  /** What to do next, named in every success. */
  next: {
    prefix: string;
    lists: string;
    ticks: (sheet: string) => string;
    rows: (count: number) => string;
    ratings: (sheet: string, unrated: number) => string;
    matrix: (sheet: string) => string;
    segments: string;
    /** Segments are there: fill each one's specification and check-list. */
    checklist: (sheet: string) => string;
    targeting: string;
    done: string;
  };
  confirmDrop: {
    title: string;
    summary: (clienteles: number, needs: number, pairs: number, rated: number) => string;
    renames: string;
    rename: (from: string, to: string) => string;
    details: string;
    detailsRegion: string;
    removedClienteles: string;
    removedNeeds: string;
    lostPairs: string;
    /** Segments' members that go with their names, counted (the segments themselves stay). */
    membersLost: (members: number) => string;
    lostMembers: string;
    keepCopy: (sheet: string) => string;
    copyName: (sheet: string) => string;
    copied: (copy: string) => string;
    question: string;
    confirm: string;
    cancel: string;
  };
  done: { built: string; refreshed: string; ordered: string; weight: string };
  /** Where to type in the blank template: the sheet, the first clientèle cell and the first need cell. */
  templateDone: (ticksSheet: string, firstClientele: string, firstNeed: string) => string;
  workbook: {
    region: string;
    tabs: string;
    empty: string;
    tick: (clientele: string, need: string) => string;
    cell: (address: string) => string;
    /**
     * A typed value the sheet refused, still in its cell (`cell`: Sheet!A1): not written, so the
     * figures computed from that cell, struck out meanwhile, still come from `kept` ("" if empty).
     */
    stale: (cell: string, typed: string, kept: string) => string;
    /** The tooltip of a struck-out figure. */
    staleFigure: string;
    /** A sheet whose figures wait for an error of the sheets to be corrected (they are struck out). */
    staleSheet: string;
  };
}

/** French typography: a non-breaking space inside « » and before : ; ? ! keeps them on their line. */
const NBSP = "\u00a0";
const q = (text: string): string => `«${NBSP}${text}${NBSP}»`;
const qe = (text: string): string => `"${text}"`;

/** A scale's range as the texts state it: "1 à 4". */
const span = (scale: Scale, to: string): string => {
  const { min, max } = levelRange(scale);
  return `${min} ${to} ${max}`;
};

/** French counts 0 and 1 in the singular; English only 1. */
function counted(count: number, language: Language, singular: string, plural: string): string {
  const one = language === "fr" ? count <= 1 : count === 1;
  return `${count} ${one ? singular : plural}`;
}

const statusWord = (status: ChecklistStatus, language: Language): string => {
  const label = CHECKLIST_STATUSES.find((s) => s.canonical === status) ?? CHECKLIST_STATUSES[2];
  return `${label.symbol} ${label[language]}`;
};

const fr: PaneTexts = {
  title: "Segment Matrix",
  help: `Segmentation par les besoins, pas à pas${NBSP}: chaque étape dit où vous en êtes et ce qui reste à faire.`,
  previewNote: `Aperçu hors d'Excel${NBSP}: le classeur ci-contre vit dans cette page${NBSP}; cochez, notez et changez les poids dans ses cellules. Rien n'est enregistré.`,
  status: {
    label: "État du classeur",
    empty: "Classeur sans étude Segment Matrix.",
    template: `Modèle vierge${NBSP}: tapez les noms dans la feuille, ou dans le volet, puis Actualiser.`,
    unreadable: `Les feuilles de l'étude contiennent des erreurs${NBSP}: voir les messages.`,
    study: (study) => {
      const rated = study.pairs.filter(isRated).length;
      return `${counted(study.clienteles.length, "fr", "clientèle", "clientèles")} × ${counted(study.needs.length, "fr", "besoin", "besoins")} · ${study.pairs.length}${NBSP}X · ${counted(rated, "fr", "paire notée", "paires notées")}`;
    },
  },
  clienteles: { label: "Clientèles (une par ligne)", placeholder: "Étudiants\nChercheurs\n…" },
  needs: {
    label: "Besoins (un par ligne)",
    placeholder: "Trouver un financement\nAccéder à des locaux\n…",
  },
  listCount: (list, count) =>
    list === "clienteles"
      ? counted(count, "fr", "clientèle", "clientèles")
      : counted(count, "fr", "besoin", "besoins"),
  takeSelection: "Prendre la sélection",
  takeSelectionFor: (listLabel) => `Prendre la sélection pour${NBSP}: ${listLabel}`,
  emptySelection: `Aucune cellule non vide n'est sélectionnée${NBSP}: sélectionnez les noms dans la feuille, puis recommencez.`,
  build: "Construire le classeur",
  rebuild: "Reconstruire avec ces listes",
  editLists: "Modifier les listes",
  buildNeedsLists: "Tapez au moins une clientèle et un besoin pour construire le classeur.",
  refresh: "Actualiser depuis les feuilles",
  template: "Modèle vierge",
  order: "Ordonner par profil de besoins",
  exportPicture: "Exporter l'image de la matrice",
  exported: (fileName) => `Image de la matrice enregistrée${NBSP}: ${fileName}.`,
  exportClient: "Exporter le classeur client",
  clientOpened: (sheets) =>
    `Classeur client ouvert dans une nouvelle fenêtre Excel (${sheets.join(", ")})${NBSP}: couleurs fixées dans les cellules, sans formules ni listes. Enregistrez-le pour l'envoyer.`,
  clientSaved: (fileName, sheets) =>
    `Classeur client enregistré${NBSP}: ${fileName} (${sheets.join(", ")})${NBSP}; couleurs fixées dans les cellules, sans formules ni listes.`,
  exportDeck: "Exporter la présentation (PowerPoint)",
  deckSaved: (fileName, slides) =>
    `Présentation enregistrée${NBSP}: ${fileName} (${slides} diapositives, tableaux modifiables dans PowerPoint).`,
  pdfNote: `Pour un PDF${NBSP}: dans le classeur client, Fichier › Exporter › Créer un document PDF (une page en paysage par feuille).`,
  exportRangeImage: "Image de la matrice vue par Excel (PNG)",
  rangeImageSaved: (fileName) =>
    `Image de la matrice, telle qu'Excel l'affiche, enregistrée${NBSP}: ${fileName}.`,
  segmentCount: "Nombre de segments",
  segmentCountInvalid:
    "Mettez un nombre entier de segments, 1 ou plus, ou laissez vide pour seulement ordonner.",
  replaceSegments: (count) =>
    count === 1
      ? "Remplacer le segment existant par les segments candidats (ses chiffres, sa check-list et son ciblage seront perdus)"
      : `Remplacer les ${count} segments existants par les segments candidats (leurs chiffres, check-lists et ciblage seront perdus)`,
  notInThisVersion: "Cette action ne fait pas encore partie de cette version du complément.",
  mainActions: "Actions",
  busy: "Travail en cours…",
  loading: "Lecture du classeur…",
  progress: (done, total, sheet) =>
    sheet
      ? `Écriture de la feuille ${q(sheet)} (${done + 1} sur ${total})…`
      : `${total} feuilles écrites.`,
  cannotBuild: "Segment Matrix ne peut pas construire le classeur ici.",
  unexpected: `Une erreur inattendue s'est produite${NBSP}:`,
  refused: `Rien n'a été modifié${NBSP}:`,
  failed: {
    read: `La lecture du classeur a échoué${NBSP}:`,
    render: `L'écriture des feuilles a échoué${NBSP}:`,
    selection: `La lecture de la sélection a échoué${NBSP}:`,
    navigate: `L'affichage de la feuille a échoué${NBSP}:`,
    write: `L'écriture de la cellule a échoué${NBSP}:`,
    copy: `La copie de la feuille a échoué${NBSP}:`,
    export: `L'export a échoué${NBSP}:`,
  },
  excelLocation: (location) => `(appel Excel en échec${NBSP}: ${location})`,
  messages: "Messages",
  showList: (count) => `Afficher la liste (${count})`,
  hideList: "Masquer la liste",
  listOf: "Détail",
  steps: {
    heading: "Les étapes de la méthode",
    statusLabel: (status) => `Statut${NBSP}: ${statusWord(status, "fr")}`,
    titles: {
      lists: "Clientèles et besoins",
      ticks: "Qui ressent quoi",
      ratings: "Évaluation",
      matrix: "Matrice",
      segments: "Segments",
      targeting: "Ciblage",
    },
    explanations: {
      lists:
        "Les clientèles en colonnes, les besoins en lignes, en partant des problèmes plutôt que des critères démographiques.",
      ticks: `Pour chaque case${NBSP}: ${q(`Cette clientèle ressent-elle réellement ce besoin${NBSP}?`)} Un X là où c'est oui.`,
      ratings: `Chaque paire cochée reçoit un degré de perception du besoin (${span(PERCEPTION, "à")}) et une importance de l'impact (${span(IMPACT, "à")}).`,
      matrix: `Perception et impact, pondérés, donnent un score de ${SCORE_MIN} à ${SCORE_SCALE}, de l'orange foncé au vert foncé${NBSP}: les paires vertes sont les plus intéressantes.`,
      segments:
        "Rapprocher les clientèles aux profils de besoins voisins, découper en segments, puis vérifier chacun avec la check-list.",
      targeting:
        "Choisir les paires prestation × segment à servir (la stratégie en découle) et l'ordre de conquête des segments.",
    },
    openSheet: "Ouvrir la feuille",
    openSheetFor: (sheet) => `Ouvrir la feuille ${q(sheet)}`,
    noSheet: "Pas encore de feuille dans ce classeur.",
    lists: (c, n) =>
      `${counted(c, "fr", "clientèle", "clientèles")} × ${counted(n, "fr", "besoin", "besoins")}`,
    ticks: (ticks) => (ticks === 0 ? "Pas encore de X" : `${ticks}${NBSP}X`),
    without: (c, n) =>
      [
        c > 0 ? counted(c, "fr", "clientèle", "clientèles") : "",
        n > 0 ? counted(n, "fr", "besoin", "besoins") : "",
      ]
        .filter((part) => part !== "")
        .join(" et ") + " sans X",
    withoutList: "Sans X",
    ratings: (rated, ticked) =>
      ticked === 0
        ? "Aucune paire cochée"
        : `${rated} sur ${counted(ticked, "fr", "paire notée", "paires notées")} · ${counted(ticked - rated, "fr", "reste", "restent")} à noter`,
    rowsMissing: (count) =>
      `${counted(count, "fr", "paire cochée n'a", "paires cochées n'ont")} pas encore de ligne${NBSP}: ${q("Actualiser")} les ajoute.`,
    matrixEmpty: `Pas encore de score${NBSP}: notez des paires.`,
    evidence: (coverage) =>
      `${backedPercent(coverage)}${NBSP}% des paires notées appuyées par des réponses` +
      (coverage.medianN !== undefined
        ? ` (n médian = ${formatNumber(coverage.medianN, "fr")})`
        : ""),
    bestPairs: "Les cinq meilleures paires",
    pair: (clientele, need, score) => `${clientele} × ${need}${NBSP}: ${score}`,
    selectPair: (clientele, need) => `Sélectionner la case ${clientele} × ${need} dans la matrice`,
    weights: "Poids",
    weightPerception: "Poids de la perception",
    weightImpact: "Poids de l'impact",
    weightHint: `De 0 à 5${NBSP}; la matrice suit aussitôt.`,
    segments: (segments, ready) =>
      segments === 0
        ? "Aucun segment"
        : `${counted(segments, "fr", "segment", "segments")}, ${counted(ready, "fr", "prêt", "prêts")} selon la check-list`,
    segmentEvidence: ({ segment, rated, backed }) =>
      rated === 0
        ? `${segment}${NBSP}: aucune paire notée`
        : `${segment}${NBSP}: ${backed} sur ${counted(rated, "fr", "paire notée appuyée", "paires notées appuyées")} par des réponses`,
    suggestedK: (k) =>
      `Découpage suggéré${NBSP}: ${k} segments, car c'est en ${k} groupes que les clientèles aux besoins proches se distinguent le plus nettement les unes des autres.`,
    segmentsAbsent: "Pas encore de segments dans ce classeur.",
    targeting: (targets) =>
      targets === 0
        ? "Aucune paire prestation × segment choisie"
        : counted(targets, "fr", "paire prestation × segment", "paires prestation × segment"),
    strategy: (strategy) =>
      `Stratégie${NBSP}: ${STRATEGIES[strategy].fr} — ${strategySentence(strategy, "fr")}`,
    conquest: (order) => `Ordre de conquête${NBSP}: ${order.join(" → ")}`,
    targetingAbsent: "Pas encore de ciblage dans ce classeur.",
    suggestedConquest: `Ordre de conquête suggéré par la méthode${NBSP}:`,
    methodWarnings: `Avertissements de la méthode${NBSP}:`,
    noMethodWarning: "Aucun avertissement de la méthode.",
    quantificationMismatches: `Check-list et chiffres en désaccord${NBSP}:`,
  },
  next: {
    prefix: `Prochaine étape${NBSP}:`,
    lists: "tapez vos clientèles et vos besoins, puis construisez le classeur.",
    ticks: (sheet) =>
      `dans ${q(sheet)}, tapez X là où la clientèle ressent réellement le besoin, puis ${q("Actualiser")}.`,
    rows: (count) =>
      `${q("Actualiser")} pour créer ${count <= 1 ? "la ligne" : `les ${count} lignes`} d'évaluation des nouvelles paires cochées.`,
    ratings: (sheet, unrated) =>
      `dans ${q(sheet)}, notez ${counted(unrated, "fr", "paire", "paires")} (perception et impact)${NBSP}; la matrice suit aussitôt.`,
    matrix: (sheet) =>
      `lisez la matrice dans ${q(sheet)}${NBSP}: les paires vertes sont les plus intéressantes.`,
    segments:
      "Rapprochez les clientèles aux profils voisins et formez des segments, puis passez-les à la check-list.",
    checklist: (sheet) =>
      `dans ${q(sheet)}, complétez chaque segment (taille, fréquence, panier…), puis cochez sa check-list.`,
    targeting: "choisissez les paires prestation × segment et l'ordre de conquête.",
    done: `toutes les étapes sont faites${NBSP}: relisez la matrice et le ciblage avec votre client.`,
  },
  confirmDrop: {
    title: "Avant de reconstruire",
    summary: (c, n, pairs, rated) => {
      const parts = [
        c > 0 ? `${counted(c, "fr", "clientèle retirée", "clientèles retirées")}` : "",
        n > 0 ? `${counted(n, "fr", "besoin retiré", "besoins retirés")}` : "",
      ].filter((part) => part !== "");
      const lost = `${counted(pairs, "fr", "paire cochée perdue", "paires cochées perdues")}, dont ${counted(rated, "fr", "notée", "notées")}`;
      return `${parts.join(", ")}${NBSP}: ${lost}.`;
    },
    renames: `Noms probablement corrigés${NBSP}: cochez pour garder leurs X et leurs notes.`,
    rename: (from, to) => `${q(from)} → ${q(to)}`,
    details: "Détail des retraits",
    detailsRegion: "Détail des retraits (défilable au clavier)",
    removedClienteles: "Clientèles retirées",
    removedNeeds: "Besoins retirés",
    lostPairs: "Paires perdues",
    membersLost: (members) =>
      `${counted(members, "fr", "membre de segment retiré", "membres de segments retirés")} (les segments restent, avec le reste de leur contenu).`,
    lostMembers: "Membres de segments retirés",
    keepCopy: (sheet) => `Garder une copie de la feuille ${q(sheet)} (valeurs seules)`,
    copyName: (sheet) => `${sheet} (copie)`,
    copied: (copy) => `Copie des notes gardée dans la feuille ${q(copy)}.`,
    question: `Reconstruire quand même${NBSP}?`,
    confirm: "Reconstruire",
    cancel: "Annuler",
  },
  done: {
    built: "Classeur construit",
    refreshed: "Classeur actualisé",
    ordered: "Clientèles ordonnées par profil de besoins",
    weight: `Poids enregistré${NBSP}; la matrice est à jour.`,
  },
  templateDone: (ticksSheet, firstClientele, firstNeed) =>
    `Modèle vierge créé. Dans la feuille ${q(ticksSheet)}, tapez les clientèles à partir de ${firstClientele} (vers la droite) et les besoins à partir de ${firstNeed} (vers le bas), cochez d'un X qui ressent quoi, puis ${q("Actualiser")}.`,
  workbook: {
    region: "Classeur de l'aperçu",
    tabs: "Feuilles",
    empty: `Le classeur est vide${NBSP}: construisez-le depuis le volet.`,
    tick: (clientele, need) => `${clientele} ressent ${q(need)}`,
    cell: (address) => `Cellule ${address}`,
    stale: (cell, typed, kept) =>
      `${cell}${NBSP}: ${q(typed)} n'est pas écrit, la feuille le refuse. Les chiffres calculés sont barrés${NBSP}: ils viennent encore de la valeur d'avant (${kept === "" ? "vide" : kept}). Corrigez la saisie, ou appuyez sur Échap dans la cellule pour revenir à cette valeur.`,
    staleFigure: `Pas à jour${NBSP}: calculé avant la saisie refusée ou l'erreur signalée`,
    staleSheet: `Les chiffres calculés de cette feuille sont barrés${NBSP}: une erreur dans les feuilles (voir le message du volet) empêche de les recalculer, ils datent d'avant. Ils se recalculent dès qu'elle est corrigée.`,
  },
};

const en: PaneTexts = {
  title: "Segment Matrix",
  help: "Needs-based segmentation, step by step: each step says where you are and what is left to do.",
  previewNote:
    "Preview outside Excel: the workbook beside lives in this page; tick, rate and change the weights in its cells. Nothing is saved.",
  status: {
    label: "Workbook status",
    empty: "Workbook without a Segment Matrix study.",
    template: "Blank template: type the names in the sheet, or in the pane, then Refresh.",
    unreadable: "The study's sheets have errors: see the messages.",
    study: (study) => {
      const rated = study.pairs.filter(isRated).length;
      return `${counted(study.clienteles.length, "en", "customer group", "customer groups")} × ${counted(study.needs.length, "en", "need", "needs")} · ${study.pairs.length} X · ${counted(rated, "en", "rated pair", "rated pairs")}`;
    },
  },
  clienteles: { label: "Clientèles (one per line)", placeholder: "Students\nResearchers\n…" },
  needs: { label: "Needs (one per line)", placeholder: "Find funding\nFind premises\n…" },
  listCount: (list, count) =>
    list === "clienteles"
      ? counted(count, "en", "customer group", "customer groups")
      : counted(count, "en", "need", "needs"),
  takeSelection: "Use the selection",
  takeSelectionFor: (listLabel) => `Use the selection for: ${listLabel}`,
  emptySelection: "No non-empty cell is selected: select the names in the sheet, then try again.",
  build: "Build the workbook",
  rebuild: "Rebuild with these lists",
  editLists: "Edit the lists",
  buildNeedsLists: "Type at least one clientèle and one need to build the workbook.",
  refresh: "Refresh from the sheets",
  template: "Blank template",
  order: "Order by need profile",
  exportPicture: "Export the matrix picture",
  exported: (fileName) => `Matrix picture saved: ${fileName}.`,
  exportClient: "Export the client workbook",
  clientOpened: (sheets) =>
    `Client workbook opened in a new Excel window (${sheets.join(", ")}): colours fixed in the cells, no formulas or lists. Save it to send it.`,
  clientSaved: (fileName, sheets) =>
    `Client workbook saved: ${fileName} (${sheets.join(", ")}); colours fixed in the cells, no formulas or lists.`,
  exportDeck: "Export the deck (PowerPoint)",
  deckSaved: (fileName, slides) =>
    `Deck saved: ${fileName} (${slides} slides, tables editable in PowerPoint).`,
  pdfNote:
    "For a PDF: in the client workbook, File › Export › Create PDF (one landscape page per sheet).",
  exportRangeImage: "Matrix picture as Excel shows it (PNG)",
  rangeImageSaved: (fileName) => `Matrix picture, as Excel shows it, saved: ${fileName}.`,
  segmentCount: "Number of segments",
  segmentCountInvalid:
    "Type a whole number of segments, 1 or more, or leave it empty to order only.",
  replaceSegments: (count) =>
    count === 1
      ? "Replace the existing segment by the candidate segments (its figures, checklist and targeting will be lost)"
      : `Replace the ${count} existing segments by the candidate segments (their figures, checklists and targeting will be lost)`,
  notInThisVersion: "This action is not part of this version of the add-in yet.",
  mainActions: "Actions",
  busy: "Working…",
  loading: "Reading the workbook…",
  progress: (done, total, sheet) =>
    sheet
      ? `Writing the ${qe(sheet)} sheet (${done + 1} of ${total})…`
      : `${total} sheets written.`,
  cannotBuild: "Segment Matrix cannot build the workbook here.",
  unexpected: "Something unexpected went wrong:",
  refused: "Nothing was changed:",
  failed: {
    read: "Reading the workbook failed:",
    render: "Writing the sheets failed:",
    selection: "Reading the selection failed:",
    navigate: "Showing the sheet failed:",
    write: "Writing the cell failed:",
    copy: "Copying the sheet failed:",
    export: "The export failed:",
  },
  excelLocation: (location) => `(Excel call that failed: ${location})`,
  messages: "Messages",
  showList: (count) => `Show the list (${count})`,
  hideList: "Hide the list",
  listOf: "Details",
  steps: {
    heading: "The steps of the method",
    statusLabel: (status) => `Status: ${statusWord(status, "en")}`,
    titles: {
      lists: "Clientèles and needs",
      ticks: "Who feels what",
      ratings: "Ratings",
      matrix: "Matrix",
      segments: "Segments",
      targeting: "Targeting",
    },
    explanations: {
      lists:
        "Clientèles across, needs down, starting from problems rather than demographic criteria.",
      ticks: `For each cell: "Does this clientèle really feel this need?" An X where it does.`,
      ratings: `Each ticked pair gets how aware the clientèle is of the need (${span(PERCEPTION, "to")}) and how much solving it matters (${span(IMPACT, "to")}).`,
      matrix: `Perception and impact, weighted, give a score from ${SCORE_MIN} to ${SCORE_SCALE}, dark orange to dark green: the green pairs are the most interesting.`,
      segments:
        "Bring together clientèles with similar need profiles, cut them into segments, then check each one against the checklist.",
      targeting:
        "Choose the offering × segment pairs to serve (the strategy follows) and the order in which to win the segments.",
    },
    openSheet: "Open the sheet",
    openSheetFor: (sheet) => `Open the sheet ${qe(sheet)}`,
    noSheet: "No sheet for it in this workbook yet.",
    lists: (c, n) =>
      `${counted(c, "en", "customer group", "customer groups")} × ${counted(n, "en", "need", "needs")}`,
    ticks: (ticks) => (ticks === 0 ? "No X yet" : `${ticks} X`),
    without: (c, n) =>
      [
        c > 0 ? counted(c, "en", "customer group", "customer groups") : "",
        n > 0 ? counted(n, "en", "need", "needs") : "",
      ]
        .filter((part) => part !== "")
        .join(" and ") + " without an X",
    withoutList: "Without an X",
    ratings: (rated, ticked) =>
      ticked === 0
        ? "No ticked pair"
        : `${rated} of ${counted(ticked, "en", "pair", "pairs")} rated · ${ticked - rated} left to rate`,
    rowsMissing: (count) =>
      `${counted(count, "en", "ticked pair has", "ticked pairs have")} no row yet: "Refresh" adds ${count === 1 ? "it" : "them"}.`,
    matrixEmpty: "No score yet: rate some pairs.",
    evidence: (coverage) =>
      `${backedPercent(coverage)}% of rated pairs backed by responses` +
      (coverage.medianN !== undefined
        ? ` (median n = ${formatNumber(coverage.medianN, "en")})`
        : ""),
    bestPairs: "The five best pairs",
    pair: (clientele, need, score) => `${clientele} × ${need}: ${score}`,
    selectPair: (clientele, need) => `Select the ${clientele} × ${need} cell in the matrix`,
    weights: "Weights",
    weightPerception: "Weight of perception",
    weightImpact: "Weight of impact",
    weightHint: "From 0 to 5; the matrix follows at once.",
    segments: (segments, ready) =>
      segments === 0
        ? "No segment"
        : `${counted(segments, "en", "segment", "segments")}, ${ready} ready per the checklist`,
    segmentEvidence: ({ segment, rated, backed }) =>
      rated === 0
        ? `${segment}: no rated pair`
        : `${segment}: ${backed} of ${counted(rated, "en", "rated pair", "rated pairs")} backed by responses`,
    suggestedK: (k) =>
      `Suggested cut: ${k} segments, because ${k} groups is where customer groups with similar needs stand apart most clearly from the others.`,
    segmentsAbsent: "No segments in this workbook yet.",
    targeting: (targets) =>
      targets === 0
        ? "No offering × segment pair chosen"
        : counted(targets, "en", "offering × segment pair", "offering × segment pairs"),
    strategy: (strategy) =>
      `Strategy: ${STRATEGIES[strategy].en} — ${strategySentence(strategy, "en")}`,
    conquest: (order) => `Conquest order: ${order.join(" → ")}`,
    targetingAbsent: "No targeting in this workbook yet.",
    suggestedConquest: "The method's suggested conquest order:",
    methodWarnings: "The method's warnings:",
    noMethodWarning: "No warning from the method.",
    quantificationMismatches: "Checklist and figures that disagree:",
  },
  next: {
    prefix: "Next step:",
    lists: "type your clientèles and needs, then build the workbook.",
    ticks: (sheet) =>
      `in ${qe(sheet)}, type X where the clientèle really feels the need, then "Refresh".`,
    rows: (count) =>
      `"Refresh" to create the rating ${count === 1 ? "row" : `rows (${count})`} of the newly ticked pairs.`,
    ratings: (sheet, unrated) =>
      `in ${qe(sheet)}, rate ${counted(unrated, "en", "pair", "pairs")} (perception and impact); the matrix follows at once.`,
    matrix: (sheet) => `read the matrix in ${qe(sheet)}: the green pairs are the most interesting.`,
    segments:
      "Bring together clientèles with similar profiles into segments, then check them against the checklist.",
    checklist: (sheet) =>
      `in ${qe(sheet)}, fill in each segment (size, frequency, basket…), then go through its checklist.`,
    targeting: "choose the offering × segment pairs and the conquest order.",
    done: "every step is done: go over the matrix and the targeting with your client.",
  },
  confirmDrop: {
    title: "Before rebuilding",
    summary: (c, n, pairs, rated) => {
      const parts = [
        c > 0 ? `${counted(c, "en", "clientèle removed", "clientèles removed")}` : "",
        n > 0 ? `${counted(n, "en", "need removed", "needs removed")}` : "",
      ].filter((part) => part !== "");
      return `${parts.join(", ")}: ${counted(pairs, "en", "ticked pair", "ticked pairs")} lost, ${rated} of them rated.`;
    },
    renames: "Names probably corrected: tick to keep their X's and ratings.",
    rename: (from, to) => `${qe(from)} → ${qe(to)}`,
    details: "What is removed",
    detailsRegion: "What is removed (scrolls with the keyboard)",
    removedClienteles: "Clientèles removed",
    removedNeeds: "Needs removed",
    lostPairs: "Pairs lost",
    membersLost: (members) =>
      `${counted(members, "en", "member of a segment removed", "members of segments removed")} (the segments stay, with the rest of their content).`,
    lostMembers: "Members of segments removed",
    keepCopy: (sheet) => `Keep a copy of the ${qe(sheet)} sheet (values only)`,
    copyName: (sheet) => `${sheet} (copy)`,
    copied: (copy) => `A copy of the ratings was kept in the ${qe(copy)} sheet.`,
    question: "Rebuild anyway?",
    confirm: "Rebuild",
    cancel: "Cancel",
  },
  done: {
    built: "Workbook built",
    refreshed: "Workbook refreshed",
    ordered: "Clientèles ordered by need profile",
    weight: "Weight saved; the matrix is up to date.",
  },
  templateDone: (ticksSheet, firstClientele, firstNeed) =>
    `Blank template created. In the "${ticksSheet}" sheet, type the clientèles from ${firstClientele} (rightwards) and the needs from ${firstNeed} (downwards), tick with an X who feels what, then "Refresh".`,
  workbook: {
    region: "Preview workbook",
    tabs: "Sheets",
    empty: "The workbook is empty: build it from the pane.",
    tick: (clientele, need) => `${clientele} feels ${qe(need)}`,
    cell: (address) => `Cell ${address}`,
    stale: (cell, typed, kept) =>
      `${cell}: ${qe(typed)} is not written, the sheet refuses it. The computed figures are struck out: they still come from the value before (${kept === "" ? "empty" : kept}). Correct what you typed, or press Esc in the cell to go back to that value.`,
    staleFigure: "Out of date: computed before the refused entry or the error reported",
    staleSheet:
      "This sheet's computed figures are struck out: an error in the sheets (see the pane's message) stops them from being recalculated, they date from before. They are recalculated as soon as it is corrected.",
  },
};

export function paneTexts(language: Language): PaneTexts {
  return language === "fr" ? fr : en;
}

/** French typography for texts made elsewhere (problem messages): same spaces as above. */
export function frenchSpacing(text: string): string {
  return text.replace(/« /g, `«${NBSP}`).replace(/ (»|:|;|\?|!)/g, `${NBSP}$1`);
}

/** "13 clientèles × 13 besoins, 47 paires cochées dont 47 notées : classeur construit." */
export function studySummary(study: Study, language: Language, done: string): string {
  const rated = study.pairs.filter(isRated).length;
  const ticked = study.pairs.length;
  if (language === "fr") {
    const clienteles = counted(study.clienteles.length, "fr", "clientèle", "clientèles");
    const needs = counted(study.needs.length, "fr", "besoin", "besoins");
    const pairs = counted(ticked, "fr", "paire cochée", "paires cochées");
    const ratedText = rated <= 1 ? "notée" : "notées";
    return `${done}${NBSP}: ${clienteles} × ${needs}, ${pairs} dont ${rated} ${ratedText}.`;
  }
  const clienteles = counted(study.clienteles.length, "en", "customer group", "customer groups");
  const needs = counted(study.needs.length, "en", "need", "needs");
  const pairs = counted(ticked, "en", "ticked pair", "ticked pairs");
  return `${done}: ${clienteles} × ${needs}, ${pairs}, ${rated} rated.`;
}
