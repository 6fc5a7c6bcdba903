import {
  CLIENTELE_TYPES,
  Kind,
  LANGUAGES,
  Language,
  NEED_TYPES,
  SCALES,
  findKind,
  levelRange,
} from "./levels";
import { checkEvidence } from "./evidence";
import * as msg from "./messages";
import { PaletteName, isPaletteName } from "./colour";
import { ListField } from "./messages";
import { Location, Problem, Severity, hasErrors } from "./problems";
import {
  CHECKLIST_ITEMS,
  CHECKLIST_STATUSES,
  ChecklistStatus,
  GROWTH_LEVERS,
  GrowthLever,
  SEGMENT_FIGURES,
  SEGMENT_TYPES,
  findSegmentType,
  findStatus,
} from "./segments";
import {
  CELL_TEXT_MAX,
  DEFAULT_WEIGHTS,
  Item,
  NAME_MAX_LENGTH,
  Pair,
  Segment,
  Study,
  Target,
  WEIGHT_MAX,
  WEIGHT_MIN,
  Weights,
  emptySegment,
  nameKey,
  pairKey,
} from "./study";

export interface StudyResult {
  /** Present when there is no error; warnings may still be there. */
  study?: Study;
  problems: Problem[];
}

export interface ValidateOptions {
  /**
   * What to do with pairs naming a clientèle or need that is not in the lists: "refuse" (an error
   * each: a typo in a file must not cost ratings) or "drop" (a warning each, where the consultant
   * has already agreed, as the pane's confirmation does).
   */
  orphans?: "refuse" | "drop";
}

const KNOWN_FIELDS = [
  "title",
  "language",
  "clienteles",
  "needs",
  "pairs",
  "weights",
  "offerings",
  "segments",
  "targets",
  "conquest",
  "palette",
];
const PAIR_FIELDS = [
  "clientele",
  "need",
  "perception",
  "impact",
  "competition",
  "comment",
  "evidence",
];
const SEGMENT_FIELDS = [
  "name",
  "type",
  "clienteles",
  "needs",
  "offerings",
  "channels",
  "zones",
  "successFactors",
  "attributes",
  "personas",
  "size",
  "frequency",
  "basket",
  "checklist",
  "plans",
];
/** Free texts of a segment, one cell each in the workbook. */
const SEGMENT_TEXT_LISTS = [
  "channels",
  "zones",
  "successFactors",
  "attributes",
  "personas",
] as const;

/**
 * Checks a study read from JSON (or built by the pane) and returns it normalised: names trimmed,
 * kinds canonical, default weights filled in. Each fault gets its own message naming the field.
 */
