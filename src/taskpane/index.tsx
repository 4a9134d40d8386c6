/**
 * The page's one entry, for the shared runtime's three parts (manifest.xml points the task pane,
 * the ribbon's FunctionFile and the custom functions' page at taskpane.html): waits for Office
 * once (Office.onReady) and paints the frame with the first screen, usable as it appears; only
 * then come the panels below it, the domain code behind the actions and the custom functions,
 * each a chunk of its own. The ribbon commands are associated at once and load their code on
 * the first click.
 * Outside Office (a plain browser) it runs against an in-memory workbook and says so. The
 * platform Office reports is handed on by name, so nothing past this file needs Office in scope.
 * What happens when office.js does not come is Boot.tsx's.
 */
import { createRoot } from "react-dom/client";
import { registerCommands } from "../commands/register";
import { localeFor, usableLocale } from "../i18n";
import { loadTable } from "../i18n/load";
import { Boot, OFFICE_JS_LATE_ID, OFFICE_READY_LIMIT_MS, type WorkspaceProps } from "./Boot";
import type { OfficePlatform } from "./gateway/gateway";

/** The functions' words (the whole zh-CN table) first: a function may be called as it is associated. */
const loadFunctions = () =>
  loadTable("zh-CN").then(() => import(/* webpackChunkName: "functions" */ "../functions/entry"));

/**
 * Holds Excel's start of the custom functions until they are associated: they load after the
 * first paint, and a formula Excel calculates before then would otherwise get #VALUE! instead of
 * waiting (#BUSY!). Microsoft's reference does not list delayInitialization, but its client
 * library has it (office.js and custom-functions-runtime.js: it sets
 * CustomFunctionMappings.__delay__, which the runtime's start polls every 50 ms and the first
 * CustomFunctions.associate clears), and developers who load their functions late report it
 * curing exactly this #VALUE!. Absent (outside Excel), there is nothing to hold.
 */
function holdCustomFunctions(): void {
  const cf = (globalThis as { CustomFunctions?: { delayInitialization?: () => void } })
    .CustomFunctions;
  if (typeof cf?.delayInitialization === "function") cf.delayInitialization();
}

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

/**
 * The pane in its language, with the first screen's strings in it: built in for Chinese, the
 * en-US table a chunk of its own. Should that not come, the pane speaks Chinese rather than
 * nothing.
 */
const withStrings = (props: WorkspaceProps): Promise<WorkspaceProps> =>
  usableLocale(props.locale) === props.locale
    ? Promise.resolve(props)
    : loadTable(props.locale).then(
        () => props,
        (): WorkspaceProps => ({ ...props, locale: "zh-CN" })
      );

/** Where the pane runs: Office.onReady's answer, or at once when office.js is not there. */
function officeReady(): WorkspaceProps | Promise<WorkspaceProps> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    const outside: WorkspaceProps = { inOffice: false, locale: localeFor(navigator.language) };
    return usableLocale(outside.locale) === outside.locale ? outside : withStrings(outside);
  }
  return new Promise<WorkspaceProps>((resolve) => {
    void Office.onReady((info) => {
      const inOffice = info.host !== null && info.host !== undefined;
      resolve({
        inOffice,
        locale: localeFor(inOffice ? Office.context.displayLanguage : navigator.language),
        platform: inOffice ? platformName(info.platform) : undefined,
      });
    });
  }).then(withStrings);
}

holdCustomFunctions();
registerCommands(() => import(/* webpackChunkName: "commands" */ "../commands/commands"));

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  const ready = officeReady();
  const browserLocale = localeFor(navigator.language);
  // The limit counts from the page's start, as the engine check's does.
  const waitMs = Math.max(0, OFFICE_READY_LIMIT_MS - performance.now());
  const render = (): void =>
    root.render(
      <Boot
        ready={ready}
        // Said only when office.js has not come: English once its strings are here.
        fallbackLocale={usableLocale(browserLocale)}
        waitMs={waitMs}
        reload={() => window.location.reload()}
        onShown={() => document.getElementById(OFFICE_JS_LATE_ID)?.remove()}
        onPainted={() =>
          // Nothing to show a clerk here: the formulas say #BUSY! until the page is reloaded.
          void loadFunctions().catch((e: unknown) => console.error("custom functions", e))
        }
      />
    );
  render();
  if (usableLocale(browserLocale) !== browserLocale)
    loadTable(browserLocale).then(render, () => undefined);
}
