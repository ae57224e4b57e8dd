// Renders the store's open question (store.ask) as a modal alert dialog.
import { useApp } from "../store";
import { Dialog } from "./Dialog";

export function ConfirmHost() {
  const q = useApp((s) => s.confirm);
  const answer = useApp((s) => s.answer);
  if (!q) return null;
  return (
    <Dialog
      key={q.id}
      role="alertdialog"
      title={q.title}
      description={q.message}
      width={420}
      onClose={() => answer(false)}
      footer={
        <>
          {q.cancelLabel && (
            <button type="button" className="btn" onClick={() => answer(false)}>
              {q.cancelLabel}
            </button>
          )}
          <button type="button" className={q.danger ? "btn danger-solid" : "btn primary"} data-autofocus onClick={() => answer(true)}>
            {q.confirmLabel}
          </button>
        </>
      }
    />
  );
}
