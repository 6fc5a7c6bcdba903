/**
 * The pane's state: the two lists (checked as typed), the workbook's steps (kept live), what the pane
 * is doing (one action at a time, with its progress), what it has to say and what it asks.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Language } from "../method/levels";
import { Problem } from "../messages";
import { TypedList } from "../app/operations";
import { ListCheck, checkLists } from "../app/lists";
import { Rename, dropSummary } from "../app/safety";
import { ExportedFile, LATER } from "../app/later";
import { WorkbookState } from "../app/steps";
import { CellReference, PaneHost, RenderProgress } from "../hosts/host";
import { paneTexts } from "../i18n/pane";
import {
  ActionResult,
  NameLists,
  PaneContext,
  PendingDrop,
  build,
  exportClientWorkbook,
  exportClientDeck,
  exportPicture,
  exportRangeImage,
  liveNotices,
  order,
  readState,
  refresh,
  selection,
  setWeight,
  start,
  template,
} from "./actions";
import { Notice, attempt, failureNotices } from "./notices";
import { PendingResponses, integrate } from "./responses-actions";

export type ListField = TypedList;

/** Where the keyboard focus goes after an action. */
export type FocusTarget = "main" | ListField;

/** What the consultant chose in the safety-net dialog. */
export interface DropChoices {
  renames: Rename[];
  keepCopy: boolean;
}

export interface PaneState {
  texts: PaneContext["texts"];
  language: Language;
  fields: Record<ListField, string>;
  setField: (field: ListField, value: string) => void;
  /** Each list as typed: names, errors (shown once a build was tried), hints. */
  lists: Record<ListField, ListCheck>;
  /** Errors to show on each field now. */
  fieldErrors: Record<ListField, Problem[]>;
  /** Still reading the workbook at start. */
  starting: boolean;
  busy: boolean;
  progress?: RenderProgress;
  /** Why nothing can be built here (old Excel): every action is off. */
  blockedReason?: string;
  workbook?: WorkbookState;
  notices: Notice[];
  /** What a rebuild would lose, awaiting the consultant's choice. */
  pendingDrop?: PendingDrop;
  /** Asks the view to move the focus; `focusKey` changes at each request. */
  focus?: FocusTarget;
  focusKey: number;
  canBuild: boolean;
  canOrder: boolean;
  canExport: boolean;
  canExportClient: boolean;
  canExportDeck: boolean;
  /** Excel can picture a range (ExcelApi 1.7): a second picture, as Excel draws the matrix. */
  canExportRangeImage: boolean;
  takeSelection: (field: ListField) => void;
  build: () => void;
  confirmDrop: (choices: DropChoices) => void;
  cancelDrop: () => void;
  refresh: () => void;
  template: () => void;
  order: (k?: number, replaceSegments?: boolean) => void;
  exportPicture: () => void;
  exportClient: () => void;
  exportDeck: () => void;
  exportRangeImage: () => void;
  setWeight: (which: "perception" | "impact", value: number) => void;
  /** Runs an action kept in its own file (Clients RFM): one at a time, its notices shown. */
  run: (action: (context: PaneContext) => Promise<ActionResult>) => void;
  /** Intégrer les réponses (issue 16), and what it asks first. */
  canIntegrate: boolean;
  /** `threshold`: the share feeling from which a pair is ticked (default: the command line's). */
  integrateResponses: (threshold?: number) => void;
  pendingResponses?: PendingResponses;
  confirmResponses: () => void;
  cancelResponses: () => void;
  openSheet: (sheet: string) => void;
  select: (reference: CellReference) => void;
}

const joinLines = (names: string[]): string => names.join("\n");

