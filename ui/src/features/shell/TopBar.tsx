// The top bar: product mark, open plan, save state, views, search, undo/redo, findings,
// export menu, present, language and theme.
import { useRef, useState } from "react";
import { useApp, type View } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon, Mark, type IconName } from "../../lib/ui/Icon";
import { Menu, type MenuItem } from "../../lib/ui/Menu";
import { hasPersonalData, title } from "../../lib/plan";
import type { DocFormat } from "../../generated/DocFormat";
import type { PaperSize } from "../../generated/PaperSize";
import { shortcut } from "../../lib/actions";
import { severityCounts } from "../../lib/totals";
import { usePresent } from "../present";
import { RosterImportDialog } from "../roster";
import { SEARCH_LIST_ID, SearchList, searchOptionId, stepSearch, useChartSearch } from "../chart";
import { shellDict } from "./dict";
import { historyLabel } from "./history";

const VIEWS: { view: View; key: "viewChart" | "viewEstablishment" | "viewPeople" | "viewCascade" | "viewCompare"; icon: IconName }[] = [
  { view: "chart", key: "viewChart", icon: "chart" },
  { view: "establishment", key: "viewEstablishment", icon: "table" },
  { view: "people", key: "viewPeople", icon: "users" },
  { view: "cascade", key: "viewCascade", icon: "target" },
  { view: "compare", key: "viewCompare", icon: "columns" },
];

