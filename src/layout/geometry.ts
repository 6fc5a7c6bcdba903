/**
 * Where things sit on each sheet. The reader finds sheets through defined names, and the
 * cells around an anchor through these offsets, so moving a block is a change here only.
 */

/** Tick table and score matrix share one geometry, so the same pair sits at the same address. */
export const GRID = {
  titleRow: 1,
  instructionsRow: 2,
  helpRow: 3,
  typeRow: 4,
  headerRow: 5,
  firstRow: 6,
  nameCol: 1,
  typeCol: 2,
  firstCol: 3,
} as const;

export const RATINGS = {
  titleRow: 1,
  instructionsRow: 2,
  headerRow: 4,
  firstRow: 5,
  cols: { clientele: 1, need: 2, perception: 3, impact: 4, competition: 5, score: 6, comment: 7 },
  /** Rows past the table that lookups, names and dropdowns still cover, for rows added by hand. */
  spareRows: 500,
} as const;

export const SETTINGS = {
  titleRow: 1,
  createdByRow: 2,
  studyTitle: { row: 4, col: 2 },
  language: { row: 5, col: 2 },
  weightsRow: 7,
  weightPerception: { row: 8, col: 2 },
  weightImpact: { row: 9, col: 2 },
  weightHelpRow: 10,
  scoreHelpRow: 11,
  perceptionRow: 13,
  impactRow: 19,
  competitionRow: 25,
  clienteleTypesRow: 32,
  needTypesRow: 38,
  coloursRow: 42,
} as const;

/** Room in a blank template for names typed by hand. */
export const TEMPLATE_CAPACITY = { clienteles: 30, needs: 60 } as const;

/** Defined names: the stable contract with other tools (and the add-in's way to find its sheets). */
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
} as const;

export const RATINGS_TABLE = "SM_Ratings";

/** Every name the add-in owns starts with this; it never touches other names. */
export const NAME_PREFIX = "SM_";
