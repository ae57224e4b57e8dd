// The job-description preview: the `job_description` command's result set out like the printed
// document (header table, then the body's sections in the core's one order — the same list
// every export prints — and sign-off lines), with buttons that save it as Word or PDF.
import { Fragment, useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { useQuery } from "../../lib/query";
import { Dialog } from "../../lib/ui/Dialog";
import { Icon } from "../../lib/ui/Icon";
import { LoadError } from "../../lib/ui/LoadError";
import type { JobDescription } from "../../generated/JobDescription";
import type { JdSection } from "../../generated/JdSection";
import type { JdField } from "../../generated/JdField";
import type { DocFormat } from "../../generated/DocFormat";
import { documentsDict } from "./dict";
import "./documents.css";

export function JobDescriptionPreview() {
  const t = useT(documentsDict);
  const position = useApp((s) => s.preview);
  const current = useApp((s) => s.current);
  const lang = useApp((s) => s.lang);
  const backend = useApp((s) => s.backend);
  const close = useApp((s) => s.setPreview);
  const exportDocument = useApp((s) => s.exportDocument);
  const notify = useApp((s) => s.notify);
  const [busy, setBusy] = useState<DocFormat | null>(null);
  const plan = current?.doc.plan.id;
  const key = position && plan ? `${plan}|${position}|${lang}|${current.doc.plan.updated_at}` : null;
  const q = useQuery<JobDescription>(key, () => backend.call("job_description", { plan: plan!, position: position! }));
  if (!position || !current) return null;
  const jd = q.dataKey === key ? q.data : undefined;

  async function save(format: DocFormat) {
    setBusy(format);
    try {
      if (await exportDocument(format, { position: position! })) notify("info", t("saved", { name: jd?.title ?? "" }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Dialog
      title={t("previewTitle")}
      description={jd ? `${jd.plan} · ${jd.title}` : undefined}
      onClose={() => close(null)}
      width={760}
      readable
      footer={
        <>
          <button type="button" className="btn" onClick={() => close(null)}>
            {t("close")}
          </button>
          <button type="button" className="btn" disabled={!jd || busy !== null} onClick={() => void save("pdf")} data-testid="jd-save-pdf">
            <Icon name="download" size={15} />
            {t("savePdf")}
          </button>
          <button type="button" className="btn primary" disabled={!jd || busy !== null} onClick={() => void save("docx")} data-testid="jd-save-docx">
            <Icon name="download" size={15} />
            {t("saveWord")}
          </button>
        </>
      }
    >
      {q.error ? (
        <LoadError
          title={t("loadFailed")}
          message={q.error.kind === "not_found" ? t("notFound") : q.error.message}
          onRetry={q.retry}
        />
      ) : !jd ? (
        <div className="jd-state" role="status">
          <span className="spinner" aria-hidden="true" />
          {t("loading")}
        </div>
      ) : (
        <Sheet jd={jd} />
      )}
    </Dialog>
  );
}

/** The header's fields two to a row, as the documents set them: a long value takes a row of
 * its own. */
export function headerRows(fields: JdField[]): JdField[][] {
  const long = (v: string) => [...v].length > 18;
  const rows: JdField[][] = [];
  let pending: JdField | null = null;
  for (const f of fields) {
    if (long(f.value)) {
      if (pending) rows.push([pending]);
      pending = null;
      rows.push([f]);
    } else if (pending) {
      rows.push([pending, f]);
      pending = null;
    } else {
      pending = f;
    }
  }
  if (pending) rows.push([pending]);
  return rows;
}

function Sheet({ jd }: { jd: JobDescription }) {
  const t = useT(documentsDict);
  return (
    <article className="jd-page" data-testid="jd-preview" aria-label={`${t("docTitle")} · ${jd.title}`}>
      <h3 className="jd-doc-title">
        {jd.title} · {t("docTitle")}
      </h3>
      <table className="jd-table">
        <tbody>
          {headerRows(jd.header).map((row, i) => (
            <tr key={i}>
              {row.map((f, k) => (
                <Fragment key={k}>
                  <th scope="row">{f.label}</th>
                  <td colSpan={row.length === 1 ? 3 : undefined}>{f.value}</td>
                </Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      {jd.sections.map((section, i) => (
        <Section key={i} jd={jd} section={section} />
      ))}

      <div className="jd-sign" aria-hidden="true">
        <div>
          {t("signOff")} / {t("signDate")}
        </div>
        <div>
          {t("signSuperior")} / {t("signDate")}
        </div>
        <div>
          {t("signHr")} / {t("signDate")}
        </div>
      </div>
    </article>
  );
}

/** One section of the body, as the core lists them for every document. */
function Section({ jd, section }: { jd: JobDescription; section: JdSection }) {
  const t = useT(documentsDict);
  const empty = <p className="jd-muted">{t("empty")}</p>;
  const body = section.body;
  let content;
  switch (body.kind) {
    case "none":
      content = empty;
      break;
    case "text":
      content = <p>{body.text}</p>;
      break;
    case "numbered":
      content = (
        <ol className="jd-list">
          {body.items.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ol>
      );
      break;
    case "bullets":
      content = (
        <ul className="jd-list">
          {body.items.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      );
      break;
    case "rich":
      content = (
        <ul className="jd-list">
          {body.items.map((runs, i) => (
            <li key={i}>{runs.map((r, k) => (r.strong ? <strong key={k}>{r.text}</strong> : <span key={k}>{r.text}</span>))}</li>
          ))}
        </ul>
      );
      break;
    case "kpis":
      content = jd.kpis.length ? <KpiTable jd={jd} /> : empty;
      break;
  }
  return (
    <>
      <h4 className="jd-section">{section.title}</h4>
      {content}
    </>
  );
}

function KpiTable({ jd }: { jd: JobDescription }) {
  const t = useT(documentsDict);
  return (
    <table className="jd-table" data-testid="jd-kpis">
      <thead>
        <tr>
          <th scope="col">{t("metric")}</th>
          <th scope="col" className="num">
            {t("weight")}
          </th>
          <th scope="col">{t("target")}</th>
          <th scope="col">{t("cycle")}</th>
          <th scope="col">{t("source")}</th>
        </tr>
      </thead>
      <tbody>
        {jd.kpis.map((k, i) => (
          <tr key={i}>
            <td>{k.metric}</td>
            <td className="num">{k.weight}%</td>
            <td>{k.target}</td>
            <td>{k.cycle}</td>
            <td>{k.source}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td>{t("total")}</td>
          <td className="num">{jd.kpi_total}%</td>
          <td colSpan={3} />
        </tr>
      </tfoot>
    </table>
  );
}
