#!/usr/bin/env python3
"""Validate OrgPlan's built-in content: the four team templates and the role library.

Usage: python3 check.py [DATA_DIR]

Checks every file in this folder against the content rules (structure, tree order, ids, text
lengths, KPI weights, function codes, pay bands, people and shares, per-template headcounts,
department colours). Prints a summary per file and exits 1 if anything is wrong.

Optional: if the seed documents are available (folder named by the env ORGPLAN_SEEDS), every
text is also checked for passages copied verbatim from them.
Python 3 standard library only.
"""

import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = ["team-5", "team-8", "team-30", "ops-center"]
ROLES = "roles"

FUNCTIONS = ["operations", "promotion", "visual", "copywriting", "customer_service", "logistics",
             "merchandising", "data", "finance", "crm", "channel", "tech"]
CYCLES = {"daily", "weekly", "monthly", "quarterly", "yearly"}
STAGES = {"startup", "growth", "scale"}
GRADES = {"M1", "M2", "M3", "P1", "P2", "P3"}

TOP_KEYS = {"format", "version", "plan", "departments", "positions", "people", "goals"}
GOAL_KEYS = {"id", "parent", "name", "name_en", "kind", "unit", "direction", "target", "period"}
PLAN_KEYS = {"name", "company", "target_size", "stage", "goal_notes", "template"}
DEPT_KEYS = {"id", "name", "name_en", "color"}
POS_KEYS = {"id", "title", "title_en", "department", "parent", "headcount", "grade", "purpose",
            "duties", "requirements", "kpis", "dotted", "collaborations", "escalations",
            "functions", "pay_band", "notes", "lineage", "role"}
KPI_KEYS = {"metric", "weight", "target", "cycle", "source"}
PERSON_KEYS = {"id", "name", "assignments"}
ROLE_KEYS = {"id", "title", "title_en", "function", "functions", "grade", "purpose", "duties",
             "requirements", "kpis", "pay_band"}

# Titles the role library must offer (a role matches if its title contains the word).
REQUIRED_ROLES = ["运营总监", "店长", "运营专员", "直通车", "引力魔方", "淘宝客", "活动专员", "直播",
                  "美工", "摄影", "文案", "上架", "售前客服", "售后客服", "客服主管", "仓库管理",
                  "打包发货", "采购", "商品专员", "数据分析", "会计", "出纳", "会员", "私域", "分销",
                  "聚划算", "ERP", "装修"]

# Common traditional forms; the content is simplified Chinese.
TRADITIONAL = set("運營與數據會員後臺說廣這個們發貨倉庫價買賣從為務銷產質單標準檢題優費"
                  "實現場動態計劃設頁圖級層總監專長組織職責績較時間對應達轉換點擊")

CJK = re.compile(r"[\u4e00-\u9fff]")
ID_RE = {"department": re.compile(r"^d-[a-z0-9]+(-[a-z0-9]+)*$"),
         "position": re.compile(r"^p-[a-z0-9]+(-[a-z0-9]+)*$"),
         "person": re.compile(r"^u-[a-z0-9]+(-[a-z0-9]+)*$"),
         "role": re.compile(r"^role-[a-z0-9]+(-[a-z0-9]+)*$")}
COLOR_RE = re.compile(r"^#[0-9a-f]{6}$")

# Minimum white-on-colour contrast (WCAG AA for normal text) and minimum colour distance
# between two departments of one file.
MIN_CONTRAST = 4.5
MIN_COLOR_DISTANCE = 45.0


class Report:
    def __init__(self):
        self.errors = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")


# ---------------------------------------------------------------- generic helpers

