/**
 * Before the responses change what the consultant typed by hand or add names to the study: every
 * hand-made tick or rating they change, before → after, and the names the study lacks, in a region
 * that scrolls with the keyboard; Integrate (or Add these names and integrate) or Cancel.
 */
import React, { useId, useRef } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  mergeClasses,
} from "@fluentui/react-components";
import { describeChange, responsesPaneTexts } from "../i18n/responses";
import { Language } from "../method/levels";
import { useConfirmDialogStyles } from "./confirm-dialog-styles";
import { PendingResponses } from "./responses-actions";

export interface ResponsesDialogProps {
  pending: PendingResponses | undefined;
  language: Language;
  onConfirm: () => void;
  onCancel: () => void;
}

const useStyles = makeStyles({
  detailsHeight: { maxHeight: "40vh" },
});

export function ResponsesDialog(props: ResponsesDialogProps): React.JSX.Element {
  const styles = { ...useConfirmDialogStyles(), ...useStyles() };
  const texts = responsesPaneTexts(props.language).dialog;
  // The dialog fades out after it is answered: keep showing its content meanwhile.
  const last = useRef<PendingResponses>();
  if (props.pending) last.current = props.pending;
  const pending = last.current;
  const regionId = useId();
  const unknown = pending ? pending.unknown.clienteles.length + pending.unknown.needs.length : 0;
  return (
    <Dialog
      open={props.pending !== undefined}
      modalType="alert"
      onOpenChange={(_, data) => !data.open && props.onCancel()}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{texts.title}</DialogTitle>
          <DialogContent>
            {pending && (
              <>
                <Text as="p" weight="semibold" className={styles.text}>
                  {texts.intro(pending.handMade.length, unknown)}
                </Text>
                {pending.badRows > 0 && (
                  <Text as="p" className={styles.text}>
                    {texts.badRows(pending.badRows)}
                  </Text>
                )}
                <div
                  id={regionId}
                  className={mergeClasses(styles.details, styles.detailsHeight)}
                  role="region"
                  aria-label={texts.title}
                  tabIndex={0}
                >
                  {unknown > 0 && (
                    <>
                      <h3 className={styles.heading}>{texts.unknown}</h3>
                      <ul className={styles.list}>
                        {pending.unknown.clienteles.map((name, i) => (
                          <li key={`c${i}`}>{texts.clientele(name)}</li>
                        ))}
                        {pending.unknown.needs.map((name, i) => (
                          <li key={`n${i}`}>{texts.need(name)}</li>
                        ))}
                      </ul>
                    </>
                  )}
                  {pending.handMade.length > 0 && (
                    <>
                      <h3 className={styles.heading}>{texts.handMade}</h3>
                      <ul className={styles.list}>
                        {pending.handMade.map((change, i) => (
                          <li key={i}>{describeChange(change, props.language).trim()}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              </>
            )}
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="secondary" onClick={props.onCancel}>
              {texts.cancel}
            </Button>
            <Button appearance="primary" onClick={props.onConfirm}>
              {unknown > 0 ? texts.addAndApply : texts.apply}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
