/**
 * Lists of names (clientèles, needs, offerings, segments): each name good and none twice (case,
 * normal form and surrounding spaces ignored), a kind from the method's list when one is given.
 * The study file walks its arrays, the tick table its headers, the segments sheet its columns: all
 * through one NameList.
 */
import { Bilingual, Kind, findKind } from "../levels";
import * as msg from "../../messages";
import { ListField } from "../../messages";
import { Location, Problem } from "../../messages";
import { nameKey } from "../study";
import { placeName } from "./locate";
import { nameFault } from "./text";

/** The list a name belongs to, as messages name it. */
export type NamedList = ListField | "segments";

function badName(list: NamedList, at: Location, fault: Bilingual): Problem {
  return list === "segments" ? msg.segmentBadName(at, fault) : msg.nameBad(list, at, fault);
}

function duplicate(list: NamedList, at: Location, name: string, first: string): Problem {
  return list === "segments"
    ? msg.segmentDuplicate(at, name, first)
    : msg.nameDuplicate(list, at, name, first);
}

/** The names of one list, checked in order: the first of two same names is the one kept. */
export class NameList {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly list: NamedList,
    private readonly problems: Problem[]
  ) {}

  /**
   * The name trimmed when it is good and new, else undefined (the problem says why). `ref` is how a
   * later duplicate refers to this one: by default its cell or field.
   */
  add(raw: string, at: Location, ref: string = placeName(at)): string | undefined {
    const name = this.check(raw, at);
    return name !== undefined && this.keep(name, at, ref) ? name : undefined;
  }

  /** The name trimmed when a cell can hold it as a name, else undefined (said). */
  check(raw: string, at: Location): string | undefined {
    const fault = nameFault(raw);
    if (fault) {
      this.problems.push(badName(this.list, at, fault));
      return undefined;
    }
    return raw.trim();
  }

  /** Whether a checked name is new to the list (else said); a new one is remembered. */
  keep(name: string, at: Location, ref: string = placeName(at)): boolean {
    const first = this.seen.get(nameKey(name));
    if (first !== undefined) {
      this.problems.push(duplicate(this.list, at, name, first));
      return false;
    }
    this.seen.set(nameKey(name), ref);
    return true;
  }
}

/**
 * The canonical kind of a clientèle or need named `name`. `text` is undefined when what was given
 * is not a text; `shown` is how it was given. Null when blank (no kind), undefined when it is not one
 * of `kinds` (the problem says which are).
 */
export function itemKind(
  list: "clienteles" | "needs",
  text: string | undefined,
  shown: string,
  at: Location,
  name: string,
  kinds: readonly Kind[],
  problems: Problem[]
): string | null | undefined {
  if (text !== undefined && text.trim() === "") return null;
  const kind = text === undefined ? undefined : findKind(kinds, text);
  if (kind) return kind.canonical;
  problems.push(msg.kindUnknown(list, at, shown, name, kinds));
  return undefined;
}

/** Each name of a checked list by its key: how a reference to it is resolved. */
export function byKey(names: Iterable<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of names) map.set(nameKey(name), name);
  return map;
}