export function validateStudy(
  input: unknown,
  file?: string,
  options: ValidateOptions = {}
): StudyResult {
  const problems: Problem[] = [];
  const at = (field: string): Location => ({ file, field });

  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    problems.push(msg.studyNotObject(file));
    return { problems };
  }
  const raw = input as Record<string, unknown>;

  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.includes(key)) problems.push(msg.unknownField(at(key), KNOWN_FIELDS));
  }

  let title: string | undefined;
  if (raw.title !== undefined && raw.title !== null) {
    if (typeof raw.title !== "string") {
      problems.push(msg.titleNotText(at("title")));
    } else {
      const fault = textFault(raw.title);
      if (fault) problems.push(msg.titleBadCharacter(at("title"), fault));
      else if (raw.title.trim() !== "") title = raw.title.trim();
    }
  }

  let language: Language = "fr";
  if (raw.language !== undefined && raw.language !== null) {
    if (
      typeof raw.language === "string" &&
      (LANGUAGES as readonly string[]).includes(raw.language.trim().toLowerCase())
    ) {
      language = raw.language.trim().toLowerCase() as Language;
    } else {
      problems.push(msg.studyLanguageUnknown(at("language"), String(raw.language)));
    }
  }

  // "default" is the same as no palette: a study reads back the same either way.
  let palette: PaletteName | undefined;
  if (raw.palette !== undefined && raw.palette !== null) {
    const shown = typeof raw.palette === "string" ? raw.palette.trim().toLowerCase() : "";
    if (isPaletteName(shown)) {
      if (shown !== "default") palette = shown;
    } else problems.push(msg.paletteUnknown(at("palette"), String(raw.palette)));
  }

  const clienteles = validateItems(raw.clienteles, "clienteles", CLIENTELE_TYPES, file, problems);
  const needs = validateItems(raw.needs, "needs", NEED_TYPES, file, problems);
  const weights = validateWeights(raw.weights, file, problems);
  const pairs = validatePairs(
    raw.pairs,
    clienteles,
    needs,
    file,
    options.orphans === "drop" ? "warning" : "error",
    problems
  );
  const offerings =
    raw.offerings === undefined || raw.offerings === null
      ? undefined
      : validateNames(raw.offerings, "offerings", file, problems);
  const segments =
    raw.segments === undefined || raw.segments === null
      ? undefined
      : validateSegments(
          raw.segments,
          { clienteles: clienteles ?? [], needs: needs ?? [], offerings: offerings ?? [] },
          file,
          problems
        );
  // Segments refused (each fault said above): targets and conquest naming them would be reported as
  // naming segments that "do not exist"; they are checked once the segments are right.
  const segmentsRefused = raw.segments !== undefined && raw.segments !== null && !segments;
  const targets =
    raw.targets === undefined || raw.targets === null || segmentsRefused
      ? undefined
      : validateTargets(raw.targets, segments ?? [], offerings ?? [], file, problems);
  const conquest =
    raw.conquest === undefined || raw.conquest === null || segmentsRefused
      ? undefined
      : validateConquest(raw.conquest, segments ?? [], file, problems);

  if (hasErrors(problems) || !clienteles || !needs || !pairs || !weights) return { problems };
  const study: Study = { language, clienteles, needs, pairs, weights };
  if (title !== undefined) study.title = title;
  // An empty list is no list: a study reads back the same whether the file said [] or nothing.
  if (offerings && offerings.length > 0) study.offerings = offerings;
  if (segments && segments.length > 0) study.segments = segments;
  if (targets && targets.length > 0) study.targets = targets;
  if (conquest && conquest.length > 0) study.conquest = conquest;
  if (palette) study.palette = palette;
  return { study, problems };
}

/** Why a text cannot go into a workbook cell exactly as it is, if it cannot. */
export function textFault(text: string): { fr: string; en: string } | undefined {
  if (text.length > CELL_TEXT_MAX) return msg.textTooLongFault(text.length, CELL_TEXT_MAX);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A carriage return comes back from the file as a line feed, and U+007F is dropped: refused
    // rather than changed behind the consultant's back.
    const isControl =
      (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
      code === 0x7f ||
      code === 0xfffe ||
      code === 0xffff;
    if (isControl) return msg.controlCharacterFault(code, i + 1);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) return msg.brokenUnicodeFault(i + 1);
  }
  return undefined;
}

/** Checks one name (of a clientèle, a need, an offering or a segment). */
export function nameFault(name: string): { fr: string; en: string } | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return msg.emptyNameFault();
  if (trimmed.length > NAME_MAX_LENGTH)
    return msg.nameTooLongFault(trimmed.length, NAME_MAX_LENGTH);
  return textFault(trimmed);
}

function validateItems(
  value: unknown,
  field: "clienteles" | "needs",
  kinds: readonly Kind[],
  file: string | undefined,
  problems: Problem[]
): Item[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(msg.listMissing(field, { file, field }, value !== undefined));
    return undefined;
  }
  if (value.length === 0) {
    problems.push(msg.listEmpty(field, { file, field }));
    return undefined;
  }
  const items: Item[] = [];
  const seen = new Map<string, number>();
  let ok = true;
  value.forEach((entry, index) => {
    const itemField = `${field}[${index}]`;
    let name: unknown = entry;
    let type: unknown;
    if (typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
      name = (entry as Record<string, unknown>).name;
      type = (entry as Record<string, unknown>).type;
    }
    if (typeof name !== "string") {
      problems.push(msg.itemNotText(field, { file, field: itemField }));
      ok = false;
      return;
    }
    const fault = nameFault(name);
    if (fault) {
      problems.push(msg.itemBadName(field, { file, field: itemField }, fault));
      ok = false;
      return;
    }
    const trimmed = name.trim();
    const key = nameKey(trimmed);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(msg.itemDuplicate(field, { file, field: itemField }, trimmed, first));
      ok = false;
      return;
    }
    seen.set(key, index);
    const item: Item = { name: trimmed };
    if (type !== undefined && type !== null && !(typeof type === "string" && type.trim() === "")) {
      const kind = typeof type === "string" ? findKind(kinds, type) : undefined;
      if (!kind) {
        problems.push(
          msg.itemTypeUnknown(
            field,
            { file, field: `${itemField}.type` },
            String(type),
            trimmed,
            kinds
          )
        );
        ok = false;
        return;
      }
      item.type = kind.canonical;
    }
    items.push(item);
  });
  return ok ? items : undefined;
}

