// The monthly pay band: minimum and maximum in yuan, or none.
import { useT } from "../../lib/i18n";
import { Icon } from "../../lib/ui/Icon";
import { NumberField } from "../../lib/ui/fields";
import { yuan } from "../../lib/format";
import type { Position } from "../../generated/Position";
import { inspectorDict } from "./dict";
import { Section, useUpdate } from "./common";
import { LIMITS } from "../../generated/limitValues";

export function PayBandEditor({ position: p }: { position: Position }) {
  const t = useT(inspectorDict);
  const update = useUpdate(p.id);
  const band = p.pay_band;

  function commit(which: "min" | "max", n: number | null) {
    const other = which === "min" ? band?.max : band?.min;
    if (n === null) {
      // Clearing one end clears the band when the other is not set either.
      return band ? update({ pay_band: null }) : null;
    }
    const min = which === "min" ? n : (other ?? n);
    const max = which === "max" ? n : (other ?? n);
    return update({ pay_band: { min, max } });
  }

  const mid = band ? (band.min + band.max) / 2 : 0;
  return (
    <Section
      title={t("pay")}
      id="insp-pay"
      action={
        band && (
          <button type="button" className="btn sm ghost" onClick={() => void update({ pay_band: null })}>
            <Icon name="x" size={13} />
            {t("clearPay")}
          </button>
        )
      }
    >
      <div className="pay-row">
        <span className="pay-field">
          <span className="pay-prefix" aria-hidden="true">
            ¥
          </span>
          <NumberField value={band?.min ?? null} allowBlank min={0} max={LIMITS.pay_max} step={500} aria-label={t("payMin")} placeholder={t("payMin")} onCommit={(n) => commit("min", n)} />
        </span>
        <span className="pay-dash" aria-hidden="true">
          –
        </span>
        <span className="pay-field">
          <span className="pay-prefix" aria-hidden="true">
            ¥
          </span>
          <NumberField value={band?.max ?? null} allowBlank min={0} max={LIMITS.pay_max} step={500} aria-label={t("payMax")} placeholder={t("payMax")} onCommit={(n) => commit("max", n)} />
        </span>
        <span className="pay-unit muted">{t("perMonth")}</span>
      </div>
      <p className="insp-hint">{band ? t("payMid", { mid: yuan(mid), n: p.headcount, total: yuan(mid * p.headcount) }) : t("payNone")}</p>
    </Section>
  );
}
