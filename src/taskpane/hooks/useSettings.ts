/**
 * Settings held in React state, saved through the store on every change; `saved` counts the saves
 * that went through, so the pane can say so each time.
 */
import { useCallback, useState } from "react";
import type { PaneSettings } from "../../settings/settings";
import type { SettingsStore } from "../../settings/store";

export function useSettings(store: SettingsStore): {
  readonly settings: PaneSettings;
  readonly update: (patch: Partial<PaneSettings>) => void;
  readonly saveError: string | undefined;
  readonly saved: number;
} {
  const [settings, setSettings] = useState<PaneSettings>(() => store.load());
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(0);
  const update = useCallback(
    (patch: Partial<PaneSettings>) => {
      setSettings((current) => {
        const next = { ...current, ...patch };
        store.save(next).then(
          () => {
            setSaveError(undefined);
            setSaved((n) => n + 1);
          },
          (e: unknown) => setSaveError(String(e))
        );
        return next;
      });
    },
    [store]
  );
  return { settings, update, saveError, saved };
}
