// The job-description preview: the `job_description` command's result set out like the printed
// document (header table, then the body's sections in the core's one order — the same list
// every export prints — and sign-off lines), with buttons that save it as Word or PDF.
import { useState } from "react";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { useQuery } from "../../lib/query";
import { Dialog } from "../../lib/ui/Dialog";
import { Icon } from "../../lib/ui/Icon";
import { LoadError } from "../../lib/ui/LoadError";
import type { JobDescription } from "../../generated/JobDescription";
import type { JdSection } from "../../generated/JdSection";
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

function Sheet({ jd }: { jd: JobDescription }) {
  const t = useT(documentsDict);
  const orNone = (xs: string[]) => (xs.length ? xs.join("、") : t("none"));
  return (
    <article className="jd-page" data-testid="jd-preview" aria-label={`${t("docTitle")} · ${jd.title}`}>
      <h3 className="jd-doc-title">
        {jd.title} · {t("docTitle")}
      </h3>
      <table className="jd-table">
        <tbody>
          <tr>
            <th scope="row">{t("company")}</th>
            <td>{jd.company || t("none")}</td>
            <th scope="row">{t("plan")}</th>
            <td>{jd.plan}</td>
          </tr>
          <tr>
            <th scope="row">{t("title")}</th>
            <td>{jd.title}</td>
            <th scope="row">{t("titleEn")}</th>
            <td>{jd.title_en || t("none")}</td>
          </tr>
          <tr>
            <th scope="row">{t("department")}</th>
            <td>{jd.department || t("none")}</td>
            <th scope="row">{t("grade")}</th>
            <td>{jd.grade || t("none")}</td>
          </tr>
          <tr>
            <th scope="row">{t("superior")}</th>
            <td>{jd.superior}</td>
            <th scope="row">{t("dotted")}</th>
            <td>{orNone(jd.dotted)}</td>
          </tr>
          <tr>
            <th scope="row">{t("subordinates")}</th>
            <td colSpan={3}>{orNone(jd.subordinates)}</td>
          </tr>
          <tr>
            <th scope="row">{t("headcount")}</th>
            <td>
              {jd.headcount} / {jd.filled}
            </td>
            <th scope="row">{t("payBand")}</th>
            <td>{jd.pay_band ? `${jd.pay_band.min.toLocaleString()} – ${jd.pay_band.max.toLocaleString()}` : t("none")}</td>
          </tr>
          <tr>
            <th scope="row">{t("date")}</th>
            <td colSpan={3}>{jd.date}</td>
          </tr>
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
    case "text":
      content = body.text.trim() ? <p>{body.text}</p> : empty;
      break;
    case "numbered":
    case "bullets":
      content = body.items.length ? (
        body.kind === "numbered" ? (
          <ol className="jd-list">
            {body.items.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ol>
        ) : (
          <ul className="jd-list">
            {body.items.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )
      ) : (
        empty
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
