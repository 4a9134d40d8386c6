/**
 * A pack file's text as JSON, the same for the command line and the pane: a pack is a page of
 * JSON, so anything over MAX_PACK_BYTES is not one and is not read; Notepad saves UTF-8 with a
 * byte-order mark, which JSON.parse refuses, so it is dropped.
 */
export const MAX_PACK_BYTES = 1024 * 1024;

/** The JSON value of a pack file's text, or why it is not JSON (cut to one readable line). */
export function packJson(text: string): { readonly doc: unknown } | { readonly notJson: string } {
  try {
    return { doc: JSON.parse(text.replace(/^\uFEFF/u, "")) as unknown };
  } catch (e) {
    return { notJson: String(e instanceof Error ? e.message : e).slice(0, 160) };
  }
}
