/**
 * The words of the method's advice (docs/method.md §9), in French (first) and English: the suggested
 * conquest order, one line per step with its reason, and the warnings' lines. Plain spaces (the
 * command line prints these); the pane applies `frenchSpacing` from pane.ts.
 */
import { Advice, ConquestStep, MethodWarning } from "../method/advice";
import { Language } from "../method/levels";
import { formatProblem, quoteEn, quoteFr } from "../messages";

function decimal(value: number, digits: number, language: Language): string {
  const text = (Math.round(value * 10 ** digits) / 10 ** digits).toString();
  return language === "fr" ? text.replace(".", ",") : text;
}

function amount(value: number, language: Language): string {
  return language === "fr"
    ? value.toLocaleString("fr-FR", { maximumFractionDigits: 2 }).replace(/\s/g, " ")
    : value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** "1. Name — why it comes here". */
export function describeConquestStep(
  step: ConquestStep,
  position: number,
  language: Language
): string {
  const name = language === "fr" ? quoteFr(step.segment) : quoteEn(step.segment);
  return `${position}. ${name} — ${describeConquestReason(step, language)}`;
}

/**
 * Why a step comes at its place: the best rank's figures, or its overlap in percent. `brief` for a
 * sheet's line under a heading that says what the order is (one printed line per step).
 */
export function describeConquestReason(
  step: ConquestStep,
  language: Language,
  brief = false
): string {
  const reason = step.reason;
  let why: string;
  if (reason.kind === "overlap") {
    const percent = Math.round(reason.overlap * 100);
    if (brief)
      return language === "fr"
        ? `recouvrement de ${percent} % avec les précédents`
        : `${percent}% overlap with those before`;
    why =
      language === "fr"
        ? `recouvrement de ${percent} % de ses clientèles et besoins avec ceux des segments déjà choisis`
        : `${percent}% overlap of its clientèles and needs with those of the segments already chosen`;
  } else if (reason.meanScore !== undefined) {
    const score = decimal(reason.meanScore, 1, language);
    const potential =
      reason.potential === undefined
        ? language === "fr"
          ? "sans potentiel"
          : "no potential"
        : language === "fr"
          ? `potentiel ${amount(reason.potential, "fr")}`
          : `potential ${amount(reason.potential, "en")}`;
    why =
      language === "fr"
        ? `meilleur score moyen (${score}, ${potential})`
        : `best mean score (${score}, ${potential})`;
  } else {
    why =
      language === "fr"
        ? "aucun segment n'a de score moyen : le premier par le potentiel, puis l'ordre de l'étude"
        : "no segment has a mean score: the first by potential, then the study's order";
  }
  return why;
}

/** One warning as a line: "[code] the method's words". */
export function describeWarning(warning: MethodWarning, language: Language): string {
  return `[${warning.code}] ${formatProblem(warning.problem, language)}`;
}

/** The order and the warnings, as the command line prints them. */
export function describeAdvice(advice: Advice, language: Language): string[] {
  const fr = language === "fr";
  const lines: string[] = [];
  if (advice.conquest.length === 0) {
    lines.push(
      fr
        ? "Pas d'ordre de conquête suggéré : l'étude n'a pas de segment."
        : "No suggested conquest order: the study has no segment."
    );
  } else {
    lines.push(fr ? "Ordre de conquête suggéré :" : "Suggested conquest order:");
    advice.conquest.forEach((step, i) =>
      lines.push(`  ${describeConquestStep(step, i + 1, language)}`)
    );
  }
  if (advice.warnings.length === 0) {
    lines.push(fr ? "Aucun avertissement de la méthode." : "No warning from the method.");
  } else {
    lines.push(fr ? "Avertissements de la méthode :" : "The method's warnings:");
    for (const warning of advice.warnings) lines.push(`  ${describeWarning(warning, language)}`);
  }
  return lines;
}
