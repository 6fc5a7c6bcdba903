/** Every text the task pane shows, in French (first) and English. Workbook texts are in workbook.ts. */
import { Language } from "../method/levels";
import { Study, isRated } from "../method/study";

export interface PaneTexts {
  title: string;
  help: string;
  previewNote: string;
  clienteles: { label: string; placeholder: string };
  needs: { label: string; placeholder: string };
  takeSelection: string;
  takeSelectionFor: (listLabel: string) => string;
  emptySelection: string;
  build: string;
  refresh: string;
  template: string;
  busy: string;
  loading: string;
  cannotBuild: string;
  unexpected: string;
  refused: string;
  confirmDrop: {
    title: string;
    intro: string;
    question: string;
    confirm: string;
    cancel: string;
  };
  done: { built: string; refreshed: string };
  /** Where to type in the blank template: the sheet, the first clientèle cell and the first need cell. */
  templateDone: (ticksSheet: string, firstClientele: string, firstNeed: string) => string;
}

/** French typography: a non-breaking space inside « » and before : ; ? ! keeps them on their line. */
const NBSP = "\u00a0";
const q = (text: string): string => `«${NBSP}${text}${NBSP}»`;

const fr: PaneTexts = {
  title: "Segment Matrix",
  help:
    `Tapez ou collez vos clientèles et vos besoins (un par ligne), puis ${q("Construire le classeur")}. ` +
    `Cochez ensuite d'un X qui ressent quoi et notez les paires dans le classeur${NBSP}; ` +
    `${q("Actualiser")} reprend ce que vous y avez saisi.`,
  previewNote: `Aperçu hors d'Excel${NBSP}: rien n'est écrit dans un classeur, le résultat reste dans cette page.`,
  clienteles: { label: "Clientèles (une par ligne)", placeholder: "Étudiants\nChercheurs\n…" },
  needs: {
    label: "Besoins (un par ligne)",
    placeholder: "Trouver un financement\nAccéder à des locaux\n…",
  },
  takeSelection: "Prendre la sélection",
  takeSelectionFor: (listLabel) => `Prendre la sélection pour${NBSP}: ${listLabel}`,
  emptySelection: `Aucune cellule non vide n'est sélectionnée${NBSP}: sélectionnez les noms dans la feuille, puis recommencez.`,
  build: "Construire le classeur",
  refresh: "Actualiser depuis les feuilles",
  template: "Modèle vierge",
  busy: "Travail en cours…",
  loading: "Lecture du classeur…",
  cannotBuild: "Segment Matrix ne peut pas construire le classeur ici.",
  unexpected: `Une erreur inattendue s'est produite${NBSP}:`,
  refused: `Rien n'a été modifié${NBSP}:`,
  confirmDrop: {
    title: "Des paires vont être retirées",
    intro: `Ces paires concernent des noms qui ne sont plus dans vos listes${NBSP}:`,
    question: `Construire quand même${NBSP}? Leurs notes seront perdues.`,
    confirm: "Construire quand même",
    cancel: "Annuler",
  },
  done: { built: "classeur construit", refreshed: "classeur actualisé" },
  templateDone: (ticksSheet, firstClientele, firstNeed) =>
    `Modèle vierge créé. Dans la feuille ${q(ticksSheet)}, tapez les clientèles à partir de ${firstClientele} (vers la droite) et les besoins à partir de ${firstNeed} (vers le bas), cochez d'un X qui ressent quoi, puis ${q("Actualiser")}.`,
};

const en: PaneTexts = {
  title: "Segment Matrix",
  help:
    'Type or paste your clientèles and needs (one per line), then "Build the workbook". ' +
    "Then tick with an X who feels what and rate the pairs in the workbook; " +
    '"Refresh" takes in what you entered there.',
  previewNote:
    "Preview outside Excel: nothing is written to a workbook, the result stays in this page.",
  clienteles: { label: "Clientèles (one per line)", placeholder: "Students\nResearchers\n…" },
  needs: { label: "Needs (one per line)", placeholder: "Find funding\nFind premises\n…" },
  takeSelection: "Use the selection",
  takeSelectionFor: (listLabel) => `Use the selection for: ${listLabel}`,
  emptySelection: "No non-empty cell is selected: select the names in the sheet, then try again.",
  build: "Build the workbook",
  refresh: "Refresh from the sheets",
  template: "Blank template",
  busy: "Working…",
  loading: "Reading the workbook…",
  cannotBuild: "Segment Matrix cannot build the workbook here.",
  unexpected: "Something unexpected went wrong:",
  refused: "Nothing was changed:",
  confirmDrop: {
    title: "Some pairs will be dropped",
    intro: "These pairs involve names that are no longer in your lists:",
    question: "Build anyway? Their ratings will be lost.",
    confirm: "Build anyway",
    cancel: "Cancel",
  },
  done: { built: "workbook built", refreshed: "workbook refreshed" },
  templateDone: (ticksSheet, firstClientele, firstNeed) =>
    `Blank template created. In the "${ticksSheet}" sheet, type the clientèles from ${firstClientele} (rightwards) and the needs from ${firstNeed} (downwards), tick with an X who feels what, then "Refresh".`,
};

export function paneTexts(language: Language): PaneTexts {
  return language === "fr" ? fr : en;
}

/** French typography for texts made elsewhere (problem messages): same spaces as above. */
export function frenchSpacing(text: string): string {
  return text.replace(/« /g, `«${NBSP}`).replace(/ (»|:|;|\?|!)/g, `${NBSP}$1`);
}

/** French counts 0 and 1 in the singular; English only 1. */
function counted(count: number, language: Language, singular: string, plural: string): string {
  const one = language === "fr" ? count <= 1 : count === 1;
  return `${count} ${one ? singular : plural}`;
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
    return `${clienteles} × ${needs}, ${pairs} dont ${rated} ${ratedText}${NBSP}: ${done}.`;
  }
  const clienteles = counted(study.clienteles.length, "en", "clientèle", "clientèles");
  const needs = counted(study.needs.length, "en", "need", "needs");
  const pairs = counted(ticked, "en", "ticked pair", "ticked pairs");
  return `${clienteles} × ${needs}, ${pairs}, ${rated} rated: ${done}.`;
}
