// Window-wide shortcuts: undo/redo, delete the selected position, Ctrl+F (⌘F) or "/" to search.
import { useEffect } from "react";
import { useApp } from "../../lib/store";
import { confirmDeletePosition, isTyping } from "../../lib/actions";

export function useGlobalKeys() {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.isComposing) return;
      const s = useApp.getState();
      if (s.confirm || document.querySelector('[aria-modal="true"]')) return;
      const typing = isTyping(e.target);
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      // Ctrl+F / ⌘F: the app's search, not the browser's find (which cannot see a folded
      // branch or a name on a card); also from a field.
      if (mod && !e.altKey && !e.shiftKey && key === "f") {
        const box = document.getElementById("global-search");
        if (box instanceof HTMLInputElement) {
          e.preventDefault();
          box.focus();
          box.select();
        }
        return;
      }
      if (mod && !e.altKey && key === "z" && !typing) {
        e.preventDefault();
        if (e.shiftKey) void s.redo();
        else void s.undo();
        return;
      }
      if (mod && !e.altKey && !e.shiftKey && key === "y" && !typing) {
        e.preventDefault();
        void s.redo();
        return;
      }
      if ((e.key === "Delete" || e.key === "Backspace") && !mod && !typing && s.selected && s.current && s.view !== "plans") {
        e.preventDefault();
        void confirmDeletePosition(s.selected);
        return;
      }
      if (e.key === "/" && !mod && !typing) {
        const box = document.getElementById("global-search");
        if (box) {
          e.preventDefault();
          box.focus();
        }
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
