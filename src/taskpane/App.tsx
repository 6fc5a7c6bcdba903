/** The task pane: help, the two lists, the three actions, and what happened. */
import React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Language } from "../method/levels";
import { WorkbookHost } from "../hosts/host";
import { NameListField } from "./NameListField";
import { NoticeList } from "./NoticeList";
import { DropConfirmDialog } from "./DropConfirmDialog";
import { usePane } from "./use-pane";

export interface AppProps {
  host: WorkbookHost;
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
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  // Headings and paragraphs bring browser margins; the column's gap spaces everything evenly.
  flush: { margin: "0" },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  action: { width: "100%" },
});

export function App({ host, language, preview }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const pane = usePane(host, language);
  const { texts } = pane;
  const off = pane.busy || pane.starting || pane.blockedReason !== undefined;

  return (
    <main className={styles.root} lang={language}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" width={24} height={24} alt="" />
        <Text as="h1" size={500} weight="semibold" className={styles.flush}>
          {texts.title}
        </Text>
      </header>
      <Text as="p" className={styles.flush}>
        {texts.help}
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
      <NameListField
        label={texts.clienteles.label}
        placeholder={texts.clienteles.placeholder}
        value={pane.fields.clienteles}
        onChange={(value) => pane.setField("clienteles", value)}
        selectionLabel={texts.takeSelection}
        selectionAriaLabel={texts.takeSelectionFor(texts.clienteles.label)}
        onTakeSelection={() => pane.takeSelection("clienteles")}
        disabled={off}
      />
      <NameListField
        label={texts.needs.label}
        placeholder={texts.needs.placeholder}
        value={pane.fields.needs}
        onChange={(value) => pane.setField("needs", value)}
        selectionLabel={texts.takeSelection}
        selectionAriaLabel={texts.takeSelectionFor(texts.needs.label)}
        onTakeSelection={() => pane.takeSelection("needs")}
        disabled={off}
      />
      <div className={styles.actions}>
        <Button className={styles.action} appearance="primary" onClick={pane.build} disabled={off}>
          {texts.build}
        </Button>
        <Button className={styles.action} onClick={pane.refresh} disabled={off}>
          {texts.refresh}
        </Button>
        <Button className={styles.action} onClick={pane.template} disabled={off}>
          {texts.template}
        </Button>
      </div>
      {(pane.busy || pane.starting) && (
        <Spinner size="tiny" label={pane.starting ? texts.loading : texts.busy} />
      )}
      <NoticeList notices={pane.notices} />
      <DropConfirmDialog
        pairs={pane.pendingDrop}
        texts={texts.confirmDrop}
        language={language}
        onConfirm={pane.confirmDrop}
        onCancel={pane.cancelDrop}
      />
    </main>
  );
}
