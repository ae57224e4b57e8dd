// Present mode: the plan as a sequence of full-screen steps for a client. A modal dialog over
// the whole window (and full screen when the browser allows it); ← → to move, H to hide pay
// and notes, N to show holders' names, Esc to leave. The presenter's controls fade when the mouse rests.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { useApp } from "../../lib/store";
import { useT } from "../../lib/i18n";
import { isTyping } from "../../lib/actions";
import { Icon } from "../../lib/ui/Icon";
import { keepTabInside } from "../../lib/ui/Dialog";
import { presentDict } from "./dict";
import { presentSteps, type PresentStep } from "./steps";
import { usePresent } from "./state";
import { DepartmentSlide, OverviewSlide, TopSlide, primary } from "./Slides";
import { LogoInput, LogoSlot, useLogo } from "./logo";
import "./present.css";

const IDLE_MS = 2500;
/** The smallest fit factor: body text 22 px × 0.82 ≈ 18 px at 1920×1080. */
const MIN_FIT = 0.82;
/** A step with room to spare grows up to this factor, to read from further away. */
const MAX_FIT = 1.3;

export function PresentMode() {
  const open = usePresent((s) => s.open);
  const hasPlan = useApp((s) => s.current !== null);
  if (!open || !hasPlan) return null;
  return createPortal(<Presentation />, document.body);
}

