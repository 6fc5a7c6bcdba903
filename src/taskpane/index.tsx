/** Entry point: show something at once, find out where we run, then mount the pane. */
import React from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  Spinner,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { Language } from "../method/levels";
import { languageOfTag } from "./language";
import { paneTexts } from "../i18n/pane";
import { ErrorBoundary } from "./ErrorBoundary";
import { App } from "./App";
import { NoticeList } from "./NoticeList";
import { failureNotices } from "./notices";
import { PaneSetup, detectSetup } from "./setup";
import { ThemeName, systemThemeName } from "./theme";
import { WorkbookView } from "./preview/WorkbookView";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
const root = createRoot(container);

const useStyles = makeStyles({
  // The whole page takes the theme's background (dark included), not only the pane's boxes.
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  // Outside Excel: the workbook on the left, the pane on the right, as in Excel; stacked when narrow.
  preview: {
    display: "flex",
    flexDirection: "row-reverse",
    alignItems: "stretch",
    height: "100vh",
    "@media (max-width: 760px)": { flexDirection: "column", height: "auto" },
  },
  pane: {
    width: "360px",
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "@media (max-width: 760px)": { width: "auto", borderLeft: "none" },
  },
  workbook: {
    flex: "1",
    minWidth: "0",
    padding: tokens.spacingHorizontalS,
    boxSizing: "border-box",
    "@media (max-width: 760px)": { height: "80vh" },
  },
});

function Page({ children }: { children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.page} data-theme-root="">
      {children}
    </div>
  );
}

/** The theme, following the system's light or dark setting as it changes when asked to. */
function Themed({
  initial,
  follow,
  children,
}: {
  initial: ThemeName;
  follow: boolean;
  children: React.ReactNode;
}) {
  const [theme, setTheme] = React.useState(initial);
  React.useEffect(() => {
    if (!follow || typeof window.matchMedia !== "function") return undefined;
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const change = (): void => setTheme(query.matches ? "dark" : "light");
    query.addEventListener("change", change);
    return () => query.removeEventListener("change", change);
  }, [follow]);
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <Page>{children}</Page>
    </FluentProvider>
  );
}

function mount(theme: ThemeName, content: React.ReactNode, follow = false): void {
  root.render(
    <Themed initial={theme} follow={follow}>
      {content}
    </Themed>
  );
}

function PreviewLayout({ setup, language }: { setup: PaneSetup; language: Language }) {
  const styles = useStyles();
  const texts = paneTexts(language);
  return (
    <div className={styles.preview}>
      <div className={styles.pane}>
        <App host={setup.host} language={language} preview />
      </div>
      {setup.preview && (
        <div className={styles.workbook}>
          <WorkbookView book={setup.preview} texts={texts} />
        </div>
      )}
    </div>
  );
}

function mountPane(setup: PaneSetup): void {
  const texts = paneTexts(setup.language);
  document.documentElement.lang = setup.language;
  mount(
    setup.theme,
    <ErrorBoundary title={texts.unexpected}>
      {setup.preview ? (
        <PreviewLayout setup={setup} language={setup.language} />
      ) : (
        <App host={setup.host} language={setup.language} preview={false} />
      )}
    </ErrorBoundary>,
    // Outside Office, without ?theme=, the page follows the system as it changes.
    setup.preview !== undefined && !new URLSearchParams(window.location.search).has("theme")
  );
}

/** Office.js failing to start must not leave the pane empty: say what went wrong. */
function mountFailure(failure: unknown): void {
  const language = languageOfTag(navigator.language);
  const texts = paneTexts(language);
  mount(
    systemThemeName(),
    <NoticeList notices={failureNotices(failure, texts, language)} texts={texts} />
  );
}

// Office.onReady can take a moment in Excel: the consultant sees a spinner, not a blank pane.
mount(systemThemeName(), <Spinner label={paneTexts(languageOfTag(navigator.language)).loading} />);
detectSetup().then(mountPane, mountFailure);
