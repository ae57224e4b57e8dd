// App figures under Xvfb: cold start to a drawn chart (the demo plan's 店长 card in the DOM,
// measured through tauri-driver, so it includes the driver's own start-up), then the resident
// memory of the app and its WebKit processes once idle. Run under `xvfb-run -a` with
// ORGPLAN_DESKTOP pointing at a release build.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const app = process.env.ORGPLAN_DESKTOP;
if (!app) throw new Error("set ORGPLAN_DESKTOP to the desktop binary");
const WD = "http://127.0.0.1:4444";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const wd = async (method, url, body) => {
  const res = await fetch(`${WD}${url}`, { method, headers: { "Content-Type": "application/json" }, body: body && JSON.stringify(body) });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json.value;
};

const runs = Number(process.env.RUNS ?? 5);
const starts = [];
let rss = null;
for (let i = 0; i < runs; i++) {
  const db = path.join(mkdtempSync(path.join(tmpdir(), "orgplan-cold-")), "plans.db");
  const driver = spawn("tauri-driver", ["--port", "4444", "--native-port", "4445"], { env: { ...process.env, ORGPLAN_DB: db }, stdio: "ignore" });
  for (;;) {
    try {
      await fetch(`${WD}/status`);
      break;
    } catch {
      await sleep(100);
    }
  }
  const t0 = performance.now();
  const { sessionId } = await wd("POST", "/session", { capabilities: { alwaysMatch: { browserName: "wry", "tauri:options": { application: app } } } });
  for (;;) {
    try {
      await wd("POST", `/session/${sessionId}/element`, { using: "css selector", value: '[role="treeitem"][aria-label="店长"]' });
      break;
    } catch {
      await sleep(20);
    }
  }
  starts.push(performance.now() - t0);
  if (i === runs - 1) {
    await sleep(5000);
    const ps = execFileSync("ps", ["-eo", "rss,comm"], { encoding: "utf8" });
    const lines = ps.split("\n").filter((l) => /orgplan-desktop|WebKitWebProces|WebKitNetworkPr/.test(l));
    rss = lines.map((l) => l.trim()).join("; ");
  }
  await wd("DELETE", `/session/${sessionId}`);
  driver.kill();
  await sleep(500);
}
starts.sort((a, b) => a - b);
console.log(`cold start to drawn chart: median ${Math.round(starts[Math.floor(runs / 2)])} ms (runs: ${starts.map(Math.round).join(", ")})`);
console.log(`idle RSS (KiB, comm): ${rss}`);