def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def walk_strings(value, path, out):
    """Collects (path, string) for every string, keys included."""
    if isinstance(value, str):
        out.append((path, value))
    elif isinstance(value, dict):
        for k, v in value.items():
            out.append((f"{path}.<key {k!r}>", k))
            walk_strings(v, f"{path}.{k}", out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            walk_strings(v, f"{path}[{i}]", out)


def check_strings(data, where, rep):
    strings = []
    walk_strings(data, where, strings)
    for path, s in strings:
        bad = [c for c in s if ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 or c in "\u2028\u2029"]
        if bad:
            rep.err(path, f"control character {bad[0]!r} in {s!r}")
        if s != s.strip():
            rep.err(path, f"leading or trailing whitespace in {s!r}")
        trad = sorted({c for c in s if c in TRADITIONAL})
        if trad:
            rep.err(path, f"traditional characters {''.join(trad)} in {s!r} (use simplified)")
    return strings


OPTIONAL_KEYS = {"role"}


def check_keys(obj, keys, where, rep):
    if not isinstance(obj, dict):
        rep.err(where, f"expected an object, got {type(obj).__name__}")
        return False
    missing = keys - obj.keys() - OPTIONAL_KEYS
    extra = obj.keys() - keys
    if missing:
        rep.err(where, f"missing keys {sorted(missing)}")
    if extra:
        rep.err(where, f"unexpected keys {sorted(extra)}")
    return not missing


def zh_text(value, where, rep, lo, hi, sentence=False):
    """A Chinese text of lo..hi characters; sentence=True allows no 。 except at the end."""
    if not isinstance(value, str) or not value:
        rep.err(where, "must be a non-empty string")
        return
    if not CJK.search(value):
        rep.err(where, f"must be Chinese text: {value!r}")
    if not lo <= len(value) <= hi:
        rep.err(where, f"length {len(value)} not in {lo}–{hi}: {value!r}")
    if sentence:
        body = value[:-1] if value.endswith("。") else value
        if "。" in body or "\n" in body:
            rep.err(where, f"must be a single sentence: {value!r}")


def en_text(value, where, rep, hi=60):
    if not isinstance(value, str) or not value.strip():
        rep.err(where, "must be a non-empty string")
        return
    if not value.isascii():
        rep.err(where, f"English title must be ASCII: {value!r}")
    if len(value) > hi:
        rep.err(where, f"longer than {hi} characters: {value!r}")
    if value[0].islower():
        rep.err(where, f"should start with a capital letter: {value!r}")


def check_duties(duties, where, rep):
    if not isinstance(duties, list) or len(duties) < 4:
        rep.err(where, "at least 4 duties required")
        return
    for i, d in enumerate(duties):
        zh_text(d, f"{where}[{i}]", rep, 10, 45, sentence=True)
    if len(set(duties)) != len(duties):
        rep.err(where, "duplicate duties")


def check_requirements(reqs, where, rep):
    if not isinstance(reqs, list) or not 2 <= len(reqs) <= 4:
        rep.err(where, "2–4 requirements required")
        return
    for i, r in enumerate(reqs):
        zh_text(r, f"{where}[{i}]", rep, 6, 60, sentence=True)


def check_kpis(kpis, where, rep, goals=None):
    """KPIs of a template link to one of its `goals` (a set of ids); roles have no goals."""
    if not isinstance(kpis, list) or not 2 <= len(kpis) <= 5:
        rep.err(where, f"2–5 KPIs required, got {len(kpis) if isinstance(kpis, list) else kpis!r}")
        return
    total = 0
    metrics = set()
    for i, k in enumerate(kpis):
        w = f"{where}[{i}]"
        if not check_keys(k, KPI_KEYS if goals is None else KPI_KEYS | {"goal"}, w, rep):
            continue
        if goals is not None and k["goal"] is not None and k["goal"] not in goals:
            rep.err(f"{w}.goal", f"no goal {k['goal']!r} in this template")
        zh_text(k["metric"], f"{w}.metric", rep, 2, 30)
        if k["metric"] in metrics:
            rep.err(w, f"duplicate metric {k['metric']!r}")
        metrics.add(k["metric"])
        if not is_int(k["weight"]) or not 1 <= k["weight"] <= 100:
            rep.err(f"{w}.weight", f"must be an integer 1–100, got {k['weight']!r}")
        else:
            total += k["weight"]
        t = k["target"]
        if not isinstance(t, str) or not t.strip():
            rep.err(f"{w}.target", "must be a non-empty string")
        elif not re.search(r"\d", t):
            rep.err(f"{w}.target", f"target should be concrete (contain a number): {t!r}")
        elif len(t) > 40:
            rep.err(f"{w}.target", f"longer than 40 characters: {t!r}")
        if k["cycle"] not in CYCLES:
            rep.err(f"{w}.cycle", f"{k['cycle']!r} not one of {sorted(CYCLES)}")
        zh_text(k["source"], f"{w}.source", rep, 2, 20)
    if total != 100:
        rep.err(where, f"KPI weights sum to {total}, must be exactly 100")


def check_functions(funcs, where, rep):
    if not isinstance(funcs, list) or not 1 <= len(funcs) <= 3:
        rep.err(where, "1–3 function codes required")
        return []
    for f in funcs:
        if f not in FUNCTIONS:
            rep.err(where, f"unknown function code {f!r}")
    if len(set(funcs)) != len(funcs):
        rep.err(where, "duplicate function codes")
    return funcs


def check_pay(pay, where, rep, allow_null):
    if pay is None:
        if not allow_null:
            rep.err(where, "pay_band must not be null")
        return
    if not check_keys(pay, {"min", "max"}, where, rep):
        return
    lo, hi = pay["min"], pay["max"]
    if not is_int(lo) or not is_int(hi):
        rep.err(where, f"min and max must be integers, got {lo!r}, {hi!r}")
        return
    if lo > hi:
        rep.err(where, f"min {lo} > max {hi}")
    if lo < 2500 or hi > 60000:
        rep.err(where, f"{lo}–{hi} is not a realistic monthly pay in RMB")


def hex_rgb(c):
    return tuple(int(c[i:i + 2], 16) for i in (1, 3, 5))


def contrast_with_white(c):
    def lin(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(v) for v in hex_rgb(c))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (lum + 0.05)


def color_distance(a, b):
    """'Redmean' approximation of perceived distance between two sRGB colours."""
    (r1, g1, b1), (r2, g2, b2) = hex_rgb(a), hex_rgb(b)
    rm = (r1 + r2) / 2
    dr, dg, db = r1 - r2, g1 - g2, b1 - b2
    return ((2 + rm / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rm) / 256) * db * db) ** 0.5


