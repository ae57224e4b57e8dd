export { ChartView } from "./ChartView";
export { StaticChart } from "./StaticChart";
export { SEARCH_LIST_ID, SearchList, searchOptionId, stepSearch, useChartSearch } from "./SearchList";