function Presentation() {
  const t = useT(presentDict);
  const doc = useApp((s) => s.current!.doc);
  const figures = useApp((s) => s.current!.figures);
  const lang = useApp((s) => s.lang);
  const setLang = useApp((s) => s.setLang);
  const hide = usePresent((s) => s.hidePrivate);
  const toggleStore = usePresent((s) => s.toggleHide);
  /** Set once the presenter switches privacy, so the new state is announced (not on entry). */
  const [toggled, setToggled] = useState<"privacy" | "names" | null>(null);
  const toggleHide = useCallback(() => {
    toggleStore();
    setToggled("privacy");
  }, [toggleStore]);
  const showNames = usePresent((s) => s.showNames);
  const namesStore = usePresent((s) => s.toggleNames);
  const toggleNames = useCallback(() => {
    namesStore();
    setToggled("names");
  }, [namesStore]);
  const leave = usePresent((s) => s.leave);
  const steps = useMemo(() => presentSteps(doc, figures, { hidePrivate: hide, showNames }), [doc, figures, hide, showNames]);
  // The step shown, by id: showing or hiding notes may split a department differently, and
  // the presenter stays on the same department.
  const [shown, setShown] = useState("overview");
  const [listOpen, setListOpen] = useState(false);
  const [idle, setIdle] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const logo = useLogo();
  const at = Math.max(0, indexOf(steps, shown));
  const step = steps[at];
  const name = stepName(step, t, lang);

  const go = useCallback((i: number) => setShown(steps[Math.max(0, Math.min(steps.length - 1, i))].id), [steps]);

  // The window behind is inert while presenting; focus comes back where it was.
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const app = document.getElementById("root");
    app?.setAttribute("inert", "");
    box.current?.focus();
    return () => {
      app?.removeAttribute("inert");
      if (before && document.contains(before)) before.focus();
    };
  }, []);

  // Leaving full screen (Esc in the browser, F11, the system) leaves present mode.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) usePresent.getState().leave();
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  // Keys, caught before the chart and the window's shortcuts see them.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.isComposing) return;
      // Browser and system shortcuts (Ctrl+R, Alt+←…) are left alone; F5 never reloads.
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const onControl = (e.target as HTMLElement | null)?.closest?.("button, input, a") != null;
      if (listOpen && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        // In the open step list the arrows move between its entries.
        const items = Array.from(box.current?.querySelectorAll<HTMLElement>(".pm-steps button") ?? []);
        const i = items.indexOf(document.activeElement as HTMLElement);
        items[Math.max(0, Math.min(items.length - 1, i + (e.key === "ArrowDown" ? 1 : -1)))]?.focus();
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      switch (e.key) {
        case "Escape":
          if (listOpen) setListOpen(false);
          else leave();
          break;
        case "F5":
          break;
        case "ArrowRight":
        case "ArrowDown":
        case "PageDown":
          go(at + 1);
          break;
        case "ArrowLeft":
        case "ArrowUp":
        case "PageUp":
          go(at - 1);
          break;
        case " ":
          // Space presses a focused button; elsewhere it moves on, like a slide deck.
          if (onControl || isTyping(e.target)) return;
          go(e.shiftKey ? at - 1 : at + 1);
          break;
        case "Home":
          go(0);
          break;
        case "End":
          go(steps.length - 1);
          break;
        case "h":
        case "H":
          if (isTyping(e.target)) return;
          toggleHide();
          break;
        case "n":
        case "N":
          if (isTyping(e.target)) return;
          toggleNames();
          break;
        default:
          return;
      }
      e.preventDefault();
      e.stopPropagation();
    }
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [at, go, leave, listOpen, steps.length, toggleHide, toggleNames]);

  // Controls show on mouse movement and fade after a rest, unless in use.
  useEffect(() => {
    let timer = 0;
    const wake = () => {
      setIdle(false);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const el = box.current;
        const busy = el?.querySelector(".pm-controls:hover, .pm-controls:focus-within, .pm-steps, .pm-logo-tools:hover");
        if (!busy) setIdle(true);
      }, IDLE_MS);
    };
    wake();
    window.addEventListener("mousemove", wake);
    window.addEventListener("mousedown", wake);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("mousemove", wake);
      window.removeEventListener("mousedown", wake);
    };
  }, [listOpen]);

  // Fit the step to the screen: shrink the type step by step (never under 18 px); what still
  // does not fit scrolls.
  useLayoutEffect(() => {
    const el = stage.current;
    if (!el) return;
    const fit = () => {
      let scale = step.kind === "overview" ? 1 : MAX_FIT;
      el.style.setProperty("--pm-fit", String(scale));
      el.dataset.scroll = "false";
      // Too big: the step overflows, or a Chinese title meant for one line breaks.
      const tooBig = () =>
        el.scrollHeight > el.clientHeight + 1 ||
        Array.from(el.querySelectorAll<HTMLElement>("[data-one-line]")).some(
          (x) => x.getBoundingClientRect().height > parseFloat(getComputedStyle(x).lineHeight) * 1.5,
        );
      while (tooBig() && scale > MIN_FIT) {
        scale = Math.max(MIN_FIT, Math.round((scale - 0.04) * 100) / 100);
        el.style.setProperty("--pm-fit", String(scale));
      }
      el.dataset.scroll = String(el.scrollHeight > el.clientHeight + 1);
    };
    fit();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
  }, [step, lang]);

  const logoSlot = <LogoSlot logo={logo} company={step.kind === "overview" ? step.company : ""} />;

  let body: ReactNode;
  if (step.kind === "overview") body = <OverviewSlide step={step} lang={lang} logoSlot={logoSlot} />;
  else if (step.kind === "top") body = <TopSlide step={step} lang={lang} heading={name} />;
  else body = <DepartmentSlide step={step} lang={lang} heading={name} />;

  const overview = steps[0].kind === "overview" ? steps[0] : null;

  function toggleList() {
    const open = !listOpen;
    setListOpen(open);
    if (open) requestAnimationFrame(() => box.current?.querySelector<HTMLElement>('.pm-steps [aria-current="step"]')?.focus());
  }

  return (
    <div
      ref={box}
      className="pm"
      role="dialog"
      aria-modal="true"
      aria-label={t("title")}
      tabIndex={-1}
      data-idle={idle ? "true" : undefined}
      data-private={hide ? "hidden" : "shown"}
      data-testid="present"
      onKeyDown={(e) => box.current && keepTabInside(e, box.current)}
      lang={lang === "zh" ? "zh-CN" : "en"}
    >
      {step.kind !== "overview" && overview && (
        <div className="pm-brand">
          {logo.url && <img className="pm-brand-logo" src={logo.url} alt={t("logoAlt", { name: overview.company })} />}
          <span className="pm-brand-name">{overview.company}</span>
        </div>
      )}

      <div
        ref={stage}
        className="pm-stage"
        key={step.id}
        data-kind={step.kind}
        data-testid="present-step"
        role="group"
        aria-roledescription={t("slide")}
        aria-label={name}
        onMouseDown={() => setListOpen(false)}
      >
        {body}
      </div>

      <p className="sr-only" aria-live="polite" data-testid="present-announce">
        {t("announce", { i: at + 1, n: steps.length, name })}
      </p>
      <p className="sr-only" aria-live="polite">
        {toggled === "privacy" ? t(hide ? "privacyOn" : "privacyOff") : toggled === "names" ? t(showNames ? "namesOn" : "namesOff") : ""}
      </p>

      <div className="pm-progress" aria-hidden="true">
        <span style={{ width: `${((at + 1) / steps.length) * 100}%` }} />
      </div>
      <span className="pm-pageno pm-num" aria-hidden="true">
        {t("stepOf", { i: at + 1, n: steps.length })}
      </span>

      {listOpen && (
        <nav className="pm-steps" aria-label={t("stepsNav")}>
          <ol>
            {steps.map((s, i) => (
              <li key={s.id}>
                <button
                  type="button"
                  aria-current={i === at ? "step" : undefined}
                  onClick={() => {
                    go(i);
                    setListOpen(false);
                  }}
                >
                  <span className="pm-steps-no pm-num">{i + 1}</span>
                  {s.kind === "department" && <span className="pm-dot" style={{ background: s.dept?.color ?? "#64748b" }} aria-hidden="true" />}
                  <span className="pm-steps-name">{stepName(s, t, lang)}</span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}

      <div className="pm-controls" role="toolbar" aria-label={t("controls")}>
        <button type="button" className="pm-btn icon" aria-label={t("prev")} title={`${t("prev")} (←)`} disabled={at === 0} onClick={() => go(at - 1)}>
          <Icon name="chevronLeft" size={20} />
        </button>
        <button
          type="button"
          className="pm-btn pm-indicator"
          aria-label={`${t("jump")}: ${t("stepOf", { i: at + 1, n: steps.length })}`}
          aria-expanded={listOpen}
          title={t("jump")}
          data-testid="present-indicator"
          onClick={toggleList}
        >
          <Icon name="list" size={18} />
          <span className="pm-num">{t("stepOf", { i: at + 1, n: steps.length })}</span>
        </button>
        <button type="button" className="pm-btn icon" aria-label={t("next")} title={`${t("next")} (→)`} disabled={at === steps.length - 1} onClick={() => go(at + 1)}>
          <Icon name="chevronRight" size={20} />
        </button>
        <span className="pm-sep" aria-hidden="true" />
        <button
          type="button"
          role="switch"
          aria-checked={hide}
          className="pm-btn pm-switch"
          title={t("privacyHint")}
          data-testid="present-privacy"
          onClick={toggleHide}
        >
          <Icon name={hide ? "eyeOff" : "eye"} size={18} />
          {t("privacy")}
          <span className="pm-switch-track" aria-hidden="true">
            <span />
          </span>
        </button>
        <button
          type="button"
          aria-pressed={showNames}
          className="pm-btn pm-names"
          title={t("showNamesHint")}
          data-testid="present-names"
          onClick={toggleNames}
        >
          <Icon name="users" size={18} />
          {t("showNames")}
        </button>
        <LogoInput logo={logo} />
        <div className="pm-seg" role="group" aria-label={lang === "zh" ? "语言" : "Language"}>
          <button type="button" aria-pressed={lang === "zh"} aria-label="中文" lang="zh-CN" onClick={() => setLang("zh")}>
            中
          </button>
          <button type="button" aria-pressed={lang === "en"} title="English" lang="en" onClick={() => setLang("en")}>
            EN
          </button>
        </div>
        <span className="pm-sep" aria-hidden="true" />
        <button type="button" className="pm-btn" title={t("exitHint")} onClick={leave}>
          <Icon name="minimize" size={18} />
          {t("exit")}
        </button>
      </div>
      {logo.error && (
        <p className="pm-error" role="alert" data-testid="present-logo-error" data-kind={logo.error.kind ?? ""}>
          <Icon name="error" size={20} />
          {logo.error.text}
          <button type="button" className="pm-btn icon" aria-label={t("dismiss")} onClick={logo.clearError}>
            <Icon name="x" size={16} />
          </button>
        </p>
      )}
    </div>
  );
}

/** The step with this id, or the first part of the same department. */
function indexOf(steps: PresentStep[], id: string): number {
  const exact = steps.findIndex((s) => s.id === id);
  if (exact >= 0) return exact;
  const dept = id.replace(/-\d+$/, "-");
  return steps.findIndex((s) => s.id.startsWith(dept));
}

function stepName(step: PresentStep, t: ReturnType<typeof useT<typeof presentDict>>, lang: "zh" | "en"): string {
  if (step.kind === "overview") return t("overview");
  if (step.kind === "top") return t("structure");
  const base = step.dept ? primary(step.dept, lang) : t("unassigned");
  return step.parts > 1 ? `${base}${t("partOf", { i: step.part, n: step.parts })}` : base;
}
