/**
 * The picture as PNG: the very SVG of matrix-svg.ts rendered by resvg (a Rust SVG renderer, as a
 * native Node addon from the npm registry: no browser). Node only, CLI only: the task pane never
 * imports this file, so neither resvg nor the font lands in its bundle.
 *
 * Fonts: the text is drawn in Noto Sans, shipped as an npm package (SIL Open Font License), so
 * the PNG looks the same on every machine, with or without fonts installed. The system's fonts are
 * loaded too, only for characters Noto Sans lacks (emoji, CJK…); without any, those show as boxes.
 */
import { Resvg } from "@resvg/resvg-js";
import path from "path";
import { PICTURE_WIDTH, SVG_GENERATOR } from "./matrix-svg";
import { withSoftwareChunk } from "./png-text";

const BUNDLED_FAMILY = "Noto Sans";

function bundledFontFiles(): string[] {
  const folder = path.dirname(require.resolve("@expo-google-fonts/noto-sans/package.json"));
  return [
    path.join(folder, "400Regular", "NotoSans_400Regular.ttf"),
    path.join(folder, "700Bold", "NotoSans_700Bold.ttf"),
    // A hypothesis's score (a study with evidence) is bold italic.
    path.join(folder, "700Bold_Italic", "NotoSans_700Bold_Italic.ttf"),
  ];
}

/**
 * Renders the SVG at 1920 px wide (the SVG's own width, so 1 SVG unit = 1 pixel). `systemFonts:
 * false` draws with the bundled font alone, as on a machine without fonts (and a little faster).
 */
export function svgToPng(
  svg: string,
  { systemFonts = true }: { systemFonts?: boolean } = {}
): Buffer {
  const rendered = new Resvg(svg, {
    fitTo: { mode: "width", value: PICTURE_WIDTH },
    background: "#FFFFFF",
    font: {
      fontFiles: bundledFontFiles(),
      loadSystemFonts: systemFonts,
      defaultFontFamily: BUNDLED_FAMILY,
      sansSerifFamily: BUNDLED_FAMILY,
    },
    logLevel: "off",
  }).render();
  return withSoftwareChunk(rendered.asPng(), SVG_GENERATOR);
}
