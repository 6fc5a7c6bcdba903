/**
 * A plan's grids as a host would read them back right after rendering it: formulas show the value
 * the plan says they compute when written (nothing is recalculated here). Hidden columns are read
 * like the others, as Excel reads them.
 */
import { GridValue, SheetGrid, WorkbookGrids } from "./grids";
import { WorkbookPlan } from "./plan";

export function planGrids(plan: WorkbookPlan): WorkbookGrids {
  const sheets: SheetGrid[] = plan.sheets.map((sheet) => {
    const values: GridValue[][] = [];
    for (const block of sheet.blocks) {
      block.values.forEach((line, i) =>
        line.forEach((cell, j) => {
          const row = (values[block.row + i - 1] ??= []);
          row[block.col + j - 1] =
            cell === null
              ? null
              : cell.kind === "text"
                ? cell.text
                : cell.kind === "number"
                  ? cell.value
                  : cell.result === undefined || cell.result === ""
                    ? null
                    : cell.result;
        })
      );
    }
    for (const { rect, results } of sheet.fills) {
      for (let i = 0; i < rect.rows; i++) {
        const row = (values[rect.row + i - 1] ??= []);
        for (let j = 0; j < rect.cols; j++) {
          const result = results?.[i]?.[j];
          row[rect.col + j - 1] = result === undefined || result === "" ? null : result;
        }
      }
    }
    for (let i = 0; i < values.length; i++) {
      values[i] = Array.from(values[i] ?? [], (v) => (v === undefined ? null : v));
    }
    return { name: sheet.name, values };
  });
  return {
    sheets,
    names: plan.names.map(({ name, sheet, rect }) => ({ name, sheet, rect })),
    tables: plan.sheets.flatMap((sheet) =>
      sheet.tables.map((t) => ({ name: t.name, sheet: sheet.name, rect: t.rect }))
    ),
  };
}
