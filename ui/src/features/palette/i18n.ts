import type { Dict } from "../../lib/i18n";

export const paletteDict = {
  heading: { zh: "岗位库", en: "Role library" },
  listLabel: { zh: "岗位库", en: "Role library" },
  search: { zh: "搜索岗位库…", en: "Search roles…" },
  searchLabel: { zh: "搜索岗位库", en: "Search the role library" },
  clear: { zh: "清除", en: "Clear" },
  none: { zh: "没有匹配「{q}」的岗位", en: "No role matches “{q}”" },
  tooltip: {
    zh: "{title}\n职责 {duties} 条 · KPI {kpis} 项\n拖到架构图的岗位上添加，或按 Enter 添加到选中岗位下",
    en: "{title}\n{duties} duties · {kpis} KPIs\nDrag onto a position in the chart, or press Enter to add under the selected one",
  },
  counts: { zh: "{duties} 职责 · {kpis} KPI", en: "{duties} duties · {kpis} KPIs" },
  add: { zh: "添加到选中岗位下", en: "Add under the selected position" },
  selectFirst: { zh: "先在架构图中选中一个岗位", en: "Select a position in the chart first" },
  added: { zh: "已添加「{role}」到「{parent}」下", en: "Added {role} under {parent}" },
  footer: { zh: "拖到架构图中的岗位上即可添加", en: "Drag a role onto a position to add it" },
  footerSelected: { zh: "Enter / 双击：添加到「{parent}」下", en: "Enter / double-click: add under {parent}" },
} satisfies Dict;
