// This file was generated from the Rust command table. Do not edit it by hand.
import type { AddCollaborationArgs } from "./AddCollaborationArgs";
import type { AddDepartmentArgs } from "./AddDepartmentArgs";
import type { AddEscalationArgs } from "./AddEscalationArgs";
import type { AddGoalArgs } from "./AddGoalArgs";
import type { AddGoalsArgs } from "./AddGoalsArgs";
import type { AddPersonArgs } from "./AddPersonArgs";
import type { AddPositionArgs } from "./AddPositionArgs";
import type { AssignArgs } from "./AssignArgs";
import type { CascadeNode } from "./CascadeNode";
import type { CompareArgs } from "./CompareArgs";
import type { Comparison } from "./Comparison";
import type { CreatePlanArgs } from "./CreatePlanArgs";
import type { DeletePreview } from "./DeletePreview";
import type { Deleted } from "./Deleted";
import type { DepartmentArg } from "./DepartmentArg";
import type { DottedArgs } from "./DottedArgs";
import type { DuplicatePlanArgs } from "./DuplicatePlanArgs";
import type { ExportComparisonArgs } from "./ExportComparisonArgs";
import type { ExportDocumentArgs } from "./ExportDocumentArgs";
import type { ExportPlanArgs } from "./ExportPlanArgs";
import type { ExportedDocument } from "./ExportedDocument";
import type { ExportedPlan } from "./ExportedPlan";
import type { Finding } from "./Finding";
import type { GoalArg } from "./GoalArg";
import type { GoalPeriodsArgs } from "./GoalPeriodsArgs";
import type { ImportPlanArgs } from "./ImportPlanArgs";
import type { ImportRosterArgs } from "./ImportRosterArgs";
import type { JobDescription } from "./JobDescription";
import type { JobDescriptionArgs } from "./JobDescriptionArgs";
import type { Layout } from "./Layout";
import type { LayoutArgs } from "./LayoutArgs";
import type { MovePositionArgs } from "./MovePositionArgs";
import type { NoArgs } from "./NoArgs";
import type { PeriodTarget } from "./PeriodTarget";
import type { PersonArg } from "./PersonArg";
import type { PlanArg } from "./PlanArg";
import type { PlanFigures } from "./PlanFigures";
import type { PlanState } from "./PlanState";
import type { PlanSummary } from "./PlanSummary";
import type { PositionArg } from "./PositionArg";
import type { RemoveCollaborationArgs } from "./RemoveCollaborationArgs";
import type { RemoveEscalationArgs } from "./RemoveEscalationArgs";
import type { RenamePersonArgs } from "./RenamePersonArgs";
import type { RestoreBackupArgs } from "./RestoreBackupArgs";
import type { Role } from "./Role";
import type { RosterImport } from "./RosterImport";
import type { Staffing } from "./Staffing";
import type { StaffingArgs } from "./StaffingArgs";
import type { StoreInfo } from "./StoreInfo";
import type { TemplateInfo } from "./TemplateInfo";
import type { UnassignArgs } from "./UnassignArgs";
import type { UpdateDepartmentArgs } from "./UpdateDepartmentArgs";
import type { UpdateGoalArgs } from "./UpdateGoalArgs";
import type { UpdatePersonArgs } from "./UpdatePersonArgs";
import type { UpdatePlanArgs } from "./UpdatePlanArgs";
import type { UpdatePositionArgs } from "./UpdatePositionArgs";
import type { Watch } from "./Watch";
import type { WatchArgs } from "./WatchArgs";

/** An edit's arguments with the plan revision the client last saw: an edit whose
 * target changed or is gone since then is refused with kind `conflict`. */
export type Revisioned<T> = T & { revision?: number };

