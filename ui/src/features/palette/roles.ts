// Pure helpers over the role library; tested in roles.test.ts.
import type { Role } from "../../generated/Role";
import type { Lang } from "../../generated/Lang";
import { FUNCTION_ORDER } from "./functions";

export function roleTitle(r: Role, lang: Lang): string {
  return lang === "en" && r.title_en ? r.title_en : r.title;
}

/** Roles whose title (either language) contains the query, grouped by function in the
 * palette's order; empty groups are left out. */
export function groupRoles(roles: Role[], query: string): { fn: Role["function"]; roles: Role[] }[] {
  const q = query.trim().toLowerCase();
  const hit = (r: Role) => !q || r.title.toLowerCase().includes(q) || r.title_en.toLowerCase().includes(q);
  return FUNCTION_ORDER.map((fn) => ({ fn, roles: roles.filter((r) => r.function === fn && hit(r)) })).filter(
    (g) => g.roles.length > 0,
  );
}
