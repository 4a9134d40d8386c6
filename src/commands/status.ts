/**
 * The outcome of the last actions, shared in the one runtime between the ribbon commands and the
 * task pane, which lists them. A plain in-memory list with subscribers: nothing leaves the page.
 */
export interface Status {
  readonly message: string;
  readonly intent: "success" | "warning" | "error";
}

const MAX = 20;
let statuses: readonly Status[] = [];
const listeners = new Set<(s: readonly Status[]) => void>();

export function publishStatus(s: Status): void {
  statuses = [s, ...statuses].slice(0, MAX);
  for (const l of listeners) l(statuses);
}

export function subscribeStatus(listener: (s: readonly Status[]) => void): () => void {
  listeners.add(listener);
  listener(statuses);
  return () => listeners.delete(listener);
}
