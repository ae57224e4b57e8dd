// Who holds a seat, as a card shows it: the holders (passed to the card as one string, so the
// memoised card compares a primitive), the initial on each avatar and the ink that reads on the
// department's colour. Pure; tested in people.test.ts.
import type { PlanDoc } from "../../generated/PlanDoc";

export interface Holder {
  name: string;
  /** Percent of the person's time this seat takes (1–100). */
  share: number;
}

/** Avatars a card shows; the names of the rest are counted ("+n"). */
export const MAX_AVATARS = 3;

/** Each position's holders: the larger share first, then in the plan's order of people. */
export function holdersByPosition(doc: PlanDoc): Map<string, Holder[]> {
  const out = new Map<string, Holder[]>();
  for (const person of doc.people) {
    for (const a of person.assignments) {
      const list = out.get(a.position);
      const h = { name: person.name, share: a.share };
      if (list) list.push(h);
      else out.set(a.position, [h]);
    }
  }
  // A stable sort keeps the plan's order among equal shares.
  for (const list of out.values()) list.sort((a, b) => b.share - a.share);
  return out;
}

/** Holders as one string ("share<TAB>name" lines): cards take primitives only. */
export function encodeHolders(list: readonly Holder[]): string {
  return list.map((h) => `${h.share}\t${h.name.replace(/[\t\n]/g, " ")}`).join("\n");
}

export function decodeHolders(text: string): Holder[] {
  if (!text) return [];
  return text.split("\n").map((line) => {
    const tab = line.indexOf("\t");
    return { share: Number(line.slice(0, tab)), name: line.slice(tab + 1) };
  });
}

/** Part-time in this seat (兼任): less than all of the person's time. */
export const isPartTime = (h: Holder) => h.share < 100;

const HAN = /\p{Script=Han}/u;

/** The character on a person's avatar: a Chinese name's surname (its first character); else
 * the initials of the first two words (“Li Fang” → “LF”), upper case. */
export function initialOf(name: string): string {
  const n = name.trim();
  if (!n) return "?";
  const first = [...n][0];
  if (HAN.test(first)) return first;
  const words = n.split(/[\s.·_-]+/u).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => [...w][0])
    .join("")
    .toUpperCase();
}

/** Relative luminance of `#rrggbb` (WCAG), or null for anything else. */
function luminance(hex: string): number | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const v = parseInt(m[1], 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel((v >> 16) & 255) + 0.7152 * channel((v >> 8) & 255) + 0.0722 * channel(v & 255);
}

/** The text colour that reads best on `hex`: white, or near-black on a light colour. */
export function inkOn(hex: string): string {
  const l = luminance(hex);
  if (l === null) return "#ffffff";
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / 0.068; // on #1d2530, the app's text colour (luminance ≈ 0.018)
  return onWhite >= onDark ? "#ffffff" : "#1d2530";
}