/** A plain list of names (offerings): same rules as clientèles, without kinds. */
function validateNames(
  value: unknown,
  field: ListField,
  file: string | undefined,
  problems: Problem[]
): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(msg.listMissing(field, { file, field }, true));
    return undefined;
  }
  const names: string[] = [];
  const seen = new Map<string, number>();
  let ok = true;
  value.forEach((entry, index) => {
    const location = { file, field: `${field}[${index}]` };
    const name: unknown =
      typeof entry === "object" && entry !== null && !Array.isArray(entry)
        ? (entry as Record<string, unknown>).name
        : entry;
    if (typeof name !== "string") {
      problems.push(msg.itemNotText(field, location));
      ok = false;
      return;
    }
    const fault = nameFault(name);
    if (fault) {
      problems.push(msg.itemBadName(field, location, fault));
      ok = false;
      return;
    }
    const trimmed = name.trim();
    const first = seen.get(nameKey(trimmed));
    if (first !== undefined) {
      problems.push(msg.itemDuplicate(field, location, trimmed, first));
      ok = false;
      return;
    }
    seen.set(nameKey(trimmed), index);
    names.push(trimmed);
  });
  return ok ? names : undefined;
}

function validateWeights(
  value: unknown,
  file: string | undefined,
  problems: Problem[]
): Weights | undefined {
  if (value === undefined || value === null) return { ...DEFAULT_WEIGHTS };
  if (typeof value !== "object" || Array.isArray(value)) {
    problems.push(msg.weightsNotObject({ file, field: "weights" }));
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (key !== "perception" && key !== "impact")
      problems.push(msg.weightsUnknownField({ file, field: `weights.${key}` }));
  }
  for (const key of ["perception", "impact"] as const) {
    const weight = raw[key];
    if (weight === undefined || weight === null) continue;
    if (
      typeof weight !== "number" ||
      !Number.isFinite(weight) ||
      weight < WEIGHT_MIN ||
      weight > WEIGHT_MAX
    ) {
      problems.push(weightProblem(JSON.stringify(weight), { file, field: `weights.${key}` }));
      ok = false;
      continue;
    }
    // -0 (valid JSON) is 0: JSON.stringify and a workbook cell both write it as 0.
    weights[key] = weight + 0;
  }
  return ok ? weights : undefined;
}

/** A weight that is not a number from 0 to 5, shown as it was given. */
export function weightProblem(shown: string, location: Location): Problem {
  return msg.weightOutOfRange(shown, location, { min: WEIGHT_MIN, max: WEIGHT_MAX });
}

