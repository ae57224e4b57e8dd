// Drives the real Tauri binary under Xvfb through tauri-driver (W3C WebDriver over plain HTTP):
// the window opens on the demo chart, a position is added through the UI, and after the window
// closes the position is in the database. Run under `xvfb-run -a`.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ARTIFACTS, assert, orgplanBinary } from "./harness.mjs";

const target = process.env.CARGO_TARGET_DIR ?? path.join(import.meta.dirname, "..", "..", "target");
const app = process.env.ORGPLAN_DESKTOP ?? path.join(target, "debug", "orgplan-desktop");
const driverBin = process.env.TAURI_DRIVER ?? "tauri-driver";
const dir = mkdtempSync(path.join(tmpdir(), "orgplan-desktop-"));
const db = path.join(dir, "plans.db");
const WD = "http://127.0.0.1:4444";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function wd(method, url, body) {
  const res = await fetch(`${WD}${url}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json.value;
}

const ELEMENT = "element-6066-11e4-a52e-4f735466cecc";

async function find(session, css, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      const el = await wd("POST", `/session/${session}/element`, { using: "css selector", value: css });
      const id = el?.[ELEMENT] ?? Object.values(el ?? {})[0];
      if (!id) throw new Error(`no element id in ${JSON.stringify(el)}`);
      return id;
    } catch (e) {
      if (Date.now() > end) throw new Error(`no element ${css}: ${e.message}`);
      await sleep(250);
    }
  }
}

async function screenshot(session, name) {
  await sleep(500);
  const png = await wd("GET", `/session/${session}/screenshot`);
  writeFileSync(path.join(ARTIFACTS, `desktop-${name}.png`), Buffer.from(png, "base64"));
}

let driver;
let session;
let passed = 0;
let failed = 0;
try {
  mkdirSync(ARTIFACTS, { recursive: true });
  driver = spawn(driverBin, ["--port", "4444", "--native-port", "4445"], {
    env: { ...process.env, ORGPLAN_DB: db },
    stdio: "inherit",
  });
  for (let i = 0; ; i++) {
    try {
      await fetch(`${WD}/status`);
      break;
    } catch {
      if (i > 80) throw new Error("tauri-driver did not start");
      await sleep(250);
    }
  }
  const created = await wd("POST", "/session", {
    capabilities: { alwaysMatch: { browserName: "wry", "tauri:options": { application: app } } },
  });
  session = created.sessionId;

  // The window opens on the demo chart.
  await find(session, '[role="tree"] [role="treeitem"][aria-label="店长"]');
  await screenshot(session, "01-demo-chart");

  // Select 店长 and add a role from the palette with the keyboard (Enter on an option).
  await wd("POST", `/session/${session}/element/${await find(session, '[role="treeitem"][aria-label="店长"]')}/click`, {});
  const option = await find(session, '[role="listbox"] [role="option"][aria-label="直通车专员"]');
  await wd("POST", `/session/${session}/element/${option}/click`, {});
  await wd("POST", `/session/${session}/element/${option}/value`, { text: "\uE007" });
  await find(session, '[role="treeitem"][aria-label="直通车专员"]');
  await screenshot(session, "02-position-added");

  await wd("DELETE", `/session/${session}`);
  session = undefined;
  await sleep(1000);

  // Reopened, the app shows the position where it was left.
  const again = await wd("POST", "/session", {
    capabilities: { alwaysMatch: { browserName: "wry", "tauri:options": { application: app } } },
  });
  session = again.sessionId;
  await find(session, '[role="treeitem"][aria-label="直通车专员"][aria-level="2"]');
  await screenshot(session, "03-reopened");
  await wd("DELETE", `/session/${session}`);
  session = undefined;
  await sleep(1000);

  // The position is in the database after the window closed.
  const plans = JSON.parse(execFileSync(orgplanBinary(), ["--db", db, "plans", "--json"], { encoding: "utf8" }));
  assert(plans.length === 1, "one demo plan");
  const file = JSON.parse(execFileSync(orgplanBinary(), ["--db", db, "show", plans[0].id, "--json"], { encoding: "utf8" }));
  const added = file.positions.find((p) => p.title === "直通车专员");
  assert(added, "直通车专员 was saved");
  const manager = file.positions.find((p) => p.title === "店长");
  assert(added.parent === manager.id, "under 店长");
  passed += 1;
  console.log("ok   desktop: demo chart, add a position, reopen, persisted");
} catch (e) {
  failed += 1;
  console.log(`FAIL desktop: ${e.stack ?? e}`);
} finally {
  if (session) await wd("DELETE", `/session/${session}`).catch(() => {});
  driver?.kill("SIGTERM");
}
console.log(`desktop: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
