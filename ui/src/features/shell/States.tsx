// Whole-window states: the first load (a calm skeleton), a failure that stops the app, a
// damaged database with its backups, and the read-only banner.
import { useEffect, useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon, Mark } from "../../lib/ui/Icon";
import { fileSize } from "../../lib/format";
import type { StoreInfo } from "../../generated/StoreInfo";
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
  if (fatal.kind === "corrupt") return <CorruptState text={fatal.text} />;
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

/** The database file failed its check: nothing was written. Offers the daily backups, or the
 * command that saves what can still be read when there is none. */
function CorruptState({ text }: { text: string }) {
  const t = useT(shellDict);
  const storeInfo = useApp((s) => s.storeInfo);
  const restoreBackup = useApp((s) => s.restoreBackup);
  const ask = useApp((s) => s.ask);
  const notify = useApp((s) => s.notify);
  const init = useApp((s) => s.init);
  const [info, setInfo] = useState<StoreInfo | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void storeInfo().then((i) => {
      if (!live) return;
      setInfo(i);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [storeInfo]);

  async function restore(name: string, day: string) {
    const yes = await ask({
      title: t("restoreAsk", { day }),
      message: t("restoreAskBody", { day }),
      confirmLabel: t("restoreConfirm"),
      cancelLabel: t("cancel"),
      danger: true,
    });
    if (!yes) return;
    setRestoring(name);
    const ok = await restoreBackup(name);
    setRestoring(null);
    if (ok) notify("info", t("restored", { day }));
  }

  const backups = info?.backups ?? [];
  return (
    <main className="fatal" role="alert" data-testid="fatal" data-kind="corrupt">
      <div className="fatal-card corrupt-card">
        <div className="fatal-icon">
          <Icon name="database" size={28} />
        </div>
        <h1>{t("corruptTitle")}</h1>
        <p>{t("corruptBody")}</p>
        {info?.path && (
          <div className="corrupt-file">
            <span className="corrupt-label">{t("corruptFile")}</span>
            <code data-testid="corrupt-path">{info.path}</code>
          </div>
        )}
        {!loaded ? (
          <p className="muted" role="status">
            {t("corruptLoading")}
          </p>
        ) : backups.length > 0 ? (
          <section className="backups" aria-labelledby="backups-title">
            <h2 id="backups-title">{t("corruptBackups")}</h2>
            <ul className="backup-list">
              {backups.map((b) => (
                <li key={b.name} className="backup-row">
                  <Icon name="calendar" size={15} />
                  <span className="backup-day num">{b.day}</span>
                  <span className="backup-size num muted">{fileSize(b.bytes)}</span>
                  <button
                    type="button"
                    className="btn sm"
                    aria-label={t("restoreBackupOf", { day: b.day })}
                    disabled={restoring !== null}
                    onClick={() => void restore(b.name, b.day)}
                  >
                    {restoring === b.name ? <span className="spinner" aria-hidden="true" /> : <Icon name="refresh" size={14} />}
                    {t("restoreBackup")}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <div className="no-backups">
            <p>{t("noBackups")}</p>
            <code data-testid="recover-command">{t("recoverCommand")}</code>
          </div>
        )}
        {text && (
          <details>
            <summary>{t("details")}</summary>
            <code>{text}</code>
          </details>
        )}
        {loaded && backups.length === 0 && (
          <button type="button" className="btn" onClick={() => void init()}>
            <Icon name="refresh" size={15} />
            {t("retry")}
          </button>
        )}
      </div>
    </main>
  );
}

/** The database file cannot be written: a line under the top bar, not in the way. */
export function ReadOnlyBanner() {
  const t = useT(shellDict);
  const readOnly = useApp((s) => s.readOnly);
  if (!readOnly) return null;
  return (
    <div className="readonly-banner" role="status" data-testid="read-only">
      <Icon name="eyeOff" size={15} />
      {t("readOnly")}
    </div>
  );
}
