import { describe, expect, it } from "vitest";
import { wasFor, withWas } from "./cas";
import { person, state } from "./testkit";

function doc() {
  const d = state(["root", "a"]).doc;
  const a = d.positions[1];
  Object.assign(a, { title: "店长", duties: ["排班"], department: "d1", pay_band: { min: 6000, max: 9000 }, headcount: 2 });
  a.collaborations = [{ with: "root", about: "预算" }];
  a.escalations = [{ when: "客诉升级", to: "root" }];
  d.departments = [{ id: "d1", name: "客服组", name_en: "Service", color: "#2457d6", parent: null }];
  d.goals = [{ id: "g1", parent: null, name: "月销售额", name_en: "", kind: "sales", unit: "yuan", direction: "up", target: 200000, period: "monthly" } as never];
  d.plan.company = "云杉";
  d.people = [person("u1", "王小明", [{ position: "a", share: 100 }], { employee_no: "E001", start_date: "2024-03-01", kind: "intern" })];
  return d;
}

describe("compare-and-set", () => {
  it("sends what the position holds in each field the edit sets, and nothing else", () => {
    const was = wasFor("update_position", { plan: "plan-1", position: "a", title: "主管", duties: [], department: null, pay_band: null, revision: 3 }, doc());
    expect(was).toEqual({ title: "店长", duties: ["排班"], department: "d1", pay_band: { min: 6000, max: 9000 } });
  });

  it("leaves out fields the edit does not set, even when present as undefined", () => {
    expect(wasFor("update_position", { position: "a", headcount: 3, notes: undefined }, doc())).toEqual({ headcount: 2 });
  });

  it("covers the plan, goals and departments", () => {
    const d = doc();
    expect(wasFor("update_plan", { plan: "plan-1", company: "新公司", logo: null }, d)).toEqual({ company: "云杉", logo: null });
    expect(wasFor("update_goal", { goal: "g1", target: 1, parent: null }, d)).toEqual({ target: 200000, parent: null });
    // `department` names the target here, not a change.
    expect(wasFor("update_department", { department: "d1", color: "#000000", parent: null }, d)).toEqual({ color: "#2457d6", parent: null });
  });

  it("covers people: what the 人员 table changes, a cleared value as null", () => {
    const d = doc();
    expect(wasFor("update_person", { person: "u1", employee_no: "E009", kind: null }, d)).toEqual({ employee_no: "E001", kind: "intern" });
    expect(wasFor("update_person", { person: "u1", start_date: null, phone: "138" }, d)).toEqual({ start_date: "2024-03-01", phone: "" });
    expect(wasFor("update_person", { person: "gone", name: "x" }, d)).toBeUndefined();
  });

  it("sends the item seen at the index of a removal", () => {
    const d = doc();
    expect(wasFor("remove_collaboration", { position: "a", index: 0 }, d)).toEqual({ with: "root", about: "预算" });
    expect(wasFor("remove_escalation", { position: "a", index: 0 }, d)).toEqual({ when: "客诉升级", to: "root" });
    expect(wasFor("remove_escalation", { position: "a", index: 4 }, d)).toBeUndefined();
  });

  it("sends nothing for an unknown target or another command", () => {
    const d = doc();
    expect(wasFor("update_position", { position: "gone", title: "x" }, d)).toBeUndefined();
    expect(wasFor("update_plan", { plan: "other", name: "x" }, d)).toBeUndefined();
    expect(wasFor("add_position", { parent: "root", title: "x" }, d)).toBeUndefined();
    expect(withWas("add_position", { parent: "root" }, d)).toEqual({ parent: "root" });
  });

  it("keeps a `was` the caller gave", () => {
    const mine = { with: "root", about: "旧" };
    expect(withWas("remove_collaboration", { position: "a", index: 0, was: mine }, doc()).was).toBe(mine);
    expect(withWas("update_position", { position: "a", title: "x" }, doc())).toEqual({ position: "a", title: "x", was: { title: "店长" } });
  });
});
