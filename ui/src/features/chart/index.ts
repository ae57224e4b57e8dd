export { ChartView } from "./ChartView";
