/**
 * Workbook grids → study. The sheets are the source of truth: names typed across and down (also past
 * the table the add-in wrote), X's, ratings rows added by hand. Every problem names its cell.
 */
import {
  CLIENTELE_TYPES,
  Criterion,
  Kind,
  Language,
  NEED_TYPES,
  SCALES,
  findKind,
  findLevel,
} from "../method/levels";
import { Location, Problem, error, hasErrors, quoteEn, quoteFr, warning } from "../method/problems";
import {
  DEFAULT_WEIGHTS,
  Item,
  Pair,
  Study,
  WEIGHT_MAX,
  WEIGHT_MIN,
  Weights,
  nameKey,
  pairKey,
  pairsInTableOrder,
} from "../method/study";
import { nameFault, textFault, describeRatings, weightProblem } from "../method/validate";
import { Rect, cellAddress } from "./a1";
import { NAMES, RATINGS, RATINGS_TABLE } from "./geometry";
import {
  GridValue,
  SheetGrid,
  WorkbookGrids,
  cellAt,
  cellText,
  gridHeight,
  gridWidth,
} from "./grids";

export interface ReadResult {
  study?: Study;
  problems: Problem[];
}

interface Found {
  name: string;
  at: string;
  type?: string;
}

export function readStudy(grids: WorkbookGrids): ReadResult {
  const problems: Problem[] = [];
  const ticksName = grids.names.find((n) => n.name === NAMES.ticks);
  const ticks = ticksName && grids.sheets.find((s) => s.name === ticksName.sheet);
  if (!ticksName || !ticks) {
    problems.push(
      error(
        "not-a-study",
        undefined,
        `pas de tableau de coches (nom défini ${NAMES.ticks}) : ce classeur n'a pas été préparé par Segment Matrix. Créez d'abord un modèle vierge.`,
        `no tick table (defined name ${NAMES.ticks}): this workbook was not prepared by Segment Matrix. Create a blank template first.`
      )
    );
    return { problems };
  }

  const language = readLanguage(grids, problems);
  const title = readTitle(grids, problems);
  const weights = readWeights(grids, problems);
  const { clienteles, needs, pairs } = readTicks(ticks, ticksName.rect, problems);
  if (clienteles.length > 0 && needs.length > 0)
    readRatings(grids, clienteles, needs, pairs, problems);

  if (hasErrors(problems) || !weights) return { problems };
  const items = (found: Found[]): Item[] =>
    found.map((f) => (f.type ? { name: f.name, type: f.type } : { name: f.name }));
  const study: Study = {
    language,
    clienteles: items(clienteles),
    needs: items(needs),
    pairs: pairsInTableOrder(clienteles, needs, pairs.values()),
    weights,
  };
  if (title) study.title = title;
  return { study, problems };
}

function namedCell(
  grids: WorkbookGrids,
  name: string
): { grid: SheetGrid; row: number; col: number } | undefined {
  const named = grids.names.find((n) => n.name === name);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  return named && grid ? { grid, row: named.rect.row, col: named.rect.col } : undefined;
}

function where(grid: SheetGrid, row: number, col: number): Location {
  return { sheet: grid.name, cell: cellAddress(row, col) };
}

function readLanguage(grids: WorkbookGrids, problems: Problem[]): Language {
  const cell = namedCell(grids, NAMES.language);
  if (!cell) return "fr";
  const value = cellText(cellAt(cell.grid, cell.row, cell.col))
    .trim()
    .toLowerCase();
  if (value === "fr" || value === "en" || value === "") return value === "en" ? "en" : "fr";
  problems.push(
    warning(
      "language-unknown",
      where(cell.grid, cell.row, cell.col),
      `langue ${quoteFr(value)} inconnue : le français est pris (mettez fr ou en)`,
      `unknown language ${quoteEn(value)}: French is used (type fr or en)`
    )
  );
  return "fr";
}

function readTitle(grids: WorkbookGrids, problems: Problem[]): string | undefined {
  const cell = namedCell(grids, NAMES.title);
  if (!cell) return undefined;
  const value = cellText(cellAt(cell.grid, cell.row, cell.col)).trim();
  const fault = textFault(value);
  if (fault) {
    problems.push(
      error("title-bad-character", where(cell.grid, cell.row, cell.col), fault.fr, fault.en)
    );
    return undefined;
  }
  return value || undefined;
}

