import type { Dict } from "../../lib/i18n";

export const chartDict = {
  treeLabel: { zh: "组织架构图", en: "Org chart" },
  vacant: { zh: "空缺 {n}", en: "{n} vacant" },
  headcountTip: { zh: "在岗 {filled} / 编制 {planned}", en: "Filled {filled} of {planned}" },
  findings: { zh: "{n} 项提示", en: "{n} findings" },
  collapse: { zh: "收起下属", en: "Collapse subordinates" },
  expand: { zh: "展开 {n} 个下属岗位", en: "Show {n} hidden position{s}" },
  zoomIn: { zh: "放大", en: "Zoom in" },
  zoomOut: { zh: "缩小", en: "Zoom out" },
  fit: { zh: "适应窗口", en: "Fit to window" },
  zoomReset: { zh: "恢复 100%", en: "Reset to 100%" },
  compact: { zh: "紧凑布局（末级岗位竖排）", en: "Compact layout (stack the last level)" },
  expandAll: { zh: "全部展开", en: "Expand all" },
  collapseAll: { zh: "只看前两层", en: "Show top two levels" },
  legendSolid: { zh: "直接汇报", en: "Reports to" },
  legendDotted: { zh: "虚线汇报", en: "Dotted line" },
  legendVacant: { zh: "空缺", en: "Vacant" },
  dropIdle: {
    zh: "拖到岗位卡片上：中间 = 成为下属，左右两侧 = 调整顺序",
    en: "Drop on a card: middle = subordinate, left/right edge = reorder",
  },
  dropChild: { zh: "松开鼠标：「{a}」将成为「{b}」的下属", en: "Release: {a} becomes a subordinate of {b}" },
  dropBefore: { zh: "松开鼠标：「{a}」将放在「{b}」之前", en: "Release: {a} goes before {b}" },
  dropAfter: { zh: "松开鼠标：「{a}」将放在「{b}」之后", en: "Release: {a} goes after {b}" },
  dropCycle: {
    zh: "「{b}」是「{a}」自己或其下属：会形成循环汇报，无法移动",
    en: "{b} is {a} or reports to it: this would create a reporting cycle, cannot move",
  },
  dropNoop: { zh: "「{a}」已在这个位置", en: "{a} is already here" },
  emptyTitle: { zh: "还没有打开的方案", en: "No plan is open" },
  emptyBody: {
    zh: "从方案列表新建或打开一个组织方案，架构图会显示在这里。",
    en: "Create or open a plan from the plan list; its chart appears here.",
  },
  emptyAction: { zh: "打开方案列表", en: "Open plan list" },
  noPositions: { zh: "这个方案还没有岗位", en: "This plan has no positions yet" },
  loading: { zh: "正在载入架构图…", en: "Loading chart…" },
  searchCount: { zh: "找到 {n} 个岗位", en: "{n} matching position{s}" },
  searchNone: { zh: "没有匹配「{q}」的岗位", en: "No position matches “{q}”" },
  searchPrev: { zh: "上一个", en: "Previous" },
  searchNext: { zh: "下一个", en: "Next" },
  searchClear: { zh: "清除搜索", en: "Clear search" },
  moveTitle: { zh: "移动「{a}」到…", en: "Move {a} under…" },
  movePlaceholder: { zh: "搜索新的直接上级", en: "Search for the new superior" },
  moveHint: { zh: "↑↓ 选择 · Enter 确认 · Esc 取消", en: "↑↓ choose · Enter confirm · Esc cancel" },
  moveCurrent: { zh: "当前上级", en: "current" },
  moveNone: { zh: "没有可选的上级岗位", en: "No possible superior" },
  moved: { zh: "已移动「{a}」", en: "Moved {a}" },
  keysHint: {
    zh: "方向键切换岗位 · Alt+方向键调整顺序 · M 移动 · −/+ 收起展开",
    en: "Arrows move · Alt+arrows reorder · M move · −/+ collapse",
  },
} satisfies Dict;

export type ChartKey = keyof typeof chartDict;
export type ChartT = (key: ChartKey, vars?: Record<string, string | number>) => string;
