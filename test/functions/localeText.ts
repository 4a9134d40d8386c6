/**
 * What the two metadata files' help texts must look like: functions.json (en-US) without a Chinese
 * character, functions.zh-CN.json in Chinese with full-width punctuation in its Chinese text.
 */
import type { Metadata } from "./generatedMetadata";

/**
 * Chinese: Han characters, CJK symbols and punctuation (、。「」) and full-width forms (（），：；).
 * What an English description must not hold.
 */
export const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** A Han character: what a Chinese description must hold. */
export const HAN = /\p{Script=Han}/u;

/** Every description in `m`, with where it is: "ID" or "ID(parameter)"; "" when absent. */
export function descriptionsOf(m: Metadata): [string, string][] {
  return m.functions.flatMap((f): [string, string][] => [
    [f.id, f.description ?? ""],
    ...f.parameters.map((p): [string, string] => [`${f.id}(${p.name})`, p.description ?? ""]),
  ]);
}

/**
 * The half-width ( ) , : ; in Chinese text, each with its neighbours: one whose nearest non-space
 * neighbour on either side is Chinese, and a pair of half-width parentheses around Chinese. ASCII
 * material keeps its own punctuation: a range (A1:K300), a sheet reference ('申报表-2024'!A1), a
 * formula set off by spaces or "=" (= ((1+g1)…(1+gn))^(1/n) − 1).
 */
export function halfWidthInChinese(text: string): string[] {
  const chars = [...text];
  const found: string[] = [];
  chars.forEach((c, i) => {
    if (!"(),:;".includes(c)) return;
    let left = i - 1;
    while (left >= 0 && /\s/u.test(chars[left] ?? "")) left--;
    let right = i + 1;
    while (right < chars.length && /\s/u.test(chars[right] ?? "")) right++;
    if (CHINESE.test(chars[left] ?? "") || CHINESE.test(chars[right] ?? ""))
      found.push(chars.slice(Math.max(left, 0), right + 1).join(""));
  });
  for (const [pair] of text.matchAll(/\([^()]*\)/gu)) if (CHINESE.test(pair)) found.push(pair);
  return found;
}