# ---------------------------------------------------------------- templates

def check_template(name, data, rep, colors_by_dept):
    w = name
    if not check_keys(data, TOP_KEYS, w, rep):
        return None
    if data["format"] != "orgplan":
        rep.err(w, f"format must be 'orgplan', got {data['format']!r}")
    if data["version"] != 3 or not is_int(data["version"]):
        rep.err(w, f"version must be 3, got {data['version']!r}")

    plan = data["plan"]
    if check_keys(plan, PLAN_KEYS, f"{w}.plan", rep):
        zh_text(plan["name"], f"{w}.plan.name", rep, 2, 30)
        if plan["company"] != "":
            rep.err(f"{w}.plan.company", "must be empty in a template")
        if not is_int(plan["target_size"]) or plan["target_size"] < 1:
            rep.err(f"{w}.plan.target_size", "must be a positive integer")
        if plan["stage"] not in STAGES:
            rep.err(f"{w}.plan.stage", f"{plan['stage']!r} not one of {sorted(STAGES)}")
        zh_text(plan["goal_notes"], f"{w}.plan.goal_notes", rep, 10, 120)
        if plan["goal_notes"].count("。") > 2:
            rep.err(f"{w}.plan.goal_notes", "one or two sentences")
        if plan["template"] != name:
            rep.err(f"{w}.plan.template", f"must be {name!r}, got {plan['template']!r}")

    all_ids = set()

    def claim(i, where):
        if i in all_ids:
            rep.err(where, f"duplicate id {i!r}")
        all_ids.add(i)

    # departments
    depts = data["departments"]
    dept_ids = []
    if not isinstance(depts, list) or not depts:
        rep.err(f"{w}.departments", "at least one department required")
        depts = []
    for i, d in enumerate(depts):
        dw = f"{w}.departments[{i}]"
        if not check_keys(d, DEPT_KEYS, dw, rep):
            continue
        if not isinstance(d["id"], str) or not ID_RE["department"].match(d["id"]):
            rep.err(dw, f"bad department id {d['id']!r}")
        claim(d["id"], dw)
        dept_ids.append(d["id"])
        zh_text(d["name"], f"{dw}.name", rep, 2, 12)
        en_text(d["name_en"], f"{dw}.name_en", rep, 40)
        c = d["color"]
        if not isinstance(c, str) or not COLOR_RE.match(c):
            rep.err(f"{dw}.color", f"must be lowercase #rrggbb, got {c!r}")
            continue
        ratio = contrast_with_white(c)
        if ratio < MIN_CONTRAST:
            rep.err(f"{dw}.color", f"{c} gives white text contrast {ratio:.2f} < {MIN_CONTRAST}")
        prev = colors_by_dept.setdefault(d["id"], (c, name))
        if prev[0] != c:
            rep.err(f"{dw}.color", f"{d['id']} is {c} here but {prev[0]} in {prev[1]}; "
                                   "use one colour per kind of department")
    good = [d for d in depts if isinstance(d, dict) and isinstance(d.get("color"), str)
            and COLOR_RE.match(d["color"])]
    for a in range(len(good)):
        for b in range(a + 1, len(good)):
            dist = color_distance(good[a]["color"], good[b]["color"])
            if dist < MIN_COLOR_DISTANCE:
                rep.err(f"{w}.departments", f"{good[a]['id']} {good[a]['color']} and "
                        f"{good[b]['id']} {good[b]['color']} are too similar ({dist:.0f})")
    names = [d.get("name") for d in depts if isinstance(d, dict)]
    if len(set(names)) != len(names):
        rep.err(f"{w}.departments", "duplicate department names")

    # positions
    positions = data["positions"]
    if not isinstance(positions, list) or not positions:
        rep.err(f"{w}.positions", "at least one position required")
        return None
    by_id = {}
    parent_of = {}
    stack = []  # ancestors of the current place in pre-order
    roots = 0
    for i, p in enumerate(positions):
        pw = f"{w}.positions[{i}]"
        if not check_keys(p, POS_KEYS, pw, rep):
            continue
        pid = p["id"]
        pw = f"{w}.{pid}"
        if not isinstance(pid, str) or not ID_RE["position"].match(pid):
            rep.err(pw, f"bad position id {pid!r}")
        claim(pid, pw)
        parent = p["parent"]
        if parent is None:
            roots += 1
            if i != 0:
                rep.err(pw, "the root must be the first position")
            stack = [pid]
        else:
            if parent not in by_id:
                rep.err(pw, f"parent {parent!r} is not an earlier position")
                stack = [pid]
            elif parent not in stack:
                rep.err(pw, f"not in pre-order: parent {parent!r}'s subtree was already closed")
                chain = [pid, parent]  # resume from this node's real ancestry
                while parent_of.get(chain[-1]) is not None and len(chain) <= len(positions):
                    chain.append(parent_of[chain[-1]])
                stack = chain[::-1]
            else:
                while stack[-1] != parent:
                    stack.pop()
                stack.append(pid)
        by_id[pid] = p
        parent_of[pid] = parent
    if roots != 1:
        rep.err(f"{w}.positions", f"exactly one root (parent null) required, found {roots}")

    def ancestors(pid):
        out = []
        seen = set()
        cur = parent_of.get(pid)
        while cur is not None and cur not in seen:
            seen.add(cur)
            out.append(cur)
            cur = parent_of.get(cur)
        return out

    root_id = next((pid for pid, par in parent_of.items() if par is None), None)
    for pid, p in by_id.items():
        pw = f"{w}.{pid}"
        zh_text(p["title"], f"{pw}.title", rep, 2, 12)
        en_text(p["title_en"], f"{pw}.title_en", rep)
        if p["department"] not in dept_ids:
            rep.err(f"{pw}.department", f"{p['department']!r} is not a department of this file")
        if not is_int(p["headcount"]) or p["headcount"] < 1:
            rep.err(f"{pw}.headcount", f"must be an integer >= 1, got {p['headcount']!r}")
        if p["grade"] not in GRADES:
            rep.err(f"{pw}.grade", f"{p['grade']!r} not one of {sorted(GRADES)}")
        zh_text(p["purpose"], f"{pw}.purpose", rep, 10, 60, sentence=True)
        check_duties(p["duties"], f"{pw}.duties", rep)
        check_requirements(p["requirements"], f"{pw}.requirements", rep)
        check_kpis(p["kpis"], f"{pw}.kpis", rep, {g["id"] for g in data.get("goals", [])})

        dotted = p["dotted"]
        if not isinstance(dotted, list) or len(dotted) > 2:
            rep.err(f"{pw}.dotted", "must be a list of at most 2 ids (use sparingly)")
        else:
            for d in dotted:
                if d == pid:
                    rep.err(f"{pw}.dotted", "a position cannot report to itself")
                elif d not in by_id:
                    rep.err(f"{pw}.dotted", f"unknown position {d!r}")
                elif d == p["parent"]:
                    rep.err(f"{pw}.dotted", f"{d!r} is already the direct superior")
            if len(set(dotted)) != len(dotted):
                rep.err(f"{pw}.dotted", "duplicate ids")

        collabs = p["collaborations"]
        if not isinstance(collabs, list) or not 1 <= len(collabs) <= 3:
            rep.err(f"{pw}.collaborations", "1–3 collaborations required")
        else:
            for j, c in enumerate(collabs):
                cw = f"{pw}.collaborations[{j}]"
                if not check_keys(c, {"with", "about"}, cw, rep):
                    continue
                if c["with"] == pid:
                    rep.err(cw, "cannot collaborate with itself")
                elif c["with"] not in by_id:
                    rep.err(cw, f"unknown position {c['with']!r}")
                zh_text(c["about"], f"{cw}.about", rep, 2, 20)
            withs = [c.get("with") for c in collabs if isinstance(c, dict)]
            if len(set(withs)) != len(withs):
                rep.err(f"{pw}.collaborations", "the same partner appears twice")

        escs = p["escalations"]
        if not isinstance(escs, list):
            rep.err(f"{pw}.escalations", "must be a list")
            escs = []
        if p["parent"] is None and escs:
            rep.err(f"{pw}.escalations", "the root has nobody to escalate to")
        if p["parent"] is not None and not escs:
            rep.err(f"{pw}.escalations", "every non-root position needs at least one escalation")
        anc = ancestors(pid)
        for j, e in enumerate(escs):
            ew = f"{pw}.escalations[{j}]"
            if not check_keys(e, {"when", "to"}, ew, rep):
                continue
            zh_text(e["when"], f"{ew}.when", rep, 6, 40)
            if e["to"] not in anc:
                rep.err(ew, f"target {e['to']!r} is not an ancestor of {pid}")

        check_functions(p["functions"], f"{pw}.functions", rep)
        check_pay(p["pay_band"], f"{pw}.pay_band", rep, allow_null=(pid == root_id))
        if p["pay_band"] is None and not p["notes"]:
            rep.err(f"{pw}.notes", "a null pay_band needs a note saying why")
        if not isinstance(p["notes"], str):
            rep.err(f"{pw}.notes", "must be a string")
        elif p["notes"]:
            zh_text(p["notes"], f"{pw}.notes", rep, 4, 60)

    check_customer_service(name, by_id, ancestors, rep)

    # people
    people = data["people"]
    if not isinstance(people, list):
        rep.err(f"{w}.people", "must be a list")
        people = []
    filled = {}
    for i, person in enumerate(people):
        uw = f"{w}.people[{i}]"
        if not check_keys(person, PERSON_KEYS, uw, rep):
            continue
        if not isinstance(person["id"], str) or not ID_RE["person"].match(person["id"]):
            rep.err(uw, f"bad person id {person['id']!r}")
        claim(person["id"], uw)
        zh_text(person["name"], f"{uw}.name", rep, 2, 4)
        total = 0
        asg = person["assignments"]
        if not isinstance(asg, list) or not asg:
            rep.err(f"{uw}.assignments", "at least one assignment required")
            continue
        for j, a in enumerate(asg):
            aw = f"{uw}.assignments[{j}]"
            if not check_keys(a, {"position", "share"}, aw, rep):
                continue
            if a["position"] not in by_id:
                rep.err(aw, f"unknown position {a['position']!r}")
            filled[a["position"]] = filled.get(a["position"], 0) + 1
            if not is_int(a["share"]) or not 1 <= a["share"] <= 100:
                rep.err(aw, f"share must be an integer 1–100, got {a['share']!r}")
            else:
                total += a["share"]
        if total > 100:
            rep.err(uw, f"shares total {total} > 100")
        if name == "team-5" and total != 100:
            rep.err(uw, f"shares total {total}; in team-5 every person is fully used (100)")
        held = [a.get("position") for a in asg if isinstance(a, dict)]
        if len(set(held)) != len(held):
            rep.err(uw, "holds the same position twice")
    for pid, n in filled.items():
        if pid in by_id and n > by_id[pid]["headcount"]:
            rep.err(f"{w}.{pid}", f"{n} people assigned but headcount is {by_id[pid]['headcount']}")

    total_hc = sum(p["headcount"] for p in by_id.values() if is_int(p["headcount"]))
    check_specific(name, data, by_id, parent_of, root_id, people, filled, total_hc, rep)
    return {"positions": len(by_id), "headcount": total_hc, "people": len(people),
            "departments": len(dept_ids)}


