/**
 * The ribbon commands' names, associated as the page starts: Office may run a command as soon as
 * the shared runtime is up, and a name not yet associated then fails. What a command does is a
 * chunk of its own (src/commands/commands.ts, with the domain behind it), loaded on the first
 * click, so the page paints without it. Every command completes, so Excel never shows one hung;
 * a chunk that does not come is said in the pane's status list, and the pane opens.
 */
import { localeFor, t, usableLocale } from "../i18n";
import { COMMAND_NAMES, type CommandName } from "./names";
import { publishStatus } from "./status";

export interface CommandsChunk {
  runRibbonCommand(name: CommandName): Promise<void>;
}

export function registerCommands(load: () => Promise<CommandsChunk>): void {
  // Outside Office (plain browser, tests) there is nothing to register with.
  if (typeof Office === "undefined" || !Office.actions) return;
  for (const name of COMMAND_NAMES) {
    Office.actions.associate(name, async (event: Office.AddinCommands.Event) => {
      try {
        let chunk: CommandsChunk;
        try {
          chunk = await load();
        } catch {
          publishStatus({
            // English only if its strings came: they are a chunk too.
            message: t(
              usableLocale(localeFor(Office.context.displayLanguage)),
              "command.loadFailed"
            ),
            intent: "error",
          });
          // The status list is in the pane; a pane that cannot open has nothing more to say.
          await Office.addin.showAsTaskpane().catch(() => undefined);
          return;
        }
        await chunk.runRibbonCommand(name);
      } finally {
        event.completed();
      }
    });
  }
}
