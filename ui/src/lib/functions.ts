// The twelve functions every e-commerce team has to cover, in palette order, with their labels.
import type { Function } from "../generated/Function";
import type { Lang } from "../generated/Lang";

export const FUNCTIONS: readonly { code: Function; zh: string; en: string }[] = [
  { code: "operations", zh: "运营", en: "Operations" },
  { code: "promotion", zh: "推广", en: "Promotion" },
  { code: "visual", zh: "视觉", en: "Visual" },
  { code: "copywriting", zh: "文案/编辑", en: "Copywriting" },
  { code: "customer_service", zh: "客服", en: "Customer service" },
  { code: "logistics", zh: "仓储物流", en: "Logistics" },
  { code: "merchandising", zh: "商品/采购", en: "Merchandising" },
  { code: "data", zh: "数据分析", en: "Data" },
  { code: "finance", zh: "财务", en: "Finance" },
  { code: "crm", zh: "CRM/会员", en: "CRM & members" },
  { code: "channel", zh: "渠道/分销", en: "Channels" },
  { code: "tech", zh: "技术", en: "Tech" },
];

export function functionLabel(code: Function, lang: Lang): string {
  const f = FUNCTIONS.find((x) => x.code === code);
  return f ? f[lang] : code;
}
