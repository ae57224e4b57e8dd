import { describe, expect, it } from "vitest";
import { groupRoles, roleTitle } from "./roles";
import { FUNCTION_COLORS, FUNCTION_ORDER, functionLabel } from "./functions";
import type { Role } from "../../generated/Role";

function role(id: string, fn: Role["function"], title: string, title_en = ""): Role {
  return { id, title, title_en, function: fn, functions: [fn], grade: "", purpose: "", duties: [], requirements: [], kpis: [], pay_band: null };
}

const roles = [
  role("cs", "customer_service", "售前客服", "Pre-sales CS"),
  role("boss", "operations", "店长", "Store Manager"),
  role("ztc", "promotion", "直通车专员", "Search Ads"),
  role("ops", "operations", "运营专员"),
];

describe("groupRoles", () => {
  it("groups by function in the palette's order, keeping library order inside a group", () => {
    const g = groupRoles(roles, "");
    expect(g.map((x) => x.fn)).toEqual(["operations", "promotion", "customer_service"]);
    expect(g[0].roles.map((r) => r.id)).toEqual(["boss", "ops"]);
  });

  it("filters by either title, case-insensitively", () => {
    expect(groupRoles(roles, "store").flatMap((x) => x.roles.map((r) => r.id))).toEqual(["boss"]);
    expect(groupRoles(roles, "专员").flatMap((x) => x.roles.map((r) => r.id))).toEqual(["ops", "ztc"]);
    expect(groupRoles(roles, "zzz")).toEqual([]);
  });

  it("shows the English title only when there is one", () => {
    expect(roleTitle(roles[1], "en")).toBe("Store Manager");
    expect(roleTitle(roles[3], "en")).toBe("运营专员");
    expect(roleTitle(roles[1], "zh")).toBe("店长");
  });

  it("labels and colours all twelve functions", () => {
    expect(FUNCTION_ORDER).toEqual([
      "operations", "promotion", "visual", "copywriting", "customer_service", "logistics",
      "merchandising", "data", "finance", "crm", "channel", "tech",
    ]);
    for (const f of FUNCTION_ORDER) {
      expect(functionLabel(f, "zh")).toBeTruthy();
      expect(functionLabel(f, "en")).toBeTruthy();
      expect(FUNCTION_COLORS[f]).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(new Set(Object.values(FUNCTION_COLORS)).size).toBe(12);
  });
});
