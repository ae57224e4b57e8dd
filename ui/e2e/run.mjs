// End-to-end scenarios in Chromium against `orgplan serve` on a temporary database, driven the
// way a user works: by role and accessible name. Each step leaves a screenshot in artifacts/.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { api, assert, axeAudit, orgplanBinary, runScenarios, startServer } from "./harness.mjs";

const tree = (page) => page.getByRole("tree");
const card = (page, name) => tree(page).getByRole("treeitem", { name, exact: true });
const option = (page, name) => page.getByRole("listbox").getByRole("option", { name, exact: true });
/** A roster exported from an HR system: a notes sheet, then 在职人员 with two title rows. */
const ROSTER_KINDS = ".xlsx,.xls,.ods,.csv,.txt,.json";
const HR_ROSTER = path.join(import.meta.dirname, "..", "..", "crates", "orgplan-import", "tests", "fixtures", "hr-roster.xlsx");
/** A DingTalk export: 61 people with 工号, 入职日期, 人员类型 and 手机. */
const DINGTALK_ROSTER = path.join(import.meta.dirname, "..", "..", "crates", "orgplan-import", "tests", "fixtures", "dingtalk-utf8-bom.csv");

async function currentPlan(page, url) {
  const plans = (await api(url, "list_plans")).body;
  const name = await page.evaluate(() => localStorage.getItem("orgplan.plan"));
  const id = name ?? plans[0].id;
  return (await api(url, "get_plan", { plan: id })).body.doc;
}

function parentTitle(doc, title) {
  const p = doc.positions.find((x) => x.title === title);
  return doc.positions.find((x) => x.id === p?.parent)?.title;
}

/** Creates a plan from the 8-person template through the plans view and opens it. */
async function createTeam8(page, shot) {
  await page.getByRole("button", { name: /新建方案/ }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("八人成长型运营团队").first().click();
  await shot("new-plan-dialog");
  await dialog.getByRole("button", { name: /^创建/ }).click();
  await card(page, "店长").waitFor();
}

/** Waits until the present-mode step has finished sliding in, for a clean screenshot. */
async function settled(page) {
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="present-step"]')?.getAnimations().every((a) => a.playState === "finished"),
  );
}

async function openPlansView(page) {
  await page.getByRole("button", { name: /方案|Plans/ }).first().click();
}

/** Creates a plan from a template with a name through the plans view; it opens. */
async function createNamedPlan(page, template, name) {
  await openPlansView(page);
  await page.getByRole("button", { name: /新建方案/ }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText(template).first().click();
  await dialog.getByLabel("方案名称").fill(name);
  await dialog.getByRole("button", { name: /^创建/ }).click();
  await page.getByTestId("plan-name").filter({ hasText: name }).waitFor();
}

/** Picks `file` in the open roster dialog. The file chooser is caught as it opens (headless,
 * an uncaught one is cancelled at once) and the file set on the page's hidden file input. */
async function pickRoster(page, dialog, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    dialog.getByRole("button", { name: /选择文件|更换文件|重新选择文件/ }).first().click(),
  ]);
  assert((await chooser.element().getAttribute("accept")) === ROSTER_KINDS, "the roster kinds are offered");
  await page.locator(`input[type="file"][accept="${ROSTER_KINDS}"]`).setInputFiles(file);
}

/** Runs the command line on the scenario's database, as another program would meanwhile. */
function cli(db, ...args) {
  return execFileSync(orgplanBinary(), ["--db", db, ...args], { encoding: "utf8" });
}

