/** Task pane entry: waits for Office once, then renders. Outside Office it renders all the same. */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { localeFor } from "../i18n";

function mount(inOffice: boolean, displayLanguage: string | undefined): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<App inOffice={inOffice} locale={localeFor(displayLanguage)} />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => {
    const inOffice = info.host !== null && info.host !== undefined;
    mount(inOffice, inOffice ? Office.context.displayLanguage : navigator.language);
  });
} else {
  mount(false, navigator.language);
}
