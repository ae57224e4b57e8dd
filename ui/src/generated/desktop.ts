// This file was generated from the desktop shell's command declarations. Do not edit it by hand.
import type { ExportComparisonArgs } from "./ExportComparisonArgs";
import type { ExportDocumentArgs } from "./ExportDocumentArgs";
import type { ExportPlanArgs } from "./ExportPlanArgs";
import type { NoArgs } from "./NoArgs";
import type { PickedFile } from "./PickedFile";
import type { PlanState } from "./PlanState";

/** The desktop window's own commands (native file dialogs), invoked as `{args, lang}`. */
export interface DesktopCommands {
  import_plan_file: { args: NoArgs; result: PlanState | null };
  export_plan_file: { args: ExportPlanArgs; result: boolean };
  export_document_file: { args: ExportDocumentArgs; result: boolean };
  export_comparison_file: { args: ExportComparisonArgs; result: boolean };
  pick_roster_file: { args: NoArgs; result: PickedFile | null };
}

export type DesktopCommandName = keyof DesktopCommands;
