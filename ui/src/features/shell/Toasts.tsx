// Notices as toasts, bottom centre above the footer. Each is an alert so refusals are read out.
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { common } from "../../lib/ui/dict";

export function Toasts() {
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismiss);
  const t = useT(common);
  if (notices.length === 0) return null;
  return (
    <div className="toasts">
      {notices.map((n) => (
        <div key={n.id} className={`toast toast-${n.tone}`} role="alert" data-kind={n.kind ?? ""} data-testid="toast">
          <Icon name={n.tone === "error" ? "error" : "checkCircle"} size={16} />
          <span className="toast-text">{n.text}</span>
          <button type="button" className="toast-close" aria-label={t("dismiss")} onClick={() => dismiss(n.id)}>
            <Icon name="x" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
