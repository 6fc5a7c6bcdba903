import { DEFICIENCIES, Deficiency, perceivedDifference } from "../../src/method/colour-science";
import {
  BLACK_TEXT,
  PALETTES,
  PALETTE_NAMES,
  Palette,
  WHITE_TEXT,
  isPaletteName,
  paletteEnds,
  stopLabels,
  textColour,
  SCORE_COLOUR_STOPS,
  contrastRatio,
  scaleColour,
} from "../../src/method/colour";

/** The bar: the ends, and each end and the middle, at least this far apart (ΔE00). */
const DISTINGUISHABLE = 20;

interface StopDifferences {
  ends: number;
  lowMiddle: number;
  highMiddle: number;
}

function stopDifferences(palette: Palette, deficiency?: Deficiency): StopDifferences {
  const [low, middle, high] = palette.stops.map((stop) => stop.colour);
  return {
    ends: perceivedDifference(low, high, deficiency),
    lowMiddle: perceivedDifference(low, middle, deficiency),
    highMiddle: perceivedDifference(high, middle, deficiency),
  };
}

const smallest = (d: StopDifferences): number => Math.min(d.ends, d.lowMiddle, d.highMiddle);

afterAll(() => {
  // The figures behind the option, printed for the record (never asserted beyond the tests below).
  const lines = PALETTE_NAMES.flatMap((name) =>
    [undefined, ...DEFICIENCIES].map((deficiency) => {
      const d = stopDifferences(PALETTES[name], deficiency);
      return `${name.padEnd(12)} ${(deficiency ?? "normal").padEnd(13)} ends ${d.ends.toFixed(1).padStart(5)}  low–middle ${d.lowMiddle.toFixed(1).padStart(5)}  high–middle ${d.highMiddle.toFixed(1).padStart(5)}`;
    })
  );
  console.log(`CIEDE2000 between palette stops (Machado 2009, severity 1.0):\n${lines.join("\n")}`);
});

describe("palettes", () => {
  it("keeps the method's default scale unchanged", () => {
    expect(PALETTES.default.stops).toBe(SCORE_COLOUR_STOPS);
    expect(PALETTES.default.stops.map((s) => [s.value, s.colour])).toEqual([
      [0, "#C55A11"],
      [50, "#FFEB84"],
      [100, "#548235"],
    ]);
  });

  it("builds the colour-blind scale on the method's worst and middle stops", () => {
    expect(PALETTES.colourblind.stops[0]).toBe(SCORE_COLOUR_STOPS[0]);
    expect(PALETTES.colourblind.stops[1]).toBe(SCORE_COLOUR_STOPS[1]);
  });

  it("names each palette's colours from its own stops, in French and English", () => {
    expect(stopLabels(PALETTES.default, "fr")).toEqual([
      "0 : orange foncé — paire la moins intéressante",
      "50 : jaune",
      "100 : vert foncé — paire la plus intéressante et accessible",
    ]);
    expect(stopLabels(PALETTES.colourblind, "en")).toEqual([
      "0: dark orange — least interesting pair",
      "50: yellow",
      "100: blue — most interesting and accessible pair",
    ]);
    expect(PALETTES.colourblind.label.fr).toBe(
      "orange foncé → jaune → bleu (lisible par les daltoniens)"
    );
    expect(PALETTES.default.label.en).toBe("dark orange → yellow → dark green");
    expect(paletteEnds(PALETTES.colourblind, "en")).toBe("dark orange → blue");
    for (const palette of Object.values(PALETTES))
      expect(palette.stops.map((stop) => stop.colour)).toEqual(
        palette.colours.map((colour) => colour.hex)
      );
  });

  it("offers a colour-blind-safe scale from dark orange through a light middle to blue", () => {
    const [low, middle, high] = PALETTES.colourblind.stops;
    expect([low.value, middle.value, high.value]).toEqual([0, 50, 100]);
    expect(low.colour).toBe("#C55A11");
    expect(contrastRatio(middle.colour, "#000000")).toBeGreaterThan(15); // light
    const [r, g, b] = [1, 3, 5].map((at) => parseInt(high.colour.slice(at, at + 2), 16));
    expect(b).toBeGreaterThan(r + 60);
    expect(b).toBeGreaterThan(g + 40);
  });

  it.each(DEFICIENCIES.map((d) => [d]))(
    "keeps the colour-blind palette's stops distinguishable under %s (ΔE00 ≥ 20)",
    (deficiency) => {
      expect(smallest(stopDifferences(PALETTES.colourblind, deficiency))).toBeGreaterThanOrEqual(
        DISTINGUISHABLE
      );
    }
  );

  it("keeps them distinguishable with normal vision too", () => {
    expect(smallest(stopDifferences(PALETTES.colourblind))).toBeGreaterThanOrEqual(DISTINGUISHABLE);
  });

  it("shows why the option exists: the default's ends nearly merge for protanopes and deuteranopes", () => {
    const protan = stopDifferences(PALETTES.default, "protanopia");
    const deutan = stopDifferences(PALETTES.default, "deuteranopia");
    expect(protan.ends).toBeGreaterThan(5);
    expect(protan.ends).toBeLessThan(7.5); // ≈ 6.3
    expect(deutan.ends).toBeGreaterThan(8.5);
    expect(deutan.ends).toBeLessThan(11); // ≈ 9.6
    expect(protan.ends).toBeLessThan(DISTINGUISHABLE);
    expect(deutan.ends).toBeLessThan(DISTINGUISHABLE);
    // With normal vision and for tritanopes, the default is fine.
    expect(smallest(stopDifferences(PALETTES.default))).toBeGreaterThanOrEqual(DISTINGUISHABLE);
    expect(smallest(stopDifferences(PALETTES.default, "tritanopia"))).toBeGreaterThanOrEqual(
      DISTINGUISHABLE
    );
  });
});

describe("text colour", () => {
  it.each(PALETTE_NAMES.map((name) => [name]))(
    "reaches a WCAG contrast of 4.5 on every fill of the %s scale",
    (name) => {
      const palette = PALETTES[name];
      for (let score = 0; score <= 100; score++) {
        const fill = scaleColour(score, palette.stops);
        expect(contrastRatio(textColour(score, palette.text), fill)).toBeGreaterThanOrEqual(4.5);
      }
    }
  );

  it("uses white only where black is not readable", () => {
    for (const name of PALETTE_NAMES) {
      const palette = PALETTES[name];
      for (let score = 0; score <= 100; score++) {
        const blackReadable = contrastRatio(BLACK_TEXT, scaleColour(score, palette.stops)) >= 4.5;
        if (textColour(score, palette.text) === WHITE_TEXT) expect(blackReadable).toBe(false);
      }
    }
  });

  it("reads its thresholds strictly, as an Excel 'less than' / 'greater than' rule would", () => {
    expect(textColour(89, { whiteTextAbove: 89 })).toBe(BLACK_TEXT);
    expect(textColour(90, { whiteTextAbove: 89 })).toBe(WHITE_TEXT);
    expect(textColour(9, { whiteTextBelow: 10 })).toBe(WHITE_TEXT);
    expect(textColour(10, { whiteTextBelow: 10 })).toBe(BLACK_TEXT);
    expect(textColour(50, {})).toBe(BLACK_TEXT);
  });

  it("knows its palette names", () => {
    expect(isPaletteName("colourblind")).toBe(true);
    expect(isPaletteName("default")).toBe(true);
    expect(isPaletteName("rainbow")).toBe(false);
  });
});
