import {
  CLIENTELE_TYPES,
  Kind,
  LANGUAGES,
  Language,
  NEED_TYPES,
  Scale,
  SCALES,
  findKind,
  levelRange,
} from "./levels";
import { Location, Problem, error, hasErrors, quoteEn, quoteFr, warning } from "./problems";
import {
  DEFAULT_WEIGHTS,
  Item,
  NAME_MAX_LENGTH,
  Pair,
  Study,
  WEIGHT_MAX,
  WEIGHT_MIN,
  Weights,
  nameKey,
  pairKey,
} from "./study";

export interface StudyResult {
  /** Present when there is no error; warnings may still be there. */
  study?: Study;
  problems: Problem[];
}

const KNOWN_FIELDS = ["title", "language", "clienteles", "needs", "pairs", "weights"];
const PAIR_FIELDS = ["clientele", "need", "perception", "impact", "competition", "comment"];

/**
 * Checks a study read from JSON (or built by the pane) and returns it normalised: names trimmed,
 * kinds canonical, default weights filled in. Each fault gets its own message naming the field.
 * Pairs that name a clientèle or need not in the lists are dropped with a warning (the flow
 * "read → remove a column → build" must report them, not fail).
 */
export function validateStudy(input: unknown, file?: string): StudyResult {
  const problems: Problem[] = [];
  const at = (field: string): Location => ({ file, field });

  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    problems.push(
      error(
        "study-not-object",
        { file },
        'l\'étude doit être un objet JSON { "clienteles": [...], "needs": [...], ... }',
        'the study must be a JSON object { "clienteles": [...], "needs": [...], ... }'
      )
    );
    return { problems };
  }
  const raw = input as Record<string, unknown>;

  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.includes(key)) {
      problems.push(
        warning(
          "unknown-field",
          at(key),
          `champ inconnu, ignoré (champs reconnus : ${KNOWN_FIELDS.join(", ")})`,
          `unknown field, ignored (known fields: ${KNOWN_FIELDS.join(", ")})`
        )
      );
    }
  }

  let title: string | undefined;
  if (raw.title !== undefined && raw.title !== null) {
    if (typeof raw.title !== "string") {
      problems.push(
        error(
          "title-not-text",
          at("title"),
          "le titre doit être un texte",
          "the title must be a text"
        )
      );
    } else {
      const fault = textFault(raw.title);
      if (fault) problems.push(error("title-bad-character", at("title"), fault.fr, fault.en));
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
      problems.push(
        error(
          "language-unknown",
          at("language"),
          `langue ${quoteFr(String(raw.language))} inconnue : mettez "fr" ou "en"`,
          `unknown language ${quoteEn(String(raw.language))}: use "fr" or "en"`
        )
      );
    }
  }

  const clienteles = validateItems(raw.clienteles, "clienteles", CLIENTELE_TYPES, file, problems);
  const needs = validateItems(raw.needs, "needs", NEED_TYPES, file, problems);
  const weights = validateWeights(raw.weights, file, problems);
  const pairs = validatePairs(raw.pairs, clienteles, needs, file, problems);

  if (hasErrors(problems) || !clienteles || !needs || !pairs || !weights) return { problems };
  const study: Study = { language, clienteles, needs, pairs, weights };
  if (title !== undefined) study.title = title;
  return { study, problems };
}

/** Why a text cannot go into a workbook cell as it is, if it cannot. */
export function textFault(text: string): { fr: string; en: string } | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isControl =
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      code === 0xfffe ||
      code === 0xffff;
    if (isControl) {
      const hex = "U+" + code.toString(16).toUpperCase().padStart(4, "0");
      return {
        fr: `contient un caractère de contrôle invisible (${hex}, position ${i + 1}) : supprimez-le`,
        en: `contains an invisible control character (${hex}, position ${i + 1}): remove it`,
      };
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      return {
        fr: `contient un caractère Unicode incomplet (position ${i + 1}) : retapez le texte`,
        en: `contains a broken Unicode character (position ${i + 1}): retype the text`,
      };
    }
  }
  return undefined;
}

/** Checks one name (of a clientèle or a need); returns the trimmed name or a problem's texts. */
export function nameFault(name: string): { fr: string; en: string } | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return { fr: "le nom est vide", en: "the name is empty" };
  if (trimmed.length > NAME_MAX_LENGTH) {
    return {
      fr: `le nom a ${trimmed.length} caractères ; raccourcissez-le à ${NAME_MAX_LENGTH} au plus`,
      en: `the name has ${trimmed.length} characters; shorten it to ${NAME_MAX_LENGTH} at most`,
    };
  }
  return textFault(trimmed);
}

