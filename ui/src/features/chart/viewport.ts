// Pan and zoom arithmetic. A view maps chart coordinates to screen: screen = chart × k + (x, y).
import type { Bounds } from "./layout";

export interface View {
  x: number;
  y: number;
  k: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2.5;

export function clampZoom(k: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
}

/** The view that shows all of `bounds` centred in a `width`×`height` viewport, never enlarged
 * beyond `maxK`. */
export function fitView(bounds: Bounds, width: number, height: number, pad = 48, maxK = 1): View {
  const bw = Math.max(1, bounds.maxX - bounds.minX);
  const bh = Math.max(1, bounds.maxY - bounds.minY);
  const k = clampZoom(Math.min((width - pad * 2) / bw, (height - pad * 2) / bh, maxK));
  const x = (width - bw * k) / 2 - bounds.minX * k;
  // Centred vertically, a touch above the middle like a page.
  const free = height - bh * k;
  const y = Math.max(pad, free * 0.42) - bounds.minY * k;
  return { x, y, k };
}

/** Zooms by `factor` keeping the screen point (px, py) still. */
export function zoomAround(v: View, factor: number, px: number, py: number): View {
  const k = clampZoom(v.k * factor);
  const f = k / v.k;
  return { k, x: px - (px - v.x) * f, y: py - (py - v.y) * f };
}

/** The smallest pan that brings the chart rectangle fully into the viewport (with `margin`);
 * the same view when it is already visible. */
export function revealRect(
  v: View,
  rect: { x: number; y: number; width: number; height: number },
  width: number,
  height: number,
  margin = 40,
): View {
  const left = rect.x * v.k + v.x;
  const top = rect.y * v.k + v.y;
  const right = left + rect.width * v.k;
  const bottom = top + rect.height * v.k;
  let dx = 0;
  let dy = 0;
  if (right - left > width - margin * 2) dx = width / 2 - (left + right) / 2;
  else if (left < margin) dx = margin - left;
  else if (right > width - margin) dx = width - margin - right;
  if (bottom - top > height - margin * 2) dy = height / 2 - (top + bottom) / 2;
  else if (top < margin) dy = margin - top;
  else if (bottom > height - margin) dy = height - margin - bottom;
  return dx === 0 && dy === 0 ? v : { k: v.k, x: v.x + dx, y: v.y + dy };
}

/** The view that puts the middle of the chart rectangle in the middle of the viewport, zoomed
 * in to `minK` if it was further out (a card there would be too small to read). */
export function centreOn(
  v: View,
  rect: { x: number; y: number; width: number; height: number },
  width: number,
  height: number,
  minK = 0,
): View {
  const k = Math.max(v.k, clampZoom(minK));
  return { k, x: width / 2 - (rect.x + rect.width / 2) * k, y: height / 2 - (rect.y + rect.height / 2) * k };
}

/** The chart rectangle visible through the viewport. */
export function visibleRect(v: View, width: number, height: number): Bounds {
  return { minX: -v.x / v.k, minY: -v.y / v.k, maxX: (width - v.x) / v.k, maxY: (height - v.y) / v.k };
}

export function contains(outer: Bounds, inner: Bounds): boolean {
  return inner.minX >= outer.minX && inner.minY >= outer.minY && inner.maxX <= outer.maxX && inner.maxY <= outer.maxY;
}

/** `b` grown by `fraction` of its size on every side. */
export function grow(b: Bounds, fraction: number): Bounds {
  const dx = (b.maxX - b.minX) * fraction;
  const dy = (b.maxY - b.minY) * fraction;
  return { minX: b.minX - dx, minY: b.minY - dy, maxX: b.maxX + dx, maxY: b.maxY + dy };
}

export function lerpView(a: View, b: View, t: number): View {
  // Zoom interpolates geometrically so it feels even.
  const k = a.k * Math.pow(b.k / a.k, t);
  return { k, x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}
