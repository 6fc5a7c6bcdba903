/** One list of names: a multiline field (paste cells from Excel straight in) and a selection button. */
import React from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";

export interface NameListFieldProps {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  selectionLabel: string;
  selectionAriaLabel: string;
  onTakeSelection: () => void;
  disabled: boolean;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  textarea: { width: "100%" },
  selection: { alignSelf: "flex-start" },
});

export function NameListField(props: NameListFieldProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label={props.label}>
        <Textarea
          className={styles.textarea}
          value={props.value}
          onChange={(_, data) => props.onChange(data.value)}
          placeholder={props.placeholder}
          resize="vertical"
          rows={4}
          spellCheck={false}
        />
      </Field>
      <Button
        className={styles.selection}
        size="small"
        onClick={props.onTakeSelection}
        disabled={props.disabled}
        aria-label={props.selectionAriaLabel}
      >
        {props.selectionLabel}
      </Button>
    </div>
  );
}