export function TopBar() {
  const t = useT(shellDict);
  const current = useApp((s) => s.current);
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const saving = useApp((s) => s.saving);
  const lang = useApp((s) => s.lang);
  const setLang = useApp((s) => s.setLang);
  const theme = useApp((s) => s.theme);
  const setTheme = useApp((s) => s.setTheme);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const setSide = useApp((s) => s.setSide);
  const exportPlanFile = useApp((s) => s.exportPlanFile);
  const importPlanFile = useApp((s) => s.importPlanFile);
  const notify = useApp((s) => s.notify);
  const exportDocument = useApp((s) => s.exportDocument);
  const setPreview = useApp((s) => s.setPreview);
  const selected = useApp((s) => s.selected);
  const enterPresent = usePresent((s) => s.enter);
  const [roster, setRoster] = useState(false);
  // 手机 and 邮箱 are personal data: the plan file and the Excel sheets leave them out unless
  // ticked, for this plan (off again for another).
  const [personalFor, setPersonalFor] = useState<string | null>(null);
  const hasPersonal = current !== null && hasPersonalData(current.doc);
  const personal = hasPersonal && personalFor === current.doc.plan.id;
  // Chart exports leave names out unless ticked (a chart is often shown outside the team).
  const [chartNames, setChartNames] = useState(false);
  const chart = (paper?: PaperSize) => ({ ...(paper ? { paper } : {}), ...(chartNames ? { names: true } : {}) });

  const counts = severityCounts(current?.findings ?? []);
  const selectedPosition = current?.doc.positions.find((p) => p.id === selected);
  const previewTarget = selectedPosition ?? current?.doc.positions.find((p) => !p.parent);
  const save = (format: DocFormat, opts?: { position?: string; paper?: PaperSize; personal?: boolean; names?: boolean }): MenuItem => ({
    label: "",
    icon: "file",
    disabled: !current,
    onSelect: async () => {
      if (await exportDocument(format, opts)) notify("info", t("documentExported"));
    },
  });
  const exportItems: MenuItem[] = [
    { ...save("docx"), label: t("previewJd"), icon: "eye", disabled: !previewTarget, onSelect: () => previewTarget && setPreview(previewTarget.id) },
    { ...save("docx"), label: t("jdWord") },
    { ...save("pdf"), label: t("jdPdf") },
    { ...save("html"), label: t("jdHtml") },
    ...(selectedPosition
      ? [
          { ...save("docx", { position: selectedPosition.id }), label: t("jdOneWord", { title: title(selectedPosition, lang) }), hint: t("onlyThis") },
          { ...save("pdf", { position: selectedPosition.id }), label: t("jdOnePdf", { title: title(selectedPosition, lang) }), hint: t("onlyThis") },
          { ...save("html", { position: selectedPosition.id }), label: t("jdOneHtml", { title: title(selectedPosition, lang) }), hint: t("onlyThis") },
        ]
      : []),
    { ...save("xlsx", personal ? { personal } : undefined), label: t("sheetsExcel"), icon: "table" },
    { ...save("png", chart()), label: t("chartPng"), icon: "chart" },
    { ...save("svg", chart()), label: t("chartSvg"), icon: "chart" },
    { ...save("chart-pdf", chart("a4")), label: t("chartPdfA4"), icon: "chart" },
    { ...save("chart-pdf", chart("a3")), label: t("chartPdfA3"), icon: "chart" },
    { label: t("chartNames"), hint: "PNG · SVG · PDF", checked: chartNames, disabled: !current, onSelect: () => setChartNames(!chartNames) },
  ];
  const issues = counts.error + counts.warning;
  const undoLabel = current ? historyLabel("undo", current.history, lang) : t("undo");
  const redoLabel = current ? historyLabel("redo", current.history, lang) : t("redo");

  return (
    <header className="topbar">
      <div className="topbar-brand">
        <Mark size={26} />
        <span className="brand-name">
          OrgPlan <span className="brand-sub">{t("product")}</span>
        </span>
      </div>

      {current ? (
        <div className="topbar-plan">
          <button
            type="button"
            className="plan-name"
            onClick={() => setView("plans")}
            title={t("openPlans")}
            aria-label={`${current.doc.plan.name} · ${t("openPlans")}`}
            data-testid="plan-name"
          >
            <span className="plan-name-text">{current.doc.plan.name}</span>
            <Icon name="chevronDown" size={14} />
          </button>
          <span className={saving > 0 ? "save-state busy" : "save-state"} title={t("savedHint")} role="status" data-testid="save-state">
            {saving > 0 ? <span className="spinner" aria-hidden="true" /> : <Icon name="check" size={12} />}
            {saving > 0 ? t("saving") : t("saved")}
          </span>
        </div>
      ) : (
        <div className="topbar-plan">
          <button type="button" className={view === "plans" ? "plan-name solo active" : "plan-name solo"} onClick={() => setView("plans")}>
            <span className="plan-name-text">{t("plansLink")}</span>
          </button>
        </div>
      )}

      {current && (
        <div className="view-tabs" role="tablist" aria-label={t("views")}>
          {VIEWS.map((v) => (
            <button
              key={v.view}
              type="button"
              role="tab"
              aria-selected={view === v.view}
              className={view === v.view ? "view-tab active" : "view-tab"}
              onClick={() => setView(v.view)}
            >
              <Icon name={v.icon} size={15} />
              {t(v.key)}
            </button>
          ))}
        </div>
      )}

      <div className="topbar-spacer" />

      {current && view !== "plans" && <SearchBox />}

      {current && (
        <div className="topbar-group" role="group" aria-label={`${t("undo")} / ${t("redo")}`}>
          <button
            type="button"
            className={current.history.undo_by ? "icon-btn by-other" : "icon-btn"}
            aria-label={undoLabel}
            title={`${undoLabel} (${shortcut("Ctrl+Z")})`}
            data-testid="undo-button"
            data-by={current.history.undo_by ?? undefined}
            disabled={!current.history.undo}
            onClick={() => void undo()}
          >
            <Icon name="undo" />
          </button>
          <button
            type="button"
            className={current.history.redo_by ? "icon-btn by-other" : "icon-btn"}
            aria-label={redoLabel}
            title={`${redoLabel} (${shortcut("Ctrl+Shift+Z")})`}
            data-testid="redo-button"
            data-by={current.history.redo_by ?? undefined}
            disabled={!current.history.redo}
            onClick={() => void redo()}
          >
            <Icon name="redo" />
          </button>
        </div>
      )}

      {current && (
        <button
          type="button"
          className={`findings-badge ${counts.error ? "error" : issues ? "warning" : "ok"}`}
          data-testid="findings-badge"
          aria-label={`${issues ? t("findingsCount", { n: issues }) : t("findingsNone")} · ${t("findingsBadgeLabel", { e: counts.error, w: counts.warning })}`}
          title={t("findings")}
          onClick={() => {
            if (view === "plans") setView("chart");
            setSide("findings", true);
            requestAnimationFrame(() => document.getElementById("findings-panel")?.focus());
          }}
        >
          <Icon name={counts.error ? "error" : issues ? "warning" : "checkCircle"} size={15} />
          {issues ? t("findingsCount", { n: issues }) : t("findingsNone")}
        </button>
      )}

      <Menu
        label={t("exportMenu")}
        items={[
          ...exportItems,
          {
            label: t("exportFile"),
            hint: "JSON",
            icon: "download",
            disabled: !current,
            onSelect: async () => {
              if (await exportPlanFile(undefined, personal)) notify("info", t("exported"));
            },
          },
          ...(hasPersonal
            ? [
                {
                  label: t("includePersonal"),
                  hint: "Excel · JSON",
                  checked: personal,
                  divider: true,
                  onSelect: () => setPersonalFor(personal ? null : current.doc.plan.id),
                },
              ]
            : []),
          {
            label: t("importFile"),
            icon: "upload",
            divider: true,
            onSelect: async () => {
              const s = await importPlanFile();
              if (s) notify("info", t("imported", { name: s.doc.plan.name }));
            },
          },
          {
            label: t("importRoster"),
            hint: "Excel · CSV",
            icon: "users",
            onSelect: () => setRoster(true),
          },
        ]}
      >
        <Icon name="download" size={15} />
        {t("export")}
        <Icon name="chevronDown" size={14} />
      </Menu>

      <button
        type="button"
        className="btn primary"
        disabled={!current}
        title={t("presentHint")}
        data-testid="present-button"
        onClick={enterPresent}
      >
        <Icon name="play" size={14} />
        {t("present")}
      </button>

      <div className="seg" role="group" aria-label={t("language")}>
        <button type="button" aria-pressed={lang === "zh"} aria-label="中文" className={lang === "zh" ? "on" : ""} onClick={() => setLang("zh")} lang="zh-CN">
          中
        </button>
        <button type="button" aria-pressed={lang === "en"} title="English" className={lang === "en" ? "on" : ""} onClick={() => setLang("en")} lang="en">
          EN
        </button>
      </div>

      <button
        type="button"
        className="icon-btn"
        aria-label={t("darkMode")}
        aria-pressed={theme === "dark"}
        title={theme === "dark" ? t("toLight") : t("toDark")}
        onClick={() => setTheme(theme === "dark" ? "light" : "dark")}
      >
        <Icon name={theme === "dark" ? "sun" : "moon"} />
      </button>
      {roster && <RosterImportDialog onClose={() => setRoster(false)} />}
    </header>
  );
}

