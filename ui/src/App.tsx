import { useEffect } from "react";
import { useApp } from "./lib/store";

export function App() {
  const init = useApp((s) => s.init);
  const current = useApp((s) => s.current);
  useEffect(() => {
    void init();
  }, [init]);
  return <div>{current ? current.doc.plan.name : "…"}</div>;
}