function validatePairs(
  value: unknown,
  clienteles: Item[] | undefined,
  needs: Item[] | undefined,
  file: string | undefined,
  orphanSeverity: Severity,
  problems: Problem[]
): Pair[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(msg.pairsNotList({ file, field: "pairs" }));
    return undefined;
  }
  const clienteleByKey = new Map((clienteles ?? []).map((item) => [nameKey(item.name), item.name]));
  const needByKey = new Map((needs ?? []).map((item) => [nameKey(item.name), item.name]));
  const pairs: Pair[] = [];
  const seen = new Map<string, number>();
  let ok = true;
  value.forEach((entry, index) => {
    const field = `pairs[${index}]`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      problems.push(msg.pairNotObject({ file, field }));
      ok = false;
      return;
    }
    const raw = entry as Record<string, unknown>;
    for (const key of Object.keys(raw)) {
      if (!PAIR_FIELDS.includes(key))
        problems.push(msg.pairUnknownField({ file, field: `${field}.${key}` }, PAIR_FIELDS));
    }
    let pairOk = true;
    const names: Record<"clientele" | "need", string> = { clientele: "", need: "" };
    for (const key of ["clientele", "need"] as const) {
      const name = raw[key];
      if (typeof name !== "string" || name.trim() === "") {
        problems.push(msg.pairNameMissing(key, { file, field: `${field}.${key}` }));
        pairOk = false;
      } else {
        names[key] = name.trim();
      }
    }
    const pair: Pair = { clientele: names.clientele, need: names.need };
    for (const criterion of ["perception", "impact", "competition"] as const) {
      const level = raw[criterion];
      if (level === undefined || level === null) continue;
      const scale = SCALES[criterion];
      const { min, max } = levelRange(scale);
      if (typeof level !== "number" || !Number.isInteger(level) || level < min || level > max) {
        problems.push(
          msg.pairLevelOutOfRange(
            scale,
            { file, field: `${field}.${criterion}` },
            JSON.stringify(level)
          )
        );
        pairOk = false;
        continue;
      }
      pair[criterion] = level;
    }
    if (raw.comment !== undefined && raw.comment !== null) {
      if (typeof raw.comment !== "string") {
        problems.push(msg.pairCommentNotText({ file, field: `${field}.comment` }));
        pairOk = false;
      } else {
        const fault = textFault(raw.comment);
        if (fault) {
          problems.push(msg.pairCommentBadCharacter({ file, field: `${field}.comment` }, fault));
          pairOk = false;
        } else if (raw.comment.trim() !== "") {
          pair.comment = raw.comment.trim();
        }
      }
    }
    // Evidence from responses (METHOD.md §3.3), checked in its own module.
    if (raw.evidence !== undefined && raw.evidence !== null) {
      const checked = checkEvidence(raw.evidence, { file, field: `${field}.evidence` });
      if ("problem" in checked) {
        problems.push(checked.problem);
        pairOk = false;
      } else pair.evidence = checked.evidence;
    }
    if (!pairOk) {
      ok = false;
      return;
    }
    if (!clienteles || !needs) return;
    const clientele = clienteleByKey.get(nameKey(pair.clientele));
    const need = needByKey.get(nameKey(pair.need));
    if (clientele === undefined || need === undefined) {
      const missing = clientele === undefined ? "clientele" : "need";
      problems.push(msg.pairOrphan({ file, field }, pair, missing, orphanSeverity));
      return;
    }
    pair.clientele = clientele;
    pair.need = need;
    const key = pairKey(clientele, need);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(msg.pairDuplicate({ file, field }, clientele, need, first));
      ok = false;
      return;
    }
    seen.set(key, index);
    pairs.push(pair);
  });
  return ok ? pairs : undefined;
}

interface Lists {
  clienteles: readonly Item[] | readonly string[];
  needs: readonly Item[] | readonly string[];
  offerings: readonly string[];
}

function validateSegments(
  value: unknown,
  lists: Lists,
  file: string | undefined,
  problems: Problem[]
): Segment[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(
      msg.notAList("segments-not-list", { file, field: "segments" }, '[{"name": "…"}]')
    );
    return undefined;
  }
  const canonical = (items: Lists[ListField]): Map<string, string> =>
    new Map(
      items.map((item) => {
        const name = typeof item === "string" ? item : item.name;
        return [nameKey(name), name];
      })
    );
  const known: Record<ListField, Map<string, string>> = {
    clienteles: canonical(lists.clienteles),
    needs: canonical(lists.needs),
    offerings: canonical(lists.offerings),
  };
  const segments: Segment[] = [];
  const seen = new Map<string, string>();
  let ok = true;
  value.forEach((entry, index) => {
    const field = `segments[${index}]`;
    const segment = validateSegment(entry, field, known, file, problems);
    if (!segment) {
      ok = false;
      return;
    }
    const first = seen.get(nameKey(segment.name));
    if (first !== undefined) {
      problems.push(msg.segmentDuplicate({ file, field: `${field}.name` }, segment.name, first));
      ok = false;
      return;
    }
    seen.set(nameKey(segment.name), field);
    segments.push(segment);
  });
  return ok ? segments : undefined;
}

