// The twelve functions of an e-commerce team, in the palette's order, with their labels and a
// stable colour each (the role's dot). Pure data; other views may import it.
import type { Function } from "../../generated/Function";
import type { Lang } from "../../generated/Lang";

export const FUNCTION_ORDER: Function[] = [
  "operations",
  "promotion",
  "visual",
  "copywriting",
  "customer_service",
  "logistics",
  "merchandising",
  "data",
  "finance",
  "crm",
  "channel",
  "tech",
];

export const FUNCTION_LABELS: Record<Function, { zh: string; en: string }> = {
  operations: { zh: "运营", en: "Operations" },
  promotion: { zh: "推广", en: "Promotion" },
  visual: { zh: "视觉", en: "Visual" },
  copywriting: { zh: "文案/编辑", en: "Copy & listings" },
  customer_service: { zh: "客服", en: "Customer service" },
  logistics: { zh: "仓储物流", en: "Warehouse & logistics" },
  merchandising: { zh: "商品/采购", en: "Merchandising" },
  data: { zh: "数据分析", en: "Data analysis" },
  finance: { zh: "财务", en: "Finance" },
  crm: { zh: "CRM/会员", en: "CRM & members" },
  channel: { zh: "渠道/分销", en: "Channels" },
  tech: { zh: "技术", en: "Tech" },
};

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

export function functionLabel(f: Function, lang: Lang): string {
  return FUNCTION_LABELS[f][lang];
}
