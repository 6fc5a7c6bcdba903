/**
 * The safety net before a rebuild that drops ticked pairs or segments' members: a summary first
 * (2 clientèles removed, 4 rated pairs lost, 1 member of a segment removed), the likely renames to carry over, a copy of the ratings sheet to keep, and
 * the details collapsed in a region that scrolls with the keyboard.
 */
import React, { useEffect, useId, useRef, useState } from "react";
import {
  Button,
  Checkbox,
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
import { Rename, dropSummary } from "../app/safety";
import { describeRatings, segmentMemberWillDrop } from "../messages";
import { Language } from "../method/levels";
import { useConfirmDialogStyles } from "./confirm-dialog-styles";
import { PaneTexts } from "../i18n/pane";
import { PendingDrop } from "./actions";
import { DropChoices } from "./use-pane";

export interface DropConfirmDialogProps {
  pending: PendingDrop | undefined;
  texts: PaneTexts["confirmDrop"];
  language: Language;
  onConfirm: (choices: DropChoices) => void;
  onCancel: () => void;
}

const useStyles = makeStyles({
  detailsHeight: { maxHeight: "30vh" },
  renames: { display: "flex", flexDirection: "column" },
});

const key = (rename: Rename): string => `${rename.list}\u0000${rename.from}\u0000${rename.to}`;

export function DropConfirmDialog(props: DropConfirmDialogProps): React.JSX.Element {
  const styles = { ...useConfirmDialogStyles(), ...useStyles() };
  const { texts } = props;
  // The dialog fades out after it is answered: keep showing its content meanwhile.
  const last = useRef<PendingDrop>();
  if (props.pending) last.current = props.pending;
  const pending = last.current;
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [keepCopy, setKeepCopy] = useState(true);
  const [open, setOpen] = useState(false);
  const detailsId = useId();

  useEffect(() => {
    if (!props.pending) return;
    // Every likely rename is carried over unless the consultant unticks it.
    setAccepted(new Set(props.pending.renames.map(key)));
    setKeepCopy(props.pending.summary.ratedLost > 0);
    setOpen(false);
  }, [props.pending]);

  const renames = pending ? pending.renames.filter((r) => accepted.has(key(r))) : [];
  const summary = pending && dropSummary(pending.study, pending.lists, renames);

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
            {pending && summary && (
              <>
                <Text as="p" weight="semibold" className={styles.text}>
                  {texts.summary(
                    summary.clientelesRemoved.length,
                    summary.needsRemoved.length,
                    summary.pairsLost.length,
                    summary.ratedLost
                  )}
                </Text>
                {summary.membersLost.length > 0 && (
                  <Text as="p" weight="semibold" className={styles.text}>
                    {texts.membersLost(summary.membersLost.length)}
                  </Text>
                )}
                {pending.renames.length > 0 && (
                  <fieldset className={styles.renames} style={{ border: "none", padding: 0 }}>
                    <legend className={styles.text}>{texts.renames}</legend>
                    {pending.renames.map((rename) => (
                      <Checkbox
                        key={key(rename)}
                        label={texts.rename(rename.from, rename.to)}
                        checked={accepted.has(key(rename))}
                        onChange={(_, data) => {
                          const next = new Set(accepted);
                          if (data.checked) next.add(key(rename));
                          else next.delete(key(rename));
                          setAccepted(next);
                        }}
                      />
                    ))}
                  </fieldset>
                )}
                <Button
                  appearance="transparent"
                  aria-expanded={open}
                  aria-controls={detailsId}
                  onClick={() => setOpen(!open)}
                >
                  {texts.details}
                </Button>
                {open && (
                  <div
                    id={detailsId}
                    className={mergeClasses(styles.details, styles.detailsHeight)}
                    role="region"
                    aria-label={texts.detailsRegion}
                    tabIndex={0}
                  >
                    {summary.clientelesRemoved.length > 0 && (
                      <>
                        <h3 className={styles.heading}>{texts.removedClienteles}</h3>
                        <ul className={styles.list}>
                          {summary.clientelesRemoved.map((name, i) => (
                            <li key={i}>{name}</li>
                          ))}
                        </ul>
                      </>
                    )}
                    {summary.needsRemoved.length > 0 && (
                      <>
                        <h3 className={styles.heading}>{texts.removedNeeds}</h3>
                        <ul className={styles.list}>
                          {summary.needsRemoved.map((name, i) => (
                            <li key={i}>{name}</li>
                          ))}
                        </ul>
                      </>
                    )}
                    {summary.pairsLost.length > 0 && (
                      <>
                        <h3 className={styles.heading}>{texts.lostPairs}</h3>
                        <ul className={styles.list}>
                          {summary.pairsLost.map((pair, i) => (
                            <li key={i}>
                              {pair.clientele} × {pair.need}
                              {describeRatings(pair, props.language)}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                    {summary.membersLost.length > 0 && (
                      <>
                        <h3 className={styles.heading}>{texts.lostMembers}</h3>
                        <ul className={styles.list}>
                          {summary.membersLost.map((lost, i) => (
                            <li key={i}>
                              {
                                segmentMemberWillDrop(lost.segment, lost.list, lost.member).message[
                                  props.language
                                ]
                              }
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </div>
                )}
                {pending.ratingsSheet && (
                  <Checkbox
                    label={texts.keepCopy(pending.ratingsSheet)}
                    checked={keepCopy}
                    onChange={(_, data) => setKeepCopy(data.checked === true)}
                  />
                )}
                <Text as="p" className={styles.text}>
                  {texts.question}
                </Text>
              </>
            )}
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="secondary" onClick={props.onCancel}>
              {texts.cancel}
            </Button>
            <Button appearance="primary" onClick={() => props.onConfirm({ renames, keepCopy })}>
              {texts.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
