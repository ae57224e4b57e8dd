// A small end-to-end harness: starts `orgplan serve` on a temporary database, opens Debian's
// Chromium through playwright-core, runs the scenarios and keeps a screenshot of each step.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.join(here, "artifacts");

export function orgplanBinary() {
  if (process.env.ORGPLAN_BIN) return process.env.ORGPLAN_BIN;
  const target = process.env.CARGO_TARGET_DIR ?? path.join(here, "..", "..", "target");
  return path.join(target, "debug", "orgplan");
}

/** Starts `orgplan serve` on a fresh database (or on `opts.db`, a file a scenario prepared);
 * resolves with its URL and a stop function. */
export async function startServer(opts = {}) {
  const dir = opts.db ? path.dirname(opts.db) : mkdtempSync(path.join(tmpdir(), "orgplan-e2e-"));
  const db = opts.db ?? path.join(dir, "plans.db");
  const child = spawn(orgplanBinary(), ["--db", db, "serve", "--port", "0", "--ui", path.join(here, "..", "dist")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`orgplan serve did not start: ${out}`)), 15000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`orgplan serve exited with ${code}: ${out}`)));
  });
  return {
    url,
    db,
    stop() {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Calls the command table directly, to check what the UI stored. */
export async function api(url, command, args = {}) {
  const res = await fetch(`${url}api/${command}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: await res.json() };
}

export function assert(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}

/**
 * An accessibility audit with axe-core, every rule on. `check(label)` runs axe over the whole
 * page in its present state and keeps the serious and critical violations under that label;
 * `found()` lists them, one line per rule and element.
 */
export function axeAudit(page) {
  const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const found = [];
  let audits = 0;
  return {
    async check(label) {
      // Let transitions and entrance animations finish: contrast is judged on the settled colours.
      await page.waitForFunction(() =>
        document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
      );
      // The app's content security policy refuses inline script tags; evaluated, the script
      // runs all the same and leaves `window.axe` behind.
      if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(source);
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ["violations"] });
        if (result.passes.length === 0) throw new Error("axe checked nothing");
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ impact: n.impact, target: n.target.join(" "), summary: n.failureSummary })),
        }));
      });
      audits += 1;
      for (const v of violations) {
        for (const n of v.nodes) {
          const impact = n.impact ?? v.impact;
          if (impact === "serious" || impact === "critical") found.push({ label, id: v.id, impact, target: n.target, help: v.help, summary: n.summary });
        }
      }
    },
    /** How many states were audited. */
    get audits() {
      return audits;
    },
    found() {
      return found.map((f) => `[${f.label}] ${f.id} (${f.impact}) ${f.target}: ${f.help}\n    ${(f.summary ?? "").replace(/\n/g, "\n    ")}`);
    },
  };
}

/** Runs each scenario in a fresh server and page; prints a closing `N passed, N failed`. */
export async function runScenarios(scenarios) {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await launchBrowser();
  let passed = 0;
  let failed = 0;
  const only = process.argv[2];
  for (const [name, fn] of Object.entries(scenarios)) {
    if (only && !name.includes(only)) continue;
    const server = await startServer();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let step = 0;
    const shot = async (label) => {
      step += 1;
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${String(step).padStart(2, "0")}-${label}.png`) });
    };
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    try {
      await page.goto(server.url);
      await fn({ page, url: server.url, db: server.db, shot });
      assert(errors.length === 0, `no errors in the page: ${errors.join("; ")}`);
      passed += 1;
      console.log(`ok   ${name}`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL ${name}: ${e.stack ?? e}`);
      await shot("failure").catch(() => {});
    } finally {
      await page.close();
      server.stop();
    }
  }
  await browser.close();
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) process.exit(1);
}