/** The search box: every view filters by it; on the chart, a list of the matches hangs under
 * it while it has the focus, and Enter / Shift+Enter (or the arrows) step through them. */
function SearchBox() {
  const t = useT(shellDict);
  const search = useApp((s) => s.search);
  const setSearch = useApp((s) => s.setSearch);
  const onChart = useApp((s) => s.view === "chart");
  const input = useRef<HTMLInputElement>(null);
  const [focused, setFocused] = useState(false);
  const { matches, active } = useChartSearch();
  const listing = onChart && focused && search.trim() !== "";
  const listed = listing && matches.length > 0;
  return (
    <div
      className="search"
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <Icon name="search" size={15} className="search-icon" />
      <input
        ref={input}
        id="global-search"
        type="search"
        className="input search-input"
        placeholder={t("searchPlaceholder")}
        aria-label={t("search")}
        aria-controls={listed ? SEARCH_LIST_ID : undefined}
        aria-activedescendant={listed && active ? searchOptionId(active) : undefined}
        title={`${t("searchHint")} (${shortcut("Ctrl+F")})`}
        autoComplete="off"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          // Keys that pick or commit an input method's candidate are the input method's.
          if (e.nativeEvent.isComposing) return;
          if (e.key === "Escape") {
            e.preventDefault();
            setSearch("");
            input.current?.blur();
            return;
          }
          if (!onChart || e.altKey || e.ctrlKey || e.metaKey) return;
          const dir = e.key === "ArrowDown" || (e.key === "Enter" && !e.shiftKey) ? 1 : e.key === "ArrowUp" || e.key === "Enter" ? -1 : 0;
          if (dir !== 0 && search.trim()) {
            e.preventDefault();
            setFocused(true);
            stepSearch(dir);
          }
        }}
      />
      {search && (
        <button type="button" className="search-clear" aria-label={t("clearSearch")} onClick={() => setSearch("")}>
          <Icon name="x" size={13} />
        </button>
      )}
      {listing && <SearchList query={search} matches={matches} active={active} />}
    </div>
  );
}
