// A stable colour per function (the dot before each role). The functions themselves, their
// order and labels are shared: lib/functions.ts.
import type { Function } from "../../generated/Function";
import { FUNCTIONS, functionLabel } from "../../lib/functions";

export { functionLabel };

/** The palette's group order. */
export const FUNCTION_ORDER: Function[] = FUNCTIONS.map((f) => f.code);

/** Mid-tone colours that read on light and dark surfaces alike. */
export const FUNCTION_COLORS: Record<Function, string> = {
  operations: "#2f6fed",
  promotion: "#8b5cf6",
  visual: "#e0457b",
  copywriting: "#f08c2e",
  customer_service: "#14a37f",
  logistics: "#c28a12",
  merchandising: "#0f9fb0",
  data: "#5b6ee1",
  finance: "#6b8e23",
  crm: "#e5534b",
  channel: "#b05fd6",
  tech: "#64748b",
};