def check_customer_service(name, by_id, ancestors, rep):
    """Customer-service seats escalate claims and discounts beyond policy to the right head."""
    if name == "ops-center":
        allowed = {"销售主管", "运营主管"}
    else:
        allowed = None  # titles starting with 店长
    for pid, p in by_id.items():
        if p["parent"] is None or "客服" not in p.get("title", ""):
            continue
        pw = f"{name}.{pid}"
        escs = [e for e in p["escalations"] if isinstance(e, dict)]

        def ok_target(t):
            title = by_id.get(t, {}).get("title", "")
            return title in allowed if allowed else title.startswith("店长")

        for topic, words in (("claims beyond policy (索赔)", ("索赔",)),
                             ("discounts beyond policy (折扣/优惠)", ("折扣", "优惠"))):
            hits = [e for e in escs if any(wd in e.get("when", "") for wd in words)]
            if not hits:
                rep.err(pw, f"customer-service seat lacks an escalation for {topic}")
            elif not any(ok_target(e.get("to")) for e in hits):
                who = "/".join(sorted(allowed)) if allowed else "店长"
                rep.err(pw, f"escalation for {topic} must go to {who}")
        if not any("规定" in e.get("when", "") for e in escs):
            rep.err(pw, "customer-service escalations should name the policy (公司规定)")


