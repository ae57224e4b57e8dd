// The inspector: every field of the selected position, each saved as soon as it is committed.
// Without a selection it shows a hint and the plan's own settings.
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { departmentColor, findingsFor, isSuggested, title } from "../../lib/plan";
import { confirmDeletePosition } from "../../lib/actions";
import { bySeverity } from "../../lib/totals";
import { inspectorDict } from "./dict";
import { Basics } from "./Basics";
import { FunctionTags } from "./FunctionTags";
import { ListEditor } from "./ListEditor";
import { KpiEditor } from "./KpiEditor";
import { Lines } from "./Lines";
import { Holders } from "./Holders";
import { PayBandEditor } from "./PayBandEditor";
import { PlanOverview } from "./PlanOverview";
import { Section, useUpdate } from "./common";
import { TextArea } from "../../lib/ui/fields";
import type { Position } from "../../generated/Position";
import "./inspector.css";

export function Inspector() {
  const current = useApp((s) => s.current);
  const selected = useApp((s) => s.selected);
  if (!current) return null;
  const position = selected ? current.doc.positions.find((p) => p.id === selected) : undefined;
  if (!position) return <PlanOverview />;
  return <PositionInspector key={position.id} position={position} />;
}

function PositionInspector({ position: p }: { position: Position }) {
  const t = useT(inspectorDict);
  const doc = useApp((s) => s.current!.doc);
  const findings = useApp((s) => s.current!.findings);
  const lang = useApp((s) => s.lang);
  const select = useApp((s) => s.select);
  const update = useUpdate(p.id);
  const parent = p.parent ? doc.positions.find((x) => x.id === p.parent) : undefined;
  const mine = bySeverity(findingsFor(findings, p.id));
  const otherTitle = lang === "zh" ? p.title_en : p.title;

  return (
    <aside className="insp" aria-label={t("landmark")} data-testid="inspector">
      <header className="insp-head" style={{ ["--dept" as string]: departmentColor(doc, p) }}>
        <div className="insp-head-main">
          <h2 className="insp-title">{title(p, lang)}</h2>
          {otherTitle && otherTitle !== title(p, lang) && (
            <div className="insp-sub" lang={lang === "zh" ? "en" : "zh-CN"}>
              {otherTitle}
            </div>
          )}
          <div className="insp-sub">
            {parent ? (
              <>
                {t("superior")}
                {lang === "zh" ? "：" : ": "}
                <button type="button" className="link" onClick={() => select(parent.id)}>
                  {title(parent, lang)}
                </button>
              </>
            ) : (
              t("topPosition")
            )}
          </div>
        </div>
        <button
          type="button"
          className="icon-btn"
          aria-label={t("previewJd")}
          title={t("previewJd")}
          data-testid="preview-jd"
          onClick={() => useApp.getState().setPreview(p.id)}
        >
          <Icon name="file" />
        </button>
        <button type="button" className="icon-btn danger" aria-label={t("deletePosition")} title={t("deletePosition")} onClick={() => void confirmDeletePosition(p.id)}>
          <Icon name="trash" />
        </button>
      </header>

      {mine.length > 0 && (
        <ul className="insp-findings" aria-label={t("positionFindings")}>
          {mine.map((f, i) => (
            <li key={`${f.code}-${i}`} className={`sev-${f.severity}`}>
              <Icon name={f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "info"} size={14} />
              <span>{lang === "zh" ? f.message_zh : f.message_en}</span>
            </li>
          ))}
        </ul>
      )}

      {isSuggested(doc, p.id) && <Suggestion position={p} />}

      <Basics position={p} />
      <FunctionTags position={p} />
      <ListEditor
        position={p}
        field="duties"
        title={t("duties")}
        itemLabel={(n) => t("duty", { n })}
        newLabel={t("newDuty")}
        newPlaceholder={t("newDutyPlaceholder")}
        empty={t("noDuties")}
      />
      <ListEditor
        position={p}
        field="requirements"
        title={t("requirements")}
        itemLabel={(n) => t("requirement", { n })}
        newLabel={t("newRequirement")}
        newPlaceholder={t("newRequirementPlaceholder")}
        empty={t("noRequirements")}
      />
      <KpiEditor position={p} />
      <Lines position={p} />
      <Holders position={p} />
      <PayBandEditor position={p} />
      <Section title={t("notes")} id="insp-notes">
        <TextArea value={p.notes} onCommit={(v) => update({ notes: v })} aria-label={t("notes")} placeholder={t("notesPh")} rows={3} />
      </Section>
    </aside>
  );
}

/** The library's content a roster import filled in, until the user accepts or edits it. */
function Suggestion({ position: p }: { position: Position }) {
  const t = useT(inspectorDict);
  const lang = useApp((s) => s.lang);
  const roles = useApp((s) => s.roles);
  const edit = useApp((s) => s.edit);
  const role = roles.find((r) => r.id === p.role);
  const name = role ? (lang === "en" && role.title_en ? role.title_en : role.title) : p.title;
  return (
    <div className="insp-suggestion" role="note" data-testid="suggestion">
      <span>{t("suggestion", { role: name })}</span>
      <button type="button" className="btn sm" data-testid="accept-suggestion" onClick={() => void edit("accept_suggestion", { position: p.id })}>
        <Icon name="check" size={14} />
        {t("acceptSuggestion")}
      </button>
    </div>
  );
}
