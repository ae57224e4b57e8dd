// How input moves the view: the wheel and pinch, the pointer near an edge during a drag, and a
// new layout (which must not move the card the user is looking at). Pure; see pan.test.ts.
import type { TreeLayout } from "./layout";
import { revealRect, zoomAround } from "./viewport";
import type { View } from "./viewport";

/** The view after a wheel event with the pointer at (px, py) in the viewport: a sideways scroll
 * pans, the rest zooms around the pointer (a pinch comes as a wheel with ctrlKey, and faster).
 * `page` is how far a page-mode delta goes. */
export function wheelView(
  v: View,
  e: { deltaX: number; deltaY: number; deltaMode: number; ctrlKey: boolean },
  px: number,
  py: number,
  page: number,
): View {
  const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? page : 1;
  const dx = e.deltaX * unit;
  const dy = e.deltaY * unit;
  if (!e.ctrlKey && Math.abs(dx) > Math.abs(dy)) return { ...v, x: v.x - dx };
  const factor = Math.exp(-dy * (e.ctrlKey ? 0.012 : 0.0018));
  return zoomAround(v, factor, px, py);
}

/** How far to pan (px a frame) during a drag with the pointer at (x, y): towards an edge of the
 * viewport box `r` it is within 40 px of, faster the closer it is. */
export function edgePush(r: { left: number; top: number; right: number; bottom: number }, x: number, y: number): { dx: number; dy: number } {
  const band = 40;
  const push = (d: number) => (d < band ? ((band - Math.max(d, 0)) / band) * 14 : 0);
  return { dx: push(x - r.left) - push(r.right - x), dy: push(y - r.top) - push(r.bottom - y) };
}

/** The view that keeps a card still on screen through a new layout: the first of `candidates`
 * in both layouts. When the whole chart fits at this zoom in the `w`×`h` viewport, all of it is
 * kept in view. Null when there is no such card or nothing moves by more than half a pixel. */
export function holdStill(
  before: TreeLayout,
  after: TreeLayout,
  candidates: (string | null | undefined)[],
  v: View,
  w: number,
  h: number,
): View | null {
  const id = candidates.find((c) => c && before.byId.has(c) && after.byId.has(c));
  if (!id) return null;
  const a = before.byId.get(id)!;
  const b = after.byId.get(id)!;
  const dx = (a.x + before.sizes.width / 2 - (b.x + after.sizes.width / 2)) * v.k;
  const dy = (a.y - b.y) * v.k;
  let next = { ...v, x: v.x + dx, y: v.y + dy };
  const bx = after.bounds;
  if ((bx.maxX - bx.minX) * v.k <= w - 32 && (bx.maxY - bx.minY) * v.k <= h - 32) {
    next = revealRect(next, { x: bx.minX, y: bx.minY, width: bx.maxX - bx.minX, height: bx.maxY - bx.minY }, w, h, 16);
  }
  return Math.abs(next.x - v.x) > 0.5 || Math.abs(next.y - v.y) > 0.5 ? next : null;
}