/** Pauses the page's look for changes made elsewhere: it only looks while the page is visible. */
async function setHidden(page, hidden) {
  await page.evaluate((h) => {
    if (h) Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    else delete document.visibilityState;
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

/** Overwrites the root page of the positions table with garbage, as a failing disk would:
 * every plan's positions become unreadable, the rest of the file is sound. */
function damagePositions(db) {
  const root = Number(
    execFileSync("python3", ["-c", `import sqlite3; c = sqlite3.connect(${JSON.stringify(db)}); print(c.execute("select rootpage from sqlite_master where name = 'positions'").fetchone()[0]); c.execute("pragma wal_checkpoint(truncate)")`], { encoding: "utf8" }).trim(),
  );
  const fd = openSync(db, "r+");
  writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (root - 1) * 4096);
  closeSync(fd);
}

const scenarios = {
  /** A damaged database: the page says so, lists the daily backups, and restoring one brings
   * the plans back. */
  "damaged-file": async ({ page, db, shot }) => {
    await card(page, "店长").waitFor();
    // The server took today's backup when it started. Work on a copy of the folder, as a
    // user would find it after a disk fault, with a server of its own.
    const dir = mkdtempSync(path.join(tmpdir(), "orgplan-e2e-damaged-"));
    cpSync(path.dirname(db), dir, { recursive: true });
    const copy = path.join(dir, path.basename(db));
    assert(readdirSync(path.join(dir, "backups")).some((f) => f.endsWith(".db")), "a daily backup was taken at start");
    damagePositions(copy);
    const server = await startServer({ db: copy });
    try {
      await page.goto(server.url);
      const fatal = page.getByTestId("fatal");
      await fatal.getByRole("heading", { name: "数据库文件已损坏" }).waitFor();
      assert((await page.getByTestId("corrupt-path").textContent()).includes(path.basename(copy)), "the page names the file");
      const restore = page.getByRole("button", { name: /^恢复 .* 的备份$/ });
      await restore.first().waitFor();
      await shot("damaged-page");
      await restore.first().click();
      const ask = page.getByRole("alertdialog");
      await ask.getByRole("button", { name: "恢复", exact: true }).click();
      await card(page, "店长").or(page.getByRole("button", { name: /新建方案/ }).first()).first().waitFor();
      await page.getByText(/已恢复 .* 的备份/).first().waitFor();
      await shot("restored");
      const plans = (await api(server.url, "list_plans")).body;
      assert(Array.isArray(plans) && plans.length === 1, `the backup's plan is back: ${JSON.stringify(plans)}`);
      // The damaged file is kept beside the restored one.
      assert(readdirSync(dir).some((f) => f.includes(".damaged-")), "the damaged file is kept");
    } finally {
      server.stop();
    }
  },

  async "create-from-team-8"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    await shot("demo-plan");
    await openPlansView(page);
    await createTeam8(page, shot);
    await shot("team-8-open");
    const plans = (await api(url, "list_plans")).body;
    assert(plans.length === 2, "the demo plan and the new one");
    assert((await card(page, "售前客服").getAttribute("aria-level")) === "2", "售前客服 is one level down");
  },

  async "drag-role-onto-manager-persists"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    // Press on the role in the library, carry it over the chart onto 店长, let go.
    const from = await option(page, "直通车专员").boundingBox();
    const onto = await card(page, "店长").boundingBox();
    await page.mouse.move(from.x + from.width / 3, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(onto.x + onto.width / 2, onto.y + onto.height / 2, { steps: 16 });
    await page.locator(".oc-drop-ring[data-show]").waitFor();
    assert((await page.locator(".drag-ghost").textContent()) === "直通车专员", "the ghost names the role");
    assert((await page.locator(".oc-hint").textContent()).includes("店长"), "the hint names the new superior");
    await shot("role-over-card");
    await page.mouse.up();
    await card(page, "直通车专员").waitFor();
    assert((await page.locator(".drag-ghost").count()) === 0, "the ghost is gone");
    await shot("role-dropped");
    await page.reload();
    await card(page, "直通车专员").waitFor();
    await shot("after-reload");
    const doc = await currentPlan(page, url);
    assert(parentTitle(doc, "直通车专员") === "店长", "stored under 店长");
  },

  async "drag-card-to-reparent"({ page, url, shot }) {
    await card(page, "售后客服").waitFor();
    const before = await currentPlan(page, url);
    const centre = (b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

    // A drag thought better of: the ring shows where it would go, Escape ends it, nothing moves.
    let from = centre(await card(page, "售后客服").boundingBox());
    const onto = await card(page, "财务组长").boundingBox();
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(centre(onto).x, centre(onto).y, { steps: 12 });
    const ring = page.locator(".oc-drop-ring[data-show]");
    await ring.waitFor();
    const r = await ring.boundingBox();
    assert(r.x < onto.x && r.x + r.width > onto.x + onto.width && r.y < onto.y && r.y + r.height > onto.y + onto.height, "the ring is around 财务组长");
    assert((await page.locator(".drag-ghost").textContent()) === "售后客服", "the ghost names the dragged card");
    assert((await page.locator(".oc-hint").textContent()).includes("财务组长"), "the hint names the new superior");
    await shot("dragging");
    await page.keyboard.press("Escape");
    await page.mouse.up();
    await ring.waitFor({ state: "hidden" });
    assert((await page.locator(".drag-ghost").count()) === 0, "the ghost is gone");
    assert(JSON.stringify((await currentPlan(page, url)).positions) === JSON.stringify(before.positions), "Escape moved nothing");

    // Held at the chart's edge, a drag pans the chart that way; Escape again leaves all as it was.
    const viewport = await page.locator(".oc-viewport").boundingBox();
    const top = await card(page, "店长").boundingBox();
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(viewport.x + viewport.width - 8, from.y, { steps: 12 });
    await page.waitForTimeout(900);
    const panned = await card(page, "店长").boundingBox();
    assert(panned.x < top.x - 20, `the chart panned left (店长 from x=${top.x} to x=${panned.x})`);
    await page.keyboard.press("Escape");
    await page.mouse.up();
    assert(JSON.stringify((await currentPlan(page, url)).positions) === JSON.stringify(before.positions), "the pan moved nothing");
    await page.getByRole("button", { name: /适应窗口|Fit/ }).first().click();
    await page.waitForTimeout(600);
    from = centre(await card(page, "售后客服").boundingBox());

    // Onto the left edge of a sibling: the bar shows, and the card goes before it.
    const siblings = (doc) => {
      const p = doc.positions.find((q) => q.title === "售后客服");
      return doc.positions.filter((q) => q.parent === p.parent).map((q) => q.title);
    };
    const order = siblings(before);
    const first = order[0];
    assert(first !== "售后客服", `售后客服 is not first among ${order}`);
    const sib = await card(page, first).boundingBox();
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(sib.x + 4, sib.y + sib.height / 2, { steps: 12 });
    const bar = page.locator(".oc-drop-bar[data-show]");
    await bar.waitFor();
    const b = await bar.boundingBox();
    assert(b.x + b.width <= sib.x + 1 && b.height > sib.height, "the bar stands in the gap before the card");
    await shot("drop-bar");
    await page.mouse.up();
    await page.waitForFunction(
      ([a, z]) => {
        const cards = [...document.querySelectorAll('[role="treeitem"]')];
        const ia = cards.findIndex((c) => c.getAttribute("aria-label") === a);
        const iz = cards.findIndex((c) => c.getAttribute("aria-label") === z);
        return ia >= 0 && iz >= 0 && cards[ia].getAttribute("aria-posinset") === "1";
      },
      ["售后客服", first],
    );
    const reordered = siblings(await currentPlan(page, url));
    assert(reordered[0] === "售后客服" && reordered[1] === first, `moved first: ${reordered}`);

    // Onto the middle of another card: it becomes the superior.
    await card(page, "售后客服").dragTo(card(page, "数据分析组长"));
    await page.waitForFunction(() => {
      const el = document.querySelector('[role="treeitem"][aria-label="售后客服"]');
      return el?.getAttribute("aria-level") === "3";
    });
    await shot("reparented");
    const doc = await currentPlan(page, url);
    assert(parentTitle(doc, "售后客服") === "数据分析组长", "re-parented in the store");
  },

  async "cycle-is-refused"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    const before = await currentPlan(page, url);
    await card(page, "店长").dragTo(card(page, "财务组长"));
    const alert = page.getByRole("alert").filter({ hasText: /循环/ }).first();
    await alert.waitFor();
    await shot("refusal");
    const after = await currentPlan(page, url);
    assert(JSON.stringify(after.positions) === JSON.stringify(before.positions), "nothing changed");
  },

  async "kpi-weights-total"({ page, url, shot }) {
    await card(page, "店长").click();
    const total = page.getByTestId("kpi-total");
    await total.waitFor();
    assert((await total.textContent()).includes("100"), "the template's weights sum to 100");
    const weight = page.getByLabel("权重 1", { exact: true });
    const old = Number(await weight.inputValue());
    await weight.fill(String(old - 10));
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-total"]')?.textContent?.includes("90"));
    await shot("total-90");
    const color = await total.evaluate((el) => getComputedStyle(el).color);
    assert(/rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}\)/.test(color), `the total is red (${color})`);
    await weight.press("Enter");
    await weight.blur();
    await page.waitForTimeout(300);
    const doc = await currentPlan(page, url);
    const manager = doc.positions.find((p) => p.title === "店长");
    assert(manager.kpis.reduce((s, k) => s + k.weight, 0) === 90, "the new weight was saved");
    await weight.fill(String(old));
    await weight.press("Enter");
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-total"]')?.textContent?.includes("100"));
    await shot("total-100");
  },

  async "undo-and-redo"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    await option(page, "美工/视觉设计").or(option(page, "美工")).first().dragTo(card(page, "店长"));
    const added = (await currentPlan(page, url)).positions.length;
    assert(added === 9, "one position added");
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => document.querySelectorAll('[role="treeitem"]').length === 8);
    await shot("undone");
    await page.getByRole("button", { name: /重做/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('[role="treeitem"]').length === 9);
    await shot("redone");
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => document.querySelectorAll('[role="treeitem"]').length === 8);
    assert((await currentPlan(page, url)).positions.length === 8, "undo stored");
    await page.keyboard.press("Control+Shift+z");
    await page.waitForFunction(() => document.querySelectorAll('[role="treeitem"]').length === 9);
    assert((await currentPlan(page, url)).positions.length === 9, "redo stored");
  },

  async "present-mode"({ page, url, shot }) {
    // A consultant's screen: 1920×1080, the demo plan (team-8) for a named client.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await card(page, "店长").waitFor();
    const doc = await currentPlan(page, url);
    await api(url, "update_plan", { plan: doc.plan.id, company: "杭州云杉电子商务有限公司" });
    // One holder, so there is a name the client must not see unless the presenter asks.
    const manager = doc.positions.find((p) => p.title === "店长");
    const added = (await api(url, "add_person", { plan: doc.plan.id, name: "林晓雯" })).body;
    const lin = added.doc.people.find((p) => p.name === "林晓雯");
    assert(lin, `the person is added: ${JSON.stringify(added).slice(0, 200)}`);
    assert((await api(url, "assign", { plan: doc.plan.id, person: lin.id, position: manager.id })).status === 200, "林晓雯 holds 店长");
    await page.reload();
    await card(page, "店长").waitFor();
    await page.evaluate(() => (window.__notReloaded = true));

    await page.keyboard.press("F5");
    const present = page.getByRole("dialog", { name: "演示模式" });
    await present.waitFor();
    assert(await page.evaluate(() => window.__notReloaded === true), "F5 opens present mode instead of reloading");
    const announce = present.getByTestId("present-announce");
    const n = 2 + doc.departments.length;
    const heading = () => present.getByTestId("present-step").locator("h1, h2").first().textContent();
    assert((await announce.textContent()) === `第 1 步，共 ${n} 步：方案概览`, "the first step is announced");
    await present.getByText(doc.plan.name).first().waitFor();
    await present.getByText("杭州云杉电子商务有限公司").first().waitFor();
    const privacy = present.getByTestId("present-privacy");
    assert((await privacy.getAttribute("aria-checked")) === "true", "pay and notes are hidden by default");
    assert((await present.getByTestId("present-payroll").count()) === 0, "no payroll on the title slide");

    // The client's logo: a wrong type is refused with a clear message, a PNG is shown.
    const logoInput = present.getByTestId("present-logo-input");
    await logoInput.setInputFiles({ name: "logo.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
    const refusal = present.getByTestId("present-logo-error");
    await refusal.waitFor();
    assert((await refusal.getAttribute("data-kind")) === "invalid_input", "a GIF is refused as invalid input");
    await refusal.getByRole("button").click();
    const png = await page.evaluate(() => {
      const c = document.createElement("canvas");
      c.width = 360;
      c.height = 120;
      const g = c.getContext("2d");
      g.fillStyle = "#0f766e";
      g.beginPath();
      g.roundRect(0, 10, 100, 100, 24);
      g.fill();
      g.fillStyle = "#ffffff";
      g.font = "bold 64px sans-serif";
      g.fillText("云", 18, 84);
      g.fillStyle = "#0f766e";
      g.font = "bold 56px sans-serif";
      g.fillText("云杉电商", 118, 84);
      return c.toDataURL("image/png").split(",")[1];
    });
    await logoInput.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from(png, "base64") });
    await present.getByTestId("present-logo").waitFor();
    const stored = (await api(url, "get_plan", { plan: doc.plan.id })).body.doc.plan.logo;
    assert(stored?.startsWith("data:image/png;base64,"), "the logo is stored on the plan");
    await settled(page);
    await shot("overview");

    // Step 2: the top of the chart, then one step per department in the plan's order.
    await page.keyboard.press("ArrowRight");
    assert((await heading()) === "组织架构", "step 2 is the top of the chart");
    await present.getByTestId("present-card").filter({ hasText: "店长" }).first().waitFor();
    // Holders' names: off by default, a real toggle button, remembered for the session.
    const namesButton = present.getByRole("button", { name: "显示姓名" });
    assert((await namesButton.getAttribute("aria-pressed")) === "false", "names are off by default");
    const linName = present.getByTestId("present-step").getByText("林晓雯");
    assert((await linName.count()) === 0, "the holder's name is not on the slide by default");
    await namesButton.click();
    await linName.first().waitFor();
    assert((await namesButton.getAttribute("aria-pressed")) === "true", "the button shows names are on");
    await present.getByTestId("present-step").getByText("空缺 ×1").first().waitFor();
    assert((await page.evaluate(() => sessionStorage.getItem("orgplan.present.showNames"))) === "shown", "the choice is kept for the session");
    await page.mouse.move(960, 600);
    await settled(page);
    await shot("structure-names");
    await namesButton.click();
    await linName.first().waitFor({ state: "detached" });
    assert((await namesButton.getAttribute("aria-pressed")) === "false", "names are off again");
    await settled(page);
    await shot("structure");
    for (const [i, d] of doc.departments.entries()) {
      if (i > 0) await page.keyboard.press("ArrowRight");
      else await page.keyboard.press("PageDown");
      assert((await heading()) === d.name, `step ${i + 3} is ${d.name} (got ${await heading()})`);
      assert((await announce.textContent()) === `第 ${i + 3} 步，共 ${n} 步：${d.name}`, `step ${i + 3} is announced`);
      assert((await present.getByRole("img", { name: "杭州云杉电子商务有限公司 的 Logo" }).count()) === 1, "the logo is in the corner");
      const positions = doc.positions.filter((p) => p.department === d.id);
      for (const p of positions) await present.getByRole("article", { name: p.title }).waitFor();
      if (d.name === "客服组") {
        await settled(page);
        await shot("department");
      }
    }
    await page.keyboard.press("ArrowRight");
    assert((await announce.textContent()).startsWith(`第 ${n} 步`), "the last step stays the last");

    // Pay bands: hidden until the presenter shows them (H or the button), and remembered.
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    assert((await heading()) === "店铺运营", "Home, then two steps on, is the manager's department");
    const pay = present.getByText("¥10,000–16,000");
    assert((await pay.count()) === 0, "the manager's pay band is hidden");
    // The presenter's controls show the state when the mouse moves.
    const showControls = async (x) => {
      await page.mouse.move(x, 600);
      await page.waitForTimeout(600);
    };
    await settled(page);
    await showControls(900);
    await shot("pay-hidden");
    await page.keyboard.press("h");
    await pay.first().waitFor();
    assert((await privacy.getAttribute("aria-checked")) === "false", "the switch shows the state");
    await showControls(960);
    await shot("pay-shown");
    await privacy.click();
    await pay.first().waitFor({ state: "detached" });
    await privacy.click();
    await pay.first().waitFor();
    assert((await page.evaluate(() => localStorage.getItem("orgplan.present.hidePrivate"))) === "shown", "the choice is remembered");

    // The step list jumps; End goes to the last step.
    await present.getByTestId("present-indicator").click();
    await present.getByRole("navigation", { name: "演示步骤" }).getByRole("button", { name: /客服组/ }).click();
    assert((await heading()) === "客服组", "the step list jumps to a step");
    await page.keyboard.press("End");
    assert((await heading()) === doc.departments.at(-1).name, "End goes to the last step");

    // Esc leaves; the editor is back, and the choice holds when present mode opens again.
    await page.keyboard.press("Escape");
    await present.waitFor({ state: "detached" });
    await card(page, "店长").waitFor();
    await page.getByTestId("present-button").click();
    await present.waitFor();
    assert((await privacy.getAttribute("aria-checked")) === "false", "pay stays shown when reopened");
    await page.keyboard.press("h");
    await page.keyboard.press("Escape");
    await present.waitFor({ state: "detached" });
  },

  async "concurrent-edit"({ page, url, db, shot }) {
    await card(page, "店长").waitFor();
    const doc = await currentPlan(page, url);
    const plan = doc.plan.id;
    const target = doc.positions.find((p) => p.title === "售前客服");
    assert(target.duties.length >= 2, "售前客服 has duties to edit");
    await page.evaluate(() => (window.__notReloaded = true));
    await card(page, "售前客服").click();
    const inspector = page.getByTestId("inspector");
    const titleField = inspector.getByLabel("岗位名称", { exact: true });
    await page.waitForFunction(() => document.querySelector('[data-testid="inspector"] input[aria-label="岗位名称"]')?.value === "售前客服");

    // The command line renames the selected position: the chart and the inspector follow
    // within a few seconds, without a reload, and the position stays selected.
    const t0 = Date.now();
    cli(db, "call", "update_position", JSON.stringify({ plan, position: target.id, title: "新标题" }));
    await card(page, "新标题").waitFor({ timeout: 3000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="inspector"] input[aria-label="岗位名称"]')?.value === "新标题", null, { timeout: 3000 });
    console.log(`     the chart showed the command line's title after ${Date.now() - t0} ms`);
    assert((await card(page, "新标题").getAttribute("aria-selected")) === "true", "the renamed position is still selected");
    assert((await titleField.inputValue()) === "新标题", "the inspector shows the new title");
    assert(await page.evaluate(() => window.__notReloaded === true), "no page reload");
    await shot("renamed-by-cli");

    // The command line changes the duties while this page still shows the old ones (its look
    // for changes paused), and the page edits a duty: refused, said so, the latest loaded.
    await setHidden(page, true);
    const theirs = ["命令行写的职责一", "命令行写的职责二"];
    cli(db, "call", "update_position", JSON.stringify({ plan, position: target.id, duties: theirs }));
    const duty1 = inspector.getByLabel("职责 1", { exact: true });
    await duty1.fill("我在界面里改的职责");
    await duty1.press("Enter");
    const conflict = page.locator('[data-testid="toast"][data-kind="conflict"]');
    await conflict.waitFor({ timeout: 3000 });
    assert((await conflict.textContent()).includes("没有保存"), `the notice says the edit was not saved: ${await conflict.textContent()}`);
    await page.waitForFunction(
      (want) => want.every((text, i) => document.querySelector(`[data-testid="inspector"] textarea[aria-label="职责 ${i + 1}"]`)?.value === text),
      theirs,
      { timeout: 3000 },
    );
    await shot("conflict-notice");
    let stored = (await api(url, "get_plan", { plan })).body.doc.positions.find((p) => p.id === target.id);
    assert(JSON.stringify(stored.duties) === JSON.stringify(theirs), "the command line's duties are kept");
    await setHidden(page, false);

    // The last edit is the command line's: undo says whose it is, and undoes it.
    const undoButton = page.getByTestId("undo-button");
    await page.waitForFunction(() => document.querySelector('[data-testid="undo-button"]')?.getAttribute("data-by") === "cli");
    const label = await undoButton.getAttribute("aria-label");
    assert(label === "撤销命令行的修改：修改岗位", `the undo button names the command line: ${label}`);
    assert((await undoButton.getAttribute("title")).includes("命令行"), "and so does its tooltip");
    await undoButton.hover();
    await shot("undo-names-cli");
    await undoButton.click();
    await page.waitForFunction(
      (want) => want.every((text, i) => document.querySelector(`[data-testid="inspector"] textarea[aria-label="职责 ${i + 1}"]`)?.value === text),
      target.duties,
    );
    stored = (await api(url, "get_plan", { plan })).body.doc.positions.find((p) => p.id === target.id);
    assert(JSON.stringify(stored.duties) === JSON.stringify(target.duties), "undo put the duties back");
    assert(stored.title === "新标题", "and left the title alone");

    // Different fields, each edited without seeing the other's edit: both are kept.
    for (const close of await page.locator(".toast-close").all()) await close.click();
    await setHidden(page, true);
    cli(db, "call", "update_position", JSON.stringify({ plan, position: target.id, purpose: "命令行写的岗位目的" }));
    const grade = inspector.getByLabel("职级", { exact: true });
    await grade.fill("P9");
    await grade.press("Enter");
    await page.waitForFunction(() => !document.querySelector('[data-testid="save-state"]')?.classList.contains("busy"));
    await page.waitForTimeout(300);
    assert((await page.getByTestId("toast").count()) === 0, "no refusal for an edit of another field");
    await setHidden(page, false);
    await page.waitForFunction(() => document.querySelector('[data-testid="inspector"] textarea[aria-label="岗位目的"]')?.value === "命令行写的岗位目的", null, { timeout: 3000 });
    const file = JSON.parse(cli(db, "show", plan, "--json"));
    const shown = file.positions.find((p) => p.id === target.id);
    assert(shown.purpose === "命令行写的岗位目的", `the command line's purpose is stored: ${shown.purpose}`);
    assert(shown.grade === "P9", `the page's grade is stored: ${shown.grade}`);
    assert(shown.title === "新标题", "the title too");
    await shot("both-kept");
  },

  async "switch-language"({ page, shot }) {
    await card(page, "店长").waitFor();
    await page.getByRole("button", { name: /EN|English/ }).first().click();
    await card(page, "Store Manager").waitFor();
    await page.getByRole("button", { name: /Undo/ }).first().waitFor();
    await shot("english");
    await page.reload();
    await card(page, "Store Manager").waitFor();
  },

  async "people-and-seats"({ page, url, shot }) {
    // The five-person template: five people covering ten seats. Every view counts people.
    await card(page, "店长").waitFor();
    await createNamedPlan(page, "五人全能型店铺团队", "五人店");
    const plans = (await api(url, "list_plans")).body;
    const five = plans.find((p) => p.name === "五人店");
    const figures = (await api(url, "plan_summary", { plan: five.id })).body;
    assert(figures.people === 5 && figures.headcount === 10 && figures.seats_fte === 5, `plan_summary: ${JSON.stringify(figures).slice(0, 120)}`);
    const text = async (testId) => (await page.getByTestId(testId).first().textContent()).trim();
    assert((await text("total-people")) === "5", `the footer counts 5 people (${await text("total-people")})`);
    assert((await text("total-seats")).startsWith("10"), "and 10 seats");
    await shot("footer-five-people");

    await page.getByRole("tab", { name: "定岗定编" }).click();
    assert((await text("establishment-total-people")).includes("5 人"), `定岗定编 totals count people: ${await text("establishment-total-people")}`);
    await shot("establishment-five-people");

    await page.keyboard.press("F5");
    const present = page.getByRole("dialog", { name: "演示模式" });
    await present.waitFor();
    const stat = (await present.getByTestId("present-people").textContent()).replace(/\s/g, "");
    assert(stat.includes("5"), `present mode tells the client 5 people (${stat})`);
    await shot("present-five-people");
    await page.keyboard.press("Escape");
    await present.waitFor({ state: "detached" });

    // team-5 → team-8: 5 → 8 people, three to hire, the manager's promotion seat is a split.
    await createNamedPlan(page, "八人成长型运营团队", "八人店");
    await page.getByRole("tab", { name: "对比" }).click();
    await page.getByLabel("对比基准（A）").selectOption({ label: "五人店" });
    await page.getByLabel("对比方案（B）").selectOption({ label: "八人店" });
    const people = page.getByTestId("compare-people");
    await people.waitFor();
    const peopleText = (await people.textContent()).replace(/\s/g, "");
    assert(peopleText.includes("5→8") && peopleText.includes("新招3人"), `compare reads 5 → 8 people (${peopleText})`);
    const hires = page.getByTestId("compare-hire");
    assert((await hires.count()) === 3, "three hires");
    const split = page.getByTestId("compare-seat-splits");
    assert((await split.textContent()).includes("不再兼任 营销策划组长"), "the manager hands promotion over: a split, not a hire");
    await shot("compare-five-to-eight");

    // Deleting the top: refused with the reason when several report to it; when one does, the
    // dialog says who becomes the top, and that is what happens.
    await page.getByRole("tab", { name: "架构图" }).click();
    await card(page, "店长").click();
    await page.keyboard.press("Delete");
    const refusal = page.getByRole("alertdialog");
    await refusal.waitFor();
    assert((await refusal.textContent()).includes("不能删除「店长」"), "refused before asking");
    assert((await refusal.textContent()).includes("最高岗位"), `with the reason: ${await refusal.textContent()}`);
    await shot("delete-top-refused");
    await refusal.getByRole("button", { name: "知道了" }).click();
    const eight = (await api(url, "list_plans")).body.find((p) => p.name === "八人店");
    let doc = (await api(url, "get_plan", { plan: eight.id })).body.doc;
    const top = doc.positions.find((p) => p.parent === null);
    for (const p of doc.positions.filter((x) => x.parent === top.id && x.title !== "售前客服")) {
      await api(url, "move_position", { plan: eight.id, position: p.id, new_parent: doc.positions.find((x) => x.title === "售前客服").id });
    }
    await page.reload();
    await card(page, "店长").click();
    await page.keyboard.press("Delete");
    const ask = page.getByRole("alertdialog");
    await ask.waitFor();
    assert((await ask.textContent()).includes("「售前客服」将成为最高岗位"), `the dialog says what happens: ${await ask.textContent()}`);
    await shot("delete-top-promotes");
    await ask.getByRole("button", { name: "删除" }).click();
    await card(page, "售前客服").waitFor();
    doc = (await api(url, "get_plan", { plan: eight.id })).body.doc;
    assert(doc.positions.find((p) => p.parent === null).title === "售前客服", "售前客服 is the top now");
  },

  async "compare-growth-stages"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    await createNamedPlan(page, "五人全能型店铺团队", "五人团队");
    await createNamedPlan(page, "八人成长型运营团队", "八人团队");
    await page.getByRole("tab", { name: "对比" }).click();
    await page.getByTestId("compare-view").waitFor();
    await page.getByLabel("对比基准（A）").selectOption({ label: "五人团队" });
    await page.getByLabel("对比方案（B）").selectOption({ label: "八人团队" });
    const split = page.getByTestId("compare-splits").getByRole("listitem", { name: "客服 → 售前客服 + 售后客服" });
    await split.waitFor();
    assert((await split.textContent()).includes("客服 → 售前客服 + 售后客服"), "the split reads 客服 → 售前客服 + 售后客服");
    assert((await split.textContent()).includes("售前、售后分开"), "with its reason");
    const hires = page.getByRole("list", { name: "招聘顺序" }).getByRole("listitem");
    assert((await hires.first().textContent()).includes("售后客服"), "after-sales is hired first");
    assert((await hires.first().textContent()).includes("先补售后"), "with the reason");
    const chart = page.getByRole("tree", { name: "对比架构图" });
    // The treeitem is a layer over its card; the card carries the marks.
    const added = chart.getByRole("treeitem", { name: "售后客服", exact: true }).locator("..");
    assert((await added.getAttribute("data-status")) === "added", "售后客服 is marked added on the chart");
    const border = await added.evaluate((el) => getComputedStyle(el).borderTopColor);
    assert(/rgb\(\d{1,2}, 1[0-9]{2}, \d{2}\)/.test(border), `the added card is green (${border})`);
    const plans = (await api(url, "list_plans")).body;
    const five = plans.find((p) => p.name === "五人团队");
    const eight = plans.find((p) => p.name === "八人团队");
    const cmp = (await api(url, "compare_plans", { a: five.id, b: eight.id })).body;
    assert((await page.getByTestId("compare-removed").getByRole("listitem").count()) === cmp.removed.length, "every removed position is listed");
    assert((await hires.count()) === cmp.hiring_order.length, "the whole hiring order is listed");
    await shot("compare-team-5-team-8");
    // The comparison saves as Excel and as a PDF report with the marked chart.
    const exportAs = async (item, expected, magic) => {
      await page.getByRole("button", { name: "导出对比" }).click();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: item, exact: true }).click()]);
      assert(download.suggestedFilename() === expected, `${item}: ${download.suggestedFilename()}`);
      const bytes = readFileSync(await download.path());
      assert(bytes.subarray(0, magic.length).toString("latin1") === magic, `${item} starts with ${magic}`);
      return bytes;
    };
    await exportAs("对比表 · Excel", "方案对比-五人团队-八人团队.xlsx", "PK");
    const pdf = await exportAs("对比报告 · PDF A4", "方案对比-五人团队-八人团队.pdf", "%PDF-");
    assert(pdf.length > 20000, `the PDF holds the report and the chart (${pdf.length} bytes)`);
    await page.getByTestId("toast").filter({ hasText: "方案对比已导出" }).first().waitFor();
    await page.getByRole("button", { name: "导出对比" }).click();
    await shot("compare-export-menu");
    await page.keyboard.press("Escape");
    await page.getByTestId("compare-hiring").scrollIntoViewIfNeeded();
    await shot("compare-hiring-order");
    await page.getByTestId("compare-departments").scrollIntoViewIfNeeded();
    await shot("compare-departments");
  },

  async "scenario-compare-with-base"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    const base = await currentPlan(page, url);
    await openPlansView(page);
    await page.getByRole("button", { name: `把「${base.plan.name}」另存为备选方案` }).click();
    const dialog = page.getByRole("dialog", { name: "另存为备选方案" });
    await dialog.waitFor();
    assert((await dialog.getByLabel("备选方案名称").inputValue()) === "方案B", "the scenario is named 方案B");
    await shot("save-scenario");
    await dialog.getByRole("button", { name: "保存并打开" }).click();
    await page.getByTestId("plan-name").filter({ hasText: "方案B" }).waitFor();
    await card(page, "财务组长").click();
    await page.getByRole("button", { name: "删除岗位" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "删除" }).click();
    await card(page, "财务组长").waitFor({ state: "detached" });
    const scenario = await currentPlan(page, url);
    assert(scenario.plan.scenario_of === base.plan.id, "the copy is a scenario of the demo plan");

    await openPlansView(page);
    const row = page.locator(`tr[data-plan="${scenario.plan.id}"]`);
    assert((await row.textContent()).includes(`基于 ${base.plan.name}`), "the scenario shows its base");
    await shot("plans-with-scenario");
    await row.getByRole("button", { name: `对比「方案B」与「${base.plan.name}」` }).click();
    await page.getByTestId("compare-view").waitFor();
    await page.getByTestId("compare-removed").getByText("财务组长").waitFor();
    const ghost = page.getByRole("tree", { name: "对比架构图" }).getByRole("treeitem", { name: "财务组长", exact: true }).locator("..");
    assert((await ghost.getAttribute("data-status")) === "removed", "财务组长 is a removed ghost");
    const style = await ghost.evaluate((el) => [getComputedStyle(el).borderTopStyle, getComputedStyle(el).borderTopColor]);
    assert(style[0] === "dashed" && /rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}\)/.test(style[1]), `the ghost is dashed red (${style})`);
    const cost = page.getByRole("group", { name: "年度人力成本变化" });
    assert((await cost.textContent()).includes("−"), "the yearly payroll falls");
    await shot("compare-scenario");
  },

  async "goals-cascade"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    await page.getByRole("tab", { name: "目标分解" }).click();
    const gmv = page.getByRole("article", { name: "月销售额" });
    await gmv.getByRole("button", { name: "在右侧查看「店长」的 KPI" }).waitFor();
    assert((await gmv.getByTestId("goal-factors").getAttribute("data-state")) === "ok", "traffic × conversion × basket gives the sales target");
    const periods = page.getByTestId("goal-periods");
    await periods.locator('tr[data-peak]').first().waitFor();
    assert((await periods.textContent()).includes("618"), "the peaks are marked in the period split");
    await shot("cascade");

    await gmv.getByRole("button", { name: "编辑目标「月销售额」" }).click();
    const dialog = page.getByRole("dialog", { name: "编辑经营目标" });
    await dialog.getByLabel("目标值").fill("400000");
    await shot("edit-goal");
    await dialog.getByRole("button", { name: "保存", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await gmv.locator('[data-testid="goal-factors"][data-state="off"]').waitFor();
    assert((await gmv.getByTestId("goal-target").textContent()).includes("¥40万"), "the new target shows");
    const doc = await currentPlan(page, url);
    assert(doc.goals.find((g) => g.name === "月销售额").target === 400000, "the target is stored");
    const findings = (await api(url, "validate_plan", { plan: doc.plan.id })).body;
    assert(findings.some((f) => f.code === "goal_factors"), "the backend flags the factors");
    await shot("factors-warning");

    await page.getByRole("region", { name: "未关联目标的 KPI" }).getByRole("button", { name: /数据分析组长/ }).click();
    await page.getByTestId("inspector").waitFor();
    await page.getByLabel("KPI 2 承接的经营目标").selectOption({ label: "月销售额" });
    await gmv.getByRole("button", { name: "在右侧查看「数据分析组长」的 KPI" }).waitFor();
    const linked = (await currentPlan(page, url)).positions.find((p) => p.title === "数据分析组长");
    assert(linked.kpis[1].goal === doc.goals.find((g) => g.name === "月销售额").id, "the link is stored");
    await page.getByLabel("KPI 2 承接的经营目标").scrollIntoViewIfNeeded();
    await shot("kpi-linked");

    // A blank plan has no goals: the standard four come in one edit, and one undo takes them out.
    await createNamedPlan(page, "空白方案", "目标测试");
    await page.getByRole("tab", { name: "目标分解" }).click();
    await page.getByTestId("cascade-empty").waitFor();
    await page.getByRole("button", { name: "添加标准四项目标" }).click();
    for (const name of ["月销售额", "毛利率", "推广费用占销售额比例", "回头客占比"]) {
      await page.getByRole("article", { name }).waitFor();
    }
    const blank = await currentPlan(page, url);
    assert(blank.goals.length === 4, `four goals stored (${blank.goals.length})`);
    await shot("standard-goals");
    await page.keyboard.press("Control+z");
    await page.getByTestId("cascade-empty").waitFor();
    assert((await currentPlan(page, url)).goals.length === 0, "one undo takes all four out");
  },

  async "documents-preview-and-export"({ page, shot }) {
    await card(page, "店长").click();
    await page.getByTestId("inspector").getByRole("button", { name: "预览岗位说明书" }).click();
    const dialog = page.getByRole("dialog", { name: "预览岗位说明书" });
    const sheet = dialog.getByTestId("jd-preview");
    await sheet.waitFor();
    assert((await sheet.getByRole("heading", { level: 3 }).textContent()).includes("店长"), "the title shows");
    assert((await sheet.textContent()).includes("制定月度销售计划"), "a duty shows");
    const kpis = sheet.getByTestId("jd-kpis");
    assert((await kpis.textContent()).includes("月销售额"), "a KPI metric shows");
    assert((await kpis.locator("tfoot").textContent()).includes("100%"), "the KPI total shows");
    // The sections come in the core's one order, the order every export prints.
    const headings = (await sheet.locator("h4").allTextContents()).map((h) => h.trim());
    assert(headings.join("|") === "岗位目的|岗位职责|任职要求|KPI 考核点|协作关系", `the sections in order: ${headings.join("|")}`);
    await shot("jd-preview");
    await dialog.getByRole("button", { name: "关闭" }).first().click();
    await dialog.waitFor({ state: "detached" });

    const exportAs = async (item, expected) => {
      await page.getByRole("button", { name: "导出与导入" }).click();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: item, exact: true }).click()]);
      assert(download.suggestedFilename() === expected, `${item}: ${download.suggestedFilename()}`);
      const bytes = readFileSync(await download.path());
      assert(bytes.subarray(0, 2).toString("latin1") === "PK", `${item} is a zip file`);
    };
    await exportAs("岗位说明书 · Word", "示例方案（八人团队）-岗位说明书.docx");
    await exportAs("定岗定编与KPI考核表 · Excel", "示例方案（八人团队）-定岗定编.xlsx");
    await page.getByRole("button", { name: "导出与导入" }).click();
    await page.getByRole("menuitem", { name: /仅当前岗位/ }).first().waitFor();
    await shot("export-menu");
    await page.keyboard.press("Escape");
  },

  /** A roster workbook from the plan list: what was read, the columns, the checks and the
   * roles matched; imported, it opens as a plan whose people can be searched by name. */
  async "roster-import"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    await openPlansView(page);
    await page.getByRole("button", { name: "导入花名册" }).first().click();
    const dialog = page.getByRole("dialog", { name: "导入花名册" });
    await dialog.getByRole("heading", { name: "选择花名册文件" }).waitFor();
    await shot("roster-pick");
    await pickRoster(page, dialog, HR_ROSTER);
    const summary = dialog.getByTestId("roster-summary");
    await summary.waitFor();
    const read = await summary.textContent();
    for (const part of ["工作簿", "工作表「在职人员」", "表头在第 3 行", "共 62 行"]) assert(read.includes(part), `the summary says ${part}: ${read}`);
    // The notes sheet is offered too; the preview shows the first rows with each column's field.
    const sheet = dialog.getByLabel("工作表", { exact: true });
    assert((await sheet.inputValue()) === "在职人员", "the staff sheet is chosen");
    assert((await sheet.locator("option").allTextContents()).join() === "说明,在职人员", "both sheets are offered");
    const preview = dialog.getByTestId("roster-preview");
    assert((await preview.locator("tbody tr").count()) === 10, "the first ten rows show");
    assert((await dialog.getByText("前 10 行预览，共 62 行").count()) === 1, "the preview says how many rows there are");
    const first = (await preview.locator("tbody tr").first().locator("td").first().textContent()).trim();
    assert((await dialog.getByLabel("「姓名」列导入为").inputValue()) === "name", "姓名 is read as the name");
    assert((await dialog.getByLabel("「直属上级」列导入为").inputValue()) === "manager", "直属上级 is read as the manager");
    assert((await dialog.getByTestId("roster-problems").textContent()).includes("没有问题"), "no problems");
    const roles = await dialog.getByTestId("roster-roles").textContent();
    assert(roles.includes("运营总监") && roles.includes("仓储主管"), `matched and unmatched titles: ${roles}`);
    assert((await dialog.getByTestId("roster-counts").textContent()).replace(/\s/g, "") === "人员61岗位19", "61 people in 19 positions");
    assert((await dialog.getByLabel("方案名称").inputValue()) === "hr-roster", "named after the file");
    // A column left out is read again at once; put back, the preview is as before.
    const phone = dialog.getByLabel("「手机」列导入为");
    await phone.selectOption("");
    await dialog.locator('th[data-off="true"]').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.ri[aria-busy="true"]'));
    await phone.selectOption("phone");
    await page.waitForFunction(() => !document.querySelector('.ri[aria-busy="true"]') && !document.querySelector('.ri-table th[data-off]'));
    assert(!(await dialog.getByTestId("roster-import").isDisabled()), "ready to import");
    assert(!(await dialog.getByLabel("跳过有问题的行").isEnabled()), "nothing to skip");
    await shot("roster-preview");

    await dialog.getByTestId("roster-import").click();
    await dialog.waitFor({ state: "detached" });
    await card(page, "运营总监").waitFor();
    await page.getByText("已导入花名册：61 人，19 个岗位").first().waitFor();
    await page.getByTestId("plan-name").filter({ hasText: "hr-roster" }).waitFor();
    await shot("roster-imported");
    const doc = await currentPlan(page, url);
    const top = doc.positions.find((p) => p.title === "运营总监");
    const holder = doc.people.find((p) => p.assignments.some((a) => a.position === top.id));
    assert(holder?.name === first, `the first row's person (${first}) holds 运营总监 (${holder?.name})`);
    assert(doc.people.length === 61, `61 people stored: ${doc.people.length}`);

    // Searched by name, the chart lights the position the person holds.
    await page.getByRole("searchbox", { name: "搜索岗位或人员" }).fill(holder.name);
    const lit = page.locator('.oc-card[data-search="match"]');
    await lit.first().waitFor();
    assert((await lit.count()) === 1, `one position matches: ${await lit.count()}`);
    assert((await lit.getAttribute("data-id")) === top.id, "the match is 运营总监");
    await page.getByRole("status").filter({ hasText: "找到 1 个岗位" }).waitFor();
    await page.getByRole("button", { name: "下一个" }).click();
    await page.waitForFunction((id) => document.querySelector(`.oc-card[data-id="${id}"]`)?.dataset.selected === "true", top.id);
    assert((await card(page, "运营总监").getAttribute("aria-selected")) === "true", "the match is selected");
    await shot("roster-search");

    // 运营总监 matched the library: its content is a suggestion, marked, until accepted.
    const insp = page.getByTestId("inspector");
    const banner = insp.getByTestId("suggestion");
    await banner.waitFor();
    assert((await banner.textContent()).includes("岗位库「运营总监」"), `the banner names the role: ${await banner.textContent()}`);
    assert((await insp.getByTestId("suggested-mark").count()) === 3, "duties, requirements and KPI points are marked");
    const pending = doc.plan.roster.suggested;
    assert(pending.includes(top.id), "the core lists 运营总监 as a suggestion");
    await shot("roster-suggestion");
    await banner.getByRole("button", { name: "采纳建议" }).click();
    await banner.waitFor({ state: "detached" });
    assert((await insp.getByTestId("suggested-mark").count()) === 0, "the marks go with it");
    const accepted = await currentPlan(page, url);
    assert(accepted.plan.roster.suggested.length === pending.length - 1 && !accepted.plan.roster.suggested.includes(top.id), "accepted in the store");
    const kept = accepted.positions.find((p) => p.id === top.id);
    assert(JSON.stringify(kept.duties) === JSON.stringify(top.duties) && kept.duties.length > 0, "the duties are kept as they were");
    // With nothing selected, the overview counts what is left and leads to the first.
    await page.locator(".oc-viewport").click({ position: { x: 4, y: 4 } });
    const left = page.getByTestId("pending-suggestions");
    await left.waitFor();
    assert((await left.textContent()).includes(`${pending.length - 1} 个岗位`), `the count of what is left: ${await left.textContent()}`);
    await left.getByRole("button", { name: "从第一个开始核对" }).click();
    await banner.waitFor();
  },

  /** A CSV with a manager not in the file: the row is named, and importing waits until rows
   * with problems are skipped. Opened from the top bar's import menu. */
  async "roster-import-problems"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    const dir = mkdtempSync(path.join(tmpdir(), "orgplan-e2e-roster-"));
    try {
      const file = path.join(dir, "门店花名册.csv");
      writeFileSync(file, "姓名,职位,直属上级\n王总,店长,\n小李,客服,赵六\n");
      // No column is read as 姓名: a request to pick one beside the columns, not an error.
      const unnamed = path.join(dir, "无姓名列.csv");
      writeFileSync(unnamed, "员工,职位,直属上级\n王总,店长,\n");
      await page.getByRole("button", { name: "导出与导入" }).click();
      await page.getByRole("menuitem", { name: /^导入花名册/ }).click();
      const dialog = page.getByRole("dialog", { name: "导入花名册" });
      await pickRoster(page, dialog, unnamed);
      const needs = dialog.getByTestId("roster-needs");
      await needs.waitFor();
      assert((await needs.textContent()) === "请在下方为「姓名」选择一列", `the request: ${await needs.textContent()}`);
      assert((await dialog.getByTestId("roster-error").count()) === 0, "no error shown");
      assert(await dialog.getByTestId("roster-import").isDisabled(), "no import without a 姓名 column");
      await shot("roster-needs-name");
      await dialog.getByLabel("「员工」列导入为").selectOption("name");
      await needs.waitFor({ state: "detached" });
      await dialog.locator('[data-testid="roster-import"]:not([disabled])').waitFor();
      await pickRoster(page, dialog, file);
      await dialog.getByTestId("roster-summary").filter({ hasText: "共 2 行" }).waitFor();
      const problems = dialog.getByTestId("roster-problems");
      await problems.getByText("第 3 行：直属上级「赵六」不在文件中").waitFor();
      const summary = await dialog.getByTestId("roster-summary").textContent();
      assert(summary.includes("CSV") && summary.includes("UTF-8") && summary.includes("共 2 行"), `the summary: ${summary}`);
      const go = dialog.getByTestId("roster-import");
      assert(await go.isDisabled(), "no import while a row has a problem");
      assert((await dialog.getByTestId("roster-counts").textContent()).includes("—"), "no counts yet");
      assert((await dialog.locator('tr[data-problem="true"]').count()) === 1, "the row is marked in the preview");
      await shot("roster-problem");
      await dialog.getByLabel("跳过有问题的行").check();
      await dialog.locator('[data-testid="roster-import"]:not([disabled])').waitFor();
      assert((await dialog.getByTestId("roster-counts").textContent()).replace(/\s/g, "") === "人员1岗位1", "one person left");
      assert((await problems.textContent()).includes("将跳过 1 行"), "the row is said to be skipped");
      await shot("roster-skip");
      await go.click();
      await dialog.waitFor({ state: "detached" });
      await page.getByTestId("plan-name").filter({ hasText: "门店花名册" }).waitFor();
      await page.getByText("已导入花名册：1 人，1 个岗位").first().waitFor();
      const doc = await currentPlan(page, url);
      assert(doc.people.map((p) => p.name).join() === "王总", `only 王总 imported: ${doc.people.map((p) => p.name)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },

  /** Next month's roster into the open plan: the preview lists who joins, who leaves and who
   * moves; updated, the 人员 table shows it, and undo takes it back. 手机 came in only when
   * asked, and leaves in a plan file only when asked. */
  async "roster-into-plan"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    const dir = mkdtempSync(path.join(tmpdir(), "orgplan-e2e-roster-"));
    const names = () => page.locator('[data-testid="people-table"] tr[data-person] .person-cell input').evaluateAll((els) => els.map((e) => e.value));
    // The 人员 table renders only the rows in view: a person further down is found through its
    // filter box (the app's search), as a user would.
    const filterPeople = async (q) => {
      await page.getByRole("searchbox", { name: "筛选人员" }).fill(q);
      await page.waitForFunction(
        (q) => [...document.querySelectorAll('[data-testid="people-table"] tr[data-person] .person-cell input')].every((e) => !q || e.value.includes(q)),
        q,
      );
    };
    const has = async (name) => {
      await filterPeople(name);
      const found = (await names()).includes(name);
      await filterPeople("");
      return found;
    };
    const openRoster = async () => {
      await page.getByRole("button", { name: "导出与导入" }).click();
      await page.getByRole("menuitem", { name: /^导入花名册/ }).click();
      return page.getByRole("dialog", { name: "导入花名册" });
    };
    try {
      // This month: a new plan, with 手机 (personal data, asked for).
      const march = path.join(dir, "三月花名册.csv");
      const lines = readFileSync(DINGTALK_ROSTER, "utf8").replace(/^\uFEFF/, "").trim().split("\n");
      writeFileSync(march, lines.join("\n") + "\n");
      let dialog = await openRoster();
      await pickRoster(page, dialog, march);
      await dialog.getByTestId("roster-summary").waitFor();
      assert(await dialog.getByRole("radio", { name: "新建方案" }).isChecked(), "a new plan by default");
      const personal = dialog.getByLabel("同时导入手机、邮箱（个人信息）");
      assert(!(await personal.isChecked()), "手机 and 邮箱 are left out by default");
      await personal.check();
      await page.waitForFunction(() => !document.querySelector('.ri[aria-busy="true"]'));
      await dialog.locator('[data-testid="roster-import"]:not([disabled])').click();
      await dialog.waitFor({ state: "detached" });
      await page.getByTestId("plan-name").filter({ hasText: "三月花名册" }).waitFor();
      let doc = await currentPlan(page, url);
      assert(doc.people.length === 61, `61 people: ${doc.people.length}`);
      assert(doc.people.find((p) => p.name === "李芳")?.phone === "13800000001", "手机 imported when asked");

      // The 人员 table shows the roster's fields, 手机 too (the plan has some).
      await page.getByRole("tab", { name: "人员", exact: true }).click();
      await page.getByTestId("people-table").waitFor();
      assert((await page.getByLabel("李芳 的工号").inputValue()) === "E001", "工号 shows");
      assert((await page.getByLabel("李芳 的入职日期").inputValue()) === "2019-02-02", "入职日期 shows");
      await filterPeople("郑静");
      assert((await page.getByRole("button", { name: /郑静 的人员类型/ }).textContent()).startsWith("实习"), "人员类型 shows");
      await filterPeople("");
      assert((await page.getByLabel("李芳 的手机").inputValue()) === "13800000001", "手机 shows");

      // A plan file leaves 手机 out unless ticked in the export menu.
      const exportPlan = async () => {
        await page.getByRole("button", { name: "导出与导入" }).click();
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "导出方案文件" }).click()]);
        return readFileSync(await download.path(), "utf8");
      };
      assert(!(await exportPlan()).includes("13800000001"), "no 手机 in the plan file by default");
      await page.getByRole("button", { name: "导出与导入" }).click();
      const include = page.getByRole("menuitemcheckbox", { name: /包含手机、邮箱/ });
      assert((await include.getAttribute("aria-checked")) === "false", "the export leaves personal data out by default");
      await include.click();
      assert((await include.getAttribute("aria-checked")) === "true", "ticked, the menu stays open");
      await shot("export-personal");
      await page.keyboard.press("Escape");
      assert((await exportPlan()).includes("13800000001"), "手机 in the plan file when ticked");

      // Next month: 廖强 left, 钱多多 joined, 吴伟 moved from 售前客服 to 售后客服.
      const april = path.join(dir, "四月花名册.csv");
      const next = lines
        .filter((l) => !l.startsWith("廖强,"))
        .map((l) => l.replace("吴伟,E008,运营中心/客服部,售前客服", "吴伟,E008,运营中心/客服部,售后客服"));
      next.splice(next.length - 1, 0, "钱多多,E062,运营中心/内容部,短视频剪辑,赵洋,E007,2026-11-02,全职,,13800000062");
      writeFileSync(april, next.join("\n") + "\n");
      dialog = await openRoster();
      await pickRoster(page, dialog, april);
      await dialog.getByTestId("roster-summary").waitFor();
      await dialog.getByRole("radio", { name: /导入到当前方案/ }).check();
      assert(await dialog.getByRole("radio", { name: "作为本月花名册更新人员" }).isChecked(), "as this month's roster by default");
      const changes = dialog.getByTestId("roster-changes");
      await changes.getByTestId("roster-joiners").waitFor();
      const joiners = await changes.getByTestId("roster-joiners").textContent();
      assert(joiners.includes("钱多多") && joiners.includes("短视频剪辑"), `the joiner with the title: ${joiners}`);
      const leavers = await changes.getByTestId("roster-leavers").textContent();
      assert(leavers.includes("廖强") && !leavers.includes("钱多多"), `the leaver: ${leavers}`);
      const moves = await changes.getByTestId("roster-moves").textContent();
      assert(moves.includes("吴伟") && moves.includes("售前客服 → 售后客服"), `the move: ${moves}`);
      const keep = changes.getByLabel("保留花名册中已没有的人");
      assert(!(await keep.isChecked()), "leavers leave by default");
      assert((await changes.locator("h3").textContent()).includes("4 项"), `four changes: ${await changes.locator("h3").textContent()}`);
      // Kept, the leaver is listed as staying.
      await keep.check();
      await changes.getByTestId("roster-leavers").filter({ hasText: "不再在花名册中（保留）" }).waitFor();
      await keep.uncheck();
      await changes.getByTestId("roster-leavers").filter({ hasText: "离职" }).waitFor();
      const go = dialog.getByTestId("roster-import");
      assert((await go.textContent()).includes("更新方案"), `the button says 更新方案: ${await go.textContent()}`);
      assert(!(await dialog.getByLabel("方案名称").count()), "no plan name to give");
      await page.waitForFunction(() => !document.querySelector('.ri[aria-busy="true"]'));
      await changes.scrollIntoViewIfNeeded();
      await shot("into-plan-preview");
      await go.click();
      await dialog.waitFor({ state: "detached" });
      await page.getByText(/已按花名册更新方案/).first().waitFor();

      // The 人员 table has the joiner and not the leaver; undo brings the leaver back.
      await filterPeople("钱多多");
      await page.locator('[data-testid="people-table"] tr[data-person]').first().waitFor();
      await filterPeople("");
      assert((await has("钱多多")) && !(await has("廖强")), "updated: the joiner in, the leaver out");
      doc = await currentPlan(page, url);
      const wu = doc.people.find((p) => p.name === "吴伟");
      assert(doc.positions.find((p) => p.id === wu.assignments[0].position)?.title === "售后客服", "吴伟 holds 售后客服");
      await shot("people-after-update");
      await page.getByTestId("undo-button").click();
      await filterPeople("廖强");
      await page.locator('[data-testid="people-table"] tr[data-person]').first().waitFor();
      await filterPeople("");
      assert((await has("廖强")) && !(await has("钱多多")), "undo brings the leaver back");

      // The roster fields are edited in place (compare-and-set, as every edit).
      await page.getByLabel("李芳 的工号").fill("E100");
      await page.getByLabel("李芳 的工号").press("Enter");
      // The type shows as a button until pressed; pressed, it is the menu of every type.
      await page.getByRole("button", { name: /李芳 的人员类型/ }).click();
      await page.getByRole("combobox", { name: "李芳 的人员类型" }).selectOption("part_time");
      await page.getByLabel("李芳 的入职日期").fill("2020年1月6日");
      await page.getByLabel("李芳 的入职日期").press("Enter");
      let li;
      for (let i = 0; i < 50; i++) {
        li = (await currentPlan(page, url)).people.find((p) => p.name === "李芳");
        if (li.employee_no === "E100" && li.kind === "part_time" && li.start_date === "2020-01-06") break;
        await page.waitForTimeout(100);
      }
      assert(li.employee_no === "E100" && li.kind === "part_time" && li.start_date === "2020-01-06", `李芳 edited: ${JSON.stringify(li)}`);
      assert((await page.getByLabel("李芳 的入职日期").inputValue()) === "2020-01-06", "the day shows as stored");
      await shot("people-edited");

      // One more seat: with half her time free, the row's 兼岗 button becomes the menu of
      // positions, focused; the seat picked gets the free half.
      const share = page.getByLabel(/^李芳 在「.*」的时间占比$/);
      await share.fill("50");
      await share.press("Enter");
      await page.getByText("50%", { exact: true }).first().waitFor();
      const seats = li.assignments.length;
      await page.getByRole("button", { name: /兼岗.*李芳/ }).click();
      const menu = page.getByRole("combobox", { name: "安排 李芳 到岗位" });
      await page.waitForFunction(() => document.activeElement?.tagName === "SELECT");
      const free = await menu.evaluate((el) => [...el.options].find((o) => o.value && !o.disabled)?.value);
      await menu.selectOption(free);
      for (let i = 0; i < 50; i++) {
        li = (await currentPlan(page, url)).people.find((p) => p.name === "李芳");
        if (li.assignments.length > seats) break;
        await page.waitForTimeout(100);
      }
      assert(li.assignments.find((a) => a.position === free)?.share === 50, `李芳 holds the picked seat at 50%: ${JSON.stringify(li.assignments)}`);
      await shot("people-second-seat");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },

  /** A bigger plan: the 62-row HR roster imported; the 人员 table sorted by 姓名 and filtered
   * to one person; 定岗定编 sorted by 编制; on the chart, 聚焦部门 客服部 and 缩放到所选. */
  async "large-plan"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    await openPlansView(page);
    await page.getByRole("button", { name: "导入花名册" }).first().click();
    const dialog = page.getByRole("dialog", { name: "导入花名册" });
    await pickRoster(page, dialog, HR_ROSTER);
    await dialog.getByTestId("roster-summary").waitFor();
    await page.waitForFunction(() => !document.querySelector('.ri[aria-busy="true"]'));
    await dialog.locator('[data-testid="roster-import"]:not([disabled])').click();
    await dialog.waitFor({ state: "detached" });
    await card(page, "运营总监").waitFor();
    const doc = await currentPlan(page, url);
    assert(doc.people.length === 61, `61 people: ${doc.people.length}`);

    // 人员: virtualised (fewer rows in the DOM than people), sorted by 姓名 both ways.
    await page.getByRole("tab", { name: "人员", exact: true }).click();
    const table = page.getByTestId("people-table");
    await table.waitFor();
    const rowNames = () => table.locator("tr[data-person] .person-cell input").evaluateAll((els) => els.map((e) => e.value));
    assert((await table.getAttribute("aria-rowcount")) === "62", `aria-rowcount counts every row: ${await table.getAttribute("aria-rowcount")}`);
    const before = await rowNames();
    assert(before.length > 0 && before.length < 61, `only the rows in view are rendered: ${before.length}`);
    const nameHeader = table.getByRole("columnheader", { name: "姓名" });
    assert((await nameHeader.getAttribute("aria-sort")) === null, "not sorted at first");
    await nameHeader.getByRole("button").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="people-table"] th[aria-sort="ascending"]'));
    const asc = await rowNames();
    const collator = new Intl.Collator(["zh-Hans-CN-u-co-pinyin", "en"], { numeric: true, sensitivity: "base" });
    const sortedAll = doc.people.map((p) => p.name).sort(collator.compare);
    assert(asc.join() !== before.join(), "the order changes");
    assert(asc.join() === sortedAll.slice(0, asc.length).join(), `sorted by 姓名: ${asc.slice(0, 5).join()} vs ${sortedAll.slice(0, 5).join()}`);
    await nameHeader.getByRole("button").press("Enter");
    await page.waitForFunction(() => document.querySelector('[data-testid="people-table"] th[aria-sort="descending"]'));
    assert((await rowNames())[0] === sortedAll.at(-1), "descending: the last name first");
    assert((await nameHeader.textContent()).includes("▼"), "a visible arrow");
    await shot("people-sorted");
    // Scrolled to the bottom, the last rows are rendered, with their row index.
    await page.locator(".tbl-scroll").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForFunction(
      (last) => [...document.querySelectorAll('[data-testid="people-table"] tr[data-person] .person-cell input')].some((e) => e.value === last),
      sortedAll[0],
    );
    const lastRow = table.locator("tr[data-person]").last();
    assert((await lastRow.getAttribute("aria-rowindex")) === "62", `the last row is row 62: ${await lastRow.getAttribute("aria-rowindex")}`);
    // Filtered by a name found only once, one row.
    const titles = doc.positions.map((p) => p.title).concat(doc.departments.map((d) => d.name));
    const one = doc.people.find((p) => doc.people.filter((q) => q.name.includes(p.name) || q.employee_no.includes(p.name)).length === 1 && !titles.some((t) => t.includes(p.name)));
    await page.getByRole("searchbox", { name: "筛选人员" }).fill(one.name);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="people-table"] tr[data-person]').length === 1);
    assert((await rowNames()).join() === one.name, `filtered to ${one.name}`);
    await page.getByTestId("people-shown").filter({ hasText: "显示 1 / 61" }).waitFor();
    await shot("people-filtered");
    await page.getByRole("searchbox", { name: "筛选人员" }).fill("");

    // 定岗定编 sorted by 编制: ascending within each department; the totals row stays.
    await page.getByRole("tab", { name: "定岗定编" }).click();
    const est = page.getByTestId("establishment-table");
    await est.waitFor();
    const hcHeader = est.getByRole("columnheader", { name: "编制" });
    await hcHeader.getByRole("button").click();
    assert((await hcHeader.getAttribute("aria-sort")) === "ascending", "定岗定编 sorted by 编制");
    const groups = await est.locator("tbody tr").evaluateAll((trs) => {
      const out = [];
      let cur = [];
      for (const tr of trs) {
        if (tr.classList.contains("subtotal")) {
          out.push(cur);
          cur = [];
        } else if (tr.dataset.position) cur.push(Number(tr.querySelector('input[aria-label$="的编制"]').value));
      }
      if (cur.length) out.push(cur);
      return out;
    });
    assert(groups.length > 0 && groups.every((g) => g.every((x, i) => i === 0 || g[i - 1] <= x)), `编制 ascending in each department: ${JSON.stringify(groups)}`);
    await est.getByTestId("establishment-total").waitFor();
    await shot("establishment-sorted");

    // The chart: 聚焦部门 客服部 shows its positions and the path up; others are not shown.
    await page.getByRole("tab", { name: "架构图" }).click();
    await card(page, "运营总监").waitFor();
    const cs = doc.departments.find((d) => d.name === "客服部");
    assert(cs, `a 客服部: ${doc.departments.map((d) => d.name).join()}`);
    const parentOf = new Map(doc.positions.map((p) => [p.id, p.parent]));
    const kept = new Set();
    for (const p of doc.positions.filter((x) => x.department === cs.id)) for (let at = p.id; at; at = parentOf.get(at)) kept.add(at);
    const outside = doc.positions.find((p) => !kept.has(p.id));
    const inside = doc.positions.find((p) => p.department === cs.id && doc.positions.some((q) => q.parent === p.id)) ?? doc.positions.find((p) => p.department === cs.id);
    assert((await card(page, outside.title).count()) > 0, `${outside.title} shows before the focus`);
    await page.getByLabel("聚焦部门").selectOption({ label: "客服部" });
    await card(page, outside.title).waitFor({ state: "detached" });
    await card(page, inside.title).first().waitFor();
    assert((await page.locator(".oc-card").count()) === kept.size, `only 客服部 and its superiors: ${await page.locator(".oc-card").count()} cards, ${kept.size} kept`);

    // 缩放到所选: the selected card is centred.
    const zoomBtn = page.getByRole("button", { name: "缩放到所选" });
    await card(page, inside.title).first().click();
    await page.waitForFunction(() => document.querySelector('.oc-card[data-selected="true"]'));
    assert(await zoomBtn.isEnabled(), "enabled with a card selected");
    await page.getByRole("button", { name: "放大" }).click();
    await page.getByRole("button", { name: "放大" }).click();
    await page.waitForTimeout(400);
    await zoomBtn.click();
    await page.waitForTimeout(500);
    const centred = await page.evaluate((id) => {
      const vp = document.querySelector(".oc-viewport").getBoundingClientRect();
      const c = document.querySelector(`.oc-card[data-id="${id}"]`).getBoundingClientRect();
      return { dx: vp.left + vp.width / 2 - (c.left + c.width / 2), inView: c.left >= vp.left && c.right <= vp.right && c.top >= vp.top && c.bottom <= vp.bottom };
    }, inside.id);
    assert(centred.inView, `the selected card is in view: ${JSON.stringify(centred)}`);
    await shot("chart-focused");
    // F on the focused card does the same.
    await page.getByRole("button", { name: "放大" }).click();
    await page.waitForTimeout(400);
    await card(page, inside.title).first().focus();
    await page.keyboard.press("f");
    await page.waitForTimeout(500);
    const inView = await page.evaluate((id) => {
      const vp = document.querySelector(".oc-viewport").getBoundingClientRect();
      const c = document.querySelector(`.oc-card[data-id="${id}"]`).getBoundingClientRect();
      return c.left >= vp.left && c.right <= vp.right && c.top >= vp.top && c.bottom <= vp.bottom;
    }, inside.id);
    assert(inView, "F frames the selected card too");
    // Back to all departments: the other card returns.
    await page.getByLabel("聚焦部门").selectOption({ value: "" });
    await card(page, outside.title).first().waitFor();
  },

  async accessibility({ page, url, shot }) {
    // axe-core with every rule on, over each view and open dialog, in the light and the dark
    // theme: no serious or critical violation anywhere.
    const audit = axeAudit(page);
    const demo = "示例方案（八人团队）";
    await card(page, "店长").waitFor();
    await api(url, "create_plan", { name: "五人团队", template: "team-5" });
    await page.reload();
    await card(page, "店长").waitFor();

    const tab = (name) => page.getByRole("tab", { name, exact: true });
    for (const theme of ["light", "dark"]) {
      const toggle = page.getByRole("button", { name: "深色模式" });
      if ((await toggle.getAttribute("aria-pressed")) !== String(theme === "dark")) await toggle.click();
      await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);

      await openPlansView(page);
      await page.getByRole("button", { name: `打开「${demo}」` }).waitFor();
      await audit.check(`${theme} plans`);
      await page.getByRole("button", { name: /新建方案/ }).first().click();
      const newPlan = page.getByRole("dialog");
      await newPlan.getByText("八人成长型运营团队").first().click();
      await audit.check(`${theme} new-plan dialog`);
      await shot(`${theme}-new-plan`);
      await page.keyboard.press("Escape");
      await newPlan.waitFor({ state: "detached" });
      await page.getByRole("button", { name: "导入花名册" }).first().click();
      const roster = page.getByRole("dialog", { name: "导入花名册" });
      await pickRoster(page, roster, HR_ROSTER);
      await roster.getByTestId("roster-summary").waitFor();
      await audit.check(`${theme} roster dialog`);
      await shot(`${theme}-roster`);
      await roster.getByRole("radio", { name: /导入到当前方案/ }).check();
      await roster.getByTestId("roster-changes").waitFor();
      await page.waitForFunction(() => !document.querySelector('.ri[aria-busy="true"]'));
      await audit.check(`${theme} roster into the plan`);
      await shot(`${theme}-roster-into-plan`);
      await page.keyboard.press("Escape");
      await roster.waitFor({ state: "detached" });
      await page.getByRole("button", { name: `打开「${demo}」` }).click();

      await tab("架构图").click();
      await card(page, "店长").waitFor();
      await audit.check(`${theme} chart`);
      await shot(`${theme}-chart`);
      await card(page, "店长").click();
      await page.getByTestId("inspector").waitFor();
      await audit.check(`${theme} inspector`);
      await shot(`${theme}-inspector`);
      // A position that can be deleted, so the dialog asks (the top one cannot: it informs).
      await card(page, "售前客服").click();
      await page.getByRole("button", { name: "删除岗位" }).click();
      const confirm = page.getByRole("alertdialog");
      await confirm.waitFor();
      await audit.check(`${theme} confirm dialog`);
      await shot(`${theme}-confirm`);
      await confirm.getByRole("button", { name: "取消" }).click();
      await confirm.waitFor({ state: "detached" });
      await page.getByTestId("inspector").getByRole("button", { name: "预览岗位说明书" }).click();
      const jd = page.getByRole("dialog", { name: "预览岗位说明书" });
      await jd.getByTestId("jd-preview").waitFor();
      await audit.check(`${theme} job description`);
      await jd.getByRole("button", { name: "关闭" }).first().click();
      await jd.waitFor({ state: "detached" });
      await page.getByRole("button", { name: "导出与导入" }).click();
      await page.getByRole("menu").waitFor();
      await audit.check(`${theme} export menu`);
      await page.keyboard.press("Escape");
      await page.getByRole("menu").waitFor({ state: "detached" });
      await page.getByRole("tab", { name: /^检查/ }).click();
      await page.locator("#findings-panel").waitFor();
      await audit.check(`${theme} findings`);
      await page.getByRole("tab", { name: "岗位", exact: true }).click();

      await tab("定岗定编").click();
      await page.getByRole("table").first().waitFor();
      await audit.check(`${theme} establishment`);
      await shot(`${theme}-establishment`);
      await tab("人员").click();
      const people = page.getByTestId("people-table");
      const newPerson = page.getByLabel("新人员姓名");
      await newPerson.waitFor();
      if ((await people.count()) === 0) {
        await newPerson.fill("张三");
        await newPerson.press("Enter");
        // The menu of positions is put in when its button is pressed, as a user opens it.
        await people.getByRole("button", { name: /安排到岗位.*张三/ }).click();
        await people.getByRole("combobox", { name: "安排 张三 到岗位" }).selectOption({ index: 1 });
        await people.locator(".seat-chip").first().waitFor();
      }
      await audit.check(`${theme} people`);
      await shot(`${theme}-people`);

      await tab("目标分解").click();
      const gmv = page.getByRole("article", { name: "月销售额" });
      await gmv.waitFor();
      await audit.check(`${theme} goals`);
      await shot(`${theme}-goals`);
      await gmv.getByRole("button", { name: "编辑目标「月销售额」" }).click();
      const goal = page.getByRole("dialog", { name: "编辑经营目标" });
      await goal.waitFor();
      await audit.check(`${theme} goal dialog`);
      await page.keyboard.press("Escape");
      await goal.waitFor({ state: "detached" });

      await tab("对比").click();
      await page.getByTestId("compare-view").waitFor();
      await page.getByLabel("对比基准（A）").selectOption({ label: "五人团队" });
      await page.getByLabel("对比方案（B）").selectOption({ label: demo });
      await page.getByTestId("compare-splits").waitFor();
      await audit.check(`${theme} compare`);
      await shot(`${theme}-compare`);

      await tab("架构图").click();
      await card(page, "店长").waitFor();
      await page.getByTestId("present-button").click();
      const present = page.getByRole("dialog", { name: "演示模式" });
      await present.waitFor();
      await settled(page);
      await audit.check(`${theme} present overview`);
      await shot(`${theme}-present-overview`);
      await page.keyboard.press("ArrowRight");
      await settled(page);
      await audit.check(`${theme} present structure`);
      await page.keyboard.press("ArrowRight");
      await settled(page);
      await page.mouse.move(900, 600);
      await page.waitForTimeout(600);
      await audit.check(`${theme} present department`);
      await shot(`${theme}-present-department`);
      await page.keyboard.press("Escape");
      await present.waitFor({ state: "detached" });
    }
    const found = audit.found();
    assert(audit.audits === 36, `every state audited (${audit.audits})`);
    assert(found.length === 0, `axe found ${found.length} serious or critical violations:\n${found.join("\n")}`);
  },

  /** Who holds each seat, on the cards: names, initials avatars, 兼 for a part-time holder and
   * 空缺 for a seat nobody holds; 显示姓名 hides them (and is remembered). Then the search:
   * Ctrl+F, a word from one position's duties, the match listed with its path and what
   * matched, Enter selects the card and centres it, Escape clears. */
  async "chart-people-search"({ page, url, shot }) {
    await card(page, "店长").waitFor();
    await createNamedPlan(page, "五人全能型店铺团队", "五人店");
    const plan = (await api(url, "list_plans")).body.find((p) => p.name === "五人店");
    let doc = (await api(url, "get_plan", { plan: plan.id })).body.doc;
    const id = (title) => doc.positions.find((p) => p.title === title).id;
    // A second 客服 seat nobody holds yet.
    assert((await api(url, "update_position", { plan: plan.id, position: id("客服"), headcount: 2 })).status === 200, "客服 gets a second seat");
    await page.reload();
    await card(page, "总经理").waitFor();
    const cardBox = (title) => page.locator(`.oc-card[data-id="${id(title)}"]`);
    const cs = cardBox("客服");
    await cs.locator(".oc-vacant").filter({ hasText: "空缺 ×1" }).waitFor();
    assert((await cs.locator(".oc-names").textContent()) === "刘洋", `客服 shows its holder: ${await cs.locator(".oc-names").textContent()}`);
    assert((await cs.locator(".oc-avatar").textContent()) === "刘", "with the surname on an avatar");
    assert((await card(page, "客服").getAttribute("aria-description")).includes("任职：刘洋"), "and tells a screen reader who holds it");
    // 李娜 gives 店长/运营 60 % of her time: part-time (兼) there.
    const shop = cardBox("店长/运营");
    assert((await shop.locator(".oc-names").textContent()) === "李娜兼", `店长/运营: ${await shop.locator(".oc-names").textContent()}`);
    assert((await shop.locator(".oc-avatar").getAttribute("title")) === "李娜（兼任 60%）", "the avatar's tooltip has the full name and share");
    assert((await cardBox("总经理").locator(".oc-vacant").count()) === 0, "a seat that is held shows no vacancy");
    // The box keeps its size with the holders' row.
    const size = await cs.evaluate((el) => [el.offsetWidth, el.offsetHeight, el.scrollHeight]);
    assert(size[0] === 184 && size[1] === 76 && size[2] <= 76, `the card stays 184 × 76 without overflow: ${size}`);
    await shot("names-on");

    const names = page.getByRole("button", { name: "显示姓名" });
    assert((await names.getAttribute("aria-pressed")) === "true", "names are on by default");
    await names.click();
    await page.waitForFunction(() => document.querySelectorAll(".oc-names, .oc-avatar").length === 0);
    assert((await names.getAttribute("aria-pressed")) === "false", "the switch says it is off");
    assert(!(await card(page, "客服").getAttribute("aria-description")).includes("刘洋"), "no names for screen readers either");
    await cs.locator(".oc-vacant").filter({ hasText: "空缺 1" }).waitFor();
    await shot("names-off");
    await page.reload();
    await card(page, "总经理").waitFor();
    assert((await page.getByRole("button", { name: "显示姓名" }).getAttribute("aria-pressed")) === "false", "the switch is remembered");
    assert((await page.locator(".oc-names").count()) === 0, "still no names after a reload");
    await page.getByRole("button", { name: "显示姓名" }).click();
    await cs.locator(".oc-names").waitFor();

    // Ctrl+F from the chart: the search box, whatever has the focus.
    await card(page, "总经理").click();
    await page.keyboard.press("Control+f");
    const box = page.getByRole("searchbox", { name: "搜索岗位或人员" });
    assert(await box.evaluate((el) => el === document.activeElement), "Ctrl+F focuses the search box");
    await page.keyboard.type("尺码");
    const list = page.getByRole("listbox", { name: "搜索结果" });
    await list.waitFor();
    const options = list.getByRole("option");
    assert((await options.count()) === 1, `one match: ${await options.count()}`);
    const label = await options.first().getAttribute("aria-label");
    assert(label.startsWith("总经理 › 店长/运营 › 客服") && label.includes("职责") && label.includes("尺码"), `listed with its path and what matched: ${label}`);
    assert((await options.first().textContent()).includes("总经理›店长/运营›客服"), "the path shows");
    assert((await page.locator('.oc-card[data-search="match"]').count()) === 1, "the card is lit on the chart");
    await shot("search-list");
    // The list and the cards with names pass axe as they stand.
    const audit = axeAudit(page);
    await audit.check("search list");
    assert(audit.found().length === 0, `axe: ${audit.found().join("\n")}`);

    await page.keyboard.press("Enter");
    await page.waitForFunction((cid) => document.querySelector(`.oc-card[data-id="${cid}"]`)?.dataset.selected === "true", id("客服"));
    assert((await options.first().getAttribute("aria-selected")) === "true", "the match is the list's current one");
    assert(await box.evaluate((el) => el === document.activeElement), "the focus stays in the search box");
    // Centred: the card's middle is the chart's middle once the view has moved.
    await page.waitForTimeout(500);
    const [c, v] = await page.evaluate((cid) => {
      const r = document.querySelector(`.oc-card[data-id="${cid}"]`).getBoundingClientRect();
      const w = document.querySelector(".oc-viewport").getBoundingClientRect();
      return [
        [r.left + r.width / 2, r.top + r.height / 2],
        [w.left + w.width / 2, w.top + w.height / 2],
      ];
    }, id("客服"));
    assert(Math.abs(c[0] - v[0]) < 3 && Math.abs(c[1] - v[1]) < 3, `the card is centred: ${c} vs ${v}`);
    await shot("search-centred");

    // A name finds every seat the person holds; Shift+Enter goes back from the first to the last.
    await box.fill("王磊");
    assert((await options.count()) === 3, `王磊 holds three seats: ${await options.count()}`);
    assert((await options.first().getAttribute("aria-label")).includes("姓名"), "found by name");
    await page.keyboard.press("Shift+Enter");
    await page.waitForFunction((cid) => document.querySelector(`.oc-card[data-id="${cid}"]`)?.dataset.selected === "true", id("数据分析"));
    await page.keyboard.press("Escape");
    assert((await box.inputValue()) === "", "Escape clears the search");
    await list.waitFor({ state: "detached" });
    assert((await page.locator(".oc-card[data-search]").count()) === 0, "and the chart's highlights");
  },
};

await runScenarios(scenarios);
