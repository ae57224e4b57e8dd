export { RolePalette } from "./RolePalette";
