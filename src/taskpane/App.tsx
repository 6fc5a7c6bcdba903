/**
 * The task pane: the workbook's status and the one main action for its state at the top, progress
 * and messages right under them, then the method's steps with their counts.
 */
import React, { useEffect, useRef } from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Language } from "../method/levels";
import { nextStep, stepsOf } from "../app/steps";
import { PaneHost } from "../hosts/host";
import { NameListField } from "./NameListField";
import { NoticeList } from "./NoticeList";
import { DropConfirmDialog } from "./DropConfirmDialog";
import { ResponsesAction } from "./ResponsesAction";
import { ResponsesDialog } from "./ResponsesDialog";
import { StepList } from "./StepList";
import { RfmPanel } from "./RfmPanel";
import { problemMessage } from "./notices";
import { usePane } from "./use-pane";
import { isBlankTemplate } from "./actions";

export interface AppProps {
  host: PaneHost;
  language: Language;
  preview: boolean;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: "0",
    boxSizing: "border-box",
    overflowWrap: "anywhere",
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  // Headings and paragraphs bring browser margins; the column's gap spaces everything evenly.
  flush: { margin: "0" },
  status: { margin: "0", color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  action: { maxWidth: "100%", whiteSpace: "normal", height: "auto", minHeight: "32px" },
  lists: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: "0" },
  hint: { margin: "0", color: tokens.colorNeutralForeground2 },
  feedback: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: "0",
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export function App({ host, language, preview }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const pane = usePane(host, language);
  const { texts, workbook } = pane;
  const off = pane.busy || pane.starting || pane.blockedReason !== undefined;
  const blank = workbook !== undefined && isBlankTemplate(workbook);
  // A blank template has sheets but no names yet: the lists are still the way in.
  const hasStudy = workbook?.hasStudy === true && !blank;
  // Segment Matrix sheets are there (a study or a blank template): Actualiser reads them, and a
  // blank template would refuse to overwrite them.
  const sheetsExist = workbook?.hasStudy === true;
  const steps = workbook?.steps ?? stepsOf(undefined);
  const current = hasStudy ? nextStep(steps)?.id : "lists";

  const mainButton = useRef<HTMLButtonElement>(null);
  const clienteles = useRef<HTMLTextAreaElement>(null);
  const needs = useRef<HTMLTextAreaElement>(null);
  const [listsOpen, setListsOpen] = React.useState(false);
  const showLists = !hasStudy || listsOpen;

  useEffect(() => {
    if (pane.focusKey === 0) return;
    const target =
      pane.focus === "clienteles" ? clienteles : pane.focus === "needs" ? needs : mainButton;
    // After the dialog's own focus handling has run.
    const timer = setTimeout(() => target.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [pane.focusKey]);

  const status = workbook?.study
    ? texts.status.study(workbook.study)
    : blank
      ? texts.status.template
      : hasStudy
        ? texts.status.unreadable
        : texts.status.empty;
  const progressText = pane.progress
    ? texts.progress(pane.progress.done, pane.progress.total, pane.progress.sheet)
    : pane.starting
      ? texts.loading
      : pane.busy
        ? texts.busy
        : "";

  const listField = (field: "clienteles" | "needs") => (
    <NameListField
      label={texts[field].label}
      placeholder={texts[field].placeholder}
      value={pane.fields[field]}
      onChange={(value) => pane.setField(field, value)}
      count={texts.listCount(field, pane.lists[field].names.length)}
      errors={pane.fieldErrors[field].map((p) => problemMessage(p, language))}
      hints={pane.lists[field].hints.map((p) => problemMessage(p, language))}
      selectionLabel={texts.takeSelection}
      selectionAriaLabel={texts.takeSelectionFor(texts[field].label)}
      onTakeSelection={() => pane.takeSelection(field)}
      disabled={off}
      textareaRef={field === "clienteles" ? clienteles : needs}
    />
  );

  const lists = (
    <div className={styles.lists}>
      {hasStudy && (
        <div>
          <Button
            size="small"
            appearance="transparent"
            aria-expanded={listsOpen}
            onClick={() => setListsOpen(!listsOpen)}
          >
            {texts.editLists}
          </Button>
        </div>
      )}
      {showLists && (
        <>
          {listField("clienteles")}
          {listField("needs")}
          {!pane.canBuild && !off && (
            <Text as="p" size={200} className={styles.hint}>
              {texts.buildNeedsLists}
            </Text>
          )}
          <div className={styles.actions}>
            <Button
              ref={sheetsExist ? undefined : mainButton}
              className={styles.action}
              appearance={sheetsExist ? "secondary" : "primary"}
              onClick={pane.build}
              disabled={!pane.canBuild}
            >
              {hasStudy ? texts.rebuild : texts.build}
            </Button>
            {!sheetsExist && (
              <Button className={styles.action} onClick={pane.template} disabled={off}>
                {texts.template}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );

  return (
    <main className={styles.root} lang={language} aria-busy={pane.busy || pane.starting}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" width={24} height={24} alt="" />
        <Text as="h1" size={500} weight="semibold" className={styles.flush}>
          {texts.title}
        </Text>
      </header>
      <Text as="p" className={styles.status}>
        <span className={styles.visuallyHidden}>{texts.status.label} — </span>
        {status}
      </Text>
      {preview && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{texts.previewNote}</MessageBarBody>
        </MessageBar>
      )}
      {pane.blockedReason !== undefined && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{texts.cannotBuild}</MessageBarTitle>
            {pane.blockedReason}
          </MessageBarBody>
        </MessageBar>
      )}
      {sheetsExist && (
        <div className={styles.actions} role="group" aria-label={texts.mainActions}>
          <Button
            ref={mainButton}
            className={styles.action}
            appearance="primary"
            onClick={pane.refresh}
            disabled={off}
          >
            {texts.refresh}
          </Button>
        </div>
      )}
      {/* Progress at the top, told to screen readers; then the last action's messages. */}
      <div className={styles.feedback}>
        <div role="status" aria-live="polite">
          {(pane.busy || pane.starting) &&
            (pane.progress ? (
              <ProgressBar
                value={pane.progress.done}
                max={pane.progress.total}
                thickness="large"
                aria-label={progressText}
              />
            ) : (
              <Spinner size="tiny" label={progressText} />
            ))}
          {pane.progress && (
            <Text as="p" size={200} className={styles.flush}>
              {progressText}
            </Text>
          )}
        </div>
        <NoticeList
          notices={pane.notices}
          texts={texts}
          onSelect={pane.select}
          onOpen={pane.openSheet}
        />
      </div>
      <StepList
        texts={texts}
        language={language}
        workbook={workbook}
        steps={steps}
        current={current}
        busy={off}
        lists={lists}
        onOpen={pane.openSheet}
        onSelect={pane.select}
        onWeight={pane.setWeight}
        order={{ enabled: pane.canOrder, run: pane.order }}
        exportPicture={{ enabled: pane.canExport, run: pane.exportPicture }}
        exportClient={{ enabled: pane.canExportClient, run: pane.exportClient }}
        exportDeck={{ enabled: pane.canExportDeck, run: pane.exportDeck }}
        exportRangeImage={{
          enabled: pane.canExportRangeImage,
          available: host.rangeImage !== undefined,
          run: pane.exportRangeImage,
        }}
        responses={
          <ResponsesAction
            language={language}
            enabled={pane.canIntegrate}
            run={pane.integrateResponses}
          />
        }
      />
      <RfmPanel pane={pane} />
      <DropConfirmDialog
        pending={pane.pendingDrop}
        texts={texts.confirmDrop}
        language={language}
        onConfirm={pane.confirmDrop}
        onCancel={pane.cancelDrop}
      />
      <ResponsesDialog
        pending={pane.pendingResponses}
        language={language}
        onConfirm={pane.confirmResponses}
        onCancel={pane.cancelResponses}
      />
    </main>
  );
}
