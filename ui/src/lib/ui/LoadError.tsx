// What a view shows in place of data it could not load: what failed, the backend's message and
// a retry.
import { useT } from "../i18n";
import { Icon } from "./Icon";
import { common } from "./dict";

export function LoadError({ title, message, onRetry }: { title: string; message: string; onRetry(): void }) {
  const t = useT(common);
  return (
    <div className="card load-error" role="alert">
      <Icon name="error" size={20} />
      <div>
        <h2>{title}</h2>
        <p>{message}</p>
      </div>
      <button type="button" className="btn" onClick={onRetry}>
        <Icon name="refresh" size={15} />
        {t("retry")}
      </button>
    </div>
  );
}
