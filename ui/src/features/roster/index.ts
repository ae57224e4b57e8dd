export { RosterImportDialog } from "./RosterImportDialog";
