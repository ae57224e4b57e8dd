// Save a plan as a scenario (另存为备选方案): a copy that remembers its base, named 方案B, 方案C…,
// opened right away so the user can change it and compare. Used by the plans list and the
// compare view.
import { useApp } from "../store";
import { useT } from "../i18n";
import { nextScenarioName } from "../scenarios";
import { Icon } from "./Icon";
import { NameDialog } from "./NameDialog";

const dict = {
  title: { zh: "另存为备选方案", en: "Save as scenario" },
  desc: {
    zh: "复制「{name}」作为它的备选方案。在备选方案里调整岗位和编制，原方案保持不变，随时可以两者对比。",
    en: "Copy “{name}” as a scenario of it. Change positions and headcount in the scenario; the original stays as it is, and you can compare the two at any time.",
  },
  name: { zh: "备选方案名称", en: "Scenario name" },
  save: { zh: "保存并打开", en: "Save and open" },
  saved: { zh: "已另存为备选方案「{name}」，现在编辑的是备选方案", en: "Saved as the scenario “{name}”; you are now editing the scenario" },
} as const;

export function ScenarioDialog({ base, onClose }: { base: { id: string; name: string }; onClose(): void }) {
  const t = useT(dict);
  const lang = useApp((s) => s.lang);
  const plans = useApp((s) => s.plans);

  async function save(name: string) {
    const { duplicatePlan, openPlan, notify } = useApp.getState();
    const state = await duplicatePlan(base.id, name, true);
    if (!state) return false;
    await openPlan(state.doc.plan.id);
    notify("info", t("saved", { name: state.doc.plan.name }));
    return true;
  }

  return (
    <NameDialog
      title={t("title")}
      description={t("desc", { name: base.name })}
      label={t("name")}
      initial={nextScenarioName(plans, lang)}
      saveLabel={
        <>
          <Icon name="branch" size={15} />
          {t("save")}
        </>
      }
      onSave={save}
      onClose={onClose}
    />
  );
}
