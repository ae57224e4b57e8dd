import { useEffect } from "react";
import { useApp } from "./lib/store";
import { Shell } from "./features/shell";
import "./features/shell/shell.css";

export function App() {
  const init = useApp((s) => s.init);
  const theme = useApp((s) => s.theme);
  const lang = useApp((s) => s.lang);
  useEffect(() => {
    void init();
  }, [init]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = lang === "zh" ? "OrgPlan 组织规划" : "OrgPlan · Org planning";
  }, [lang]);
  return <Shell />;
}
