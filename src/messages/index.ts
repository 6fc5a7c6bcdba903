/**
 * The catalogue of messages, split by who raises them. Every message is a named function returning
 * a ProblemOf<its code>; `ProblemCode` is the union of those codes, derived here from the functions
 * themselves (a code added to a function is in the union, with nothing else to edit). A function
 * whose parameters name a problem takes `ProblemOf<string>` or a code as `string`, so that the
 * derivation never refers to itself.
 */
import type { ProblemOf } from "./problem";
import type * as advice from "./advice";
import type * as checks from "./checks";
import type * as excel from "./excel";
import type * as deliverables from "./exports";
import type * as files from "./files";
import type * as fragments from "./fragments";
import type * as ordering from "./ordering";
import type * as pane from "./pane";
import type * as responses from "./responses";
import type * as rfm from "./rfm";
import type * as sheets from "./sheets";
import type * as study from "./study";

/** The code of what a function returns, when it returns a problem. */
type CodeOf<F> = F extends (...args: never) => infer R
  ? R extends ProblemOf<infer Code>
    ? Code
    : never
  : never;
/** The codes of every problem a module makes. */
type CodesOf<Module> = { [Name in keyof Module]: CodeOf<Module[Name]> }[keyof Module];

/** Every stable code of the product's messages. */
export type ProblemCode =
  | CodesOf<typeof advice>
  | CodesOf<typeof checks>
  | CodesOf<typeof excel>
  | CodesOf<typeof deliverables>
  | CodesOf<typeof files>
  | CodesOf<typeof fragments>
  | CodesOf<typeof ordering>
  | CodesOf<typeof pane>
  | CodesOf<typeof responses>
  | CodesOf<typeof rfm>
  | CodesOf<typeof sheets>
  | CodesOf<typeof study>;

export * from "./problem";
// The builders stay inside the folder: nothing else makes a problem.
export type { ListField } from "./shared";
export * from "./advice";
export * from "./checks";
export * from "./excel";
export * from "./exports";
export * from "./files";
export * from "./fragments";
export * from "./ordering";
export * from "./pane";
export * from "./responses";
export * from "./rfm";
export * from "./sheets";
export * from "./study";
