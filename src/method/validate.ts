/**
 * The study file (and the pane's lists, and a study built in the pane) checked field by field: the
 * JSON's shape is checked here, each value's rules by the checkers of method/checks/, which the
 * sheet readers call too.
 */
import { CLIENTELE_TYPES, Kind, Language, NEED_TYPES, SCALES } from "./levels";
import { checkEvidence } from "./evidence";
import * as msg from "../messages";
import { PaletteName } from "./colour";
import { ListField, SegmentTextList } from "../messages";
import { Location, Problem, Severity, hasErrors } from "../messages";
import { CHECKLIST_ITEMS, GROWTH_LEVERS, GrowthLever } from "./segments";
import {
  DEFAULT_WEIGHTS,
  Item,
  Pair,
  FiguresSource,
  Segment,
  Study,
  Target,
  Trim,
  STUDY_FIELDS,
  StudyField,
  Weights,
  emptySegment,
  nameKey,
} from "./study";
import { fieldPath } from "./checks/locate";
import { NameList, byKey, itemKind } from "./checks/names";
import { PairSet, checkComment, checkLevel } from "./checks/pairs";
import {
  SEGMENT_FIGURE_FIELDS,
  SEGMENT_TEXT_LISTS,
  checklistStatus,
  segmentFigure,
  segmentMembers,
  segmentPlan,
  segmentTexts,
  segmentType,
} from "./checks/segments";
import { checkLanguage, checkPalette, checkTitle, checkWeight } from "./checks/settings";
import { checkStudyTextValue } from "./checks/study-texts";
import { ConquestEntry, checkConquest, checkTargets } from "./checks/targeting";
import { freeText } from "./checks/text";
import {
  diagnosticTexts,
  segmentPopulation,
  sizeFromPopulation,
  trimStep,
} from "./checks/diagnostics";
import {
  PESTEL_FACTORS,
  RISKS_LABEL,
  SWOT_PARTS,
  emptyPestel,
  emptySwot,
  nonEmptyLists,
} from "./diagnostics";

export { nameFault, textFault } from "./checks/text";
export { weightProblem } from "./checks/settings";

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