def titled(by_id, title):
    return [p for p in by_id.values() if p["title"] == title]


def check_specific(name, data, by_id, parent_of, root_id, people, filled, total_hc, rep):
    plan = data["plan"]
    w = name
    expect_stage = {"team-5": "startup", "team-8": "growth", "team-30": "scale",
                    "ops-center": "scale"}[name]
    if plan.get("stage") != expect_stage:
        rep.err(f"{w}.plan.stage", f"must be {expect_stage!r}")
    if name != "team-5" and people:
        rep.err(f"{w}.people", "only team-5 ships with people")

    if name == "team-5":
        if plan.get("target_size") != 5:
            rep.err(f"{w}.plan.target_size", "must be 5")
        if len(people) != 5:
            rep.err(f"{w}.people", f"exactly 5 people required, found {len(people)}")
        if len(by_id) <= len(people):
            rep.err(f"{w}.positions", "a generalist team has more seats than people")
        if not 9 <= len(by_id) <= 10:
            rep.err(f"{w}.positions", f"9–10 seats expected, found {len(by_id)}")
        for pid, p in by_id.items():
            if p["headcount"] != 1:
                rep.err(f"{w}.{pid}", "every seat in team-5 has headcount 1")
            if filled.get(pid, 0) != 1:
                rep.err(f"{w}.{pid}", f"must be filled by exactly one person, "
                                      f"found {filled.get(pid, 0)}")
        if not 1 <= len(data["departments"]) <= 3:
            rep.err(f"{w}.departments", "team-5 keeps 1–3 simple departments")
        multi = [u for u in people if isinstance(u, dict) and len(u.get("assignments", [])) > 1]
        if len(multi) < 3:
            rep.err(f"{w}.people", "at least three people should hold several seats")

    elif name == "team-8":
        if plan.get("target_size") != 8 or total_hc != 8:
            rep.err(w, f"target_size and total headcount must both be 8 "
                       f"(target_size {plan.get('target_size')}, headcount {total_hc})")
        root = by_id.get(root_id, {})
        if root.get("title") != "店长":
            rep.err(w, "the root must be 店长")
        for t in ("售前客服", "售后客服", "财务组长", "产品组长", "视觉组长", "营销策划组长",
                  "数据分析组长"):
            ps = titled(by_id, t)
            if len(ps) != 1:
                rep.err(w, f"exactly one {t} required")
            elif ps[0]["parent"] != root_id or ps[0]["headcount"] != 1:
                rep.err(f"{w}.{ps[0]['id']}", f"{t} must report to 店长 with headcount 1")
        fin = titled(by_id, "财务组长")
        if fin:
            partners = {by_id.get(c["with"], {}).get("title") for c in fin[0]["collaborations"]}
            for t in ("营销策划组长", "数据分析组长"):
                if t not in partners:
                    rep.err(f"{w}.{fin[0]['id']}", f"财务组长 must collaborate with {t}")

    elif name == "team-30":
        if plan.get("target_size") != 30 or total_hc != 30:
            rep.err(w, f"target_size and total headcount must both be 30 "
                       f"(target_size {plan.get('target_size')}, headcount {total_hc})")
        root = by_id.get(root_id, {})
        if root.get("title") != "店长":
            rep.err(w, "the root must be 店长")
        for t in ("渠道组长", "产品组长", "数据分析组长", "CRM组长", "付费推广组长", "美工组长"):
            ps = titled(by_id, t)
            if len(ps) != 1:
                rep.err(w, f"exactly one {t} required")
            elif ps[0]["parent"] != root_id:
                rep.err(f"{w}.{ps[0]['id']}", f"{t} must report to 店长")
        for t in ("供应链专员", "商务拓展专员", "产品分析专员", "市场分析专员", "会员营销专员",
                  "客服专员", "仓库管理", "投放管理专员", "美工"):
            if len(titled(by_id, t)) != 1:
                rep.err(w, f"exactly one {t} position required")
        for t in ("客服专员", "仓库管理", "美工"):
            for p in titled(by_id, t):
                if p["headcount"] < 2:
                    rep.err(f"{w}.{p['id']}", f"{t} should have a headcount of several")
        leads = {p["id"] for p in by_id.values() if p["parent"] == root_id}
        for pid, p in by_id.items():
            if p["grade"].startswith("P") and p["parent"] == root_id and p["title"] != "财务":
                rep.err(f"{w}.{pid}", "specialists report to their group leader")
            if p["grade"] == "M1" and p["parent"] != root_id:
                rep.err(f"{w}.{pid}", "group leaders report to 店长")
        if not leads:
            rep.err(w, "no group leaders under 店长")

    elif name == "ops-center":
        if plan.get("name") != "运营中心":
            rep.err(f"{w}.plan.name", "must be 运营中心")
        if plan.get("target_size") != total_hc or total_hc != 26:
            rep.err(w, f"target_size and total headcount must both be 26 "
                       f"(target_size {plan.get('target_size')}, headcount {total_hc})")
        root = by_id.get(root_id, {})
        if root.get("title") != "运营总监":
            rep.err(w, "the root must be 运营总监")
        expected = {  # title: (parent title, headcount)
            "运营主管": ("运营总监", 1), "项目运营": ("运营主管", 2), "商品专员": ("运营总监", 1),
            "推广主管": ("运营总监", 1), "活动专员": ("推广主管", 1), "直通车专员": ("推广主管", 1),
            "钻展专员": ("推广主管", 1), "淘宝客专员": ("推广主管", 1), "美工主管": ("运营总监", 1),
            "美工": ("美工主管", 5), "策划主管": ("运营总监", 1), "策划": ("策划主管", 1),
            "销售主管": ("运营总监", 1), "售前客服": ("销售主管", 2), "售后客服": ("销售主管", 2),
            "物流专员": ("运营总监", 1), "分销专员": ("运营总监", 1), "聚划算专员": ("推广主管", 1),
        }
        for t, (pt, hc) in expected.items():
            ps = titled(by_id, t)
            if len(ps) != 1:
                rep.err(w, f"exactly one {t} position required, found {len(ps)}")
                continue
            p = ps[0]
            ptitle = by_id.get(p["parent"], {}).get("title")
            if ptitle != pt:
                rep.err(f"{w}.{p['id']}", f"{t} must report to {pt}, not {ptitle}")
            if p["headcount"] != hc:
                rep.err(f"{w}.{p['id']}", f"{t} headcount must be {hc}, got {p['headcount']}")
        cs = sum(p["headcount"] for p in by_id.values() if p["title"] in ("售前客服", "售后客服"))
        if cs != 4:
            rep.err(w, f"售前客服 + 售后客服 headcount must total 4, got {cs}")
        if len(by_id) != len(expected) + 1:
            rep.err(w, f"unexpected positions: {len(by_id)} instead of {len(expected) + 1}")


