// A text with the first occurrence of a search query marked: the chart's cards and the search
// list show matches the same way.
import { splitMatch } from "./model";

/** `text` with the first occurrence of `query` marked, or as it is. */
export function Marked({ text, query }: { text: string; query: string }) {
  const parts = query ? splitMatch(text, query) : null;
  if (!parts) return <>{text}</>;
  return (
    <>
      {parts[0]}
      <mark>{parts[1]}</mark>
      {parts[2]}
    </>
  );
}
