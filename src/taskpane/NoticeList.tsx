/** The messages of the last action: a line each, a group's list on demand, cells as links. */
import React, { useId, useState } from "react";
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CellReference } from "../hosts/host";
import { Notice, NoticeLine } from "./notices";

export interface NoticeTexts {
  messages: string;
  showList: (count: number) => string;
  hideList: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: "0" },
  // Long names and sheet references must wrap inside a 320 px pane.
  body: { overflowWrap: "anywhere", whiteSpace: "normal", minWidth: "0" },
  list: {
    maxHeight: "12rem",
    overflowY: "auto",
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
  },
  link: { overflowWrap: "anywhere", textAlign: "start" },
  toggle: { marginTop: tokens.spacingVerticalXS },
});

/** "'Qui ressent quoi'!C5" as Excel writes it. */
export function referenceText(reference: CellReference): string {
  return `'${reference.sheet.replace(/'/g, "''")}'!${reference.cell}`;
}

function Line({
  line,
  onSelect,
}: {
  line: NoticeLine;
  onSelect: (reference: CellReference) => void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      {line.location && (
        <>
          <Link
            as="button"
            className={styles.link}
            onClick={() => line.location && onSelect(line.location)}
          >
            {referenceText(line.location)}
          </Link>{" "}
        </>
      )}
      {line.text}
    </>
  );
}

function NoticeBar({
  notice,
  texts,
  onSelect,
  onOpen,
}: {
  notice: Notice;
  texts: NoticeTexts;
  onSelect: (reference: CellReference) => void;
  onOpen: (sheet: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const items = notice.items ?? [];
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody className={styles.body}>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        <Line line={notice} onSelect={onSelect} />
        {notice.open && (
          <>
            {" "}
            <Link
              as="button"
              className={styles.link}
              onClick={() => notice.open && onOpen(notice.open.sheet)}
            >
              {notice.open.label}
            </Link>
          </>
        )}
        {items.length > 0 && (
          <div>
            <Button
              className={styles.toggle}
              size="small"
              appearance="transparent"
              aria-expanded={open}
              aria-controls={listId}
              onClick={() => setOpen(!open)}
            >
              {open ? texts.hideList : texts.showList(items.length)}
            </Button>
            {open && (
              <ul id={listId} className={styles.list} tabIndex={0} aria-label={notice.text}>
                {items.map((item, i) => (
                  <li key={i}>
                    <Line line={item} onSelect={onSelect} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export function NoticeList({
  notices,
  texts,
  onSelect = () => undefined,
  onOpen = () => undefined,
}: {
  notices: readonly Notice[];
  texts: NoticeTexts;
  onSelect?: (reference: CellReference) => void;
  onOpen?: (sheet: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={texts.messages} aria-live="polite">
      {notices.map((notice, i) => (
        <NoticeBar key={i} notice={notice} texts={texts} onSelect={onSelect} onOpen={onOpen} />
      ))}
    </section>
  );
}
