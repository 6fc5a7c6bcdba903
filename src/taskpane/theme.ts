/** Light or dark, as Office shows itself (its theme's background), else as the system prefers. */
import { hexToRgb } from "../method/colour";

export type ThemeName = "light" | "dark";

/** Office's theme when it tells one: a dark body background means a dark theme. */
export function officeThemeName(
  theme: { bodyBackgroundColor?: string; isDarkTheme?: boolean } | undefined
): ThemeName | undefined {
  if (!theme) return undefined;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const background = theme.bodyBackgroundColor;
  if (!background || !/^#?[0-9a-f]{6}$/i.test(background)) return undefined;
  const [r, g, b] = hexToRgb(background.replace(/^#?/, "#"));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
}

/** `?theme=dark|light` (tests, screenshots), else the system's preference. */
export function systemThemeName(asked?: string | null): ThemeName {
  if (asked === "dark" || asked === "light") return asked;
  return typeof window !== "undefined" &&
    typeof window.matchMedia === "function" &&
    window.matchMedia("(prefers-color-scheme: dark)").matches
    ? "dark"
    : "light";
}
