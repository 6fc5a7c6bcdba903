/** The messages of the last action, most important first as operations.ts ordered them. */
import React, { useEffect, useRef } from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Notice } from "./notices";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Long names and sheet references must wrap inside a 320 px pane.
  body: { overflowWrap: "anywhere", whiteSpace: "normal" },
});

export function NoticeList({ notices }: { notices: readonly Notice[] }): React.JSX.Element {
  const styles = useStyles();
  const first = useRef<HTMLDivElement>(null);
  // The results sit below the buttons, often under the fold of a narrow pane: bring them up.
  useEffect(() => {
    first.current?.scrollIntoView({ block: "nearest" });
  }, [notices]);
  return (
    <div className={styles.root} aria-live="polite">
      {notices.map((notice, i) => (
        <MessageBar
          key={i}
          ref={i === 0 ? first : undefined}
          intent={notice.intent}
          layout="multiline"
        >
          <MessageBarBody className={styles.body}>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
