export { FindingsPanel } from "./FindingsPanel";
