export { ChartView } from "./ChartView";
export { StaticChart } from "./StaticChart";
