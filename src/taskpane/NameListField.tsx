/**
 * One list of names: a multiline field (paste cells from Excel straight in) with its live count, its
 * errors on the field itself (validationMessage, aria-invalid) and a selection button.
 */
import React from "react";
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";

export interface NameListFieldProps {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** "13 clientèles". */
  count: string;
  /** Errors: the field is marked invalid and says why. */
  errors: readonly string[];
  /** Said under the field, not an error. */
  hints: readonly string[];
  selectionLabel: string;
  selectionAriaLabel: string;
  onTakeSelection: () => void;
  disabled: boolean;
  textareaRef?: React.Ref<HTMLTextAreaElement>;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: "0" },
  textarea: { width: "100%", minWidth: "0" },
  message: { overflowWrap: "anywhere" },
  selection: { alignSelf: "flex-start", maxWidth: "100%", whiteSpace: "normal" },
});

export function NameListField(props: NameListFieldProps): React.JSX.Element {
  const styles = useStyles();
  const invalid = props.errors.length > 0;
  const message = invalid ? props.errors.join(" ") : props.hints.join(" ");
  return (
    <div className={styles.root}>
      <Field
        label={props.label}
        hint={props.count}
        validationState={invalid ? "error" : props.hints.length > 0 ? "warning" : "none"}
        validationMessage={
          message === "" ? undefined : <span className={styles.message}>{message}</span>
        }
      >
        <Textarea
          ref={props.textareaRef}
          className={styles.textarea}
          value={props.value}
          onChange={(_, data) => props.onChange(data.value)}
          placeholder={props.placeholder}
          resize="vertical"
          rows={4}
          spellCheck={false}
          disabled={props.disabled}
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
