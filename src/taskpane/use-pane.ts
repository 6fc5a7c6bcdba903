/** The pane's state: the two lists, what it is doing, what it has to say, what it asks. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Language } from "../method/levels";
import { Problem } from "../method/problems";
import { parseNameList } from "../app/operations";
import { WorkbookHost } from "../hosts/host";
import { paneTexts } from "../i18n/pane";
import {
  ActionResult,
  NameLists,
  PaneContext,
  build,
  refresh,
  selection,
  start,
  template,
} from "./actions";
import { Notice, failureNotices } from "./notices";

export type ListField = "clienteles" | "needs";

export interface PaneState {
  texts: PaneContext["texts"];
  fields: Record<ListField, string>;
  setField: (field: ListField, value: string) => void;
  /** Still reading the workbook at start. */
  starting: boolean;
  busy: boolean;
  /** Why nothing can be built here (old Excel): every action is off. */
  blockedReason?: string;
  notices: Notice[];
  /** Pairs awaiting the consultant's yes or no before a build. */
  pendingDrop?: Problem[];
  takeSelection: (field: ListField) => void;
  build: () => void;
  confirmDrop: () => void;
  cancelDrop: () => void;
  refresh: () => void;
  template: () => void;
}

const joinLines = (names: string[]): string => names.join("\n");

export function usePane(host: WorkbookHost, language: Language): PaneState {
  const texts = paneTexts(language);
  const context = useMemo<PaneContext>(() => ({ host, language, texts }), [host, language, texts]);
  const [fields, setFields] = useState<Record<ListField, string>>({ clienteles: "", needs: "" });
  const [starting, setStarting] = useState(true);
  const [busy, setBusy] = useState(false);
  const [blockedReason, setBlockedReason] = useState<string>();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [pendingDrop, setPendingDrop] = useState<ActionResult["confirmDrop"]>();
  // Disabled buttons re-render a moment after the click; this closes the gap for double clicks.
  const running = useRef(false);

  const showLists = (lists: NameLists): void =>
    setFields({ clienteles: joinLines(lists.clienteles), needs: joinLines(lists.needs) });

  useEffect(() => {
    let live = true;
    start(context)
      .then((state) => {
        if (!live) return;
        setBlockedReason(state.blockedReason);
        if (state.lists) showLists(state.lists);
      })
      .catch((failure: unknown) => live && setNotices(failureNotices(failure, texts, language)))
      .finally(() => live && setStarting(false));
    return () => {
      live = false;
    };
  }, [context]);

  /** Runs one action at a time; whatever it throws becomes a message, never a blank pane. */
  const perform = useCallback(
    async (action: () => Promise<ActionResult>): Promise<void> => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setNotices([]);
      try {
        const result = await action();
        setNotices(result.notices);
        if (result.lists) showLists(result.lists);
        setPendingDrop(result.confirmDrop);
      } catch (failure: unknown) {
        setNotices(failureNotices(failure, texts, language));
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [texts, language]
  );

  const currentLists = (): NameLists => ({
    clienteles: parseNameList(fields.clienteles),
    needs: parseNameList(fields.needs),
  });

  return {
    texts,
    fields,
    setField: (field, value) => setFields((before) => ({ ...before, [field]: value })),
    starting,
    busy,
    blockedReason,
    notices,
    pendingDrop: pendingDrop?.pairs,
    takeSelection: (field) =>
      void perform(async () => {
        const { names, notices: hints } = await selection(context);
        if (names) setFields((before) => ({ ...before, [field]: joinLines(names) }));
        return { notices: hints };
      }),
    build: () => void perform(() => build(context, currentLists(), false)),
    confirmDrop: () => {
      const lists = pendingDrop?.lists;
      setPendingDrop(undefined);
      if (lists) void perform(() => build(context, lists, true));
    },
    cancelDrop: () => setPendingDrop(undefined),
    refresh: () => void perform(() => refresh(context)),
    template: () => void perform(() => template(context)),
  };
}
