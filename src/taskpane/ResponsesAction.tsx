/** *Intégrer les réponses* in the ratings step: the button and where the responses come from. */
import React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { responsesPaneTexts } from "../i18n/responses";
import { Language } from "../method/levels";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: "0" },
  hint: { margin: "0", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  button: { maxWidth: "100%", whiteSpace: "normal", height: "auto", minHeight: "24px" },
});

export function ResponsesAction(props: {
  language: Language;
  enabled: boolean;
  run: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const texts = responsesPaneTexts(props.language);
  return (
    <div className={styles.root}>
      <div>
        <Button
          size="small"
          className={styles.button}
          disabledFocusable={!props.enabled}
          onClick={props.run}
        >
          {texts.button}
        </Button>
      </div>
      <Text as="p" size={200} className={styles.hint}>
        {texts.hint}
      </Text>
    </div>
  );
}
