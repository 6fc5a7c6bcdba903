/** Defined names: the stable contract with other tools, and the add-in's way to find its sheets. */
export const NAMES = {
  matrix: "SM_Matrix",
  matrixClienteles: "SM_MatrixClienteles",
  matrixNeeds: "SM_MatrixNeeds",
  ticks: "SM_Ticks",
  weightPerception: "SM_WeightPerception",
  weightImpact: "SM_WeightImpact",
  title: "SM_Title",
  language: "SM_Language",
  perceptionLevels: "SM_PerceptionLevels",
  impactLevels: "SM_ImpactLevels",
  competitionLevels: "SM_CompetitionLevels",
  clienteleTypes: "SM_ClienteleTypes",
  needTypes: "SM_NeedTypes",
  ratingClienteles: "SM_RatingClienteles",
  ratingNeeds: "SM_RatingNeeds",
  ratingPerceptions: "SM_RatingPerceptions",
  ratingImpacts: "SM_RatingImpacts",
  ratingCompetitions: "SM_RatingCompetitions",
  /** The score column of the ratings, with the rows under the table. */
  ratingScores: "SM_RatingScores",
  /** Hidden: each ratings row's matrix cell as a number (see ratingRowKeyFormula). */
  ratingKeys: "SM_RatingKeys",
  segmentNames: "SM_SegmentNames",
  segmentSize: "SM_SegmentSize",
  segmentFrequency: "SM_SegmentFrequency",
  segmentBasket: "SM_SegmentBasket",
  /**
   * Under the basket: where the size, frequency and basket come from when the customers' data gave
   * them (a live text that stops naming the data once a figure is typed over).
   */
  segmentSource: "SM_SegmentSource",
  segmentPotential: "SM_SegmentPotential",
  segmentMeanScore: "SM_SegmentMeanScore",
  /** The mean competition (0–4) of each segment's ticked pairs that have a level. */
  segmentCompetition: "SM_SegmentCompetition",
  segmentChecklistOk: "SM_SegmentChecklistOk",
  /** The population each segment is trimmed from (docs/method.md §1), one row. */
  segmentPopulation: "SM_SegmentPopulation",
  /** The trimming steps under it: per step, family, criterion, share kept and what remains. */
  segmentTrims: "SM_SegmentTrims",
  /** The diagnostic sheet: the study's PESTEL (one column), the segments' SWOT and risks. */
  pestel: "SM_Pestel",
  swot: "SM_Swot",
  segmentClienteles: "SM_SegmentClienteles",
  segmentNeeds: "SM_SegmentNeeds",
  segmentOfferings: "SM_SegmentOfferings",
  offerings: "SM_Offerings",
  checklist: "SM_Checklist",
  targets: "SM_Targets",
  targetStrategy: "SM_TargetStrategy",
  conquest: "SM_Conquest",
  segmentPlans: "SM_SegmentPlans",
  segmentTypes: "SM_SegmentTypes",
  checklistStatuses: "SM_ChecklistStatuses",
  strategyLabels: "SM_StrategyLabels",
  strategyExplanations: "SM_StrategyExplanations",
  palette: "SM_Palette",
  /** The study's organisation and currency, which only the deliverables show. */
  organisation: "SM_Organisation",
  currency: "SM_Currency",
  /** Only in a client export: says the workbook is a deliverable, not a study to read back. */
  clientExport: "SM_ClientExport",
} as const;

export const RATINGS_TABLE = "SM_Ratings";

/**
 * The table of the *Réponses* sheet (layout/sheets/responses.ts): how the pane finds the consultant's
 * responses wherever the sheet is and whatever it is called. Not the add-in's to manage: the sheet
 * holding it is the consultant's, never replaced nor read as part of the study.
 */
export const RESPONSES_TABLE = "SM_Responses";

/** Every name the add-in owns starts with this; it never touches other names. */
export const NAME_PREFIX = "SM_";
