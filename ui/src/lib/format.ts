// Formatting of numbers, money and times for both languages. Pure functions.
import type { Lang } from "../generated/Lang";

const grouping = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** `62000` → `¥62,000`. */
export function yuan(n: number): string {
  return `¥${grouping.format(Math.round(n))}`;
}

/** A pay band: `¥6,000–9,000`, or an em dash when there is none. */
export function payBandText(band: { min: number; max: number } | null): string {
  if (!band) return "—";
  if (band.min === band.max) return yuan(band.min);
  return `${yuan(band.min)}–${grouping.format(band.max)}`;
}

export function percent(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}

/** A file's size: `812 B`, `36 KB`, `4.2 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)} MB`;
}

function pad(n: number) {
  return String(n).padStart(2, "0");
}

/** `2026-11-23` in local time. */
export function dateText(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** How long ago `iso` was, relative to `now`: 刚刚 / 5 分钟前 / 昨天 / a date past a week. */
export function relativeTime(iso: string, now: Date, lang: Lang): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return "";
  const sec = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  const zh = lang === "zh";
  if (sec < 60) return zh ? "刚刚" : "just now";
  const min = Math.floor(sec / 60);
  if (min < 60) return zh ? `${min} 分钟前` : `${min} min ago`;
  const hours = Math.floor(min / 60);
  if (hours < 24) return zh ? `${hours} 小时前` : `${hours} h ago`;
  const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOfDay(now) - startOfDay(then)) / 86_400_000);
  if (days <= 1) return zh ? "昨天" : "yesterday";
  if (days < 7) return zh ? `${days} 天前` : `${days} days ago`;
  return dateText(then);
}

/** Up to `digits` decimals, trailing zeros dropped: 1.20 → "1.2", 3.00 → "3". */
function trimmed(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/** Money for reading at a glance: `¥1.2万` in Chinese from ten thousand up, `¥12,000` in
 * English (and in Chinese below ten thousand). */
export function money(n: number, lang: Lang): string {
  const sign = n < 0 ? "−" : "";
  const a = Math.abs(n);
  if (lang === "zh" && a >= 10_000) return `${sign}¥${trimmed(a / 10_000, a >= 1_000_000 ? 1 : 2)}万`;
  return `${sign}${yuan(a)}`;
}

/** A range of money: `¥1.2万–1.8万` / `¥12,000–18,000`; one figure when both ends agree. */
export function moneyRange(r: { min: number; max: number }, lang: Lang): string {
  if (r.min === r.max) return money(r.min, lang);
  return `${money(r.min, lang)}–${money(r.max, lang).replace("¥", "")}`;
}

/** A change of money with its sign: `+¥2.1万`, `−¥3,000`, `±¥0`. */
export function signedMoney(n: number, lang: Lang): string {
  if (Math.round(n) === 0) return "±¥0";
  return n > 0 ? `+${money(n, lang)}` : money(n, lang);
}

/** A whole-number change with its sign: `+3`, `−1`, `±0`. */
export function signed(n: number): string {
  if (n === 0) return "±0";
  return n > 0 ? `+${grouping.format(n)}` : `−${grouping.format(-n)}`;
}

/** A count with grouping: `50,000`; in Chinese from ten thousand up, `5万`. */
export function count(n: number, lang: Lang): string {
  if (lang === "zh" && Math.abs(n) >= 10_000) return `${trimmed(n / 10_000, 2)}万`;
  return grouping.format(n);
}

/** Full-time equivalents: at most two decimals, trailing zeros dropped (5, 2.5, 0.25). */
export function fte(n: number): string {
  return trimmed(n, 2);
}

/** A change of a payroll range with its sign: `+¥6,000–9,500`; one figure when both ends agree. */
export function signedMoneyRange(d: { min: number; max: number }, lang: Lang): string {
  if (d.min === d.max) return signedMoney(d.min, lang);
  if (Math.sign(d.min) * Math.sign(d.max) >= 0) {
    const sign = d.min + d.max >= 0 ? "+" : "−";
    return `${sign}${moneyRange({ min: Math.abs(d.min), max: Math.abs(d.max) }, lang)}`;
  }
  return `${signedMoney(d.min, lang)} … ${signedMoney(d.max, lang)}`;
}
