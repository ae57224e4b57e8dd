// Whole-window states: the first load (a calm skeleton) and a failure that stops the app.
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon, Mark } from "../../lib/ui/Icon";
import { shellDict } from "./dict";

export function LoadingState() {
  const t = useT(shellDict);
  return (
    <div className="app loading-shell" aria-busy="true">
      <header className="topbar">
        <div className="topbar-brand">
          <Mark size={26} />
          <span className="brand-name">
            OrgPlan <span className="brand-sub">{t("product")}</span>
          </span>
        </div>
        <span className="skeleton" style={{ width: 160, height: 14 }} />
        <span className="skeleton" style={{ width: 220, height: 14, marginLeft: 24 }} />
      </header>
      <div className="workspace">
        <div className="col-left skeleton-col">
          {[70, 90, 60, 80, 75, 55, 85].map((w, i) => (
            <span key={i} className="skeleton" style={{ width: `${w}%`, height: 28 }} />
          ))}
        </div>
        <div className="col-main loading-main">
          <div className="skel-tree" aria-hidden="true">
            <span className="skeleton skel-card" />
            <div className="skel-row">
              <span className="skeleton skel-card" />
              <span className="skeleton skel-card" />
              <span className="skeleton skel-card" />
            </div>
          </div>
          <p className="muted" role="status">
            {t("loading")}
          </p>
        </div>
        <div className="col-side skeleton-col">
          <span className="skeleton" style={{ width: "60%", height: 22 }} />
          <span className="skeleton" style={{ width: "40%", height: 14 }} />
          {[100, 100, 100, 80].map((w, i) => (
            <span key={i} className="skeleton" style={{ width: `${w}%`, height: 32 }} />
          ))}
        </div>
      </div>
      <div className="footer" />
    </div>
  );
}

export function FatalState() {
  const t = useT(shellDict);
  const fatal = useApp((s) => s.fatal);
  const init = useApp((s) => s.init);
  if (!fatal) return null;
  const [title, body] =
    fatal.kind === "newer_database"
      ? [t("fatalNewerTitle"), t("fatalNewerBody")]
      : fatal.kind === "database"
        ? [t("fatalDbTitle"), t("fatalDbBody")]
        : [t("fatalLoadTitle"), t("fatalLoadBody")];
  return (
    <main className="fatal" role="alert" data-testid="fatal" data-kind={fatal.kind ?? ""}>
      <div className="fatal-card">
        <div className="fatal-icon">
          <Icon name="database" size={28} />
        </div>
        <h1>{title}</h1>
        <p>{body}</p>
        {fatal.text && (
          <details open>
            <summary>{t("details")}</summary>
            <code>{fatal.text}</code>
          </details>
        )}
        {fatal.kind !== "newer_database" && (
          <button type="button" className="btn primary" onClick={() => void init()}>
            <Icon name="refresh" size={15} />
            {t("retry")}
          </button>
        )}
      </div>
    </main>
  );
}
