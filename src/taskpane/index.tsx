/** Entry point: show something at once, find out where we run, then mount the pane. */
import React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { languageOfTag } from "./language";
import { paneTexts } from "../i18n/pane";
import { ErrorBoundary } from "./ErrorBoundary";
import { App } from "./App";
import { NoticeList } from "./NoticeList";
import { failureNotices } from "./notices";
import { PaneSetup, detectSetup } from "./setup";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
const root = createRoot(container);

function mount(content: React.ReactNode): void {
  root.render(<FluentProvider theme={webLightTheme}>{content}</FluentProvider>);
}

function mountPane(setup: PaneSetup): void {
  const texts = paneTexts(setup.language);
  document.documentElement.lang = setup.language;
  mount(
    <ErrorBoundary title={texts.unexpected}>
      <App host={setup.host} language={setup.language} preview={setup.preview} />
    </ErrorBoundary>
  );
}

/** Office.js failing to start must not leave the pane empty: say what went wrong. */
function mountFailure(failure: unknown): void {
  const language = languageOfTag(navigator.language);
  mount(<NoticeList notices={failureNotices(failure, paneTexts(language), language)} />);
}

// Office.onReady can take a moment in Excel: the consultant sees a spinner, not a blank pane.
mount(<Spinner label={paneTexts(languageOfTag(navigator.language)).loading} />);
detectSetup().then(mountPane, mountFailure);
