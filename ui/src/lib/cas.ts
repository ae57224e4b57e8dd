// Compare-and-set for edits: with an update the client sends what it saw in the fields it
// changes (`was`), so an edit made meanwhile elsewhere (another window, the command line) is
// refused instead of silently overwritten.
import type { PlanDoc } from "../generated/PlanDoc";
import type { Position } from "../generated/Position";
import type { PlanMeta } from "../generated/PlanMeta";
import type { Goal } from "../generated/Goal";
import type { Department } from "../generated/Department";
import type { PositionPatch } from "../generated/PositionPatch";
import type { PlanPatch } from "../generated/PlanPatch";
import type { GoalPatch } from "../generated/GoalPatch";
import type { DepartmentPatch } from "../generated/DepartmentPatch";
import type { Person } from "../generated/Person";
import type { PersonPatch } from "../generated/PersonPatch";

// The patch fields of each update, by the name they have on the item: an argument that is
// not listed (the target's id, `plan`, `revision`) is not a change.
const POSITION_FIELDS = [
  "title", "title_en", "department", "headcount", "grade", "purpose", "duties", "requirements", "kpis",
  "dotted", "collaborations", "escalations", "functions", "pay_band", "notes",
] as const satisfies readonly (keyof PositionPatch & keyof Position)[];
const PLAN_FIELDS = ["name", "company", "target_size", "stage", "goal_notes", "logo"] as const satisfies readonly (keyof PlanPatch & keyof PlanMeta)[];
const GOAL_FIELDS = ["name", "name_en", "kind", "unit", "direction", "target", "period", "parent"] as const satisfies readonly (keyof GoalPatch & keyof Goal)[];
const DEPARTMENT_FIELDS = ["name", "name_en", "color", "parent"] as const satisfies readonly (keyof DepartmentPatch & keyof Department)[];
const PERSON_FIELDS = ["name", "employee_no", "phone", "email", "start_date", "kind"] as const satisfies readonly (keyof PersonPatch & keyof Person)[];

type Args = Record<string, unknown>;

/** The values `item` holds in the fields `args` sets. */
function seen(item: object, args: Args, fields: readonly string[]): Args {
  const was: Args = {};
  for (const f of fields) {
    if (args[f] !== undefined) was[f] = (item as Args)[f];
  }
  return was;
}

/**
 * What the client saw in what `command` with `args` changes, from `doc` (the plan as the
 * client holds it): the `was` to send, or `undefined` when the command takes none or its
 * target is not in `doc` (the backend then refuses it by name).
 */
export function wasFor(command: string, args: Args, doc: PlanDoc): Args | undefined {
  const position = () => doc.positions.find((p) => p.id === args.position);
  switch (command) {
    case "update_position": {
      const p = position();
      return p && seen(p, args, POSITION_FIELDS);
    }
    case "update_plan":
      return doc.plan.id === args.plan ? seen(doc.plan, args, PLAN_FIELDS) : undefined;
    case "update_goal": {
      const g = doc.goals.find((x) => x.id === args.goal);
      return g && seen(g, args, GOAL_FIELDS);
    }
    case "update_department": {
      const d = doc.departments.find((x) => x.id === args.department);
      return d && seen(d, args, DEPARTMENT_FIELDS);
    }
    case "update_person": {
      const x = doc.people.find((y) => y.id === args.person);
      return x && seen(x, args, PERSON_FIELDS);
    }
    case "remove_collaboration":
      return typeof args.index === "number" ? position()?.collaborations[args.index] : undefined;
    case "remove_escalation":
      return typeof args.index === "number" ? position()?.escalations[args.index] : undefined;
    default:
      return undefined;
  }
}

/** `args` with `was` filled from `doc`, unless the caller gave one. */
export function withWas(command: string, args: Args, doc: PlanDoc): Args {
  if (args.was !== undefined) return args;
  const was = wasFor(command, args, doc);
  return was === undefined ? args : { ...args, was };
}
