/**
 * What the task pane needs from a spreadsheet: one small interface that Office.js (Excel), the
 * in-memory preview (a browser outside Office) and the tests' fakes all implement.
 */
import { Problem } from "../method/problems";
import { WorkbookGrids } from "../layout/grids";
import { WorkbookPlan } from "../layout/plan";

export interface HostCapabilities {
  /** False when the host cannot build the workbook (e.g. Excel older than the needed API set). */
  canBuild: boolean;
  /** Why not, in both languages, when canBuild is false. */
  reason?: { fr: string; en: string };
  /** Short name shown in the pane: "Excel", "Aperçu". */
  name: string;
}

export interface SheetInfo {
  name: string;
  /** Created by Segment Matrix: one of its defined names or its table points into it. */
  managed: boolean;
}

/** The workbook as read in one go: its sheets, and the grids of the add-in's own sheets. */
export interface WorkbookSnapshot {
  sheets: SheetInfo[];
  grids: WorkbookGrids;
}

export interface RenderReport {
  /** Sheets written, in order. */
  written: string[];
  /** Sheets of an earlier build that were replaced. */
  replaced: string[];
}

/** A render refused before anything was changed, with the reasons. */
export class RenderRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message.en).join("; "));
  }
}

export interface WorkbookHost {
  capabilities(): Promise<HostCapabilities>;
  /** Reads the sheet list and the grids of the add-in's sheets (found through its defined names). */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /**
   * Replaces the add-in's sheets with the plan's. Never touches a sheet it did not create: if a plan
   * sheet's name is taken by such a sheet, throws RenderRefused and changes nothing.
   */
  render(plan: WorkbookPlan, snapshot: WorkbookSnapshot): Promise<RenderReport>;
  /** The text of the selected cells, one entry per non-empty cell, in reading order. */
  readSelection(): Promise<string[]>;
}
