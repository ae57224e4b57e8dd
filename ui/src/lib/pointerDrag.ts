// Drag and drop on pointer events: roles from the palette onto the chart, and cards inside the
// chart. The browser's own drag and drop (draggable, dragover) costs a frame more than its
// budget on a big chart, so a drag here is a press, moves and a release, with a ghost of our own
// that follows the pointer. Drop targets register their element; what a drop does stays with
// them.

export type DragPayload = { kind: "position"; id: string } | { kind: "role"; id: string; title: string };

/** What the ghost shows: the title, and the colour of its dot (department or function). */
export type GhostLook = { title: string; color: string };

export interface DropTarget {
  /** Drops land on this element or anything inside it. */
  element: HTMLElement;
  /** The pointer moved over the target; `under` is the topmost element there. */
  over(payload: DragPayload, x: number, y: number, under: Element): void;
  /** The pointer left the target (the drag goes on). */
  leave(payload: DragPayload): void;
  /** Released over the target. */
  drop(payload: DragPayload, x: number, y: number, under: Element): void;
  /** The drag is over, dropped or not: clear any feedback. */
  end(): void;
}

/** How far (px) the pointer must travel before a press becomes a drag; less is a click. */
export const DRAG_THRESHOLD = 4;
/** Where the ghost sits relative to the pointer, so it never hides the card under it. */
const GHOST_OFFSET = { x: 14, y: 16 };

const targets = new Set<DropTarget>();

/** Makes `target` take drops until the returned function is called. */
export function registerDropTarget(target: DropTarget): () => void {
  targets.add(target);
  return () => {
    targets.delete(target);
  };
}

type Session = {
  pointerId: number;
  sx: number;
  sy: number;
  started: boolean;
  payload: DragPayload;
  look: GhostLook;
  onStart?: () => void;
  over: DropTarget | null;
  /** The element under the pointer at the last move. */
  under: Element | null;
  ghost: HTMLElement | null;
  /** The last pointer position, for `refresh`. */
  x: number;
  y: number;
};

let session: Session | null = null;

/** A drag is under way (past the threshold). */
export function dragging(): boolean {
  return session?.started ?? false;
}

/** Starts watching a press that may become a drag of `payload`. Call from a pointerdown; a
 * press that does not travel `DRAG_THRESHOLD` stays a click. `onStart` runs when it becomes a
 * drag. Returns false (and does nothing) for a press that cannot start a drag. */
export function pressToDrag(e: PointerEvent, payload: DragPayload, look: GhostLook, onStart?: () => void): boolean {
  if (e.button !== 0 || !e.isPrimary) return false;
  if (session) finish(false);
  session = { pointerId: e.pointerId, sx: e.clientX, sy: e.clientY, started: false, payload, look, onStart, over: null, under: null, ghost: null, x: e.clientX, y: e.clientY };
  window.addEventListener("pointermove", onMove, true);
  window.addEventListener("pointerup", onUp, true);
  window.addEventListener("pointercancel", onCancel, true);
  window.addEventListener("keydown", onKey, true);
  window.addEventListener("blur", onCancel);
  return true;
}

/** Hit-tests the last pointer position again (after the target scrolled under a still pointer). */
export function refresh(): void {
  if (session?.started) track(session, session.x, session.y);
}

function targetAt(under: Element | null): DropTarget | null {
  if (!under) return null;
  for (const t of targets) if (t.element.contains(under)) return t;
  return null;
}

/** Follows the pointer to (x, y); `hit` is the element under it if the caller knows it (a
 * pointer event's target, as nothing captures the pointer), saving a second hit test. */
function track(s: Session, x: number, y: number, hit?: EventTarget | null) {
  s.x = x;
  s.y = y;
  if (s.ghost) s.ghost.style.transform = `translate(${x + GHOST_OFFSET.x}px, ${y + GHOST_OFFSET.y}px)`;
  const under = hit instanceof Element ? hit : document.elementFromPoint(x, y);
  s.under = under;
  const target = targetAt(under);
  if (s.over && s.over !== target) s.over.leave(s.payload);
  s.over = target;
  if (target && under) target.over(s.payload, x, y, under);
}

function makeGhost(look: GhostLook): HTMLElement {
  const ghost = document.createElement("div");
  ghost.className = "drag-ghost";
  ghost.setAttribute("aria-hidden", "true");
  ghost.style.setProperty("--ghost-color", look.color);
  const dot = document.createElement("span");
  dot.className = "drag-ghost-dot";
  const title = document.createElement("span");
  title.className = "drag-ghost-title";
  title.textContent = look.title;
  ghost.append(dot, title);
  document.body.append(ghost);
  return ghost;
}

function onMove(e: PointerEvent) {
  const s = session;
  if (!s || e.pointerId !== s.pointerId) return;
  if (!s.started) {
    if (Math.hypot(e.clientX - s.sx, e.clientY - s.sy) < DRAG_THRESHOLD) return;
    s.started = true;
    s.ghost = makeGhost(s.look);
    document.documentElement.dataset.pointerDrag = "true";
    window.getSelection()?.removeAllRanges();
    s.onStart?.();
  }
  e.preventDefault();
  track(s, e.clientX, e.clientY, e.target);
}

function onUp(e: PointerEvent) {
  const s = session;
  if (!s || e.pointerId !== s.pointerId) return;
  if (s.started) {
    track(s, e.clientX, e.clientY, e.target);
    swallowClick();
  }
  finish(s.started);
}

function onCancel(e: Event) {
  if (!session) return;
  if ("pointerId" in e && e.pointerId !== session.pointerId) return;
  finish(false);
}

function onKey(e: KeyboardEvent) {
  if (e.key !== "Escape" || !session?.started) return;
  // Escape ends the drag only: it must not also clear the selection or close a panel.
  e.preventDefault();
  e.stopPropagation();
  finish(false);
}

/** Ends the session; with `drop`, drops where the pointer was let go, on the target there. */
function finish(drop: boolean) {
  const s = session;
  if (!s) return;
  session = null;
  window.removeEventListener("pointermove", onMove, true);
  window.removeEventListener("pointerup", onUp, true);
  window.removeEventListener("pointercancel", onCancel, true);
  window.removeEventListener("keydown", onKey, true);
  window.removeEventListener("blur", onCancel);
  if (!s.started) return;
  s.ghost?.remove();
  delete document.documentElement.dataset.pointerDrag;
  try {
    // The last move (the release's own) found the target and the element under the pointer.
    if (drop && s.over && s.under) s.over.drop(s.payload, s.x, s.y, s.under);
  } finally {
    for (const t of targets) t.end();
  }
}

/** The click that follows a drag's release is not a click on what is under the pointer. */
function swallowClick() {
  const stop = (e: MouseEvent) => {
    e.stopPropagation();
    e.preventDefault();
  };
  window.addEventListener("click", stop, { capture: true, once: true });
  // A release off the pressed element fires no click: forget it after this turn.
  setTimeout(() => window.removeEventListener("click", stop, true), 0);
}
