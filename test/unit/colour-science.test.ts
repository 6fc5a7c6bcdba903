import {
  Lab,
  ciede2000,
  hexToLab,
  hexToLinear,
  linearToHex,
  linearToSrgb,
  simulateDeficiency,
  srgbToLinear,
} from "../../src/method/colour-science";

/**
 * CIEDE2000 test data of Sharma, Wu and Dalal (2005), table 1: the 34 pairs
 * [L1, a1, b1, L2, a2, b2, ΔE00], as published (four decimals).
 */
const SHARMA_2005: readonly (readonly number[])[] = [
  [50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425],
  [50.0, 3.1571, -77.2803, 50.0, 0.0, -82.7485, 2.8615],
  [50.0, 2.8361, -74.02, 50.0, 0.0, -82.7485, 3.4412],
  [50.0, -1.3802, -84.2814, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -1.1848, -84.8006, 50.0, 0.0, -82.7485, 1.0],
  [50.0, -0.9009, -85.5211, 50.0, 0.0, -82.7485, 1.0],
  [50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669],
  [50.0, -1.0, 2.0, 50.0, 0.0, 0.0, 2.3669],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0009, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.001, 7.1792],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0011, 7.2195],
  [50.0, 2.49, -0.001, 50.0, -2.49, 0.0012, 7.2195],
  [50.0, -0.001, 2.49, 50.0, 0.0009, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.001, -2.49, 4.8045],
  [50.0, -0.001, 2.49, 50.0, 0.0011, -2.49, 4.7461],
  [50.0, 2.5, 0.0, 50.0, 0.0, -2.5, 4.3065],
  [50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492],
  [50.0, 2.5, 0.0, 61.0, -5.0, 29.0, 22.8977],
  [50.0, 2.5, 0.0, 56.0, -27.0, -3.0, 31.903],
  [50.0, 2.5, 0.0, 58.0, 24.0, 15.0, 19.4535],
  [50.0, 2.5, 0.0, 50.0, 3.1736, 0.5854, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2972, 0.0, 1.0],
  [50.0, 2.5, 0.0, 50.0, 1.8634, 0.5757, 1.0],
  [50.0, 2.5, 0.0, 50.0, 3.2592, 0.335, 1.0],
  [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
  [63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.263],
  [61.2901, 3.7196, -5.3901, 61.4292, 2.248, -4.962, 1.8731],
  [35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645],
  [22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373],
  [36.4612, 47.858, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146],
  [90.8027, -2.0831, 1.441, 91.1528, -1.6435, 0.0447, 1.4441],
  [90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381],
  [6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377],
  [2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082],
];

const lab = (L: number, a: number, b: number): Lab => ({ L, a, b });

describe("CIEDE2000", () => {
  it.each(SHARMA_2005.map((row, i) => [i + 1, ...row]))(
    "gives the published difference for Sharma et al. pair %i",
    (_pair, L1, a1, b1, L2, a2, b2, expected) => {
      expect(ciede2000(lab(L1, a1, b1), lab(L2, a2, b2))).toBeCloseTo(expected, 4);
      // The formula is symmetric in its two colours.
      expect(ciede2000(lab(L2, a2, b2), lab(L1, a1, b1))).toBeCloseTo(expected, 4);
    }
  );

  it("is zero for a colour and itself", () => {
    expect(ciede2000(lab(40, 10, -20), lab(40, 10, -20))).toBe(0);
  });
});

describe("sRGB and CIE Lab", () => {
  it("round-trips the sRGB transfer function", () => {
    for (let byte = 0; byte <= 255; byte++) {
      expect(Math.round(linearToSrgb(srgbToLinear(byte / 255)) * 255)).toBe(byte);
    }
    expect(linearToHex(hexToLinear("#C55A11"))).toBe("#C55A11");
  });

  it("puts white, black and sRGB red where CIE Lab (D65) does", () => {
    const white = hexToLab("#FFFFFF");
    expect(white.L).toBeCloseTo(100, 3);
    expect(white.a).toBeCloseTo(0, 3);
    expect(white.b).toBeCloseTo(0, 3);
    expect(hexToLab("#000000").L).toBeCloseTo(0, 6);
    // Widely published Lab of sRGB red: 53.24, 80.09, 67.20.
    const red = hexToLab("#FF0000");
    expect(red.L).toBeCloseTo(53.24, 1);
    expect(red.a).toBeCloseTo(80.09, 1);
    expect(red.b).toBeCloseTo(67.2, 1);
  });
});

describe("Machado et al. 2009 simulation", () => {
  it("leaves greys grey (each matrix row sums to 1)", () => {
    for (const deficiency of ["protanopia", "deuteranopia", "tritanopia"] as const) {
      const grey = simulateDeficiency([0.4, 0.4, 0.4], deficiency);
      grey.forEach((channel) => expect(channel).toBeCloseTo(0.4, 5));
    }
  });

  it("makes red and green close for a protanope and a deuteranope, not for a tritanope", () => {
    const redGreen = (deficiency?: "protanopia" | "deuteranopia" | "tritanopia"): number =>
      ciede2000(hexToLab("#D62728", deficiency), hexToLab("#2CA02C", deficiency));
    expect(redGreen()).toBeGreaterThan(60);
    expect(redGreen("protanopia")).toBeLessThan(redGreen() / 2);
    expect(redGreen("deuteranopia")).toBeLessThan(redGreen() / 2);
    expect(redGreen("tritanopia")).toBeGreaterThan(redGreen() / 2);
  });

  it("clips what falls outside the display's gamut", () => {
    const [r, g, b] = simulateDeficiency([0, 1, 0], "protanopia");
    expect(r).toBe(1);
    expect(g).toBeCloseTo(0.786281, 6);
    expect(b).toBe(0);
  });
});
