/** Reading a .docx back in tests: its parts, paragraphs' text in order, table rows' properties. */
import JSZip from "jszip";

export interface DocxParts {
  readonly document: string;
  readonly styles: string;
  readonly footers: readonly string[];
}

export async function docxParts(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string): Promise<string> =>
    (await zip.file(name)?.async("string")) ?? "";
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/footer\d*\.xml$/u.test(n))
      .sort()
      .map(text)
  );
  return {
    document: await text("word/document.xml"),
    styles: await text("word/styles.xml"),
    footers,
  };
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, "&");

/** Each paragraph's text (its w:t runs joined), in document order. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/gu)].map((m) =>
    [...(m[1] ?? "").matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/gu)]
      .map((t) => unescape(t[1] ?? ""))
      .join("")
  );
}

/** The document's text: paragraphs joined by line breaks. */
export const documentText = (xml: string): string => paragraphs(xml).join("\n");

export interface RowProps {
  readonly header: boolean;
  readonly cantSplit: boolean;
  /** Twips and rule of w:trHeight, when set. */
  readonly height?: { readonly value: number; readonly rule: string };
  readonly text: string;
}

/** Every table row with its properties and text. */
export function tableRows(xml: string): RowProps[] {
  return [...xml.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/gu)].map((m) => {
    const body = m[1] ?? "";
    const trPr = /<w:trPr>([\s\S]*?)<\/w:trPr>/u.exec(body)?.[1] ?? "";
    const h = /<w:trHeight\b([^>]*)\/>/u.exec(trPr)?.[1] ?? "";
    const value = /w:val="(\d+)"/u.exec(h)?.[1];
    const rule = /w:hRule="(\w+)"/u.exec(h)?.[1] ?? "atLeast";
    return {
      header: /<w:tblHeader(?:\s|\/)/u.test(trPr),
      cantSplit: /<w:cantSplit(?:\/>|\s+w:val="(?:true|on|1)"\/>)/u.test(trPr),
      ...(value ? { height: { value: Number(value), rule } } : {}),
      text: paragraphs(body).join("\n"),
    };
  });
}

/**
 * Which of `expected` appear in `text` in that order: the first one missing or out of order is
 * returned (undefined when all are there in order).
 */
export function firstOutOfOrder(text: string, expected: readonly string[]): string | undefined {
  let at = 0;
  for (const s of expected) {
    const i = text.indexOf(s, at);
    if (i < 0) return s;
    at = i + s.length;
  }
  return undefined;
}
