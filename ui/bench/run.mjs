// The chart benchmark: OrgPlan's ChartView against d3-org-chart on the same generated
// 1,000-position plan, in headless Chromium at 1440×900. Builds bench/ (its own Vite build),
// serves bench/dist on 127.0.0.1, then alternates the two renderers for ROUNDS rounds (a fresh
// page each time) and prints the medians; then drags a card across OrgPlan's chart and reports
// frame times. `npm run bench` (in ui/); BENCH_ROUNDS=n to change the number of rounds,
// BENCH_SIZE=n the number of positions (1,000). Then opens the 人员 and 定岗定编 tables on
// 2,000 people in 2,000 positions (BENCH_TABLE_PEOPLE, BENCH_TABLE_SIZE) and prints the medians.
// BENCH_ONLY=tables measures the tables alone.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const ui = path.join(here, "..");
const dist = path.join(here, "dist");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SIZE = Number(process.env.BENCH_SIZE ?? 1000);
const DRAG_STEPS = 160;
const CHART = process.env.BENCH_ONLY !== "tables";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => `${Math.round(x)} ms`;

// 1. Build the page.
if (!process.env.BENCH_NO_BUILD) {
  console.log("building bench/ …");
  execFileSync(process.execPath, [path.join(ui, "node_modules", "vite", "bin", "vite.js"), "build", "--config", path.join(here, "vite.config.ts")], {
    cwd: ui,
    stdio: "inherit",
  });
}

// 2. Serve it.
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };
const server = http.createServer(async (req, res) => {
  const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  const file = path.join(dist, rel.endsWith("/") ? `${rel}index.html` : rel);
  if (!file.startsWith(dist)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

// 3. Measure. The frame-rate limit is off so that a frame takes as long as its work, not a
// whole 60 Hz vsync interval (otherwise every figure is rounded up to the next 16.7 ms).
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-frame-rate-limit",
    "--disable-gpu-vsync",
  ],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });

/** Closes a page and gives the browser a moment to tear it down before the next one is timed. */
async function close(page) {
  await page.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
}

async function open(lib) {
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${lib}] page error: ${e.message}`));
  await page.goto(`${url}?lib=${lib}&size=${SIZE}`);
  await page.evaluate(() => window.__bench.ready);
  return page;
}

/** Drags a department head's card down to the next row and across the chart, then lets go over
 * empty background (no edit); returns the intervals of the frames that handled a pointer move. */
async function drag(page) {
  await page.waitForTimeout(400); // let the cards around the view mount (a transition)
  const plan = await page.evaluate(() => window.__bench.dragPlan());
  const { from, rowY, right } = plan;
  await page.mouse.move(from.x, from.y);
  await page.evaluate(() => window.__bench.startProbe());
  await page.mouse.down();
  await page.mouse.move(from.x + 4, from.y + 4, { steps: 2 });
  await page.mouse.move(from.x + 8, rowY, { steps: 20 });
  await page.mouse.move(right, rowY, { steps: DRAG_STEPS });
  await page.mouse.move(right, 60, { steps: 10 });
  await page.mouse.up();
  await page.waitForTimeout(50); // the last frame's end
  const { frames, works } = await page.evaluate(() => window.__bench.stopProbe());
  const intervals = [];
  for (let i = 1; i < frames.length; i++) {
    if (frames[i].events > 0) intervals.push(frames[i].t - frames[i - 1].t);
  }
  return { intervals, works, frames: frames.length, onScreen: plan.onScreen };
}

const load0 = os.loadavg()[0];
console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}; Chromium ${browser.version()} headless, no GPU; load average ${load0.toFixed(2)}`);
const stats = await (async () => {
  const page = await open("orgplan");
  const s = await page.evaluate(() => window.__bench.stats);
  await close(page);
  return s;
})();
console.log(
  `tree: ${stats.positions} positions, ${stats.depth} levels (${stats.perLevel.join(" / ")}), ${stats.managers} managers, ${stats.leaves} leaves`,
);

// One untimed warm-up of each (disk cache, first compile of the browser's own code).
for (const lib of CHART ? ["orgplan", "d3"] : []) {
  const page = await open(lib);
  await page.evaluate(() => window.__bench.render());
  await close(page);
}