function readWeights(grids: WorkbookGrids, problems: Problem[]): Weights | undefined {
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  let ok = true;
  const entries: ["perception" | "impact", string][] = [
    ["perception", NAMES.weightPerception],
    ["impact", NAMES.weightImpact],
  ];
  for (const [key, name] of entries) {
    const cell = namedCell(grids, name);
    if (!cell) continue;
    const raw = cellAt(cell.grid, cell.row, cell.col);
    if (raw === null || (typeof raw === "string" && raw.trim() === "")) continue;
    const value = typeof raw === "number" ? raw : Number(cellText(raw).trim().replace(",", "."));
    if (
      !Number.isFinite(value) ||
      value < WEIGHT_MIN ||
      value > WEIGHT_MAX ||
      typeof raw === "boolean"
    ) {
      problems.push(weightProblem(cellText(raw), where(cell.grid, cell.row, cell.col)));
      ok = false;
      continue;
    }
    weights[key] = value;
  }
  return ok ? weights : undefined;
}

/** Names along a row or a column, with their kinds; blank cells are gaps, not names. */
function readNames(
  grid: SheetGrid,
  cells: { row: number; col: number; typeRow: number; typeCol: number }[],
  kinds: readonly Kind[],
  what: { fr: string; en: string },
  problems: Problem[]
): { found: Map<number, Found>; rejected: Set<number> } {
  const found = new Map<number, Found>();
  const rejected = new Set<number>();
  const seen = new Map<string, string>();
  cells.forEach((cell, index) => {
    const raw = cellText(cellAt(grid, cell.row, cell.col));
    const typeRaw = cellText(cellAt(grid, cell.typeRow, cell.typeCol)).trim();
    if (raw.trim() === "") {
      if (typeRaw !== "") {
        problems.push(
          warning(
            "type-without-name",
            where(grid, cell.typeRow, cell.typeCol),
            `type ${quoteFr(typeRaw)} sans ${what.fr} en ${cellAddress(cell.row, cell.col)} : ignoré`,
            `type ${quoteEn(typeRaw)} without a ${what.en} in ${cellAddress(cell.row, cell.col)}: ignored`
          )
        );
      }
      return;
    }
    const at = cellAddress(cell.row, cell.col);
    const fault = nameFault(raw);
    if (fault) {
      problems.push(error("bad-name", where(grid, cell.row, cell.col), fault.fr, fault.en));
      rejected.add(index);
      return;
    }
    const name = raw.trim();
    const first = seen.get(nameKey(name));
    if (first) {
      problems.push(
        error(
          "duplicate-name",
          where(grid, cell.row, cell.col),
          `${what.fr} ${quoteFr(name)} en double (déjà en ${first}, majuscules et espaces ignorés) : renommez l'une des deux`,
          `${what.en} ${quoteEn(name)} is a duplicate (already in ${first}, ignoring case and spaces): rename one of them`
        )
      );
      rejected.add(index);
      return;
    }
    seen.set(nameKey(name), at);
    const entry: Found = { name, at };
    if (typeRaw !== "") {
      const kind = findKind(kinds, typeRaw);
      if (!kind) {
        problems.push(
          error(
            "type-unknown",
            where(grid, cell.typeRow, cell.typeCol),
            `type ${quoteFr(typeRaw)} inconnu : choisissez ${kinds.map((k) => quoteFr(k.fr)).join(", ")} ou laissez vide`,
            `unknown type ${quoteEn(typeRaw)}: choose ${kinds.map((k) => quoteEn(k.en)).join(", ")} or leave it empty`
          )
        );
        rejected.add(index);
        return;
      }
      entry.type = kind.canonical;
    }
    found.set(index, entry);
  });
  return { found, rejected };
}

