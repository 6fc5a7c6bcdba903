/**
 * *Intégrer les réponses* in the ratings step: the button, the threshold from which a pair is
 * ticked (the command line's --threshold, in per cent) and where the responses come from.
 */
import React, { useState } from "react";
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DEFAULT_THRESHOLD } from "../analysis/responses";
import { responsesPaneTexts } from "../i18n/responses";
import { Language } from "../method/levels";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: "0" },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
  },
  threshold: { maxWidth: "11em" },
  hint: { margin: "0", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  button: { maxWidth: "100%", whiteSpace: "normal", height: "auto", minHeight: "24px" },
});

/** A whole number of per cent from 1 to 100 as a share, or undefined for anything else. */
export function thresholdOfPercent(typed: string): number | undefined {
  const text = typed.trim();
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const percent = Number(text);
  return percent >= 1 && percent <= 100 ? percent / 100 : undefined;
}

export function ResponsesAction(props: {
  language: Language;
  enabled: boolean;
  run: (threshold: number) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const texts = responsesPaneTexts(props.language);
  const [percent, setPercent] = useState(String(Math.round(DEFAULT_THRESHOLD * 100)));
  const threshold = thresholdOfPercent(percent);
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Field
          size="small"
          label={texts.threshold}
          className={styles.threshold}
          validationState={threshold === undefined ? "error" : "none"}
          validationMessage={threshold === undefined ? texts.thresholdInvalid : undefined}
        >
          <Input
            size="small"
            type="number"
            min={1}
            max={100}
            step={5}
            value={percent}
            onChange={(_, data) => setPercent(data.value)}
          />
        </Field>
        <Button
          size="small"
          className={styles.button}
          disabledFocusable={!props.enabled || threshold === undefined}
          onClick={() => {
            if (threshold !== undefined) props.run(threshold);
          }}
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