/** The study file's fields: those of a Study (study.ts lists them). */
const KNOWN_FIELDS: readonly string[] = STUDY_FIELDS;
const PAIR_FIELDS = [
  "clientele",
  "need",
  "perception",
  "impact",
  "competition",
  "comment",
  "evidence",
];
/** The fields of a segment in the study file: those of a Segment, in the contract's order. */
const SEGMENT_FIELDS: readonly string[] = [
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
  "population",
  "trims",
  "swot",
  "risks",
  "figuresSource",
] satisfies readonly (keyof Segment)[];
const TRIM_FIELDS: readonly string[] = [
  "family",
  "criterion",
  "keep",
] satisfies readonly (keyof Trim)[];

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
    if (typeof raw.title !== "string") problems.push(msg.titleNotText(at("title")));
    else title = checkTitle(raw.title, at("title"), problems);
  }

  let language: Language = "fr";
  if (raw.language !== undefined && raw.language !== null) {
    const shown = String(raw.language);
    language = checkLanguage(textOf(raw.language), shown, at("language"), problems) ?? language;
  }

  // "default" is the same as no palette: a study reads back the same either way.
  let palette: PaletteName | undefined;
  if (raw.palette !== undefined && raw.palette !== null) {
    const shown = String(raw.palette);
    const name = checkPalette(textOf(raw.palette), shown, at("palette"), problems);
    if (name !== "default") palette = name;
  }

  const organisation = checkStudyTextValue(
    raw.organisation,
    "organisation",
    at("organisation"),
    problems
  );
  const currency = checkStudyTextValue(raw.currency, "currency", at("currency"), problems);

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
  const pestel = validateLists(
    raw.pestel,
    PESTEL_FACTORS,
    emptyPestel(),
    fieldPath(file, "pestel"),
    { file, field: "pestel" },
    undefined,
    problems
  );

  if (hasErrors(problems) || !clienteles || !needs || !pairs || !weights) return { problems };
  // Every field of a Study, as checked above: a field added to Study is a type error here until
  // the file's value is checked. An empty list is no list: a study reads back the same whether the
  // file said [] or nothing.
  const fields: { [F in StudyField]: Study[F] | undefined } = {
    title,
    language,
    clienteles,
    needs,
    pairs,
    weights,
    offerings: nonEmpty(offerings),
    segments: nonEmpty(segments),
    targets: nonEmpty(targets),
    conquest: nonEmpty(conquest),
    pestel,
    palette,
    organisation,
    currency,
  };
  const study: Study = { language, clienteles, needs, pairs, weights };
  const optional = study as unknown as Record<string, unknown>;
  for (const field of STUDY_FIELDS)
    if (!(field in study) && fields[field] !== undefined) optional[field] = fields[field];
  return { study, problems };
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
  const at = fieldPath(file, field);
  const names = new NameList(field, problems);
  const items: Item[] = [];
  let ok = true;
  value.forEach((entry: unknown, index) => {
    let name: unknown = entry;
    let type: unknown;
    if (isObject(entry)) {
      name = entry.name;
      type = entry.type;
    }
    if (typeof name !== "string") {
      problems.push(msg.itemNotText(field, at(index)));
      ok = false;
      return;
    }
    const trimmed = names.add(name, at(index));
    if (trimmed === undefined) {
      ok = false;
      return;
    }
    const item: Item = { name: trimmed };
    if (type !== undefined && type !== null) {
      const typeAt = fieldPath(file, `${field}[${index}]`)("type");
      const kind = itemKind(field, textOf(type), String(type), typeAt, trimmed, kinds, problems);
      if (kind === undefined) {
        ok = false;
        return;
      }
      if (kind !== null) item.type = kind;
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
  const at = fieldPath(file, field);
  const list = new NameList(field, problems);
  const names: string[] = [];
  let ok = true;
  value.forEach((entry: unknown, index) => {
    const name: unknown = isObject(entry) ? entry.name : entry;
    if (typeof name !== "string") {
      problems.push(msg.itemNotText(field, at(index)));
      ok = false;
      return;
    }
    const trimmed = list.add(name, at(index));
    if (trimmed === undefined) ok = false;
    else names.push(trimmed);
  });
  return ok ? names : undefined;
}

function nonEmpty<T>(list: T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

/** A JSON object (not an array, not null). */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value when it is a text, else undefined (a checker then says it is not one). */
function textOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** How a JSON value was given, for a message. */
function shownJson(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function validateWeights(
  value: unknown,
  file: string | undefined,
  problems: Problem[]
): Weights | undefined {
  if (value === undefined || value === null) return { ...DEFAULT_WEIGHTS };
  if (!isObject(value)) {
    problems.push(msg.weightsNotObject({ file, field: "weights" }));
    return undefined;
  }
  const at = fieldPath(file, "weights");
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  let ok = true;
  for (const key of Object.keys(value)) {
    if (key !== "perception" && key !== "impact") problems.push(msg.weightsUnknownField(at(key)));
  }
  for (const key of ["perception", "impact"] as const) {
    const weight = value[key];
    if (weight === undefined || weight === null) continue;
    const checked = checkWeight(numberOf(weight), shownJson(weight), at(key), problems);
    if (checked === undefined) ok = false;
    else weights[key] = checked;
  }
  return ok ? weights : undefined;
}

/** The value when it is a JSON number, else undefined (a checker then says it is not one). */
function numberOf(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
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
  const clienteleByKey = byKey((clienteles ?? []).map((item) => item.name));
  const needByKey = byKey((needs ?? []).map((item) => item.name));
  const pairs: Pair[] = [];
  const seen = new PairSet(problems);
  let ok = true;
  value.forEach((entry: unknown, index) => {
    const field = `pairs[${index}]`;
    if (!isObject(entry)) {
      problems.push(msg.pairNotObject({ file, field }));
      ok = false;
      return;
    }
    const raw = entry;
    const at = fieldPath(file, field);
    for (const key of Object.keys(raw)) {
      if (!PAIR_FIELDS.includes(key)) problems.push(msg.pairUnknownField(at(key), PAIR_FIELDS));
    }
    let pairOk = true;
    const names: Record<"clientele" | "need", string> = { clientele: "", need: "" };
    for (const key of ["clientele", "need"] as const) {
      const name = raw[key];
      if (typeof name !== "string" || name.trim() === "") {
        problems.push(msg.pairNameMissing(key, at(key)));
        pairOk = false;
      } else {
        names[key] = name.trim();
      }
    }
    const pair: Pair = { clientele: names.clientele, need: names.need };
    for (const criterion of ["perception", "impact", "competition"] as const) {
      const level = raw[criterion];
      if (level === undefined || level === null) continue;
      // Only a number: in a file, "3" or a label is a mistake worth saying.
      const value = checkLevel(
        SCALES[criterion],
        numberOf(level),
        shownJson(level),
        at(criterion),
        problems
      );
      if (value === undefined) pairOk = false;
      else pair[criterion] = value;
    }
    if (raw.comment !== undefined && raw.comment !== null) {
      if (typeof raw.comment !== "string") {
        problems.push(msg.pairCommentNotText(at("comment")));
        pairOk = false;
      } else {
        const before = problems.length;
        const comment = checkComment(raw.comment, at("comment"), problems);
        if (problems.length > before) pairOk = false;
        else if (comment !== undefined) pair.comment = comment;
      }
    }
    // Evidence from responses (docs/method.md §3.3), checked in its own module.
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
    if (!seen.add(clientele, need, { file, field }, index)) {
      ok = false;
      return;
    }
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
    byKey(items.map((item) => (typeof item === "string" ? item : item.name)));
  const known: Record<ListField, Map<string, string>> = {
    clienteles: canonical(lists.clienteles),
    needs: canonical(lists.needs),
    offerings: canonical(lists.offerings),
  };
  const segments: Segment[] = [];
  const names = new NameList("segments", problems);
  let ok = true;
  value.forEach((entry: unknown, index) => {
    const field = `segments[${index}]`;
    const segment = validateSegment(entry, field, known, file, names, problems);
    if (!segment) {
      ok = false;
      return;
    }
    segments.push(segment);
  });
  return ok ? segments : undefined;
}

function validateSegment(
  entry: unknown,
  field: string,
  known: Record<ListField, Map<string, string>>,
  file: string | undefined,
  names: NameList,
  problems: Problem[]
): Segment | undefined {
  const at = fieldPath(file, field);
  if (!isObject(entry)) {
    problems.push(msg.segmentNotObject({ file, field }));
    return undefined;
  }
  const raw = entry;
  for (const key of Object.keys(raw)) {
    if (!SEGMENT_FIELDS.includes(key))
      problems.push(msg.segmentUnknownField(at(key), SEGMENT_FIELDS));
  }
  const before = problems.length;
  if (typeof raw.name !== "string") {
    problems.push(msg.segmentBadName(at("name"), msg.emptyNameFault()));
    return undefined;
  }
  const segmentName = names.check(raw.name, at("name"));
  if (segmentName === undefined) return undefined;
  const segment: Segment = emptySegment(segmentName);
  if (raw.type !== undefined && raw.type !== null) {
    const shown = String(raw.type);
    const type = segmentType(textOf(raw.type), shown, at("type"), segmentName, problems);
    if (type !== undefined) segment.type = type;
  }
  for (const list of ["clienteles", "needs", "offerings"] as const) {
    const members = textEntries(raw[list], at(list), at, list, problems);
    if (members)
      segment[list] = segmentMembers(list, members, known[list], itself, segmentName, problems);
  }
  for (const list of SEGMENT_TEXT_LISTS) {
    const entries = textEntries(raw[list], at(list), at, list, problems, "lazy");
    if (entries) segment[list] = segmentTexts(list, entries, itself, segmentName, problems);
  }
  for (const key of SEGMENT_FIGURE_FIELDS) {
    const number = raw[key];
    if (number === undefined || number === null) continue;
    const figure = segmentFigure(key, numberOf(number), shownJson(number), at(key), problems);
    if (figure !== undefined) segment[key] = figure;
  }
  if (raw.checklist !== undefined && raw.checklist !== null) {
    if (!Array.isArray(raw.checklist)) {
      problems.push(msg.notAList("checklist-not-list", at("checklist"), '["ok", "en cours", …]'));
    } else if (raw.checklist.length > CHECKLIST_ITEMS.length) {
      problems.push(
        msg.checklistTooLong(at("checklist"), raw.checklist.length, CHECKLIST_ITEMS.length)
      );
    } else {
      const checklist = fieldPath(file, `${field}.checklist`);
      raw.checklist.forEach((status: unknown, i) => {
        if (status === null || status === undefined) return;
        const found = checklistStatus(textOf(status), shownJson(status), checklist(i), problems);
        if (found) segment.checklist[i] = found;
      });
    }
  }
  if (raw.plans !== undefined && raw.plans !== null) {
    if (!isObject(raw.plans)) {
      problems.push(msg.plansNotObject(at("plans")));
    } else {
      const plans = fieldPath(file, `${field}.plans`);
      const levers = GROWTH_LEVERS.map((lever) => lever.id);
      for (const [key, plan] of Object.entries(raw.plans)) {
        if (!levers.includes(key as GrowthLever)) {
          problems.push(msg.planUnknownField(plans(key), levers));
          continue;
        }
        if (plan === undefined || plan === null) continue;
        if (typeof plan !== "string") {
          problems.push(msg.planNotText(plans(key)));
          continue;
        }
        const text = segmentPlan(plan, plans(key), problems);
        if (text !== undefined) segment.plans[key as GrowthLever] = text;
      }
    }
  }
  validateTrimming(raw, segment, at, problems);
  const swot = validateLists(
    raw.swot,
    SWOT_PARTS,
    emptySwot(),
    fieldPath(file, `${field}.swot`),
    at("swot"),
    segmentName,
    problems
  );
  if (swot) segment.swot = swot;
  const risks = textEntries(raw.risks, at("risks"), at, "risks", problems, "lazy");
  if (risks) {
    const texts = diagnosticTexts(RISKS_LABEL, risks, itself, segmentName, problems);
    if (texts.length > 0) segment.risks = texts;
  }
  const source = figuresSource(raw.figuresSource, at("figuresSource"), problems);
  if (source) segment.figuresSource = source;
  if (hasErrors(problems.slice(before))) return undefined;
  // Two segments of one name: said once the second is otherwise right, as `segments[i]`.
  return names.keep(segmentName, at("name"), field) ? segment : undefined;
}

/**
 * The texts of a segment's list (its members, channels…), each with its place: an entry that is not
 * a text is said, and so is a member name a cell cannot hold (members are names: trimmed, blanks
 * dropped, all checked before they are resolved). Free texts (`lazy`) are handed to their checker as
 * they come, so that each entry's problems are said in the list's order. Undefined when not a list.
 */
function textEntries(
  value: unknown,
  location: Location,
  at: (key: string) => Location,
  list: ListField | SegmentTextList | "risks",
  problems: Problem[],
  mode: "names" | "lazy" = "names"
): Iterable<[Location, string]> | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(msg.notAList("segment-list-not-list", location, '["…", "…"]'));
    return undefined;
  }
  const values: unknown[] = value;
  function* entries(): Generator<[Location, string]> {
    for (let i = 0; i < values.length; i++) {
      const entry = values[i];
      if (typeof entry === "string") yield [at(`${list}[${i}]`), entry];
      else problems.push(msg.notAList("segment-list-not-list", location, '["…", "…"]'));
    }
  }
  if (mode === "lazy") return entries();
  const names: [Location, string][] = [];
  for (const [entryAt, entry] of entries()) {
    const name = freeText(entry, entryAt, msg.segmentTextBad, problems);
    if (name !== undefined) names.push([entryAt, name]);
  }
  return names;
}

/**
 * Where a segment's figures come from ({"asOf": "YYYY-MM-DD", "customers": n}, as `rfm … --study`
 * writes it): only said, so a wrong one is left out with a warning and the figures are kept.
 */
function figuresSource(
  value: unknown,
  location: Location,
  problems: Problem[]
): FiguresSource | undefined {
  if (value === undefined || value === null) return undefined;
  const asOf = isObject(value) ? value.asOf : undefined;
  const customers = isObject(value) ? value.customers : undefined;
  const keys = isObject(value) ? Object.keys(value) : [];
  const holds =
    typeof asOf === "string" &&
    isIsoDate(asOf) &&
    typeof customers === "number" &&
    Number.isSafeInteger(customers) &&
    customers >= 0 &&
    keys.every((key) => key === "asOf" || key === "customers");
  if (!holds) {
    problems.push(msg.segmentFiguresSourceBad(location, shownJson(value)));
    return undefined;
  }
  return { asOf, customers };
}

/** YYYY-MM-DD naming a day of the calendar. */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value[4] !== "-" || value[7] !== "-") return false;
  const digits = value.slice(0, 4) + value.slice(5, 7) + value.slice(8, 10);
  if (![...digits].every((ch) => ch >= "0" && ch <= "9")) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A segment's population and trimming criteria (docs/method.md §1); with a population, its size is
 * the population trimmed, and a size given besides must be that one.
 */
function validateTrimming(
  raw: Record<string, unknown>,
  segment: Segment,
  at: (key: string) => Location,
  problems: Problem[]
): void {
  if (raw.population !== undefined && raw.population !== null) {
    const population = segmentPopulation(
      numberOf(raw.population),
      shownJson(raw.population),
      at("population"),
      problems
    );
    if (population !== undefined) segment.population = population;
  }
  if (raw.trims !== undefined && raw.trims !== null) {
    if (!Array.isArray(raw.trims)) {
      problems.push(msg.trimsNotList(at("trims"), segment.name));
    } else {
      const trims: Trim[] = [];
      raw.trims.forEach((entry: unknown, index) => {
        const place = (key?: string): Location =>
          at(key === undefined ? `trims[${index}]` : `trims[${index}].${key}`);
        if (!isObject(entry)) {
          problems.push(msg.trimNotObject(place(), segment.name));
          return;
        }
        for (const key of Object.keys(entry))
          if (!TRIM_FIELDS.includes(key))
            problems.push(msg.trimUnknownField(place(key), TRIM_FIELDS));
        const given = <T>(key: string, value: T | undefined) => {
          const v = entry[key];
          return v === undefined || v === null
            ? undefined
            : { value, shown: shownJson(v), at: place(key) };
        };
        const trim = trimStep(
          {
            family: given("family", textOf(entry.family)),
            criterion: given("criterion", textOf(entry.criterion)),
            keep: given("keep", numberOf(entry.keep)),
          },
          place(),
          segment.name,
          problems
        );
        if (trim) trims.push(trim);
      });
      if (trims.length > 0) segment.trims = trims;
    }
  }
  const size = sizeFromPopulation(segment, segment.size, at("size"), problems);
  if (size !== undefined) segment.size = size;
  else delete segment.size;
}

/**
 * A SWOT or a PESTEL: an object whose fields are lists of texts (`parts`, in their order); undefined
 * when absent, refused or every list empty (the same as none).
 */
function validateLists<T extends object>(
  value: unknown,
  parts: readonly { id: keyof T & string; label: { fr: string; en: string } }[],
  lists: T,
  at: (key: string) => Location,
  location: Location,
  segment: string | undefined,
  problems: Problem[]
): T | undefined {
  if (value === undefined || value === null) return undefined;
  const example = `{"${parts[0].id}": ["…"], …}`;
  if (!isObject(value)) {
    problems.push(msg.diagnosticNotObject(location, example));
    return undefined;
  }
  const ids = parts.map((part) => part.id as string);
  for (const key of Object.keys(value))
    if (!ids.includes(key)) problems.push(msg.diagnosticUnknownField(at(key), ids));
  for (const { id, label } of parts) {
    const entries = value[id];
    if (entries === undefined || entries === null) continue;
    if (!Array.isArray(entries)) {
      problems.push(msg.diagnosticNotList(at(id)));
      continue;
    }
    const texts: [Location, string][] = [];
    entries.forEach((entry: unknown, index) => {
      if (typeof entry === "string") texts.push([at(`${id}[${index}]`), entry]);
      else problems.push(msg.diagnosticNotList(at(id)));
    });
    (lists as Record<string, string[]>)[id] = diagnosticTexts(
      label,
      texts,
      itself,
      segment,
      problems
    );
  }
  return nonEmptyLists(lists);
}

/** A place that is its own location: entries already located. */
const itself = (location: Location): Location => location;

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
  const values: unknown[] = value;
  let shapeOk = true;
  function* entries(): Generator<[number, { segment: string; offering: string }]> {
    for (let index = 0; index < values.length; index++) {
      const entry = values[index];
      if (
        isObject(entry) &&
        typeof entry.segment === "string" &&
        typeof entry.offering === "string"
      )
        yield [index, { segment: entry.segment, offering: entry.offering }];
      else {
        problems.push(msg.targetNotObject({ file, field: `targets[${index}]` }));
        shapeOk = false;
      }
    }
  }
  const { targets, ok } = checkTargets(
    entries(),
    byKey(segments.map((s) => s.name)),
    byKey(offerings),
    (index, part) =>
      part === "target"
        ? { file, field: `targets[${index}]` }
        : fieldPath(file, `targets[${index}]`)(part),
    problems
  );
  return ok && shapeOk ? targets : undefined;
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
  const entries = value.map((entry: unknown, index): [number, ConquestEntry] => [
    index,
    typeof entry === "string"
      ? { name: entry, shown: entry.trim() }
      : { name: undefined, shown: shownJson(entry) },
  ]);
  const { order, ok } = checkConquest(
    entries,
    byKey(segments.map((s) => s.name)),
    fieldPath(file, "conquest"),
    problems
  );
  return ok ? order : undefined;
}
