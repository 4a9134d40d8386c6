/**
 * Task pane entry: waits for Office once (Office.onReady), paints the frame at once, and loads
 * the panels (settings, actions, findings and the domain code behind them) as a second chunk.
 * Outside Office (a plain browser) it runs against an in-memory workbook and says so. The
 * platform Office reports is handed on by name, so nothing past this file needs Office in scope.
 * What happens when office.js or the second chunk does not come is Boot.tsx's.
 */
import { createRoot } from "react-dom/client";
import { localeFor } from "../i18n";
import { Boot, OFFICE_JS_LATE_ID, OFFICE_READY_LIMIT_MS, type WorkspaceProps } from "./Boot";
import type { OfficePlatform } from "./gateway/gateway";

const loadWorkspace = () => import(/* webpackChunkName: "workspace" */ "./Workspace");

const PLATFORMS: readonly OfficePlatform[] = [
  "PC",
  "OfficeOnline",
  "Mac",
  "iOS",
  "Android",
  "Universal",
];

/**
 * Office.PlatformType's member for `info.platform`, by name. Compared through Office's own enum
 * object: its run-time values are strings while its typings say numbers, so only the enum itself
 * is right both ways. A platform Office.js adds later comes out undefined (treated as unknown).
 */
const platformName = (
  platform: Office.PlatformType | null | undefined
): OfficePlatform | undefined => PLATFORMS.find((name) => Office.PlatformType[name] === platform);

/** Where the pane runs: Office.onReady's answer, or at once when office.js is not there. */
function officeReady(): WorkspaceProps | Promise<WorkspaceProps> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function")
    return { inOffice: false, locale: localeFor(navigator.language) };
  return new Promise((resolve) => {
    void Office.onReady((info) => {
      const inOffice = info.host !== null && info.host !== undefined;
      resolve({
        inOffice,
        locale: localeFor(inOffice ? Office.context.displayLanguage : navigator.language),
        platform: inOffice ? platformName(info.platform) : undefined,
      });
    });
  });
}

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <Boot
      ready={officeReady()}
      fallbackLocale={localeFor(navigator.language)}
      // The limit counts from the page's start, as the engine check's does.
      waitMs={Math.max(0, OFFICE_READY_LIMIT_MS - performance.now())}
      load={loadWorkspace}
      reload={() => window.location.reload()}
      onShown={() => document.getElementById(OFFICE_JS_LATE_ID)?.remove()}
    />
  );
}
