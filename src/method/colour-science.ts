/**
 * Just enough colour science to check that a colour scale stays readable for people with a colour
 * vision deficiency: sRGB ↔ linear light, the Machado et al. (2009) simulation matrices, CIE Lab
 * (D65) and the CIEDE2000 colour difference. Pure: no Office, no Node, no DOM.
 *
 * References:
 * - IEC 61966-2-1 (sRGB transfer function and primaries).
 * - G. M. Machado, M. M. Oliveira, L. A. F. Fernandes, "A physiologically-based model for
 *   simulation of color vision deficiency", IEEE TVCG 15(6), 2009 — table of matrices, severity 1.0.
 * - G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 color-difference formula: implementation notes,
 *   supplementary test data, and mathematical observations", Color Res. Appl. 30(1), 2005.
 */
import { hexToRgb } from "./colour";

/** Red, green, blue, each 0–1. */
export type Rgb = readonly [number, number, number];
export type Matrix3 = readonly [Rgb, Rgb, Rgb];

export interface Lab {
  L: number;
  a: number;
  b: number;
}

export type Deficiency = "protanopia" | "deuteranopia" | "tritanopia";
export const DEFICIENCIES: readonly Deficiency[] = ["protanopia", "deuteranopia", "tritanopia"];

/**
 * Machado et al. 2009, severity 1.0 (dichromacy). The paper's matrices act on linear RGB
 * (they are built from cone responses to the display's primaries, which add in linear light).
 */
export const MACHADO_2009: Record<Deficiency, Matrix3> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** sRGB-encoded channel (0–1) to linear light (0–1). */
export function srgbToLinear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
}

/** Linear light (0–1) to the sRGB-encoded channel (0–1). */
export function linearToSrgb(channel: number): number {
  return channel <= 0.0031308 ? channel * 12.92 : 1.055 * Math.pow(channel, 1 / 2.4) - 0.055;
}

export function hexToLinear(hex: string): Rgb {
  const [r, g, b] = hexToRgb(hex).map((channel) => srgbToLinear(channel / 255));
  return [r, g, b];
}

export function linearToHex(linear: Rgb): string {
  return (
    "#" +
    linear
      .map((channel) => Math.round(linearToSrgb(clamp01(channel)) * 255))
      .map((byte) => byte.toString(16).padStart(2, "0").toUpperCase())
      .join("")
  );
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function multiply(matrix: Matrix3, vector: Rgb): Rgb {
  const [x, y, z] = vector;
  const row = (r: Rgb): number => r[0] * x + r[1] * y + r[2] * z;
  return [row(matrix[0]), row(matrix[1]), row(matrix[2])];
}

/**
 * How a colour (linear RGB) looks to a dichromat. Results outside the display's gamut are clipped,
 * as a screen would show them.
 */
export function simulateDeficiency(linear: Rgb, deficiency: Deficiency): Rgb {
  const [r, g, b] = multiply(MACHADO_2009[deficiency], linear);
  return [clamp01(r), clamp01(g), clamp01(b)];
}

/** sRGB primaries to CIE XYZ (D65), IEC 61966-2-1. */
const LINEAR_SRGB_TO_XYZ: Matrix3 = [
  [0.4124, 0.3576, 0.1805],
  [0.2126, 0.7152, 0.0722],
  [0.0193, 0.1192, 0.9505],
];
/** D65 white of the same matrix (its rows summed), so that white maps to L 100, a 0, b 0. */
const WHITE_D65: Rgb = [0.9505, 1.0, 1.089];

export function linearToLab(linear: Rgb): Lab {
  const xyz = multiply(LINEAR_SRGB_TO_XYZ, linear);
  const epsilon = 216 / 24389;
  const kappa = 24389 / 27;
  const f = (t: number): number => (t > epsilon ? Math.cbrt(t) : (kappa * t + 16) / 116);
  const [fx, fy, fz] = xyz.map((value, i) => f(value / WHITE_D65[i]));
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

export function hexToLab(hex: string, deficiency?: Deficiency): Lab {
  const linear = hexToLinear(hex);
  return linearToLab(deficiency ? simulateDeficiency(linear, deficiency) : linear);
}

const degrees = (radians: number): number => (radians * 180) / Math.PI;
const radians = (deg: number): number => (deg * Math.PI) / 180;

/** Hue angle in degrees, 0–360; 0 for a neutral colour (Sharma et al. 2005, eq. 4). */
function hueAngle(b: number, aPrime: number): number {
  if (b === 0 && aPrime === 0) return 0;
  const h = degrees(Math.atan2(b, aPrime));
  return h < 0 ? h + 360 : h;
}

/** CIEDE2000 colour difference ΔE00 with kL = kC = kH = 1. */
export function ciede2000(first: Lab, second: Lab): number {
  const c1 = Math.hypot(first.a, first.b);
  const c2 = Math.hypot(second.a, second.b);
  const meanC7 = Math.pow((c1 + c2) / 2, 7);
  const g = 0.5 * (1 - Math.sqrt(meanC7 / (meanC7 + Math.pow(25, 7))));
  const a1 = (1 + g) * first.a;
  const a2 = (1 + g) * second.a;
  const cp1 = Math.hypot(a1, first.b);
  const cp2 = Math.hypot(a2, second.b);
  const hp1 = hueAngle(first.b, a1);
  const hp2 = hueAngle(second.b, a2);

  const deltaL = second.L - first.L;
  const deltaC = cp2 - cp1;
  let deltaHue = 0;
  if (cp1 * cp2 !== 0) {
    deltaHue = hp2 - hp1;
    if (deltaHue > 180) deltaHue -= 360;
    else if (deltaHue < -180) deltaHue += 360;
  }
  const deltaH = 2 * Math.sqrt(cp1 * cp2) * Math.sin(radians(deltaHue / 2));

  const meanL = (first.L + second.L) / 2;
  const meanCp = (cp1 + cp2) / 2;
  let meanHue = hp1 + hp2;
  if (cp1 * cp2 !== 0) {
    if (Math.abs(hp1 - hp2) <= 180) meanHue = (hp1 + hp2) / 2;
    else meanHue = hp1 + hp2 < 360 ? (hp1 + hp2 + 360) / 2 : (hp1 + hp2 - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos(radians(meanHue - 30)) +
    0.24 * Math.cos(radians(2 * meanHue)) +
    0.32 * Math.cos(radians(3 * meanHue + 6)) -
    0.2 * Math.cos(radians(4 * meanHue - 63));
  const deltaTheta = 30 * Math.exp(-Math.pow((meanHue - 275) / 25, 2));
  const meanCp7 = Math.pow(meanCp, 7);
  const rc = 2 * Math.sqrt(meanCp7 / (meanCp7 + Math.pow(25, 7)));
  const lightnessOffset = Math.pow(meanL - 50, 2);
  const sl = 1 + (0.015 * lightnessOffset) / Math.sqrt(20 + lightnessOffset);
  const sc = 1 + 0.045 * meanCp;
  const sh = 1 + 0.015 * meanCp * t;
  const rt = -Math.sin(radians(2 * deltaTheta)) * rc;

  const l = deltaL / sl;
  const c = deltaC / sc;
  const h = deltaH / sh;
  return Math.sqrt(l * l + c * c + h * h + rt * c * h);
}

/** ΔE00 between two sRGB colours as seen with normal vision or the given deficiency. */
export function perceivedDifference(
  first: string,
  second: string,
  deficiency?: Deficiency
): number {
  return ciede2000(hexToLab(first, deficiency), hexToLab(second, deficiency));
}
