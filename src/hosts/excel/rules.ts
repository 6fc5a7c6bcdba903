/** Data validations and conditional formats through Office.js (ExcelApi 1.8 and 1.6). */
import { rectAddress } from "../../layout/a1";
import { ConditionalFormatPlan, ValidationPlan, ValidationRule } from "../../layout/plan";
import { RequestBudget } from "./budget";
import { queue } from "./format";

function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.source.join(",") } };
    case "listRange":
      return { list: { inCellDropDown: true, source: `=${rule.formula}` } };
    case "decimal":
      return { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
  }
}

export async function applyValidation(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  plan: ValidationPlan
): Promise<void> {
  const address = rectAddress(plan.rect);
  const rule = validationRule(plan.rule);
  const validation = await queue(budget, [address, rule], () => {
    const created = sheet.getRange(address).dataValidation;
    created.rule = rule;
    return created;
  });
  const errorAlert: Excel.DataValidationErrorAlert = {
    showAlert: true,
    style: "Stop",
    title: plan.error.title,
    message: plan.error.message,
  };
  await queue(budget, errorAlert, () => (validation.errorAlert = errorAlert));
  if (plan.prompt) {
    const prompt: Excel.DataValidationPrompt = {
      showPrompt: true,
      title: plan.prompt.title,
      message: plan.prompt.message,
    };
    await queue(budget, prompt, () => (validation.prompt = prompt));
  }
}

export async function applyConditionalFormat(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  plan: ConditionalFormatPlan
): Promise<void> {
  const address = rectAddress(plan.rect);
  const rule = plan.rule;
  if (rule.kind === "colourScale") {
    const stops = rule.stops.map((stop): Excel.ConditionalColorScaleCriterion => ({
      formula: String(stop.value),
      type: "Number",
      color: stop.colour,
    }));
    const criteria: Excel.ConditionalColorScaleCriteria =
      stops.length >= 3
        ? { minimum: stops[0], midpoint: stops[1], maximum: stops[stops.length - 1] }
        : { minimum: stops[0], maximum: stops[stops.length - 1] };
    await queue(budget, [address, criteria], () => {
      const format = sheet.getRange(address).conditionalFormats.add("ColorScale");
      format.colorScale.criteria = criteria;
    });
    return;
  }
  if (rule.kind === "cellValue") {
    // ExcelApi 1.6, as the colour scale: a fixed number, no formula to refresh.
    const cellRule: Excel.ConditionalCellValueRule = {
      formula1: `=${rule.value}`,
      operator: rule.operator === "greaterThan" ? "GreaterThan" : "LessThan",
    };
    const colour = rule.fontColour;
    const added = await queue(budget, [address, cellRule], () => {
      const cellValue = sheet.getRange(address).conditionalFormats.add("CellValue").cellValue;
      cellValue.rule = cellRule;
      return cellValue;
    });
    await queue(budget, colour, () => (added.format.font.color = colour));
    return;
  }
  const formula = `=${rule.formula}`;
  const custom = await queue(budget, [address, formula], () => {
    const added = sheet.getRange(address).conditionalFormats.add("Custom").custom;
    added.rule.formula = formula;
    return added;
  });
  if (rule.fill) {
    const fill = rule.fill;
    await queue(budget, fill, () => (custom.format.fill.color = fill));
  }
  if (rule.fontColour) {
    const colour = rule.fontColour;
    await queue(budget, colour, () => (custom.format.font.color = colour));
  }
  if (rule.bold) await queue(budget, true, () => (custom.format.font.bold = true));
  if (rule.italic) await queue(budget, true, () => (custom.format.font.italic = true));
  if (rule.dottedBorder) {
    const colour = rule.dottedBorder;
    for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
      const border = custom.format.borders.getItem(side);
      await queue(budget, [side, colour], () => {
        border.style = "Dot";
        border.color = colour;
      });
    }
  }
}