function readTicks(
  grid: SheetGrid,
  body: Rect,
  problems: Problem[]
): { clienteles: Found[]; needs: Found[]; pairs: Map<string, Pair> } {
  const headerRow = body.row - 1;
  const typeRow = body.row - 2;
  const nameCol = body.col - 2;
  const typeCol = body.col - 1;
  const lastCol = Math.max(body.col + body.cols - 1, gridWidth(grid));
  const lastRow = Math.max(body.row + body.rows - 1, gridHeight(grid));
  const what = {
    clientele: { fr: "clientèle", en: "clientèle" },
    need: { fr: "besoin", en: "need" },
  };

  const columnCells = [];
  for (let col = body.col; col <= lastCol; col++)
    columnCells.push({ row: headerRow, col, typeRow, typeCol: col });
  const rowCells = [];
  for (let row = body.row; row <= lastRow; row++)
    rowCells.push({ row, col: nameCol, typeRow: row, typeCol });
  const columns = readNames(grid, columnCells, CLIENTELE_TYPES, what.clientele, problems);
  const rows = readNames(grid, rowCells, NEED_TYPES, what.need, problems);
  const byColumn = columns.found;
  const byRow = rows.found;

  const pairs = new Map<string, Pair>();
  const tickedColumns = new Set<number>();
  const tickedRows = new Set<number>();
  for (let row = body.row; row <= lastRow; row++) {
    for (let col = body.col; col <= lastCol; col++) {
      const raw = cellText(cellAt(grid, row, col)).trim();
      if (raw === "") continue;
      if (raw.toUpperCase() !== "X") {
        problems.push(
          error(
            "not-a-tick",
            where(grid, row, col),
            `${quoteFr(raw)} n'est pas une coche : tapez X si la clientèle ressent le besoin, sinon videz la cellule`,
            `${quoteEn(raw)} is not a tick: type X if the clientèle feels the need, otherwise clear the cell`
          )
        );
        continue;
      }
      const clientele = byColumn.get(col - body.col);
      const need = byRow.get(row - body.row);
      if (!clientele || !need) {
        // A name already reported as wrong explains this X: say it once.
        if (columns.rejected.has(col - body.col) || rows.rejected.has(row - body.row)) continue;
        const missing = !clientele ? cellAddress(headerRow, col) : cellAddress(row, nameCol);
        problems.push(
          error(
            "tick-without-name",
            where(grid, row, col),
            `X sans ${!clientele ? "nom de clientèle" : "nom de besoin"} en ${missing} : tapez le nom ou retirez le X`,
            `X without a ${!clientele ? "clientèle name" : "need name"} in ${missing}: type the name or remove the X`
          )
        );
        continue;
      }
      tickedColumns.add(col - body.col);
      tickedRows.add(row - body.row);
      pairs.set(pairKey(clientele.name, need.name), { clientele: clientele.name, need: need.name });
    }
  }

  const clienteles = [...byColumn.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
  const needs = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
  if (clienteles.length === 0) {
    problems.push(
      error(
        "no-clienteles",
        where(grid, headerRow, body.col),
        `aucune clientèle : tapez leurs noms en ligne ${headerRow}, à partir de ${cellAddress(headerRow, body.col)}`,
        `no clientèle: type their names across row ${headerRow}, from ${cellAddress(headerRow, body.col)}`
      )
    );
  }
  if (needs.length === 0) {
    problems.push(
      error(
        "no-needs",
        where(grid, body.row, nameCol),
        `aucun besoin : tapez-les en colonne ${cellAddress(body.row, nameCol).replace(/\d+/, "")}, à partir de ${cellAddress(body.row, nameCol)}`,
        `no need: type them down column ${cellAddress(body.row, nameCol).replace(/\d+/, "")}, from ${cellAddress(body.row, nameCol)}`
      )
    );
  }
  if (clienteles.length > 0 && needs.length > 0) {
    for (const [index, clientele] of byColumn) {
      if (!tickedColumns.has(index)) {
        problems.push(
          warning(
            "clientele-without-need",
            { sheet: grid.name, cell: clientele.at },
            `la clientèle ${quoteFr(clientele.name)} n'a aucun X : la méthode l'écarte du projet`,
            `the clientèle ${quoteEn(clientele.name)} has no X: the method drops it from the project`
          )
        );
      }
    }
    for (const [index, need] of byRow) {
      if (!tickedRows.has(index)) {
        problems.push(
          warning(
            "need-without-clientele",
            { sheet: grid.name, cell: need.at },
            `le besoin ${quoteFr(need.name)} n'a aucun X : la méthode l'écarte du projet`,
            `the need ${quoteEn(need.name)} has no X: the method drops it from the project`
          )
        );
      }
    }
  }
  return { clienteles, needs, pairs };
}

function ratingsArea(
  grids: WorkbookGrids
): { grid: SheetGrid; headerRow: number; firstCol: number } | undefined {
  const table = grids.tables.find((t) => t.name === RATINGS_TABLE);
  // A spreadsheet that dropped the table still has the name of its clientèle column, under the header.
  const column = grids.names.find((n) => n.name === NAMES.ratingClienteles);
  const anchor = table
    ? { sheet: table.sheet, headerRow: table.rect.row, firstCol: table.rect.col }
    : column && { sheet: column.sheet, headerRow: column.rect.row - 1, firstCol: column.rect.col };
  const grid = anchor && grids.sheets.find((s) => s.name === anchor.sheet);
  return anchor && grid
    ? { grid, headerRow: anchor.headerRow, firstCol: anchor.firstCol }
    : undefined;
}

function readRatings(
  grids: WorkbookGrids,
  clienteles: Found[],
  needs: Found[],
  pairs: Map<string, Pair>,
  problems: Problem[]
): void {
  const area = ratingsArea(grids);
  if (!area) return;
  const { grid, headerRow, firstCol } = area;
  const col = (offset: number): number => firstCol + offset - 1;
  const cols = RATINGS.cols;
  const clienteleKeys = new Set(clienteles.map((c) => nameKey(c.name)));
  const needKeys = new Set(needs.map((n) => nameKey(n.name)));
  const firstRowOf = new Map<string, number>();

  for (let row = headerRow + 1; row <= gridHeight(grid); row++) {
    const clientele = cellText(cellAt(grid, row, col(cols.clientele))).trim();
    const need = cellText(cellAt(grid, row, col(cols.need))).trim();
    const levels: Partial<Record<Criterion, number>> = {};
    let levelsOk = true;
    let anyLevel = false;
    for (const criterion of ["perception", "impact", "competition"] as const) {
      const at = col(cols[criterion]);
      const raw: GridValue = cellAt(grid, row, at);
      if (raw === null || cellText(raw).trim() === "") continue;
      anyLevel = true;
      const scale = SCALES[criterion];
      const level = findLevel(scale, typeof raw === "number" ? raw : cellText(raw));
      if (!level) {
        problems.push(
          error(
            `${criterion}-unknown`,
            where(grid, row, at),
            `${quoteFr(cellText(raw))} n'est pas un niveau de ${scale.title.fr.toLowerCase()} : choisissez ${scale.levels.map((l) => quoteFr(l.fr)).join(", ")}`,
            `${quoteEn(cellText(raw))} is not a level of ${scale.title.en.toLowerCase()}: choose ${scale.levels.map((l) => quoteEn(l.en)).join(", ")}`
          )
        );
        levelsOk = false;
        continue;
      }
      levels[criterion] = level.value;
    }
    const comment = cellText(cellAt(grid, row, col(cols.comment))).trim();
    if (clientele === "" && need === "") {
      if (anyLevel || comment !== "") {
        problems.push(
          warning(
            "rating-without-pair",
            where(grid, row, col(cols.clientele)),
            "ligne notée sans clientèle ni besoin : ignorée (tapez la clientèle et le besoin)",
            "rated row without clientèle or need: ignored (type the clientèle and the need)"
          )
        );
      }
      continue;
    }
    const key = pairKey(clientele, need);
    const pair = pairs.get(key);
    const label = `(${quoteFr(clientele)}, ${quoteFr(need)})`;
    const labelEn = `(${quoteEn(clientele)}, ${quoteEn(need)})`;
    const dropped: Pair = { clientele, need, ...levels };
    if (!pair) {
      const unknown = !clienteleKeys.has(nameKey(clientele))
        ? {
            fr: `la clientèle ${quoteFr(clientele)} n'est pas dans le tableau`,
            en: `the clientèle ${quoteEn(clientele)} is not in the table`,
          }
        : !needKeys.has(nameKey(need))
          ? {
              fr: `le besoin ${quoteFr(need)} n'est pas dans le tableau`,
              en: `the need ${quoteEn(need)} is not in the table`,
            }
          : { fr: "la paire n'est pas cochée", en: "the pair is not ticked" };
      problems.push(
        warning(
          "rating-orphan",
          where(grid, row, col(cols.clientele)),
          `notation de ${label} retirée : ${unknown.fr}${describeRatings(dropped, "fr")}`,
          `rating of ${labelEn} dropped: ${unknown.en}${describeRatings(dropped, "en")}`
        )
      );
      continue;
    }
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      problems.push(
        error(
          "rating-duplicate",
          where(grid, row, col(cols.clientele)),
          `la paire ${label} est déjà notée en ligne ${first} : gardez une seule ligne`,
          `the pair ${labelEn} is already rated in row ${first}: keep a single row`
        )
      );
      continue;
    }
    firstRowOf.set(key, row);
    if (!levelsOk) continue;
    Object.assign(pair, levels);
    if (comment !== "") {
      const fault = textFault(comment);
      if (fault)
        problems.push(
          error("comment-bad-character", where(grid, row, col(cols.comment)), fault.fr, fault.en)
        );
      else pair.comment = comment;
    }
  }
}