/** Every command of the command table: its arguments and its result. */
export interface Commands {
  list_plans: { args: NoArgs; result: Array<PlanSummary> };
  get_plan: { args: Revisioned<PlanArg>; result: PlanState };
  plan_summary: { args: PlanArg; result: PlanFigures };
  staffing: { args: StaffingArgs; result: Staffing };
  create_plan: { args: Revisioned<CreatePlanArgs>; result: PlanState };
  update_plan: { args: Revisioned<UpdatePlanArgs>; result: PlanState };
  duplicate_plan: { args: Revisioned<DuplicatePlanArgs>; result: PlanState };
  delete_plan: { args: PlanArg; result: Deleted };
  import_plan: { args: Revisioned<ImportPlanArgs>; result: PlanState };
  export_plan: { args: ExportPlanArgs; result: ExportedPlan };
  add_position: { args: Revisioned<AddPositionArgs>; result: PlanState };
  move_position: { args: Revisioned<MovePositionArgs>; result: PlanState };
  update_position: { args: Revisioned<UpdatePositionArgs>; result: PlanState };
  delete_position: { args: Revisioned<PositionArg>; result: PlanState };
  delete_preview: { args: PositionArg; result: DeletePreview };
  accept_suggestion: { args: Revisioned<PositionArg>; result: PlanState };
  add_dotted: { args: Revisioned<DottedArgs>; result: PlanState };
  remove_dotted: { args: Revisioned<DottedArgs>; result: PlanState };
  add_collaboration: { args: Revisioned<AddCollaborationArgs>; result: PlanState };
  remove_collaboration: { args: Revisioned<RemoveCollaborationArgs>; result: PlanState };
  add_escalation: { args: Revisioned<AddEscalationArgs>; result: PlanState };
  remove_escalation: { args: Revisioned<RemoveEscalationArgs>; result: PlanState };
  add_person: { args: Revisioned<AddPersonArgs>; result: PlanState };
  rename_person: { args: Revisioned<RenamePersonArgs>; result: PlanState };
  remove_person: { args: Revisioned<PersonArg>; result: PlanState };
  assign: { args: Revisioned<AssignArgs>; result: PlanState };
  unassign: { args: Revisioned<UnassignArgs>; result: PlanState };
  add_department: { args: Revisioned<AddDepartmentArgs>; result: PlanState };
  update_department: { args: Revisioned<UpdateDepartmentArgs>; result: PlanState };
  update_person: { args: Revisioned<UpdatePersonArgs>; result: PlanState };
  remove_department: { args: Revisioned<DepartmentArg>; result: PlanState };
  validate_plan: { args: PlanArg; result: Array<Finding> };
  layout_plan: { args: LayoutArgs; result: Layout };
  undo: { args: Revisioned<PlanArg>; result: PlanState };
  redo: { args: Revisioned<PlanArg>; result: PlanState };
  list_templates: { args: NoArgs; result: Array<TemplateInfo> };
  list_roles: { args: NoArgs; result: Array<Role> };
  compare_plans: { args: CompareArgs; result: Comparison };
  add_goal: { args: Revisioned<AddGoalArgs>; result: PlanState };
  add_goals: { args: Revisioned<AddGoalsArgs>; result: PlanState };
  update_goal: { args: Revisioned<UpdateGoalArgs>; result: PlanState };
  remove_goal: { args: Revisioned<GoalArg>; result: PlanState };
  plan_cascade: { args: PlanArg; result: Array<CascadeNode> };
  goal_periods: { args: GoalPeriodsArgs; result: Array<PeriodTarget> };
  export_document: { args: ExportDocumentArgs; result: ExportedDocument };
  export_comparison: { args: ExportComparisonArgs; result: ExportedDocument };
  job_description: { args: JobDescriptionArgs; result: JobDescription };
  watch: { args: WatchArgs; result: Watch };
  store_info: { args: NoArgs; result: StoreInfo };
  restore_backup: { args: RestoreBackupArgs; result: StoreInfo };
  import_roster: { args: ImportRosterArgs; result: RosterImport };
}

export type CommandName = keyof Commands;

export const COMMAND_NAMES: CommandName[] = [
  "list_plans",
  "get_plan",
  "plan_summary",
  "staffing",
  "create_plan",
  "update_plan",
  "duplicate_plan",
  "delete_plan",
  "import_plan",
  "export_plan",
  "add_position",
  "move_position",
  "update_position",
  "delete_position",
  "delete_preview",
  "accept_suggestion",
  "add_dotted",
  "remove_dotted",
  "add_collaboration",
  "remove_collaboration",
  "add_escalation",
  "remove_escalation",
  "add_person",
  "rename_person",
  "remove_person",
  "assign",
  "unassign",
  "add_department",
  "update_department",
  "update_person",
  "remove_department",
  "validate_plan",
  "layout_plan",
  "undo",
  "redo",
  "list_templates",
  "list_roles",
  "compare_plans",
  "add_goal",
  "add_goals",
  "update_goal",
  "remove_goal",
  "plan_cascade",
  "goal_periods",
  "export_document",
  "export_comparison",
  "job_description",
  "watch",
  "store_info",
  "restore_backup",
  "import_roster",
];
