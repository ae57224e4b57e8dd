export { CascadeView } from "./CascadeView";
