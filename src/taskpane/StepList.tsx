/**
 * The method's six steps, each with its status from the material's legend, a line from the method,
 * live counts read from the workbook and a way to open its sheet. The first step holds the lists.
 */
import React, { useEffect, useId, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Link,
  Text,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { CHECKLIST_STATUSES, ChecklistStatus } from "../method/segments";
import { WEIGHT_MAX, WEIGHT_MIN } from "../method/study";
import { weightProblem } from "../method/validate";
import { pairMatrixCell } from "../layout/sheets/matrix";
import { Step, StepOf, WorkbookState } from "../app/steps";
import { CellReference } from "../hosts/host";
import { PaneTexts } from "../i18n/pane";
import { problemMessage } from "./notices";
import { describeConquestReason } from "../i18n/advice";
import { frenchSpacing } from "../i18n/pane";
import { Language } from "../method/levels";

const useStyles = makeStyles({
  steps: {
    listStyleType: "none",
    margin: "0",
    padding: "0",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  step: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    minWidth: "0",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
    minWidth: "0",
  },
  title: { margin: "0", overflowWrap: "anywhere" },
  status: {
    fontSize: tokens.fontSizeBase200,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    whiteSpace: "nowrap",
  },
  text: { margin: "0", overflowWrap: "anywhere" },
  explanation: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  button: { maxWidth: "100%", whiteSpace: "normal", height: "auto", minHeight: "24px" },
  best: { margin: "0", paddingLeft: tokens.spacingHorizontalL },
  // Segment names can be long: they wrap rather than widen the pane.
  evidence: { margin: "0", paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  link: { overflowWrap: "anywhere", textAlign: "start" },
  // A fieldset is at least as wide as its content unless told otherwise: at 200 % zoom the weight
  // fields would be cut off at the pane's edge.
  weights: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, minWidth: "0" },
  weight: { width: "9rem", maxWidth: "100%", minWidth: "0" },
  weightInput: { minWidth: "0", maxWidth: "100%" },
  names: { margin: "0", paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export interface StepListProps {
  texts: PaneTexts;
  language: Language;
  workbook?: WorkbookState;
  steps: readonly Step[];
  /** The step to work on next (outlined). */
  current?: Step["id"];
  busy: boolean;
  /** The first step's content: the lists and their actions. */
  lists: React.ReactNode;
  onOpen: (sheet: string) => void;
  onSelect: (reference: CellReference) => void;
  onWeight: (which: "perception" | "impact", value: number) => void;
  order?: { enabled: boolean; run: (k?: number, replaceSegments?: boolean) => void };
  exportPicture?: { enabled: boolean; run: () => void };
  /** The client workbook (issue 8), and Excel's own picture of the matrix where Excel has it. */
  exportClient?: { enabled: boolean; run: () => void };
  /** The client deck, PowerPoint (issue 14). */
  exportDeck?: { enabled: boolean; run: () => void };
  exportRangeImage?: { enabled: boolean; available: boolean; run: () => void };
  /** Intégrer les réponses (issue 16): shown in the ratings step. */
  responses?: React.ReactNode;
}

/** The legend's symbol and word ("✗ A faire"); read out as "Statut : ✗ A faire". */
function StatusBadge(props: { status: ChecklistStatus; label: string; language: Language }) {
  const styles = useStyles();
  const legend = CHECKLIST_STATUSES.find((s) => s.canonical === props.status);
  return (
    <span className={styles.status} role="img" aria-label={props.label}>
      {legend ? `${legend.symbol} ${legend[props.language]}` : ""}
    </span>
  );
}

/** A button for an action that may not be in this version: visible, disabled, with a tooltip. */
function LaterButton(props: {
  label: string;
  tooltip: string;
  enabled: boolean;
  available: boolean;
  onClick: () => void;
}) {
  const styles = useStyles();
  const button = (
    <Button
      className={styles.button}
      size="small"
      disabledFocusable={!props.enabled}
      onClick={props.onClick}
    >
      {props.label}
    </Button>
  );
  return props.available ? (
    button
  ) : (
    <Tooltip content={props.tooltip} relationship="description" withArrow>
      {button}
    </Tooltip>
  );
}

function WeightField(props: {
  label: string;
  hint: string;
  value: number | undefined;
  language: Language;
  disabled: boolean;
  onCommit: (value: number) => void;
}) {
  const styles = useStyles();
  // A weight set in the sheet reads as the consultant writes it: 1,5 in French.
  const shown = (value: number): string =>
    props.language === "fr" ? String(value).replace(".", ",") : String(value);
  const [text, setText] = useState(props.value === undefined ? "" : shown(props.value));
  useEffect(() => {
    if (props.value !== undefined && Number(text.replace(",", ".")) !== props.value)
      setText(shown(props.value));
    // Only when the workbook's value changes, not while typing.
  }, [props.value]);
  // Plain decimals only, with a point or a French comma (not "1e0", "0x2" or "Infinity").
  const parsed = /^\s*\d+(?:[.,]\d+)?\s*$/.test(text) ? Number(text.trim().replace(",", ".")) : NaN;
  const valid = Number.isFinite(parsed) && parsed >= WEIGHT_MIN && parsed <= WEIGHT_MAX;
  useEffect(() => {
    if (!valid || parsed === props.value) return undefined;
    const timer = setTimeout(() => props.onCommit(parsed), 250);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <Field
      className={styles.weight}
      label={props.label}
      hint={valid ? props.hint : undefined}
      validationState={valid ? "none" : "error"}
      validationMessage={
        valid ? undefined : problemMessage(weightProblem(text, {}), props.language)
      }
    >
      {/* Text, not a number input: a French "2,5" must reach the parser as typed (a number input
          drops the comma and shows an empty value for anything it cannot read). */}
      <Input
        type="text"
        inputMode="decimal"
        className={styles.weightInput}
        value={text}
        disabled={props.disabled}
        onChange={(_, data) => setText(data.value)}
      />
    </Field>
  );
}

/** Order by need profile and, with a number, cut into that many segments (the suggested one first). */
function OrderAction(
  props: StepListProps & {
    order: NonNullable<StepListProps["order"]>;
    step: StepOf<"segments">;
  }
) {
  const styles = useStyles();
  const { texts, order, step } = props;
  const [k, setK] = useState(step.suggestedK === undefined ? "" : String(step.suggestedK));
  useEffect(() => {
    if (step.suggestedK !== undefined) setK(String(step.suggestedK));
  }, [step.suggestedK]);
  const [replace, setReplace] = useState(false);
  const count = Number(k);
  const valid = k.trim() === "" || (Number.isInteger(count) && count >= 1);
  // Cutting replaces the segments already there: only with the consultant's explicit consent.
  const cutting = k.trim() !== "" && valid;
  const asksConsent = cutting && step.segments > 0;
  return (
    <div className={styles.actions}>
      {/* The number only means something once the ordering is there: hidden until then. */}
      {order.enabled && (
        <Field
          className={styles.weight}
          label={texts.segmentCount}
          validationState={valid ? "none" : "error"}
          validationMessage={valid ? undefined : texts.segmentCountInvalid}
        >
          <Input
            type="number"
            className={styles.weightInput}
            min={1}
            step={1}
            value={k}
            disabled={props.busy}
            onChange={(_, data) => setK(data.value)}
          />
        </Field>
      )}
      {order.enabled && asksConsent && (
        <Checkbox
          checked={replace}
          onChange={(_, data) => setReplace(data.checked === true)}
          label={texts.replaceSegments(step.segments)}
        />
      )}
      <LaterButton
        label={texts.order}
        tooltip={texts.notInThisVersion}
        enabled={order.enabled && valid}
        available={order.enabled || props.busy}
        onClick={() => order.run(cutting ? count : undefined, asksConsent && replace)}
      />
    </div>
  );
}

/**
 * The method's judgement on the study as the workbook holds it now: its suggested order, each step
 * with its reason, and its warnings with their codes, worded in the study's language.
 */
function MethodAdvice(props: { texts: PaneTexts; step: StepOf<"targeting"> }) {
  const styles = useStyles();
  const { texts, step } = props;
  const spaced = (line: string): string => (step.language === "fr" ? frenchSpacing(line) : line);
  return (
    <>
      {step.suggestedConquest.length > 0 && (
        <>
          <Text as="p" className={styles.text}>
            {texts.steps.suggestedConquest}
          </Text>
          <ol className={styles.best} lang={step.language}>
            {step.suggestedConquest.map((conquest) => (
              <li key={conquest.segment}>
                {spaced(`${conquest.segment} — ${describeConquestReason(conquest, step.language)}`)}
              </li>
            ))}
          </ol>
        </>
      )}
      {step.warnings.length === 0 ? (
        <Text as="p" className={styles.text}>
          {texts.steps.noMethodWarning}
        </Text>
      ) : (
        <>
          <Text as="p" className={styles.text}>
            {texts.steps.methodWarnings}
          </Text>
          <ul className={styles.best} lang={step.language} aria-label={texts.steps.methodWarnings}>
            {step.warnings.map((warning, i) => (
              <li key={i} data-code={warning.code}>
                {`[${warning.code}] ${problemMessage(warning.problem, step.language)}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Names({ names }: { names: readonly string[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.names}>
      {names.map((name, i) => (
        <li key={i}>{name}</li>
      ))}
    </ul>
  );
}

function Without({ step, texts }: { step: StepOf<"ticks">; texts: PaneTexts }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const id = useId();
  const count = step.clientelesWithout.length + step.needsWithout.length;
  if (count === 0) return null;
  return (
    <div>
      <Text as="p" className={styles.text}>
        {texts.steps.without(step.clientelesWithout.length, step.needsWithout.length)}{" "}
        <Link as="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? texts.hideList : texts.showList(count)}
        </Link>
      </Text>
      {open && (
        <div id={id}>
          <Names names={[...step.clientelesWithout, ...step.needsWithout]} />
        </div>
      )}
    </div>
  );
}

function StepBody(props: StepListProps & { step: Step }) {
  const styles = useStyles();
  const { step, texts } = props;
  // The counts stay when another sheet holds an error (see WorkbookState.counted).
  const study = props.workbook?.study ?? props.workbook?.counted;
  switch (step.id) {
    case "lists":
      return (
        <>
          {study && (
            <Text as="p" className={styles.text}>
              {texts.steps.lists(step.clienteles, step.needs)}
            </Text>
          )}
          {props.lists}
        </>
      );
    case "ticks":
      return study ? (
        <>
          <Text as="p" className={styles.text}>
            {texts.steps.ticks(step.ticks)}
          </Text>
          <Without step={step} texts={texts} />
        </>
      ) : null;
    case "ratings":
      return study ? (
        <>
          <Text as="p" className={styles.text}>
            {texts.steps.ratings(step.rated, step.ticked)}
          </Text>
          {step.rowsMissing > 0 && (
            <Text as="p" className={styles.text}>
              {texts.steps.rowsMissing(step.rowsMissing)}
            </Text>
          )}
          {props.responses}
        </>
      ) : null;
    case "matrix":
      if (!study) return null;
      return (
        <>
          {step.evidence && step.evidence.rated > 0 && (
            <Text as="p" className={styles.text}>
              {texts.steps.evidence(step.evidence)}
            </Text>
          )}
          {step.best.length === 0 ? (
            <Text as="p" className={styles.text}>
              {texts.steps.matrixEmpty}
            </Text>
          ) : (
            <>
              <Text as="p" className={styles.text} weight="semibold">
                {texts.steps.bestPairs}
              </Text>
              <ol className={styles.best}>
                {step.best.map((pair, i) => {
                  const cell = step.sheet && pairMatrixCell(study, pair.clientele, pair.need);
                  const label = texts.steps.pair(pair.clientele, pair.need, pair.score);
                  return (
                    <li key={i}>
                      {cell && step.sheet ? (
                        <Link
                          as="button"
                          className={styles.link}
                          title={texts.steps.selectPair(pair.clientele, pair.need)}
                          onClick={() => step.sheet && props.onSelect({ sheet: step.sheet, cell })}
                        >
                          {label}
                        </Link>
                      ) : (
                        label
                      )}
                    </li>
                  );
                })}
              </ol>
            </>
          )}
          {props.workbook?.sheets.settings && (
            <fieldset className={styles.weights} style={{ border: "none", padding: 0, margin: 0 }}>
              <legend>
                <Text weight="semibold">{texts.steps.weights}</Text>
              </legend>
              <WeightField
                label={texts.steps.weightPerception}
                hint={texts.steps.weightHint}
                value={step.weights?.perception}
                language={props.language}
                disabled={props.busy}
                onCommit={(value) => props.onWeight("perception", value)}
              />
              <WeightField
                label={texts.steps.weightImpact}
                hint={texts.steps.weightHint}
                value={step.weights?.impact}
                language={props.language}
                disabled={props.busy}
                onCommit={(value) => props.onWeight("impact", value)}
              />
            </fieldset>
          )}
        </>
      );
    case "segments":
      return study ? (
        <>
          <Text as="p" className={styles.text}>
            {texts.steps.segments(step.segments, step.ready)}
          </Text>
          {step.evidence && (
            <ul className={styles.evidence}>
              {step.evidence.map((evidence, i) => (
                <li key={i}>{texts.steps.segmentEvidence(evidence)}</li>
              ))}
            </ul>
          )}
          {step.suggestedK !== undefined && (
            <Text as="p" className={styles.text}>
              {texts.steps.suggestedK(step.suggestedK)}
            </Text>
          )}
          {step.quantification.length > 0 && (
            <>
              <Text as="p" className={styles.text}>
                {texts.steps.quantificationMismatches}
              </Text>
              <ul
                className={styles.best}
                lang={step.language}
                aria-label={texts.steps.quantificationMismatches}
              >
                {step.quantification.map((problem, i) => (
                  <li key={i} data-code={problem.code}>
                    {problemMessage(problem, step.language)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {props.order && <OrderAction {...props} order={props.order} step={step} />}
        </>
      ) : null;
    case "targeting":
      return study ? (
        <>
          <Text as="p" className={styles.text}>
            {texts.steps.targeting(step.targets)}
          </Text>
          {step.strategy && (
            <Text as="p" className={styles.text}>
              {texts.steps.strategy(step.strategy)}
            </Text>
          )}
          {step.conquest.length > 0 && (
            <Text as="p" className={styles.text}>
              {texts.steps.conquest(step.conquest)}
            </Text>
          )}
          <MethodAdvice texts={texts} step={step} />
          {(props.exportPicture || props.exportClient) && (
            <div className={styles.actions}>
              {props.exportClient && (
                <LaterButton
                  label={texts.exportClient}
                  tooltip={texts.notInThisVersion}
                  enabled={props.exportClient.enabled}
                  available={props.exportClient.enabled || props.busy}
                  onClick={props.exportClient.run}
                />
              )}
              {props.exportDeck && (
                <LaterButton
                  label={texts.exportDeck}
                  tooltip={texts.notInThisVersion}
                  enabled={props.exportDeck.enabled}
                  available={props.exportDeck.enabled || props.busy}
                  onClick={props.exportDeck.run}
                />
              )}
              {props.exportPicture && (
                <LaterButton
                  label={texts.exportPicture}
                  tooltip={texts.notInThisVersion}
                  enabled={props.exportPicture.enabled}
                  available={props.exportPicture.enabled || props.busy}
                  onClick={props.exportPicture.run}
                />
              )}
              {props.exportRangeImage?.available && (
                <LaterButton
                  label={texts.exportRangeImage}
                  tooltip={texts.notInThisVersion}
                  enabled={props.exportRangeImage.enabled}
                  available
                  onClick={props.exportRangeImage.run}
                />
              )}
            </div>
          )}
          {props.exportClient && (
            <Caption1 as="p" className={mergeClasses(styles.text, styles.explanation)}>
              {texts.pdfNote}
            </Caption1>
          )}
        </>
      ) : null;
  }
}

export function StepList(props: StepListProps): React.JSX.Element {
  const styles = useStyles();
  const { texts } = props;
  const baseId = useId();
  return (
    <ol className={styles.steps} aria-label={texts.steps.heading}>
      {props.steps.map((step, index) => {
        const titleId = `${baseId}-${step.id}`;
        const current = props.current === step.id;
        return (
          <li key={step.id}>
            <section
              className={mergeClasses(styles.step, current && styles.current)}
              aria-labelledby={titleId}
              aria-current={current ? "step" : undefined}
              data-step={step.id}
            >
              <div className={styles.head}>
                <Text as="h2" id={titleId} size={400} weight="semibold" className={styles.title}>
                  {index + 1}. {texts.steps.titles[step.id]}
                </Text>
                <StatusBadge
                  status={step.status}
                  label={texts.steps.statusLabel(step.status)}
                  language={props.language}
                />
              </div>
              <Caption1 as="p" className={mergeClasses(styles.text, styles.explanation)}>
                {texts.steps.explanations[step.id]}
              </Caption1>
              <StepBody {...props} step={step} />
              {step.sheet && (
                <div className={styles.actions}>
                  <Button
                    className={styles.button}
                    size="small"
                    appearance="subtle"
                    aria-label={texts.steps.openSheetFor(step.sheet)}
                    onClick={() => step.sheet && props.onOpen(step.sheet)}
                  >
                    {texts.steps.openSheet}
                  </Button>
                </div>
              )}
            </section>
          </li>
        );
      })}
    </ol>
  );
}