function validateSegment(
  entry: unknown,
  field: string,
  known: Record<ListField, Map<string, string>>,
  file: string | undefined,
  problems: Problem[]
): Segment | undefined {
  const at = (sub: string): Location => ({ file, field: `${field}.${sub}` });
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    problems.push(msg.segmentNotObject({ file, field }));
    return undefined;
  }
  const raw = entry as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!SEGMENT_FIELDS.includes(key))
      problems.push(msg.segmentUnknownField(at(key), SEGMENT_FIELDS));
  }
  const before = problems.length;
  const name = typeof raw.name === "string" ? raw.name : "";
  const nameProblem = typeof raw.name === "string" ? nameFault(raw.name) : msg.emptyNameFault();
  if (nameProblem) {
    problems.push(msg.segmentBadName(at("name"), nameProblem));
    return undefined;
  }
  const segmentName = name.trim();
  const segment: Segment = emptySegment(segmentName);
  if (
    raw.type !== undefined &&
    raw.type !== null &&
    !(typeof raw.type === "string" && raw.type.trim() === "")
  ) {
    const kind = typeof raw.type === "string" ? findSegmentType(raw.type) : undefined;
    if (kind) segment.type = kind.canonical;
    else
      problems.push(
        msg.segmentTypeUnknown(at("type"), String(raw.type), segmentName, SEGMENT_TYPES)
      );
  }
  for (const list of ["clienteles", "needs", "offerings"] as const) {
    const members = textList(raw[list], at(list), problems);
    const kept = new Set<string>();
    members?.forEach((member, i) => {
      const location = at(`${list}[${i}]`);
      const canonicalName = known[list].get(nameKey(member));
      if (canonicalName === undefined) {
        problems.push(msg.segmentUnknownMember(location, list, member, segmentName));
        return;
      }
      if (kept.has(nameKey(member))) {
        problems.push(msg.segmentMemberDuplicate(location, member, segmentName));
        return;
      }
      kept.add(nameKey(member));
      segment[list].push(canonicalName);
    });
    // Members are a set: kept in the order of the study's list, as the workbook shows them.
    const position = new Map([...known[list].keys()].map((key, index) => [key, index]));
    const rank = (name: string): number => position.get(nameKey(name)) ?? 0;
    segment[list].sort((a, b) => rank(a) - rank(b));
  }
  for (const list of SEGMENT_TEXT_LISTS) {
    const texts = textList(raw[list], at(list), problems);
    // The workbook keeps the list in one cell, one entry per line: an entry cannot hold a line.
    const entries: unknown = raw[list];
    if (texts && Array.isArray(entries))
      entries.forEach((entry: unknown, i) => {
        if (typeof entry === "string" && !textFault(entry) && entry.trim().includes("\n"))
          problems.push(
            msg.segmentTextLineFeed(at(`${list}[${i}]`), list, entry.trim(), segmentName)
          );
      });
    if (texts) segment[list] = texts;
  }
  for (const key of ["size", "frequency", "basket"] as const) {
    const number = raw[key];
    if (number === undefined || number === null) continue;
    if (typeof number !== "number" || !Number.isFinite(number) || number < 0) {
      problems.push(
        msg.segmentNumberInvalid(at(key), JSON.stringify(number), SEGMENT_FIGURES[key])
      );
      continue;
    }
    segment[key] = number + 0; // -0 is 0, as for the weights
  }
  if (raw.checklist !== undefined && raw.checklist !== null) {
    if (!Array.isArray(raw.checklist)) {
      problems.push(msg.notAList("checklist-not-list", at("checklist"), '["ok", "en cours", …]'));
    } else if (raw.checklist.length > CHECKLIST_ITEMS.length) {
      problems.push(
        msg.checklistTooLong(at("checklist"), raw.checklist.length, CHECKLIST_ITEMS.length)
      );
    } else {
      raw.checklist.forEach((status: unknown, i) => {
        if (
          status === null ||
          status === undefined ||
          (typeof status === "string" && status.trim() === "")
        )
          return;
        const found = typeof status === "string" ? findStatus(status) : undefined;
        if (!found) {
          problems.push(
            msg.statusUnknown(at(`checklist[${i}]`), JSON.stringify(status), CHECKLIST_STATUSES)
          );
          return;
        }
        segment.checklist[i] = found.canonical as ChecklistStatus;
      });
    }
  }
  if (raw.plans !== undefined && raw.plans !== null) {
    if (typeof raw.plans !== "object" || Array.isArray(raw.plans)) {
      problems.push(msg.plansNotObject(at("plans")));
    } else {
      const plans = raw.plans as Record<string, unknown>;
      const levers = GROWTH_LEVERS.map((lever) => lever.id);
      for (const [key, plan] of Object.entries(plans)) {
        if (!levers.includes(key as GrowthLever)) {
          problems.push(msg.planUnknownField(at(`plans.${key}`), levers));
          continue;
        }
        if (plan === undefined || plan === null) continue;
        if (typeof plan !== "string") {
          problems.push(msg.planNotText(at(`plans.${key}`)));
          continue;
        }
        const fault = textFault(plan);
        if (fault) {
          problems.push(msg.segmentTextBad(at(`plans.${key}`), fault));
          continue;
        }
        if (plan.trim() !== "") segment.plans[key as GrowthLever] = plan.trim();
      }
    }
  }
  return hasErrors(problems.slice(before)) ? undefined : segment;
}

