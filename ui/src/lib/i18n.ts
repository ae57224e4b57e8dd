// Chinese first, English on a switch. Each feature keeps its own dictionary next to it and
// reads it through `useT`, so no feature edits another's strings.
import { useCallback } from "react";
import { useApp } from "./store";
import type { Lang } from "../generated/Lang";

export type Dict = Record<string, { zh: string; en: string }>;

/** Fills `{name}` placeholders. `{s}` is the English plural ending for `{n}`: "" when n is 1. */
export function format(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  const all = "n" in vars && !("s" in vars) ? { ...vars, s: vars.n === 1 ? "" : "s" } : vars;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in all ? String(all[k]) : m));
}

export function translate<D extends Dict>(dict: D, lang: Lang, key: keyof D, vars?: Record<string, string | number>) {
  return format(dict[key][lang], vars);
}

export function useT<D extends Dict>(dict: D) {
  const lang = useApp((s) => s.lang);
  return useCallback(
    (key: keyof D, vars?: Record<string, string | number>) => translate(dict, lang, key, vars),
    [dict, lang],
  );
}
