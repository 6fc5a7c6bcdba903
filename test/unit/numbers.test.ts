/** Numbers as the study's language writes them, whatever the machine's locale (i18n/numbers.ts). */
import {
  amountNumberFormat,
  formatAmount,
  formatNumber,
  formatWithNumberFormat,
  numberFormatParts,
} from "../../src/i18n/numbers";
import { PICTURE_TEXTS } from "../../src/i18n/picture";

const NBSP = "\u00A0";

describe("formatNumber", () => {
  it("groups thousands and writes decimals the French way", () => {
    expect(formatNumber(840000, "fr")).toBe(`840${NBSP}000`);
    expect(formatNumber(41.75, "fr", { decimals: 1 })).toBe("41,8");
    expect(formatNumber(1.5, "fr")).toBe("1,5");
    expect(formatNumber(1234567.25, "fr")).toBe(`1${NBSP}234${NBSP}567,25`);
  });

  it("groups thousands and writes decimals the English way", () => {
    expect(formatNumber(840000, "en")).toBe("840,000");
    expect(formatNumber(41.75, "en", { decimals: 1 })).toBe("41.8");
    expect(formatNumber(1.5, "en")).toBe("1.5");
    expect(formatNumber(999, "en")).toBe("999");
    expect(formatNumber(1000, "en")).toBe("1,000");
  });

  it("keeps the sign, and never writes minus zero", () => {
    expect(formatNumber(-1234.5, "en")).toBe("-1,234.5");
    expect(formatNumber(-0.04, "fr", { decimals: 1 })).toBe("0,0");
  });

  it("writes numbers beyond 10^21 in full rather than in exponent form", () => {
    expect(formatNumber(1e21, "en")).toBe("1,000,000,000,000,000,000,000");
  });

  it("does not depend on the machine's default locale", () => {
    const original = Intl.NumberFormat;
    // A machine whose default locale groups with dots: the result must not change.
    const spy = jest
      .spyOn(Number.prototype, "toLocaleString")
      .mockImplementation(() => "should not be used");
    try {
      expect(formatNumber(840000, "fr")).toBe(`840${NBSP}000`);
    } finally {
      spy.mockRestore();
      expect(Intl.NumberFormat).toBe(original);
    }
  });
});

describe("formatAmount", () => {
  it("writes the currency after the amount in French, before it in English", () => {
    expect(formatAmount(840000, "fr", "CHF")).toBe(`840${NBSP}000${NBSP}CHF`);
    expect(formatAmount(840000, "fr", "€")).toBe(`840${NBSP}000${NBSP}€`);
    expect(formatAmount(840000, "en", "CHF")).toBe(`CHF${NBSP}840,000`);
    expect(formatAmount(840000, "en", "€")).toBe("€840,000");
  });

  it("writes the amount alone without a currency", () => {
    expect(formatAmount(35.5, "fr", undefined)).toBe("35,5");
    expect(formatAmount(35.5, "en", "  ")).toBe("35.5");
  });
});

describe("the picture's score rule", () => {
  it("writes the weights as the study's language does", () => {
    expect(PICTURE_TEXTS.fr.footer(1.5, 2)).toContain("(perception/4)^1,5 × (impact/4)^2");
    expect(PICTURE_TEXTS.en.footer(1.5, 2)).toContain("(perception/4)^1.5 × (impact/4)^2");
  });
});

describe("amountNumberFormat: the workbook's format of a basket or a potential", () => {
  it("puts the currency where formatAmount does, as a quoted literal", () => {
    expect(amountNumberFormat("fr", "€", 0)).toBe(`#,##0"${NBSP}€"`);
    expect(amountNumberFormat("fr", "CHF", 2)).toBe(`#,##0.00"${NBSP}CHF"`);
    expect(amountNumberFormat("en", "€", 0)).toBe('"€"#,##0');
    expect(amountNumberFormat("en", "CHF", 2)).toBe(`"CHF${NBSP}"#,##0.00`);
    expect(amountNumberFormat("en", undefined, 0)).toBe("#,##0");
    expect(amountNumberFormat("fr", " ", 2)).toBe("#,##0.00");
  });

  it("shows, read back, exactly what formatAmount writes", () => {
    for (const language of ["fr", "en"] as const)
      for (const currency of ["€", "CHF", "R$", "EUR", undefined])
        for (const value of [0, 41.8, 840000, 52668000]) {
          const code = amountNumberFormat(language, currency, 2);
          expect(formatWithNumberFormat(value, code, language)).toBe(
            formatAmount(value, language, currency, { decimals: 2 })
          );
        }
  });

  it("escapes a quote and turns a line break into a space, so the format stays one literal", () => {
    const code = amountNumberFormat("en", 'a"b', 0);
    expect(code).toBe('"a"\\""b"#,##0');
    expect(numberFormatParts(code)).toEqual({
      before: 'a"b',
      after: "",
      decimals: 0,
      grouping: true,
      percent: false,
    });
    expect(amountNumberFormat("fr", "C\nH", 0)).toBe(`#,##0"${NBSP}C H"`);
  });
});

describe("numberFormatParts and formatWithNumberFormat", () => {
  it("read the layout's formats in the workbook's language", () => {
    expect(formatWithNumberFormat(41.842, "0.0", "fr")).toBe("41,8");
    expect(formatWithNumberFormat(1234567, "#,##0", "fr")).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatWithNumberFormat(1234567, "0", "en")).toBe("1234567");
    expect(formatWithNumberFormat(0.5, "0%", "en")).toBe("50%");
    expect(formatWithNumberFormat(1.5, "#,##0.0", "en")).toBe("1.5");
  });

  it("leave alone what they do not read (sections, colours, dates, text)", () => {
    for (const code of ["0;-0", "[Red]0", "dd/mm/yyyy", "@", "General", '"unterminated', ""])
      expect(numberFormatParts(code)).toBeUndefined();
  });
});
