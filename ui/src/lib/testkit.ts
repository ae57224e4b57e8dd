// For unit tests: plan states and a backend answering from a table of handlers.
import { BackendError, type Backend } from "./backend";
import type { CommandName } from "../generated/commands";
import type { PlanState } from "../generated/PlanState";
import type { Position } from "../generated/Position";
import type { Person } from "../generated/Person";
import type { Assignment } from "../generated/Assignment";
import type { ErrorKind } from "../generated/ErrorKind";

export function pos(id: string, parent: string | null): Position {
  return {
    id, parent, title: id, title_en: "", department: null, headcount: 1, grade: "", purpose: "",
    duties: [], requirements: [], dotted: [], collaborations: [], escalations: [], functions: [],
    pay_band: null, notes: "", kpis: [], lineage: null, role: null,
  };
}

/** A person with the given seats and empty roster fields (工号, 手机, …); `extra` overrides. */
export function person(id: string, name: string, assignments: Assignment[] = [], extra: Partial<Person> = {}): Person {
  return { id, name, assignments, employee_no: "", phone: "", email: "", start_date: null, kind: null, ...extra };
}

/** A plan `plan-1` with the positions `ids`, the first one the top. */
export function state(ids: string[], created: string | null = null, undo: string | null = null, revision = 1): PlanState {
  return {
    doc: {
      plan: { id: "plan-1", name: "测试方案", company: "", target_size: 3, stage: "growth", goal_notes: "", template: null, logo: null, scenario_of: null, roster: null, created_at: "", updated_at: "" },
      departments: [],
      positions: ids.map((id, i) => pos(id, i === 0 ? null : ids[0])),
      people: [],
      goals: [],
    },
    findings: [],
    figures: {
      people: 0, persons: 0, multi_seat: 0, overloaded: 0, positions: 0, headcount: 0, seats_fte: 0, filled_fte: 0, vacancies_fte: 0,
      payroll_monthly: { min: 0, max: 0 }, payroll_yearly: { min: 0, max: 0 }, payroll_filled: { min: 0, max: 0 }, payroll_vacancies: { min: 0, max: 0 },
      unpriced: 0, departments: [], by_position: [], by_person: [],
    },
    history: { undo, redo: null, undo_by: null, redo_by: null },
    revision,
    created,
  };
}

export type Handler = (args: Record<string, unknown>) => unknown;

/** A backend answering from a table of handlers; a handler may throw a BackendError. */
export function fakeBackend(handlers: Partial<Record<CommandName, Handler>>) {
  const calls: { command: CommandName; args: Record<string, unknown> }[] = [];
  const backend: Backend = {
    async call(command, args) {
      calls.push({ command, args: args as Record<string, unknown> });
      const h = handlers[command];
      if (!h) throw new BackendError({ kind: "unknown_command", message: command });
      return (await h(args as Record<string, unknown>)) as never;
    },
    importPlanFile: async () => null,
    exportPlanFile: async () => true,
    exportDocument: async () => true,
    exportComparison: async () => true,
    pickRosterFile: async () => null,
    setLang: () => {},
  };
  return { backend, calls };
}

export function refuse(kind: ErrorKind, message: string): Handler {
  return () => {
    throw new BackendError({ kind, message });
  };
}
