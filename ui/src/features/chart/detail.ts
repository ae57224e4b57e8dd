// How much of the chart is built: which cards are in the DOM (a big plan mounts only those near
// the viewport) and how much of each card (the level of detail, from the zoom).
import type { Lod } from "./Card";
import type { Bounds, CardSizes } from "./layout";
import type { CardModel } from "./model";
import { contains } from "./viewport";

/** Above this many visible cards, only those near the viewport are in the DOM. */
export const CULL_THRESHOLD = 240;

/** Levels of detail: below LOW_ZOOM cards show their titles only, below BOX_ZOOM (where a title
 * would be a few pixels tall) they are coloured boxes. Cards are built with only what shows, so
 * a big plan zoomed out stays light. */
const LOW_ZOOM = 0.3;
const BOX_ZOOM = 0.15;
export const lodAt = (k: number): Lod => (k < BOX_ZOOM ? "min" : k < LOW_ZOOM ? "low" : "high");

export function area(b: Bounds): number {
  return (b.maxX - b.minX) * (b.maxY - b.minY);
}

/** What the window of mounted cards does when the view shows `seen`: moves to the view (it went
 * off the edge of what is rendered), shrinks once the view settles (zoomed in a lot, far-away
 * cards are dropped), or stays. */
export function windowStep(current: Bounds | null, seen: Bounds): "move" | "shrink" | "keep" {
  if (!current || !contains(current, seen)) return "move";
  if (area(current) > area(seen) * 9) return "shrink";
  return "keep";
}

/** The cards to put in the DOM: all of them unless culling; else those in the window, and the
 * tabbable one always (Tab must find it). Before the first fit a big plan mounts none, as it
 * cannot tell which are in view. */
export function mountedModels(
  models: CardModel[],
  o: { cull: boolean; win: Bounds | null; fitted: boolean; keep: string | null; sizes: CardSizes },
): CardModel[] {
  if (!o.cull) return models;
  const win = o.win;
  if (!win) return o.fitted ? models : [];
  const { width: w, height: h } = o.sizes;
  return models.filter(
    (m) => m.id === o.keep || (m.x + w >= win.minX && m.x <= win.maxX && m.y + h >= win.minY && m.y <= win.maxY),
  );
}