/** A list of texts (a segment's channels, zones…): trimmed, blanks dropped, each checked. */
function textList(value: unknown, location: Location, problems: Problem[]): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(msg.notAList("segment-list-not-list", location, '["…", "…"]'));
    return undefined;
  }
  const texts: string[] = [];
  value.forEach((entry: unknown, i) => {
    const itemLocation = { ...location, field: `${location.field}[${i}]` };
    if (typeof entry !== "string") {
      problems.push(msg.notAList("segment-list-not-list", location, '["…", "…"]'));
      return;
    }
    const fault = textFault(entry);
    if (fault) {
      problems.push(msg.segmentTextBad(itemLocation, fault));
      return;
    }
    if (entry.trim() !== "") texts.push(entry.trim());
  });
  return texts;
}

function validateTargets(
  value: unknown,
  segments: readonly Segment[],
  offerings: readonly string[],
  file: string | undefined,
  problems: Problem[]
): Target[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(
      msg.notAList(
        "targets-not-list",
        { file, field: "targets" },
        '[{"segment": "…", "offering": "…"}]'
      )
    );
    return undefined;
  }
  const segmentNames = new Map(segments.map((s) => [nameKey(s.name), s.name]));
  const offeringNames = new Map(offerings.map((o) => [nameKey(o), o]));
  const targets: Target[] = [];
  const seen = new Set<string>();
  let ok = true;
  value.forEach((entry: unknown, index) => {
    const location = { file, field: `targets[${index}]` };
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      problems.push(msg.targetNotObject(location));
      ok = false;
      return;
    }
    const raw = entry as Record<string, unknown>;
    if (typeof raw.segment !== "string" || typeof raw.offering !== "string") {
      problems.push(msg.targetNotObject(location));
      ok = false;
      return;
    }
    const segment = segmentNames.get(nameKey(raw.segment));
    const offering = offeringNames.get(nameKey(raw.offering));
    if (segment === undefined) {
      problems.push(
        msg.targetUnknown(
          { ...location, field: `${location.field}.segment` },
          "segment",
          raw.segment.trim()
        )
      );
      ok = false;
      return;
    }
    if (offering === undefined) {
      problems.push(
        msg.targetUnknown(
          { ...location, field: `${location.field}.offering` },
          "offering",
          raw.offering.trim()
        )
      );
      ok = false;
      return;
    }
    const key = `${nameKey(segment)}\u0000${nameKey(offering)}`;
    if (seen.has(key)) {
      problems.push(msg.targetDuplicate(location, segment, offering));
      return;
    }
    seen.add(key);
    targets.push({ segment, offering });
  });
  return ok ? targets : undefined;
}

function validateConquest(
  value: unknown,
  segments: readonly Segment[],
  file: string | undefined,
  problems: Problem[]
): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(
      msg.notAList("conquest-not-list", { file, field: "conquest" }, '["segment", "…"]')
    );
    return undefined;
  }
  const segmentNames = new Map(segments.map((s) => [nameKey(s.name), s.name]));
  const order: string[] = [];
  let ok = true;
  value.forEach((entry: unknown, index) => {
    const location = { file, field: `conquest[${index}]` };
    const name = typeof entry === "string" ? segmentNames.get(nameKey(entry)) : undefined;
    if (name === undefined) {
      problems.push(
        msg.conquestUnknown(
          location,
          typeof entry === "string" ? entry.trim() : JSON.stringify(entry)
        )
      );
      ok = false;
      return;
    }
    if (order.includes(name)) {
      problems.push(msg.conquestDuplicate(location, name));
      return;
    }
    order.push(name);
  });
  return ok ? order : undefined;
}