const times = { orgplan: [], d3: [] };
const dragFrames = [];
const dragWorks = [];
for (let round = 1; CHART && round <= ROUNDS; round++) {
  // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
  const order = round % 2 ? ["orgplan", "d3"] : ["d3", "orgplan"];
  const line = [];
  for (const lib of order) {
    const page = await open(lib);
    const r = await page.evaluate(() => window.__bench.render());
    if (lib === "orgplan" && r.missing > 0) throw new Error(`OrgPlan's first frame missed ${r.missing} of ${r.inView} cards in view`);
    if (lib === "d3" && r.inDom < stats.positions) throw new Error(`d3-org-chart drew ${r.inDom} of ${stats.positions} nodes`);
    times[lib].push(r.ms);
    let extra = "";
    if (lib === "orgplan") {
      const d = await drag(page);
      dragFrames.push(...d.intervals);
      dragWorks.push(...d.works);
      if (process.env.BENCH_VERBOSE) {
        console.log(`  drag frame intervals (ms, sorted): ${[...d.intervals].sort((a, b) => a - b).map((x) => x.toFixed(1)).join(" ")}`);
        console.log(`  drag frame work (ms, sorted): ${[...d.works].sort((a, b) => a - b).map((x) => x.toFixed(1)).join(" ")}`);
      }
      extra =
        ` (${r.inView} cards in view, ${r.inDom} in the DOM, zoom ${Math.round(r.zoom * 100)}%;` +
        ` drag over ${d.onScreen} cards on screen: ${d.intervals.length} frames, median ${d.intervals.length ? median(d.intervals).toFixed(1) : "-"} ms)`;
    } else {
      extra = ` (${r.inDom} node groups)`;
    }
    line.push(`${lib === "d3" ? "d3-org-chart" : "orgplan"} ${ms(r.ms)} [build ${ms(r.buildMs)}]${extra}`);
    await close(page);
  }
  console.log(`round ${round}: ${line.join("; ")}`);
}

// The tables: opening 人员 and 定岗定编 on TABLE_PEOPLE people in TABLE_SIZE positions.
const TABLE_SIZE = Number(process.env.BENCH_TABLE_SIZE ?? 2000);
const TABLE_PEOPLE = Number(process.env.BENCH_TABLE_PEOPLE ?? 2000);
const tables = { people: [], establishment: [] };
const tableLabel = { people: "人员 table", establishment: "定岗定编 table" };
async function openTable(lib) {
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[${lib}] page error: ${e.message}`));
  await page.goto(`${url}?lib=${lib}&size=${TABLE_SIZE}&people=${TABLE_PEOPLE}`);
  await page.evaluate(() => window.__bench.ready);
  return page;
}
for (const lib of ["people", "establishment"]) {
  const page = await openTable(lib); // untimed warm-up
  await page.evaluate(() => window.__bench.render());
  await close(page);
}
for (let round = 1; round <= ROUNDS; round++) {
  const line = [];
  for (const lib of round % 2 ? ["people", "establishment"] : ["establishment", "people"]) {
    const page = await openTable(lib);
    const r = await page.evaluate(() => window.__bench.render());
    if (r.inDom === 0) throw new Error(`${tableLabel[lib]} showed no rows`);
    tables[lib].push(r.ms);
    line.push(`${tableLabel[lib]} ${ms(r.ms)} [build ${ms(r.buildMs)}] (${r.inDom} rows in the DOM)`);
    await close(page);
  }
  console.log(`tables round ${round}: ${line.join("; ")}`);
}

await browser.close();
server.close();

const o = median(times.orgplan);
const d = median(times.d3);
const ratio = d / o;
const dm = dragFrames.length ? median(dragFrames) : NaN;
const d95 = dragFrames.length ? pct(dragFrames, 95) : NaN;
const wm = dragWorks.length ? median(dragWorks) : NaN;
const w95 = dragWorks.length ? pct(dragWorks, 95) : NaN;
console.log(`orgplan      first render: ${times.orgplan.map(ms).join(", ")} → median ${ms(o)}`);
console.log(`d3-org-chart first render: ${times.d3.map(ms).join(", ")} → median ${ms(d)}`);
console.log(`drag frames (OrgPlan, ${dragFrames.length} frames that handled a pointer move): interval median ${dm.toFixed(1)} ms, p95 ${d95.toFixed(1)} ms`);
console.log(`drag frame work (first pointer move to the end of the frame, ${dragWorks.length} frames): median ${wm.toFixed(1)} ms, p95 ${w95.toFixed(1)} ms`);
for (const lib of ["people", "establishment"]) {
  console.log(`${tableLabel[lib].padEnd(14)} open (${TABLE_PEOPLE} people, ${TABLE_SIZE} positions): ${tables[lib].map(ms).join(", ")} → median ${ms(median(tables[lib]))}`);
}
console.log(`load average ${load0.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end`);
const tp = median(tables.people);
const te = median(tables.establishment);
const misses = [
  CHART && ratio < 3 ? "ratio under 3x" : "",
  CHART && w95 >= 16 ? "drag frame work p95 not under 16 ms" : "",
  tp > 100 ? "人员 table open over 100 ms" : "",
  te > 100 ? "定岗定编 table open over 100 ms" : "",
].filter(Boolean);
console.log(
  `chart-bench: orgplan ${ms(o)}, d3-org-chart ${ms(d)}, ratio ${ratio.toFixed(1)}x; drag frame interval median ${Math.round(dm)} ms p95 ${Math.round(d95)} ms, work median ${wm.toFixed(1)} ms p95 ${w95.toFixed(1)} ms;` +
    ` 人员 table ${ms(tp)}, 定岗定编 table ${ms(te)}` +
    (misses.length ? ` (target missed: ${misses.join(", ")})` : ""),
);
