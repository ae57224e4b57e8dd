export { JobDescriptionPreview } from "./JobDescriptionPreview";
