/** Asks before a build drops ticked (maybe rated) pairs, listing each one: nothing lost by surprise. */
import React, { useRef } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Language } from "../method/levels";
import { Problem } from "../method/problems";
import { PaneTexts } from "../i18n/pane";
import { problemText } from "./notices";

export interface DropConfirmDialogProps {
  pairs: readonly Problem[] | undefined;
  texts: PaneTexts["confirmDrop"];
  language: Language;
  onConfirm: () => void;
  onCancel: () => void;
}

const useStyles = makeStyles({
  list: {
    maxHeight: "40vh",
    overflowY: "auto",
    paddingLeft: tokens.spacingHorizontalXL,
    overflowWrap: "anywhere",
  },
});

export function DropConfirmDialog(props: DropConfirmDialogProps): React.JSX.Element {
  const styles = useStyles();
  const { texts } = props;
  // The dialog fades out after it is answered: keep showing the pairs meanwhile, not an empty list.
  const lastPairs = useRef<readonly Problem[]>([]);
  if (props.pairs) lastPairs.current = props.pairs;
  return (
    <Dialog
      open={props.pairs !== undefined}
      modalType="alert"
      onOpenChange={(_, data) => !data.open && props.onCancel()}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{texts.title}</DialogTitle>
          <DialogContent>
            <p>{texts.intro}</p>
            <ul className={styles.list}>
              {lastPairs.current.map((pair, i) => (
                <li key={i}>{problemText(pair, props.language)}</li>
              ))}
            </ul>
            <p>{texts.question}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onCancel}>
              {texts.cancel}
            </Button>
            <Button appearance="primary" onClick={props.onConfirm}>
              {texts.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
