/**
 * *Intégrer les réponses*: the host reads the *Réponses* sheet (or adds it, empty, the first time),
 * src/app/responses.ts decides, the pane asks before changing what was typed by hand or adding
 * names, then the study is built again with its evidence. Kept apart from actions.ts.
 */
import { DEFAULT_THRESHOLD, PairChange } from "../analysis/responses";
import { responsesPaneTexts } from "../i18n/responses";
import { responsesSheetPlan } from "../layout/sheets/responses";
import { hasStudy } from "../app/operations";
import {
  RESPONSES_LOOKUP,
  UnknownNames,
  integrateResponses,
  integrationKey,
  needsConfirmation,
} from "../app/responses";
import * as msg from "../messages";
import { ActionResult, PaneContext, renderOutcome } from "./actions";
import { Notice, attempt, problemNotices } from "./notices";

/** What the consultant is asked before the responses change what they typed or add names. */
export interface PendingResponses {
  sheet: string;
  handMade: PairChange[];
  unknown: UnknownNames;
  badRows: number;
  /** The integration shown (see integrationKey). */
  key: string;
  /** The threshold it was computed with: the confirmation applies the same. */
  threshold: number;
}

export type ResponsesResult = ActionResult & { confirmResponses?: PendingResponses };

/** `confirmed`: the question the consultant answered yes to. */
/** `threshold`: the share feeling from which a pair is ticked (the command line's --threshold). */
export async function integrate(
  context: PaneContext,
  confirmed?: PendingResponses,
  threshold = DEFAULT_THRESHOLD
): Promise<ResponsesResult> {
  const { host, language } = context;
  const texts = responsesPaneTexts(language);
  const snapshot = await attempt("read", () => host.readWorkbook());
  if (!hasStudy(snapshot)) return { notices: problemNotices([msg.responsesNeedStudy()], language) };
  const table = await attempt("read", () => host.readConsultantTable(RESPONSES_LOOKUP));
  if (!table) {
    const sheet = await attempt("write", () =>
      host.addConsultantSheet(responsesSheetPlan(language))
    );
    return { notices: [openNotice("info", texts.sheetAdded(sheet), sheet, context)] };
  }
  const integration = integrateResponses(snapshot, table, {
    language,
    threshold: confirmed?.threshold ?? threshold,
    addNew:
      confirmed !== undefined &&
      confirmed.unknown.clienteles.length + confirmed.unknown.needs.length > 0,
  });
  if (integration.empty)
    return { notices: [openNotice("info", texts.noRows(table.sheet), table.sheet, context)] };
  const key = integrationKey(integration);
  const asked = needsConfirmation(integration);
  if (asked && confirmed?.key !== key && integration.outcome) {
    const pending: PendingResponses = {
      sheet: table.sheet,
      handMade: integration.handMade,
      unknown: integration.unknown,
      badRows: integration.badRows.length,
      key,
      threshold: confirmed?.threshold ?? threshold,
    };
    const changed: Notice[] = confirmed ? [{ intent: "info", text: texts.changedSince }] : [];
    // The rows not counted and the names refused stay listed, by row, while the pane asks.
    const notices = [...changed, ...problemNotices(integration.problems, language)];
    return { notices, confirmResponses: pending };
  }
  const success = (): Notice => ({
    intent: "success",
    title: texts.done,
    text: integration.summary[0] ?? "",
    ...(integration.summary.length > 1
      ? { items: integration.summary.slice(1).map((text) => ({ text })) }
      : {}),
  });
  return renderOutcome(
    context,
    snapshot,
    { plan: integration.plan, study: integration.study, problems: integration.problems },
    success
  );
}

function openNotice(
  intent: Notice["intent"],
  text: string,
  sheet: string,
  context: PaneContext
): Notice {
  return { intent, text, open: { label: context.texts.steps.openSheetFor(sheet), sheet } };
}
