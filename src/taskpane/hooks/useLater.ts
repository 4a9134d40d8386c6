/**
 * The later panels' chunk (src/taskpane/later.ts), imported once `start` is true: the panels, or
 * that they did not come, with a retry that imports them anew (webpack forgets a chunk that failed
 * and fetches it again).
 */
import { useEffect, useState } from "react";

export type LaterPanels = typeof import("../later");
export type LoadLater = () => Promise<LaterPanels>;

export const importLater: LoadLater = () => import(/* webpackChunkName: "panels" */ "../later");

export interface Later {
  readonly panels: LaterPanels | undefined;
  readonly failed: boolean;
  readonly retry: () => void;
}

export function useLater(start: boolean, load: LoadLater): Later {
  const [panels, setPanels] = useState<LaterPanels | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!start || panels || failed) return undefined;
    let live = true;
    load().then(
      (m) => {
        if (live) setPanels(m);
      },
      (e: unknown) => {
        // Still reported for whoever opens the developer tools.
        console.error(e);
        if (live) setFailed(true);
      }
    );
    return () => {
      live = false;
    };
  }, [start, load, panels, failed]);
  return {
    panels,
    failed,
    // Clearing the failure runs the effect again: a new import().
    retry: () => setFailed(false),
  };
}
