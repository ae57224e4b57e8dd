// The window: top bar, then the view (palette | chart | side panel, a table, or the plans
// list), then the footer; toasts and dialogs float above.
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { ConfirmHost } from "../../lib/ui/Confirm";
import { Icon } from "../../lib/ui/Icon";
import { ChartView, StaticChart } from "../chart";
import { RolePalette } from "../palette";
import { PlansView } from "../plans";
import { EstablishmentTable, PeopleTable } from "../tables";
import { CascadeView } from "../cascade";
import { CompareView } from "../compare";
import { PresentMode, usePresentShortcut } from "../present";
import { JobDescriptionPreview } from "../documents";
import { TopBar } from "./TopBar";
import { Footer } from "./Footer";
import { Toasts } from "./Toasts";
import { FatalState, LoadingState, ReadOnlyBanner } from "./States";
import { SidePanel } from "./SidePanel";
import { useGlobalKeys } from "./useGlobalKeys";
import { useWatch } from "../../lib/watch";
import { shellDict } from "./dict";

const VIEW_LABELS = {
  plans: "plansLink",
  chart: "viewChart",
  establishment: "viewEstablishment",
  people: "viewPeople",
  cascade: "viewCascade",
  compare: "viewCompare",
} as const;

export function Shell() {
  const t = useT(shellDict);
  const loading = useApp((s) => s.loading);
  const current = useApp((s) => s.current);
  const fatal = useApp((s) => s.fatal);
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  useGlobalKeys();
  usePresentShortcut();
  // Also while a full-page state shows: a damaged file repaired elsewhere is noticed.
  useWatch();

  if (fatal) {
    return (
      <>
        <FatalState />
        <Toasts />
        <ConfirmHost />
      </>
    );
  }
  if (loading && !current) return <LoadingState />;

  let body;
  if (view === "plans") {
    body = (
      <main className="workspace-single" aria-label={t("plansLink")}>
        <PlansView />
      </main>
    );
  } else if (!current) {
    body = (
      <main className="workspace-single">
        <div className="empty-state page">
          <Icon name="file" size={32} />
          <h2>{t("noPlanTitle")}</h2>
          <p>{t("noPlanBody")}</p>
          <button type="button" className="btn primary" onClick={() => setView("plans")}>
            {t("toPlans")}
          </button>
        </div>
      </main>
    );
  } else {
    body = (
      <div className="workspace">
        {view === "chart" && (
          <nav className="col-left" aria-label={t("palette")}>
            <RolePalette />
          </nav>
        )}
        <main className="col-main" role="tabpanel" aria-label={t(VIEW_LABELS[view])}>
          {view === "chart" && <ChartView />}
          {view === "establishment" && <EstablishmentTable />}
          {view === "people" && <PeopleTable />}
          {view === "cascade" && <CascadeView />}
          {view === "compare" && <CompareView Chart={StaticChart} />}
        </main>
        {view !== "compare" && <SidePanel />}
      </div>
    );
  }

  return (
    <div className="app">
      <TopBar />
      <ReadOnlyBanner />
      {body}
      {view !== "plans" && view !== "compare" && <Footer />}
      <Toasts />
      <ConfirmHost />
      <JobDescriptionPreview />
      <PresentMode />
    </div>
  );
}
