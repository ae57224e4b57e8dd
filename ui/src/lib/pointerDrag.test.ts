import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DRAG_THRESHOLD, dragging, pressToDrag, registerDropTarget } from "./pointerDrag";
import type { DragPayload, DropTarget } from "./pointerDrag";

/** A pointer event as the browser sends it (jsdom has no PointerEvent constructor). */
function pointer(type: string, x: number, y: number, extra: Record<string, unknown> = {}): Event {
  const e = new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0 });
  Object.defineProperty(e, "pointerId", { value: 1 });
  Object.defineProperty(e, "isPrimary", { value: true });
  for (const [k, v] of Object.entries(extra)) Object.defineProperty(e, k, { value: v });
  return e;
}

function press(x: number, y: number, payload: DragPayload, onStart?: () => void) {
  return pressToDrag(pointer("pointerdown", x, y) as PointerEvent, payload, { title: "直通车专员", color: "#2457d6" }, onStart);
}

const role: DragPayload = { kind: "role", id: "promotion-ztc", title: "直通车专员" };

describe("pointer drag", () => {
  let chart: HTMLElement;
  let card: HTMLElement;
  let outside: HTMLElement;
  let target: DropTarget & { calls: string[] };
  let under: Element | null;
  let unregister: () => void;

  beforeEach(() => {
    chart = document.createElement("div");
    card = document.createElement("div");
    chart.append(card);
    outside = document.createElement("div");
    document.body.append(chart, outside);
    under = card;
    // jsdom lays nothing out: the element under the pointer is whatever the test says.
    document.elementFromPoint = vi.fn(() => under);
    const calls: string[] = [];
    target = {
      calls,
      element: chart,
      over: (p, x, y) => calls.push(`over ${p.kind} ${x},${y}`),
      leave: (p) => calls.push(`leave ${p.kind}`),
      drop: (p, x, y) => calls.push(`drop ${p.id} ${x},${y}`),
      end: () => calls.push("end"),
    };
    unregister = registerDropTarget(target);
  });

  afterEach(() => {
    unregister();
    window.dispatchEvent(pointer("pointercancel", 0, 0));
    document.body.innerHTML = "";
  });

  it("a press that does not travel is a click, not a drag", () => {
    const onStart = vi.fn();
    expect(press(10, 10, role, onStart)).toBe(true);
    card.dispatchEvent(pointer("pointermove", 10 + DRAG_THRESHOLD - 1, 10));
    card.dispatchEvent(pointer("pointerup", 10 + DRAG_THRESHOLD - 1, 10));
    const click = vi.fn();
    card.addEventListener("click", click);
    card.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(onStart).not.toHaveBeenCalled();
    expect(target.calls).toEqual([]);
    expect(click).toHaveBeenCalledOnce();
    expect(document.querySelector(".drag-ghost")).toBeNull();
  });

  it("only the primary button starts a drag", () => {
    const right = pointer("pointerdown", 0, 0, { button: 2 }) as PointerEvent;
    expect(pressToDrag(right, role, { title: "x", color: "#000" })).toBe(false);
    card.dispatchEvent(pointer("pointermove", 50, 50));
    expect(dragging()).toBe(false);
  });

  it("drags a ghost over the target and drops where the pointer is let go", () => {
    const onStart = vi.fn();
    press(10, 10, role, onStart);
    card.dispatchEvent(pointer("pointermove", 30, 12));
    expect(onStart).toHaveBeenCalledOnce();
    expect(dragging()).toBe(true);
    const ghost = document.querySelector<HTMLElement>(".drag-ghost")!;
    expect(ghost.textContent).toBe("直通车专员");
    expect(ghost.style.transform).toBe("translate(44px, 28px)");
    expect(document.documentElement.dataset.pointerDrag).toBe("true");

    card.dispatchEvent(pointer("pointermove", 40, 20));
    card.dispatchEvent(pointer("pointerup", 41, 21));
    expect(target.calls).toEqual(["over role 30,12", "over role 40,20", "over role 41,21", "drop promotion-ztc 41,21", "end"]);
    expect(dragging()).toBe(false);
    expect(document.querySelector(".drag-ghost")).toBeNull();
    expect(document.documentElement.dataset.pointerDrag).toBeUndefined();

    // The click the release makes is not a click on the card under it.
    const click = vi.fn();
    card.addEventListener("click", click);
    card.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(click).not.toHaveBeenCalled();
  });

  it("leaving the target tells it, and a release outside drops nothing", () => {
    press(10, 10, { kind: "position", id: "p-1" });
    card.dispatchEvent(pointer("pointermove", 30, 10));
    under = outside;
    outside.dispatchEvent(pointer("pointermove", 300, 10));
    outside.dispatchEvent(pointer("pointerup", 300, 10));
    expect(target.calls).toEqual(["over position 30,10", "leave position", "end"]);
  });

  it("Escape cancels the drag and goes no further", () => {
    const appEscape = vi.fn();
    document.addEventListener("keydown", appEscape);
    press(10, 10, role);
    card.dispatchEvent(pointer("pointermove", 30, 10));
    const esc = new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true });
    card.dispatchEvent(esc);
    expect(esc.defaultPrevented).toBe(true);
    expect(appEscape).not.toHaveBeenCalled();
    card.dispatchEvent(pointer("pointerup", 30, 10));
    expect(target.calls).toEqual(["over role 30,10", "end"]);
    expect(document.querySelector(".drag-ghost")).toBeNull();
    document.removeEventListener("keydown", appEscape);
  });

  it("a cancelled pointer (the window lost it) ends the drag without a drop", () => {
    press(10, 10, role);
    card.dispatchEvent(pointer("pointermove", 30, 10));
    window.dispatchEvent(pointer("pointercancel", 30, 10));
    card.dispatchEvent(pointer("pointerup", 30, 10));
    expect(target.calls).toEqual(["over role 30,10", "end"]);
  });
});
