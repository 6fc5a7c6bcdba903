/**
 * Clients RFM in the pane (issue 15): read the selected table's header line, confirm the three
 * columns (guessed by the command line's rule) and the analysis date, then score and write the RFM
 * sheets. The stories are in rfm-actions.ts; this keeps what the consultant chose.
 */
import React, { useId, useState } from "react";
import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { COLUMN_ROLES, ColumnRole } from "../hosts/data/columns";
import { rfmPaneTexts } from "../i18n/pane-rfm";
import { RfmSetup, rfmReadSelection, rfmRun } from "./rfm-actions";
import { PaneState } from "./use-pane";
import { rectAddress } from "../layout/a1";

const useStyles = makeStyles({
  panel: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: "0",
  },
  flush: { margin: "0", overflowWrap: "anywhere" },
  hint: { margin: "0", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  action: { maxWidth: "100%", whiteSpace: "normal", height: "auto", minHeight: "32px" },
});

export function RfmPanel({ pane }: { pane: PaneState }): React.JSX.Element {
  const styles = useStyles();
  const texts = rfmPaneTexts(pane.language);
  const headingId = useId();
  const [setup, setSetup] = useState<RfmSetup>();
  const [columns, setColumns] = useState<Partial<Record<ColumnRole, string>>>({});
  const [date, setDate] = useState("");
  const [clientele, setClientele] = useState("");
  const [reading, setReading] = useState<{ done: number; total: number }>();
  const off = pane.busy || pane.starting || pane.blockedReason !== undefined;

  const read = () =>
    pane.run(async (context) => {
      const found = await rfmReadSelection(context);
      setSetup(found);
      setColumns(found.guessed);
      setClientele("");
      return { notices: [] };
    });
  const run = (chosen: RfmSetup) =>
    pane.run(async (context) => {
      try {
        const result = await rfmRun(
          context,
          chosen,
          { columns, analysisDate: date, ...(clientele ? { clientele } : {}) },
          (done, total) => setReading({ done, total })
        );
        if (result.rendered) setSetup(undefined);
        return result;
      } finally {
        setReading(undefined);
      }
    });

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={400} weight="semibold" className={styles.flush}>
        {texts.title}
      </Text>
      <Text as="p" size={200} className={styles.hint}>
        {texts.explanation}
      </Text>
      {!setup && (
        <div className={styles.actions}>
          <Button className={styles.action} onClick={read} disabled={off}>
            {texts.readSelection}
          </Button>
        </div>
      )}
      {setup && (
        <>
          <Text as="p" className={styles.flush}>
            {texts.table(
              `'${setup.table.sheet}'!${rectAddress(setup.table.rect)}`,
              setup.table.rect.rows - 1
            )}
          </Text>
          {COLUMN_ROLES.map((role) => (
            <Field key={role} label={texts.columnLabel[role]}>
              <Select
                value={columns[role] ?? ""}
                disabled={off}
                onChange={(_, data) =>
                  setColumns((before) => ({ ...before, [role]: data.value || undefined }))
                }
              >
                <option value="">{texts.choose}</option>
                {setup.options.map((header) => (
                  <option key={header} value={header}>
                    {header}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          <Field label={texts.clienteleLabel} hint={texts.clienteleHint}>
            <Select
              value={clientele}
              disabled={off}
              onChange={(_, data) => setClientele(data.value)}
            >
              <option value="">{texts.noClientele}</option>
              {setup.options.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={texts.dateLabel} hint={texts.dateHint}>
            <Input
              value={date}
              placeholder="2026-01-01"
              disabled={off}
              onChange={(_, data) => setDate(data.value)}
            />
          </Field>
          <div role="status" aria-live="polite">
            {reading && (
              <Text as="p" size={200} className={styles.flush}>
                {texts.reading(reading.done, reading.total)}
              </Text>
            )}
          </div>
          <div className={styles.actions}>
            <Button
              className={styles.action}
              appearance="primary"
              onClick={() => run(setup)}
              disabled={off}
            >
              {texts.run}
            </Button>
            <Button className={styles.action} onClick={() => setSetup(undefined)} disabled={off}>
              {texts.cancel}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
