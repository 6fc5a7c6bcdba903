/**
 * The look shared by the pane's confirmation dialogs (before a rebuild drops pairs, before the
 * responses change hand-made ticks): a surface that fits the pane, texts that wrap anywhere, and a
 * region of details that scrolls with the keyboard. Each dialog sets only how tall that region is.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useConfirmDialogStyles = makeStyles({
  surface: { maxWidth: "min(600px, calc(100vw - 16px))", boxSizing: "border-box" },
  text: { margin: `0 0 ${tokens.spacingVerticalS} 0`, overflowWrap: "anywhere" },
  details: {
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  list: { margin: `0 0 ${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  heading: { margin: "0", fontSize: tokens.fontSizeBase300 },
  actions: { flexWrap: "wrap" },
});
