// Present mode's own UI state: whether it is on, and whether private figures are hidden (on
// by default, remembered). Entering asks for full screen; when the browser refuses (a headless
// test, a webview without the API), present mode is an overlay covering the window instead.
import { useEffect } from "react";
import { create } from "zustand";
import { useApp } from "../../lib/store";

const HIDE_KEY = "orgplan.present.hidePrivate";
/** Holders' names on the slides: off by default, remembered for the browser session. */
const NAMES_KEY = "orgplan.present.showNames";

function storedNames(): boolean {
  try {
    return sessionStorage.getItem(NAMES_KEY) === "shown";
  } catch {
    return false;
  }
}

function storedHide(): boolean {
  try {
    return localStorage.getItem(HIDE_KEY) !== "shown";
  } catch {
    return true;
  }
}

interface PresentState {
  open: boolean;
  /** Pay bands and notes hidden. */
  hidePrivate: boolean;
  /** Holders' names shown next to each position. */
  showNames: boolean;
  enter(): void;
  leave(): void;
  toggleHide(): void;
  toggleNames(): void;
}

export const usePresent = create<PresentState>((set, get) => ({
  open: false,
  hidePrivate: storedHide(),
  showNames: storedNames(),

  enter() {
    if (get().open || !useApp.getState().current) return;
    set({ open: true, hidePrivate: storedHide(), showNames: storedNames() });
    // Called from the key press or click itself: full screen needs that user gesture.
    const root = document.documentElement;
    if (root.requestFullscreen && !document.fullscreenElement) {
      root.requestFullscreen({ navigationUI: "hide" }).then(
        () => {
          // Left before the window got there: do not stay full screen without present mode.
          if (!get().open && document.fullscreenElement) document.exitFullscreen().catch(() => {});
        },
        () => {
          /* refused: the overlay covers the window */
        },
      );
    }
  },

  leave() {
    if (!get().open) return;
    set({ open: false });
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  },

  toggleHide() {
    const hidePrivate = !get().hidePrivate;
    try {
      localStorage.setItem(HIDE_KEY, hidePrivate ? "hidden" : "shown");
    } catch {
      /* private mode */
    }
    set({ hidePrivate });
  },

  toggleNames() {
    const showNames = !get().showNames;
    try {
      sessionStorage.setItem(NAMES_KEY, showNames ? "shown" : "hidden");
    } catch {
      /* private mode */
    }
    set({ showNames });
  },
}));

/** F5 enters present mode (and never reloads the page while a plan is open). */
export function usePresentShortcut() {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== "F5" || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      const s = useApp.getState();
      if (!s.current || s.fatal) return;
      e.preventDefault();
      if (s.confirm || document.querySelector('[aria-modal="true"]')) return;
      usePresent.getState().enter();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
