export { PresentMode } from "./PresentMode";
export { usePresent, usePresentShortcut } from "./state";
