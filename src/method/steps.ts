/**
 * The method's steps in the order the pane walks them (docs/method.md): the lists, the ticks, the
 * ratings, the matrix, the segments, the targeting. Here, below the pane's texts and its logic, so
 * that both name them without the texts importing the application.
 */
export type StepId = "lists" | "ticks" | "ratings" | "matrix" | "segments" | "targeting";

export const STEP_IDS: readonly StepId[] = [
  "lists",
  "ticks",
  "ratings",
  "matrix",
  "segments",
  "targeting",
];
