/**
 * The two lists as the consultant types them, checked as they are typed: the names, their count, the
 * problems to show on the field (empty list, duplicate, a name a cell cannot hold) and hints (a list
 * far longer than the method's). Pure; the same validator as a build.
 */
import * as msg from "../messages";
import { Problem } from "../messages";
import { validateStudy } from "../method/validate";
import { TypedList, parseNameList, relabel } from "./operations";

export interface ListCheck {
  names: string[];
  /** Errors: a build of these lists is refused until they are fixed. */
  errors: Problem[];
  /** Said, not refused. */
  hints: Problem[];
}

/** Past this many names, a list is said to be long (the method's tables have about a dozen). */
export const READABLE_LIST = 40;

export function checkLists(texts: Record<TypedList, string>): Record<TypedList, ListCheck> {
  const names = {
    clienteles: parseNameList(texts.clienteles),
    needs: parseNameList(texts.needs),
  };
  const { listProblems } = relabel(
    validateStudy({ clienteles: names.clienteles, needs: names.needs, pairs: [] }).problems
  );
  const check = (list: TypedList): ListCheck => ({
    names: names[list],
    errors: listProblems[list].filter((p) => p.severity === "error"),
    hints: [
      ...listProblems[list].filter((p) => p.severity !== "error"),
      ...(names[list].length > READABLE_LIST
        ? [msg.longList(list, names[list].length, READABLE_LIST)]
        : []),
    ],
  });
  return { clienteles: check("clienteles"), needs: check("needs") };
}