# ---------------------------------------------------------------- roles

def check_roles(data, rep):
    w = "roles"
    if not isinstance(data, list):
        rep.err(w, "must be a JSON array")
        return None
    if len(data) < 30:
        rep.err(w, f"at least 30 roles required, found {len(data)}")
    ids = set()
    primary = {f: 0 for f in FUNCTIONS}
    titles = []
    for i, r in enumerate(data):
        rw = f"{w}[{i}]"
        if not check_keys(r, ROLE_KEYS, rw, rep):
            continue
        rw = f"{w}.{r['id']}"
        if not isinstance(r["id"], str) or not ID_RE["role"].match(r["id"]):
            rep.err(rw, f"bad role id {r['id']!r}")
        if r["id"] in ids:
            rep.err(rw, "duplicate id")
        ids.add(r["id"])
        zh_text(r["title"], f"{rw}.title", rep, 2, 12)
        titles.append(r["title"])
        en_text(r["title_en"], f"{rw}.title_en", rep)
        funcs = check_functions(r["functions"], f"{rw}.functions", rep)
        if r["function"] not in FUNCTIONS:
            rep.err(f"{rw}.function", f"unknown function code {r['function']!r}")
        elif r["function"] not in funcs:
            rep.err(f"{rw}.function", "the primary function must be listed in functions")
        else:
            primary[r["function"]] += 1
        if funcs and r["function"] != funcs[0]:
            rep.err(f"{rw}.functions", "list the primary function first")
        if r["grade"] not in GRADES:
            rep.err(f"{rw}.grade", f"{r['grade']!r} not one of {sorted(GRADES)}")
        zh_text(r["purpose"], f"{rw}.purpose", rep, 10, 60, sentence=True)
        check_duties(r["duties"], f"{rw}.duties", rep)
        check_requirements(r["requirements"], f"{rw}.requirements", rep)
        check_kpis(r["kpis"], f"{rw}.kpis", rep)
        check_pay(r["pay_band"], f"{rw}.pay_band", rep, allow_null=False)
    for f, n in primary.items():
        if n < 2:
            rep.err(w, f"function {f!r} is the primary function of only {n} role(s); need >= 2")
    if len(set(titles)) != len(titles):
        rep.err(w, "duplicate role titles")
    for word in REQUIRED_ROLES:
        if not any(word in t for t in titles):
            rep.err(w, f"no role titled with {word!r}")
    return {"roles": len(data), "per_function": primary}


