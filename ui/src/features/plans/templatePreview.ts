// The structure of each built-in template, for the new-plan preview (the picker shows it
// before anything is created). Checked against the template files by templates.test.ts.
export interface PreviewDepartment {
  name: string;
  name_en: string;
  color: string;
  /** Planned headcount of its positions. */
  headcount: number;
  /** Its positions: title, English title, headcount. */
  roles: [string, string, number][];
}

export interface TemplatePreview {
  /** The title of the top position. */
  top: [string, string];
  departments: PreviewDepartment[];
  /** People the template comes with (the 5-person team is staffed). */
  people: number;
}

export const TEMPLATE_PREVIEWS: Record<string, TemplatePreview> = {
  "team-5": {
    top: ["总经理", "General Manager"],
    people: 5,
    departments: [
      { name: "总经办", name_en: "General Office", color: "#475569", headcount: 3, roles: [["总经理", "General Manager", 1], ["财务", "Finance", 1], ["数据分析", "Data Analyst", 1]] },
      { name: "店铺运营", name_en: "Store Operations", color: "#2563eb", headcount: 5, roles: [["店长/运营", "Store Manager / Operations", 1], ["推广", "Promotion Specialist", 1], ["美工", "Visual Designer", 1], ["文案/上架", "Copywriter & Listing Editor", 1], ["客服", "Customer Service", 1]] },
      { name: "商品与仓储", name_en: "Product & Warehouse", color: "#b45309", headcount: 2, roles: [["仓管/发货", "Warehouse & Shipping", 1], ["采购", "Purchasing", 1]] },
    ],
  },
  "team-8": {
    top: ["店长", "Store Manager"],
    people: 0,
    departments: [
      { name: "店铺运营", name_en: "Store Operations", color: "#2563eb", headcount: 1, roles: [["店长", "Store Manager", 1]] },
      { name: "客服组", name_en: "Customer Service", color: "#0f766e", headcount: 2, roles: [["售前客服", "Pre-sales Customer Service", 1], ["售后客服", "After-sales Customer Service", 1]] },
      { name: "财务组", name_en: "Finance", color: "#57534e", headcount: 1, roles: [["财务组长", "Finance Lead", 1]] },
      { name: "产品部", name_en: "Product & Supply", color: "#b45309", headcount: 1, roles: [["产品组长", "Product & Supply Lead", 1]] },
      { name: "视觉组", name_en: "Visual Design", color: "#7c3aed", headcount: 1, roles: [["视觉组长", "Visual Lead", 1]] },
      { name: "营销策划组", name_en: "Marketing & Campaigns", color: "#dc2626", headcount: 1, roles: [["营销策划组长", "Marketing & Campaign Lead", 1]] },
      { name: "数据分析组", name_en: "Data Analysis", color: "#4338ca", headcount: 1, roles: [["数据分析组长", "Data Analysis Lead", 1]] },
    ],
  },
  "team-30": {
    top: ["店长", "Store Manager"],
    people: 0,
    departments: [
      { name: "店铺运营", name_en: "Store Operations", color: "#2563eb", headcount: 4, roles: [["店长", "Store Manager", 1], ["渠道组长", "Channel Lead", 1], ["渠道专员", "Channel Specialist", 2]] },
      { name: "产品组", name_en: "Product Group", color: "#b45309", headcount: 3, roles: [["产品组长", "Product Lead", 1], ["供应链专员", "Supply Chain Specialist", 1], ["商务拓展专员", "Business Development Specialist", 1]] },
      { name: "数据分析组", name_en: "Data Analysis", color: "#4338ca", headcount: 3, roles: [["数据分析组长", "Data Analysis Lead", 1], ["产品分析专员", "Product Analyst", 1], ["市场分析专员", "Market Analyst", 1]] },
      { name: "CRM组", name_en: "CRM & Members", color: "#be185d", headcount: 11, roles: [["CRM组长", "CRM Lead", 1], ["会员营销专员", "Membership Marketing Specialist", 1], ["客服专员", "Customer Service Specialist", 6], ["仓库管理", "Warehouse Keeper", 3]] },
      { name: "付费推广组", name_en: "Paid Promotion", color: "#dc2626", headcount: 4, roles: [["付费推广组长", "Paid Promotion Lead", 1], ["投放管理专员", "Ad Campaign Specialist", 2], ["官方资源专员", "Official Resources & Campaign Specialist", 1]] },
      { name: "美工组", name_en: "Design Group", color: "#7c3aed", headcount: 4, roles: [["美工组长", "Design Lead", 1], ["美工", "Visual Designer", 2], ["文案策划", "Copywriter", 1]] },
      { name: "财务", name_en: "Finance", color: "#57534e", headcount: 1, roles: [["财务", "Finance", 1]] },
    ],
  },
  "ops-center": {
    top: ["运营总监", "Director of Operations"],
    people: 0,
    departments: [
      { name: "运营中心", name_en: "Operations Centre", color: "#475569", headcount: 1, roles: [["运营总监", "Director of Operations", 1]] },
      { name: "运营部", name_en: "Operations", color: "#2563eb", headcount: 3, roles: [["运营主管", "Operations Supervisor", 1], ["项目运营", "Project Operations", 2]] },
      { name: "商品部", name_en: "Merchandising", color: "#b45309", headcount: 1, roles: [["商品专员", "Merchandiser", 1]] },
      { name: "推广部", name_en: "Promotion", color: "#dc2626", headcount: 5, roles: [["推广主管", "Promotion Lead", 1], ["活动专员", "Campaign Specialist", 1], ["直通车专员", "Search Ads Specialist (Zhitongche)", 1], ["钻展专员", "Display Ads Specialist", 1], ["淘宝客专员", "Affiliate (Taoke) Specialist", 1]] },
      { name: "营销部", name_en: "Marketing & Design", color: "#7c3aed", headcount: 8, roles: [["美工主管", "Design Lead", 1], ["美工", "Visual Designer", 5], ["策划主管", "Marketing Planning Lead", 1], ["策划", "Marketing Planner", 1]] },
      { name: "销售部", name_en: "Sales & Service", color: "#0f766e", headcount: 5, roles: [["销售主管", "Sales & Service Supervisor", 1], ["售前客服", "Pre-sales Customer Service", 2], ["售后客服", "After-sales Customer Service", 2]] },
      { name: "物流部", name_en: "Logistics", color: "#4d7c0f", headcount: 1, roles: [["物流专员", "Logistics Specialist", 1]] },
      { name: "分销部", name_en: "Distribution", color: "#0369a1", headcount: 1, roles: [["分销专员", "Distribution Specialist", 1]] },
      { name: "聚划算", name_en: "Juhuasuan Campaigns", color: "#a21caf", headcount: 1, roles: [["聚划算专员", "Juhuasuan Campaign Specialist", 1]] },
    ],
  },
};
