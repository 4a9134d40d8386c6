/**
 * Adds cell formats and conditional-format styles to a workbook's styles part (xl/styles.xml)
 * as text, leaving every existing entry and index as it is: the patched copy's new cells and
 * marks refer to entries appended at the end.
 */
import { HIGHLIGHT_COLORS, type CellStyle } from "../domain";
import { xmlEscape } from "./package";

/** The font the templates use. */
export const FONT = "宋体";
/**
 * Thin cell borders' colour: black, the lines of a printed form, as the Office.js writer leaves
 * them in Excel's automatic colour.
 */
export const BORDER_ARGB = "FF000000";

/** #RRGGBB as the ARGB spreadsheet files store. */
export const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

export class StylesPart {
  private readonly added = new Map<string, number>();
  /** Entries per collection, counted once. */
  private readonly counts = new Map<string, number>();

  /** Throws if the part lacks one of the collections a valid styles part has. */
  constructor(private xml: string) {
    for (const list of ["fonts", "fills", "borders", "cellXfs"])
      if (this.opening(list)?.[2] !== "" || !xml.includes(`</${list}>`))
        throw new Error(`styles.xml: no <${list}>`);
  }

  toString(): string {
    return this.xml;
  }

  /** The start tag of a collection: [tag, attributes, "/" if it is empty]. */
  private opening(list: string): RegExpExecArray | null {
    return new RegExp(`<${list}\\b([^>]*?)(/?)>`, "u").exec(this.xml);
  }

  /** Appends `entry` to the collection `list`, creating it before `before` if missing. */
  private append(list: string, entry: string, before?: RegExp): number {
    const open = this.opening(list);
    if (!open || open[2] === "/") {
      // An empty <dxfs count="0"/> is replaced; a missing one goes where the schema wants it.
      const at = open ?? before?.exec(this.xml);
      if (!at) throw new Error(`styles.xml: no place for <${list}>`);
      const end = open ? at.index + at[0].length : at.index;
      this.xml = `${this.xml.slice(0, at.index)}<${list} count="1">${entry}</${list}>${this.xml.slice(end)}`;
      this.counts.set(list, 1);
      return 0;
    }
    const close = this.xml.indexOf(`</${list}>`, open.index);
    const body = this.xml.slice(open.index + open[0].length, close);
    // Count the collection's own children (entries of a kind never nest in themselves); the
    // count attribute is only the writer's word.
    const child = list === "cellXfs" ? "xf" : list.slice(0, -1);
    const index =
      this.counts.get(list) ?? [...body.matchAll(new RegExp(`<${child}\\b`, "gu"))].length;
    this.counts.set(list, index + 1);
    const attrs = (open[1] ?? "").replace(/\scount="\d*"/u, "");
    this.xml = `${this.xml.slice(0, open.index)}<${list} count="${index + 1}"${attrs}>${body}${entry}${this.xml.slice(close)}`;
    return index;
  }

  private once(key: string, make: () => number): number {
    const hit = this.added.get(key);
    if (hit !== undefined) return hit;
    const index = make();
    this.added.set(key, index);
    return index;
  }

  /** The cellXfs index of a plan cell style. */
  xf(s: CellStyle): number {
    return this.once(`xf:${JSON.stringify(s)}`, () => {
      const font = this.once(
        `font:${s.bold ?? false}:${s.fontSize ?? 11}:${s.fontColor ?? ""}`,
        () =>
          this.append(
            "fonts",
            `<font>${s.bold ? "<b/>" : ""}<sz val="${s.fontSize ?? 11}"/>${s.fontColor ? `<color rgb="${argb(s.fontColor)}"/>` : ""}<name val="${xmlEscape(FONT)}"/><family val="2"/><charset val="134"/></font>`
          )
      );
      const fill = s.fill
        ? this.once(`fill:${s.fill}`, () =>
            this.append(
              "fills",
              `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill ?? "")}"/><bgColor indexed="64"/></patternFill></fill>`
            )
          )
        : 0;
      const side = (n: string): string => `<${n} style="thin"><color rgb="${BORDER_ARGB}"/></${n}>`;
      const border = s.border
        ? this.once("border:thin", () =>
            this.append(
              "borders",
              `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`
            )
          )
        : 0;
      const align = [
        s.hAlign ? ` horizontal="${s.hAlign.toLowerCase()}"` : "",
        s.vAlign ? ` vertical="${s.vAlign === "Center" ? "center" : s.vAlign.toLowerCase()}"` : "",
        s.wrap ? ` wrapText="1"` : "",
      ].join("");
      return this.append(
        "cellXfs",
        `<xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyFont="1"${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""} applyAlignment="1"><alignment${align}/></xf>`
      );
    });
  }

  /** The dxfs index of a highlight's look (conditional formats refer to it). */
  dxf(severity: keyof typeof HIGHLIGHT_COLORS): number {
    const c = HIGHLIGHT_COLORS[severity];
    return this.once(`dxf:${severity}`, () =>
      this.append(
        "dxfs",
        // bgColor is where Excel itself keeps a conditional fill.
        `<dxf><font><color rgb="${argb(c.font)}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${argb(c.fill)}"/></patternFill></fill></dxf>`,
        /<tableStyles\b|<colors\b|<extLst\b|<\/styleSheet>/u
      )
    );
  }
}
