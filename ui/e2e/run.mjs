// End-to-end scenarios in Chromium against `orgplan serve` on a temporary database, driven the
// way a user works: by role and accessible name. Each step leaves a screenshot in artifacts/.
import { api, assert, runScenarios } from "./harness.mjs";

const tree = (page) => page.getByRole("tree");
const card = (page, name) => tree(page).getByRole("treeitem", { name, exact: true });
const option = (page, name) => page.getByRole("listbox").getByRole("option", { name, exact: true });

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

async function openPlansView(page) {
  await page.getByRole("button", { name: /方案|Plans/ }).first().click();
}

const scenarios = {
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
    await option(page, "直通车专员").dragTo(card(page, "店长"));
    await card(page, "直通车专员").waitFor();
    await shot("role-dropped");
    await page.reload();
    await card(page, "直通车专员").waitFor();
    await shot("after-reload");
    const doc = await currentPlan(page, url);
    assert(parentTitle(doc, "直通车专员") === "店长", "stored under 店长");
  },

  async "drag-card-to-reparent"({ page, url, shot }) {
    await card(page, "售后客服").waitFor();
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

  async "switch-language"({ page, shot }) {
    await card(page, "店长").waitFor();
    await page.getByRole("button", { name: /EN|English/ }).first().click();
    await card(page, "Store Manager").waitFor();
    await page.getByRole("button", { name: /Undo/ }).first().waitFor();
    await shot("english");
    await page.reload();
    await card(page, "Store Manager").waitFor();
  },
};

await runScenarios(scenarios);
