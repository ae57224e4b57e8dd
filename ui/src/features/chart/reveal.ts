// Asking the chart, from outside it, to centre a card (the top bar's search stepping through
// matches). The chart listens while it is shown; nobody listening, nothing happens.
type Listener = (id: string) => void;
const listeners = new Set<Listener>();

/** Centres `id` on the chart once it is laid out (after its branch is opened, if folded). */
export function centreCard(id: string): void {
  for (const f of listeners) f(id);
}

export function onCentreCard(f: Listener): () => void {
  listeners.add(f);
  return () => {
    listeners.delete(f);
  };
}
