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