function validateItems(
  value: unknown,
  field: "clienteles" | "needs",
  kinds: readonly Kind[],
  file: string | undefined,
  problems: Problem[]
): Item[] | undefined {
  const what =
    field === "clienteles" ? { fr: "clientèle", en: "clientèle" } : { fr: "besoin", en: "need" };
  if (!Array.isArray(value)) {
    problems.push(
      error(
        `${field}-missing`,
        { file, field },
        value === undefined
          ? `liste manquante : donnez au moins un(e) ${what.fr}, par ex. "${field}": ["…"]`
          : `doit être une liste de noms, par ex. "${field}": ["…"]`,
        value === undefined
          ? `missing list: give at least one ${what.en}, e.g. "${field}": ["…"]`
          : `must be a list of names, e.g. "${field}": ["…"]`
      )
    );
    return undefined;
  }
  if (value.length === 0) {
    problems.push(
      error(
        `${field}-empty`,
        { file, field },
        `la liste est vide : donnez au moins un(e) ${what.fr}`,
        `the list is empty: give at least one ${what.en}`
      )
    );
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
      problems.push(
        error(
          `${field}-not-text`,
          { file, field: itemField },
          `chaque ${what.fr} est un nom (texte) ou un objet {"name": "…", "type": "…"}`,
          `each ${what.en} is a name (text) or an object {"name": "…", "type": "…"}`
        )
      );
      ok = false;
      return;
    }
    const fault = nameFault(name);
    if (fault) {
      problems.push(error(`${field}-bad-name`, { file, field: itemField }, fault.fr, fault.en));
      ok = false;
      return;
    }
    const trimmed = name.trim();
    const key = nameKey(trimmed);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        error(
          `${field}-duplicate`,
          { file, field: itemField },
          `${quoteFr(trimmed)} est en double (déjà en ${field}[${first}], majuscules et espaces ignorés) : renommez l'un des deux`,
          `${quoteEn(trimmed)} is a duplicate (same as ${field}[${first}], ignoring case and spaces): rename one of them`
        )
      );
      ok = false;
      return;
    }
    seen.set(key, index);
    const item: Item = { name: trimmed };
    if (type !== undefined && type !== null && !(typeof type === "string" && type.trim() === "")) {
      const kind = typeof type === "string" ? findKind(kinds, type) : undefined;
      if (!kind) {
        problems.push(
          error(
            `${field}-type-unknown`,
            { file, field: `${itemField}.type` },
            `type ${quoteFr(String(type))} inconnu pour ${quoteFr(trimmed)} : choisissez parmi ${kinds.map((k) => quoteFr(k.fr)).join(", ")}`,
            `unknown type ${quoteEn(String(type))} for ${quoteEn(trimmed)}: choose one of ${kinds.map((k) => quoteEn(k.canonical)).join(", ")}`
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

function validateWeights(
  value: unknown,
  file: string | undefined,
  problems: Problem[]
): Weights | undefined {
  if (value === undefined || value === null) return { ...DEFAULT_WEIGHTS };
  if (typeof value !== "object" || Array.isArray(value)) {
    problems.push(
      error(
        "weights-not-object",
        { file, field: "weights" },
        'les poids s\'écrivent {"perception": 1, "impact": 1}',
        'weights are written {"perception": 1, "impact": 1}'
      )
    );
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (key !== "perception" && key !== "impact") {
      problems.push(
        warning(
          "weights-unknown-field",
          { file, field: `weights.${key}` },
          "poids inconnu, ignoré (seuls perception et impact ont un poids)",
          "unknown weight, ignored (only perception and impact have a weight)"
        )
      );
    }
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
    weights[key] = weight;
  }
  return ok ? weights : undefined;
}

/** A weight that is not a number from 0 to 5, shown as it was given. */
export function weightProblem(shown: string, location: Location): Problem {
  return error(
    "weight-out-of-range",
    location,
    `${quoteFr(shown)} n'est pas un poids valable : mettez un nombre de ${WEIGHT_MIN} à ${WEIGHT_MAX}`,
    `${quoteEn(shown)} is not a valid weight: use a number from ${WEIGHT_MIN} to ${WEIGHT_MAX}`
  );
}

function validatePairs(
  value: unknown,
  clienteles: Item[] | undefined,
  needs: Item[] | undefined,
  file: string | undefined,
  problems: Problem[]
): Pair[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(
      error(
        "pairs-not-list",
        { file, field: "pairs" },
        'doit être une liste de paires {"clientele": "…", "need": "…"}',
        'must be a list of pairs {"clientele": "…", "need": "…"}'
      )
    );
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
      problems.push(
        error(
          "pair-not-object",
          { file, field },
          'une paire s\'écrit {"clientele": "…", "need": "…", "perception": 1–4, "impact": 1–4, "competition": 0–4}',
          'a pair is written {"clientele": "…", "need": "…", "perception": 1–4, "impact": 1–4, "competition": 0–4}'
        )
      );
      ok = false;
      return;
    }
    const raw = entry as Record<string, unknown>;
    for (const key of Object.keys(raw)) {
      if (!PAIR_FIELDS.includes(key)) {
        problems.push(
          warning(
            "pair-unknown-field",
            { file, field: `${field}.${key}` },
            `champ inconnu, ignoré (champs d'une paire : ${PAIR_FIELDS.join(", ")})`,
            `unknown field, ignored (fields of a pair: ${PAIR_FIELDS.join(", ")})`
          )
        );
      }
    }
    let pairOk = true;
    const names: Record<"clientele" | "need", string> = { clientele: "", need: "" };
    for (const key of ["clientele", "need"] as const) {
      const name = raw[key];
      if (typeof name !== "string" || name.trim() === "") {
        problems.push(
          error(
            `pair-${key}-missing`,
            { file, field: `${field}.${key}` },
            key === "clientele"
              ? "nommez la clientèle de la paire"
              : "nommez le besoin de la paire",
            key === "clientele" ? "name the pair's clientèle" : "name the pair's need"
          )
        );
        pairOk = false;
      } else {
        names[key] = name.trim();
      }
    }
    const pair: Pair = { clientele: names.clientele, need: names.need };
    for (const criterion of ["perception", "impact", "competition"] as const) {
      const level = raw[criterion];
      if (level === undefined || level === null) continue;
      const scale: Scale = SCALES[criterion];
      const { min, max } = levelRange(scale);
      if (typeof level !== "number" || !Number.isInteger(level) || level < min || level > max) {
        const choices = scale.levels.map((l) => `${l.value} ${l.fr}`).join(", ");
        const choicesEn = scale.levels.map((l) => `${l.value} ${l.en}`).join(", ");
        problems.push(
          error(
            `pair-${criterion}-out-of-range`,
            { file, field: `${field}.${criterion}` },
            `${quoteFr(JSON.stringify(level))} n'est pas un niveau : mettez un entier de ${min} à ${max} (${choices})`,
            `${quoteEn(JSON.stringify(level))} is not a level: use a whole number from ${min} to ${max} (${choicesEn})`
          )
        );
        pairOk = false;
        continue;
      }
      pair[criterion] = level;
    }
    if (raw.comment !== undefined && raw.comment !== null) {
      if (typeof raw.comment !== "string") {
        problems.push(
          error(
            "pair-comment-not-text",
            { file, field: `${field}.comment` },
            "le commentaire doit être un texte",
            "the comment must be a text"
          )
        );
        pairOk = false;
      } else {
        const fault = textFault(raw.comment);
        if (fault) {
          problems.push(
            error(
              "pair-comment-bad-character",
              { file, field: `${field}.comment` },
              fault.fr,
              fault.en
            )
          );
          pairOk = false;
        } else if (raw.comment.trim() !== "") {
          pair.comment = raw.comment.trim();
        }
      }
    }
    if (!pairOk) {
      ok = false;
      return;
    }
    if (!clienteles || !needs) return;
    const clientele = clienteleByKey.get(nameKey(pair.clientele));
    const need = needByKey.get(nameKey(pair.need));
    if (clientele === undefined || need === undefined) {
      const missing =
        clientele === undefined
          ? `clientèle ${quoteFr(pair.clientele)}`
          : `besoin ${quoteFr(pair.need)}`;
      const missingEn =
        clientele === undefined
          ? `clientèle ${quoteEn(pair.clientele)}`
          : `need ${quoteEn(pair.need)}`;
      problems.push(
        warning(
          "pair-orphan",
          { file, field },
          `paire (${quoteFr(pair.clientele)}, ${quoteFr(pair.need)}) retirée : ${missing} n'est plus dans la liste${describeRatings(pair, "fr")}`,
          `pair (${quoteEn(pair.clientele)}, ${quoteEn(pair.need)}) dropped: ${missingEn} is no longer in the list${describeRatings(pair, "en")}`
        )
      );
      return;
    }
    pair.clientele = clientele;
    pair.need = need;
    const key = pairKey(clientele, need);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        error(
          "pair-duplicate",
          { file, field },
          `la paire (${quoteFr(clientele)}, ${quoteFr(need)}) est déjà en pairs[${first}] : gardez-en une seule`,
          `the pair (${quoteEn(clientele)}, ${quoteEn(need)}) is already pairs[${first}]: keep only one`
        )
      );
      ok = false;
      return;
    }
    seen.set(key, index);
    pairs.push(pair);
  });
  return ok ? pairs : undefined;
}

/** " (it had perception 3, impact 2)" — so that a dropped pair's ratings can be re-entered. */
export function describeRatings(pair: Pair, language: Language): string {
  const parts: string[] = [];
  for (const criterion of ["perception", "impact", "competition"] as const) {
    const level = pair[criterion];
    if (level !== undefined)
      parts.push(`${SCALES[criterion].header[language].toLowerCase()} ${level}`);
  }
  if (parts.length === 0) return "";
  return language === "fr" ? ` (elle avait ${parts.join(", ")})` : ` (it had ${parts.join(", ")})`;
}