# ---------------------------------------------------------------- originality

def load_seeds():
    path = os.environ.get("ORGPLAN_SEEDS", "")
    texts = []
    for f in sorted(glob.glob(os.path.join(path, "*.txt"))):
        with open(f, encoding="utf-8", errors="replace") as fh:
            texts.append(re.sub(r"\s+", "", fh.read()))
    return "\n".join(texts)


def check_originality(strings, seeds, where, rep, n=12):
    """No run of n characters copied verbatim from the seed documents."""
    if not seeds:
        return
    for path, s in strings:
        t = re.sub(r"\s+", "", s)
        for i in range(0, len(t) - n + 1):
            chunk = t[i:i + n]
            if CJK.search(chunk) and chunk in seeds:
                rep.err(path, f"copied from the seeds: {chunk!r} in {s!r}")
                break


# ---------------------------------------------------------------- main

def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else HERE
    seeds = load_seeds()
    rep = Report()
    colors_by_dept = {}
    summaries = []
    for name in TEMPLATES + [ROLES]:
        path = os.path.join(data_dir, name + ".json")
        before = len(rep.errors)
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError) as e:
            rep.err(name, f"cannot read {path}: {e}")
            summaries.append((name, None, 1))
            continue
        strings = check_strings(data, name, rep)
        check_originality(strings, seeds, name, rep)
        if name == ROLES:
            info = check_roles(data, rep)
        else:
            info = check_template(name, data, rep, colors_by_dept)
        summaries.append((name, info, len(rep.errors) - before))

    for name, info, nerr in summaries:
        status = "ok" if nerr == 0 else f"{nerr} error(s)"
        if info is None:
            print(f"{name:12} {status}")
        elif name == ROLES:
            per = ", ".join(f"{k} {v}" for k, v in info["per_function"].items())
            print(f"{name:12} {info['roles']} roles ({per}) — {status}")
        else:
            print(f"{name:12} {info['departments']} departments, {info['positions']} positions, "
                  f"headcount {info['headcount']}, people {info['people']} — {status}")
    if not seeds:
        print("note: seed documents not found; originality check skipped")
    if rep.errors:
        print(f"\nFAILED with {len(rep.errors)} error(s):", file=sys.stderr)
        for e in rep.errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