/** Offers a file to save, as a browser download. */
function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.data], { type: file.mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
const NO_ERRORS: Record<ListField, Problem[]> = { clienteles: [], needs: [] };

export function usePane(host: PaneHost, language: Language): PaneState {
  const texts = paneTexts(language);
  const [progress, setProgress] = useState<RenderProgress>();
  const context = useMemo<PaneContext>(
    () => ({ host, language, texts, onProgress: setProgress }),
    [host, language, texts]
  );
  const [fields, setFields] = useState<Record<ListField, string>>({ clienteles: "", needs: "" });
  const [starting, setStarting] = useState(true);
  const [busy, setBusy] = useState(false);
  const [blockedReason, setBlockedReason] = useState<string>();
  const [workbook, setWorkbook] = useState<WorkbookState>();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [pendingDrop, setPendingDrop] = useState<PendingDrop>();
  const [pendingResponses, setPendingResponses] = useState<PendingResponses>();
  const [showErrors, setShowErrors] = useState(false);
  const [buildErrors, setBuildErrors] = useState<Record<ListField, Problem[]>>(NO_ERRORS);
  const [focus, setFocus] = useState<{ target?: FocusTarget; key: number }>({ key: 0 });
  // Grows at every render of the workbook: Excel's change handlers went with the replaced sheets.
  const [renders, setRenders] = useState(0);
  // Disabled buttons re-render a moment after the click; this closes the gap for double clicks.
  const running = useRef(false);

  const lists = useMemo(() => checkLists(fields), [fields]);
  const requestFocus = (target: FocusTarget): void =>
    setFocus((before) => ({ target, key: before.key + 1 }));

  const showLists = (names: NameLists): void =>
    setFields({ clienteles: joinLines(names.clienteles), needs: joinLines(names.needs) });

  useEffect(() => {
    let live = true;
    start(context)
      .then((state) => {
        if (!live) return;
        setBlockedReason(state.blockedReason);
        if (state.lists) showLists(state.lists);
        if (state.workbook) setWorkbook(state.workbook);
        if (state.notices) setNotices(state.notices);
      })
      .catch((failure: unknown) => live && setNotices(failureNotices(failure, texts, language)))
      .finally(() => live && setStarting(false));
    return () => {
      live = false;
    };
  }, [context]);

  // Live counts: the consultant's edits in the workbook re-read its steps (not while we write).
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    host
      .onUserChange(() => {
        if (running.current) return;
        readState(context)
          .then((state) => {
            if (!live || running.current) return;
            setWorkbook(state);
            setNotices((before) => liveNotices(before, state, language));
          })
          .catch(() => undefined);
      })
      .then((unsubscribe) => (live ? (stop = unsubscribe) : unsubscribe()))
      .catch(() => undefined);
    return () => {
      live = false;
      stop?.();
    };
  }, [context, renders]);

  /** Runs one action at a time; whatever it throws becomes a message, never a blank pane. */
  const perform = useCallback(
    async (
      action: () => Promise<ActionResult>,
      after: FocusTarget | null = "main",
      keepNotices = false
    ) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      if (!keepNotices) setNotices([]);
      let target: FocusTarget | undefined = after ?? undefined;
      try {
        const result = await action();
        if (!keepNotices || result.notices.length > 0) setNotices(result.notices);
        if (result.lists) showLists(result.lists);
        if (result.workbook) setWorkbook(result.workbook);
        if (result.rendered) setRenders((count) => count + 1);
        setPendingDrop(result.confirmDrop);
        if (result.confirmDrop) target = undefined;
        if (result.fieldProblems) {
          setBuildErrors(result.fieldProblems);
          setShowErrors(true);
          target = result.fieldProblems.clienteles.length > 0 ? "clienteles" : "needs";
        }
      } catch (failure: unknown) {
        setNotices(failureNotices(failure, texts, language));
      } finally {
        running.current = false;
        setBusy(false);
        setProgress(undefined);
        if (target) requestFocus(target);
      }
    },
    [texts, language]
  );

  const currentLists = (): NameLists => ({
    clienteles: lists.clienteles.names,
    needs: lists.needs.names,
  });

  const fieldErrors: Record<ListField, Problem[]> = showErrors
    ? {
        clienteles:
          lists.clienteles.errors.length > 0 ? lists.clienteles.errors : buildErrors.clienteles,
        needs: lists.needs.errors.length > 0 ? lists.needs.errors : buildErrors.needs,
      }
    : NO_ERRORS;

  const off = busy || starting || blockedReason !== undefined;
  const hasStudy = workbook?.hasStudy === true;
  const integrateWith = (confirmed?: PendingResponses, threshold?: number): void =>
    void perform(async () => {
      const result = await integrate(context, confirmed, threshold);
      setPendingResponses(result.confirmResponses);
      return result;
    }, null);

  return {
    texts,
    language,
    fields,
    setField: (field, value) => {
      setFields((before) => ({ ...before, [field]: value }));
      setBuildErrors(NO_ERRORS);
    },
    lists,
    fieldErrors,
    starting,
    busy,
    progress,
    blockedReason,
    workbook,
    notices,
    pendingDrop,
    focus: focus.target,
    focusKey: focus.key,
    canBuild: !off && lists.clienteles.names.length > 0 && lists.needs.names.length > 0,
    canOrder: !off && hasStudy && LATER.orderWorkbook !== undefined,
    canExport: !off && hasStudy && LATER.exportMatrixPicture !== undefined,
    canExportClient: !off && hasStudy && LATER.exportClientWorkbook !== undefined,
    canExportDeck: !off && hasStudy && LATER.exportClientDeck !== undefined,
    canExportRangeImage: !off && hasStudy && host.rangeImage !== undefined,
    takeSelection: (field) =>
      void perform(async () => {
        const { names, notices: hints } = await selection(context);
        if (names) setFields((before) => ({ ...before, [field]: joinLines(names) }));
        return { notices: hints };
      }, field),
    build: () => {
      setShowErrors(true);
      const invalid = (["clienteles", "needs"] as const).find(
        (field) => lists[field].errors.length > 0
      );
      if (invalid) {
        requestFocus(invalid);
        return;
      }
      void perform(() => build(context, currentLists()));
    },
    confirmDrop: ({ renames, keepCopy }) => {
      const pending = pendingDrop;
      setPendingDrop(undefined);
      if (pending)
        void perform(() => build(context, pending.lists, { confirmed: true, renames, keepCopy }));
    },
    cancelDrop: () => {
      setPendingDrop(undefined);
      requestFocus("main");
    },
    refresh: () => void perform(() => refresh(context)),
    template: () => void perform(() => template(context)),
    order: (k, replaceSegments) => void perform(() => order(context, k, replaceSegments)),
    exportPicture: () => void perform(() => exportPicture(context, saveFile)),
    exportClient: () => void perform(() => exportClientWorkbook(context, saveFile)),
    exportDeck: () => void perform(() => exportClientDeck(context, saveFile)),
    exportRangeImage: () => void perform(() => exportRangeImage(context, saveFile)),
    setWeight: (which, value) => void perform(() => setWeight(context, which, value), null, true),
    run: (action) => void perform(() => action(context)),
    canIntegrate: !off && workbook?.study !== undefined,
    integrateResponses: (threshold) => integrateWith(undefined, threshold),
    pendingResponses,
    confirmResponses: () => {
      const pending = pendingResponses;
      setPendingResponses(undefined);
      if (pending) integrateWith(pending);
    },
    cancelResponses: () => {
      setPendingResponses(undefined);
      requestFocus("main");
    },
    openSheet: (sheet) =>
      void attempt("navigate", () => host.activateSheet(sheet)).catch((failure: unknown) =>
        setNotices(failureNotices(failure, texts, language))
      ),
    select: (reference) =>
      void attempt("navigate", () => host.selectRange(reference)).catch((failure: unknown) =>
        setNotices(failureNotices(failure, texts, language))
      ),
  };
}

/** The drop summary after the renames the consultant keeps (the dialog's counts follow the ticks). */
export function summaryWith(pending: PendingDrop, renames: readonly Rename[]) {
  return dropSummary(pending.study, pending.lists, renames);
}
