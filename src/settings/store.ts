/**
 * Where settings live: per workbook in the document's own settings (they travel with the file),
 * with the user's last choice as the default for a new workbook (localStorage). Outside Office
 * only the user default exists. Nothing leaves the machine.
 */
import { normaliseSettings, type PaneSettings } from "./settings";

export interface SettingsStore {
  load(): PaneSettings;
  save(settings: PaneSettings): Promise<void>;
}

const KEY = "jiqun.settings";

/** The minimum of Office.Settings used here, so tests can hand in a fake. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

function readUserDefault(storage: Storage | undefined): unknown {
  try {
    const raw = storage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export function settingsStore(
  document: DocumentSettings | undefined,
  storage: Storage | undefined
): SettingsStore {
  return {
    load: () => normaliseSettings(document?.get(KEY) ?? readUserDefault(storage)),
    save: async (settings) => {
      try {
        storage?.setItem(KEY, JSON.stringify(settings));
      } catch {
        // A full or disabled localStorage only loses the per-user default.
      }
      if (!document) return;
      document.set(KEY, settings);
      await new Promise<void>((resolve, reject) =>
        document.saveAsync((r) =>
          r.status === "failed" ? reject(new Error(r.error?.message ?? "saveAsync")) : resolve()
        )
      );
    },
  };
}

/** The store inside Office (document settings) or in a plain browser (user default only). */
export function hostSettingsStore(): SettingsStore {
  const storage = typeof localStorage === "undefined" ? undefined : localStorage;
  const inOffice =
    typeof Office !== "undefined" && typeof Office.context?.document?.settings !== "undefined";
  return settingsStore(
    inOffice ? (Office.context.document.settings as unknown as DocumentSettings) : undefined,
    storage
  );
}
