//! The consultant's tools: compare, the growth path, the KPI cascade and its findings, goal
//! periods, payroll cost.

use orgplan_core::compare::compare;
use orgplan_core::cost::{cost, Payroll};
use orgplan_core::edit::GoalPatch;
use orgplan_core::periods::{split, PeriodLevel};
use orgplan_core::validate::codes;
use orgplan_core::{
    apply, file, Cycle, Direction, Edit, EditError, Goal, GoalKind, GoalUnit, Lang, PlanDoc,
    PlanPatch, Position, PositionPatch,
};
use uuid::Uuid;

use crate::common::{pos, t0, team};

fn edit(doc: &PlanDoc, e: Edit) -> PlanDoc {
    apply(doc, e).expect("edit accepted")
}

/// A copy with fresh ids whose positions remember their seats, as a duplicated scenario has.
fn scenario_of(doc: &PlanDoc) -> PlanDoc {
    let mut copy = file::import(&file::export(doc), t0()).unwrap();
    for (c, p) in copy.positions.iter_mut().zip(&doc.positions) {
        std::sync::Arc::make_mut(c).lineage =
            Some(p.lineage.clone().unwrap_or_else(|| p.id.to_string()));
    }
    copy
}

fn titles<T>(items: &[T], f: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|x| f(x).to_string()).collect()
}

#[test]
fn compare_finds_every_kind_of_change() {
    let a = team("team-8");
    let mut b = scenario_of(&a);
    assert_ne!(a.positions[0].id, b.positions[0].id, "fresh ids");
    let manager = pos(&b, "店长");
    // Added.
    b = edit(
        &b,
        Edit::AddPosition {
            parent: manager,
            index: None,
            position: Position::blank(Uuid::new_v4(), "直播运营"),
        },
    );
    // Removed.
    b = edit(
        &b,
        Edit::DeletePosition {
            position: pos(&b, "财务组长"),
        },
    );
    // Moved: 售后客服 now reports to 售前客服.
    b = edit(
        &b,
        Edit::MovePosition {
            position: pos(&b, "售后客服"),
            new_parent: pos(&b, "售前客服"),
            index: None,
        },
    );
    // Renamed and resized.
    b = edit(
        &b,
        Edit::UpdatePosition {
            position: pos(&b, "视觉组长"),
            patch: PositionPatch {
                title: Some("视觉主管".into()),
                headcount: Some(3),
                ..Default::default()
            },
        },
    );
    // A duty of 数据分析组长 moves to 营销策划组长.
    let data = pos(&b, "数据分析组长");
    let duty = b.position(data).unwrap().duties[0].clone();
    let rest: Vec<String> = b.position(data).unwrap().duties[1..].to_vec();
    b = edit(
        &b,
        Edit::UpdatePosition {
            position: data,
            patch: PositionPatch {
                duties: Some(rest),
                ..Default::default()
            },
        },
    );
    let marketing = pos(&b, "营销策划组长");
    let mut duties = b.position(marketing).unwrap().duties.clone();
    duties.push(duty.clone());
    b = edit(
        &b,
        Edit::UpdatePosition {
            position: marketing,
            patch: PositionPatch {
                duties: Some(duties),
                ..Default::default()
            },
        },
    );

    let c = compare(&a, &b, Lang::Zh);
    assert_eq!(titles(&c.added, |p| &p.title), ["直播运营"]);
    assert_eq!(titles(&c.removed, |r| &r.position.title), ["财务组长"]);
    assert_eq!(
        c.removed[0].anchor,
        Some(pos(&b, "店长")),
        "a removed position hangs where its superior is now"
    );
    assert_eq!(c.moved.len(), 1);
    assert_eq!(
        (
            c.moved[0].position.title.as_str(),
            c.moved[0].before.as_str(),
            c.moved[0].after.as_str()
        ),
        ("售后客服", "店长", "售前客服")
    );
    assert_eq!(c.renamed.len(), 1);
    assert_eq!(
        (c.renamed[0].before.as_str(), c.renamed[0].after.as_str()),
        ("视觉组长", "视觉主管")
    );
    assert_eq!(c.headcount_changed.len(), 1);
    assert_eq!(
        (c.headcount_changed[0].before, c.headcount_changed[0].after),
        (1, 3)
    );
    assert_eq!(c.duties_moved.len(), 1);
    assert_eq!(c.duties_moved[0].duty, duty);
    assert_eq!(
        (
            c.duties_moved[0].from.title.as_str(),
            c.duties_moved[0].to.title.as_str()
        ),
        ("数据分析组长", "营销策划组长")
    );
    assert_eq!(c.matched.len(), a.positions.len() - 1);
    assert!(
        c.splits.is_empty(),
        "no growth step between a plan and its scenario"
    );

    // Cost: the removed finance lead and two more visual leads, midpoint to midpoint.
    let band = |doc: &PlanDoc, t: &str| doc.position(pos(doc, t)).unwrap().pay_band.unwrap();
    let fin = band(&a, "财务组长");
    let vis = band(&a, "视觉组长");
    let expected = -(i64::from(fin.min + fin.max) / 2) + 2 * i64::from(vis.min + vis.max) / 2;
    assert_eq!(c.cost_delta.monthly, expected);
    assert_eq!(c.cost_delta.yearly, expected * 12);
}

#[test]
fn comparing_a_plan_with_itself_finds_nothing() {
    let a = team("ops-center");
    let c = compare(&a, &scenario_of(&a), Lang::En);
    assert!(c.added.is_empty() && c.removed.is_empty() && c.moved.is_empty());
    assert!(c.renamed.is_empty() && c.headcount_changed.is_empty() && c.duties_moved.is_empty());
    assert_eq!(c.cost_delta.monthly, 0);
    assert_eq!(c.matched.len(), a.positions.len());
}

#[test]
fn consecutive_growth_stages_explain_each_split_and_the_hiring_order() {
    let (five, eight) = (team("team-5"), team("team-8"));
    let c = compare(&five, &eight, Lang::Zh);
    // The founder's operations + promotion seats become the manager and a marketing lead.
    let split = c
        .splits
        .iter()
        .find(|s| titles(&s.from, |p| &p.title) == ["店长/运营", "推广"])
        .expect("the operations + promotion split");
    assert_eq!(titles(&split.into, |p| &p.title), ["店长", "营销策划组长"]);
    assert!(split.reason.contains("推广"), "{}", split.reason);
    let cs = c
        .splits
        .iter()
        .find(|s| titles(&s.from, |p| &p.title) == ["客服"])
        .expect("customer service splits");
    assert_eq!(titles(&cs.into, |p| &p.title), ["售前客服", "售后客服"]);
    assert!(c.splits.iter().all(|s| !s.reason.is_empty()));
    // Matched seats are not "added": the manager carries on from 店长/运营.
    assert!(!c.added.iter().any(|p| p.title == "店长"));
    assert!(c
        .renamed
        .iter()
        .any(|r| r.before == "店长/运营" && r.after == "店长"));
    // Hiring order: every added seat, the growth path's order first.
    let order = titles(&c.hiring_order, |h| &h.position.title);
    assert_eq!(order[0], "售后客服");
    assert_eq!(c.hiring_order.len(), c.added.len());
    assert!(c.hiring_order[0].reason.contains("售后"));

    // Every stage of the path has splits and reasons, in English too.
    let path = orgplan_core::compare::growth_path();
    assert_eq!(path, ["team-5", "team-8", "team-30", "ops-center"]);
    for w in path.windows(2) {
        let c = compare(&team(&w[0]), &team(&w[1]), Lang::En);
        assert!(c.splits.len() >= 3, "{} → {}", w[0], w[1]);
        assert!(
            c.splits.iter().all(|s| s.reason.is_ascii()),
            "English reasons"
        );
        assert!(!c.hiring_order.is_empty());
    }
    // Backwards is not a growth step.
    assert!(compare(&eight, &five, Lang::Zh).splits.is_empty());
}

#[test]
fn cost_is_pay_band_times_headcount_per_department_and_in_total() {
    let doc = team("team-30");
    let c = cost(&doc);
    let (mut min, mut max) = (0u64, 0u64);
    for p in &doc.positions {
        let b = p.pay_band.expect("template positions have bands");
        min += u64::from(b.min) * u64::from(p.headcount);
        max += u64::from(b.max) * u64::from(p.headcount);
    }
    assert_eq!(c.monthly, Payroll { min, max });
    assert_eq!(
        c.yearly,
        Payroll {
            min: min * 12,
            max: max * 12
        }
    );
    assert_eq!(c.headcount, doc.total_headcount());
    let sum: u64 = c.departments.iter().map(|d| d.monthly.min).sum();
    assert_eq!(sum, min);
    // 客服专员 ×6 is in the CRM group's row.
    let crm = doc.departments.iter().find(|d| d.name == "CRM组").unwrap();
    let row = c
        .departments
        .iter()
        .find(|d| d.department == Some(crm.id))
        .unwrap();
    assert!(row.headcount >= 6);
    // A position without a band is counted as unpriced, not as zero silently.
    let cs = pos(&doc, "客服专员");
    let doc = edit(
        &doc,
        Edit::UpdatePosition {
            position: cs,
            patch: PositionPatch {
                pay_band: Some(None),
                ..Default::default()
            },
        },
    );
    let c2 = cost(&doc);
    assert_eq!(c2.unpriced, 1);
    assert!(c2.monthly.min < c.monthly.min);
}

fn goal(doc: &PlanDoc, name: &str) -> Goal {
    doc.goals
        .iter()
        .find(|g| g.name == name)
        .unwrap_or_else(|| panic!("goal {name}"))
        .clone()
}

fn codes_of(doc: &PlanDoc) -> Vec<String> {
    orgplan_core::validate(doc)
        .into_iter()
        .map(|f| f.code)
        .collect()
}

#[test]
fn templates_carry_goals_owned_by_kpis() {
    for t in orgplan_core::templates::template_ids() {
        let doc = team(t);
        let gmv = doc
            .goals
            .iter()
            .find(|g| g.kind == GoalKind::Gmv)
            .unwrap_or_else(|| panic!("{t} has a sales goal"));
        // Sales = traffic × conversion × basket, and the factors multiply out.
        let (product, target) = orgplan_core::cascade::factor_product(&doc, gmv).unwrap();
        assert!(
            (product - target).abs() / target < 0.01,
            "{t}: {product} vs {target}"
        );
        let f = codes_of(&doc);
        assert!(!f.iter().any(|c| c == codes::GOAL_UNOWNED), "{t}: {f:?}");
        assert!(!f.iter().any(|c| c == codes::GOAL_FACTORS), "{t}");
        let cascade = orgplan_core::cascade::cascade(&doc);
        assert_eq!(cascade.len(), doc.goals.len());
        for node in &cascade {
            assert!(!node.links.is_empty(), "{t}: {} has owners", node.goal.name);
            let depths: Vec<u32> = node.links.iter().map(|l| l.depth).collect();
            assert_eq!(
                depths[0],
                *depths.iter().min().unwrap(),
                "top of the tree first"
            );
        }
    }
    // The seeds' targets: 20万 a month, margin ≥ 50%, promotion ≤ 20%, repeat 30%.
    let eight = team("team-8");
    let sales = goal(&eight, "月销售额");
    assert_eq!((sales.target, sales.period), (200_000.0, Cycle::Monthly));
    assert_eq!(goal(&eight, "毛利率").target, 50.0);
    let promo = goal(&eight, "推广费用占销售额比例");
    assert_eq!((promo.target, promo.direction), (20.0, Direction::AtMost));
    assert_eq!(goal(&eight, "回头客占比").target, 30.0);
}

#[test]
fn the_cascade_runs_from_the_goal_down_the_tree() {
    let doc = team("ops-center");
    let cascade = orgplan_core::cascade::cascade(&doc);
    // Sub-goals follow their goal, one level deeper.
    let i = cascade
        .iter()
        .position(|n| n.goal.kind == GoalKind::Gmv)
        .unwrap();
    assert_eq!(cascade[i].depth, 0);
    assert_eq!(cascade[i + 1].depth, 1);
    assert_eq!(cascade[i + 1].goal.parent, Some(cascade[i].goal.id));
    // The director owns the sales goal at the top; deeper positions follow.
    assert_eq!(cascade[i].links[0].title, "运营总监");
    let conversion = cascade
        .iter()
        .find(|n| n.goal.kind == GoalKind::Conversion)
        .unwrap();
    assert!(conversion.links.iter().any(|l| l.title == "策划主管"));
    let promo = cascade
        .iter()
        .find(|n| n.goal.kind == GoalKind::PromotionCost)
        .unwrap();
    assert!(promo.links.iter().any(|l| l.metric.contains("ROI")));
}

#[test]
fn cascade_findings_flag_unowned_goals_unlinked_kpis_and_bad_factors() {
    let doc = team("team-8");
    assert!(
        codes_of(&doc).iter().any(|c| c == codes::KPI_UNLINKED),
        "some KPIs serve no goal"
    );
    // Unlink every KPI of the repeat-buyer goal: the goal is now unowned.
    let repeat = goal(&doc, "回头客占比").id;
    let mut next = doc.clone();
    for p in doc
        .positions
        .iter()
        .filter(|p| p.kpis.iter().any(|k| k.goal == Some(repeat)))
    {
        let kpis = p
            .kpis
            .iter()
            .cloned()
            .map(|mut k| {
                if k.goal == Some(repeat) {
                    k.goal = None;
                }
                k
            })
            .collect();
        next = edit(
            &next,
            Edit::UpdatePosition {
                position: p.id,
                patch: PositionPatch {
                    kpis: Some(kpis),
                    ..Default::default()
                },
            },
        );
    }
    let findings = orgplan_core::validate(&next);
    let f = findings
        .iter()
        .find(|f| f.code == codes::GOAL_UNOWNED)
        .expect("unowned goal flagged");
    assert_eq!(f.goal, Some(repeat));
    // Doubling the sales target breaks traffic × conversion × basket.
    let sales = goal(&doc, "月销售额").id;
    let next = edit(
        &doc,
        Edit::UpdateGoal {
            goal: sales,
            patch: GoalPatch {
                target: Some(400_000.0),
                ..Default::default()
            },
        },
    );
    assert!(codes_of(&next).iter().any(|c| c == codes::GOAL_FACTORS));
    // A plan without goals does not nag about unlinked KPIs.
    let mut bare = doc.clone();
    bare.goals.clear();
    for p in &mut bare.positions {
        for k in &mut std::sync::Arc::make_mut(p).kpis {
            k.goal = None;
        }
    }
    assert!(!codes_of(&bare).iter().any(|c| c == codes::KPI_UNLINKED));
}

#[test]
fn goal_edits_are_checked_and_removing_a_goal_relinks_its_kpis() {
    let doc = team("team-8");
    let conversion = goal(&doc, "转化率");
    let sales = goal(&doc, "月销售额");
    let linked = doc
        .positions
        .iter()
        .flat_map(|p| &p.kpis)
        .filter(|k| k.goal == Some(conversion.id))
        .count();
    assert!(linked > 0);
    let next = edit(
        &doc,
        Edit::RemoveGoal {
            goal: conversion.id,
        },
    );
    assert!(next.goal(conversion.id).is_none());
    let relinked = next
        .positions
        .iter()
        .flat_map(|p| &p.kpis)
        .filter(|k| k.goal == Some(sales.id))
        .count();
    let before = doc
        .positions
        .iter()
        .flat_map(|p| &p.kpis)
        .filter(|k| k.goal == Some(sales.id))
        .count();
    assert_eq!(
        relinked,
        before + linked,
        "its KPIs now serve the sales goal"
    );

    // A sub-goal of itself, a bad target and a link to a goal that is not there are refused.
    let cycle = apply(
        &doc,
        Edit::UpdateGoal {
            goal: sales.id,
            patch: GoalPatch {
                parent: Some(Some(conversion.id)),
                ..Default::default()
            },
        },
    );
    assert!(matches!(cycle, Err(EditError::Invalid { .. })), "{cycle:?}");
    for bad in [f64::NAN, -1.0, f64::INFINITY, 1e13] {
        let r = apply(
            &doc,
            Edit::UpdateGoal {
                goal: sales.id,
                patch: GoalPatch {
                    target: Some(bad),
                    ..Default::default()
                },
            },
        );
        assert!(r.is_err(), "target {bad} refused");
    }
    let p = &doc.positions[1];
    let mut kpis = p.kpis.clone();
    kpis[0].goal = Some(Uuid::new_v4());
    let r = apply(
        &doc,
        Edit::UpdatePosition {
            position: p.id,
            patch: PositionPatch {
                kpis: Some(kpis),
                ..Default::default()
            },
        },
    );
    assert!(
        matches!(r, Err(EditError::NotFound { what: "goal", .. })),
        "{r:?}"
    );
    let blank = Goal {
        id: Uuid::new_v4(),
        parent: None,
        name: "  ".into(),
        name_en: String::new(),
        kind: GoalKind::Other,
        unit: GoalUnit::Count,
        direction: Direction::AtLeast,
        target: 1.0,
        period: Cycle::Yearly,
    };
    assert!(
        apply(&doc, Edit::AddGoal { goal: blank }).is_err(),
        "a goal needs a name"
    );
}

#[test]
fn a_logo_must_be_a_small_image() {
    let doc = team("team-5");
    let set = |logo: &str| {
        apply(
            &doc,
            Edit::UpdatePlan {
                patch: PlanPatch {
                    logo: Some(Some(logo.to_string())),
                    ..Default::default()
                },
            },
        )
    };
    let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    let ok = set(png).expect("a PNG is accepted");
    assert_eq!(ok.plan.logo.as_deref(), Some(png));
    assert!(
        set("data:image/svg+xml;base64,PHN2Zz4=").is_err(),
        "SVG can carry scripts"
    );
    assert!(
        set("https://example.com/logo.png").is_err(),
        "no remote images"
    );
    assert!(set("data:image/png;base64,<script>").is_err());
    let huge = format!("data:image/png;base64,{}", "A".repeat(2_000_000));
    assert!(set(&huge).is_err(), "over 1 MB");
    // And it can be removed again.
    let removed = apply(
        &ok,
        Edit::UpdatePlan {
            patch: PlanPatch {
                logo: Some(None),
                ..Default::default()
            },
        },
    )
    .unwrap();
    assert_eq!(removed.plan.logo, None);
}

#[test]
fn targets_split_over_the_year_with_campaign_peaks() {
    let doc = team("team-8");
    let sales = goal(&doc, "月销售额");
    let periods = split(&sales, 2027);
    let sum = |level: PeriodLevel| -> f64 {
        periods
            .iter()
            .filter(|p| p.level == level)
            .map(|p| p.target)
            .sum()
    };
    let year = periods[0].target;
    assert_eq!(periods[0].level, PeriodLevel::Year);
    assert!((year - 2_400_000.0).abs() < 1e-6, "twelve months of 20万");
    for level in [
        PeriodLevel::Half,
        PeriodLevel::Quarter,
        PeriodLevel::Month,
        PeriodLevel::Week,
    ] {
        assert!(
            (sum(level) - year).abs() < 1e-3,
            "{level:?} adds up to the year"
        );
    }
    assert_eq!(
        periods
            .iter()
            .filter(|p| p.level == PeriodLevel::Week)
            .count(),
        48
    );
    let month = |m: &str| periods.iter().find(|p| p.label == m).unwrap();
    assert!(
        month("2027-11").target > 2.0 * month("2027-10").target,
        "双11 weighs most"
    );
    assert!(month("2027-06").target > month("2027-05").target, "618");
    assert_eq!(month("2027-11").peak.as_deref(), Some("双11"));
    assert_eq!(month("2027-06 W3").peak.as_deref(), Some("618"));
    assert!(month("2027-06 W3").target > month("2027-06 W1").target);
    assert_eq!(month("2027-12").end.to_string(), "2027-12-31");
    assert_eq!(month("2027-02 W4").end.to_string(), "2027-02-28");
    // A rate holds in every period.
    let conversion = goal(&doc, "转化率");
    for p in split(&conversion, 2027) {
        assert_eq!(p.target, conversion.target);
    }
}

#[test]
fn goals_and_links_round_trip_through_the_plan_file() {
    let doc = team("team-30");
    let text = file::export(&doc);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["goals"].as_array().unwrap().len(), doc.goals.len());
    let kpi = &value["positions"][0]["kpis"][0];
    assert!(kpi["goal"].is_string(), "{kpi}");
    let back = file::import(&text, t0()).unwrap();
    assert_eq!(back.goals.len(), doc.goals.len());
    let again = file::export(&back);
    // Same file apart from fresh ids.
    let ids = |s: &str| {
        s.split('"')
            .map(|w| if Uuid::parse_str(w).is_ok() { "ID" } else { w })
            .collect::<Vec<_>>()
            .join("\"")
    };
    assert_eq!(ids(&text), ids(&again));
    // A link to a goal the file does not have is refused with its place. (Goals come last in
    // the file, so the first occurrence of the id is this link.)
    let bad = text.replacen(kpi["goal"].as_str().unwrap(), "no-such-goal", 1);
    let e = file::import(&bad, t0()).unwrap_err();
    assert!(e.to_string().contains("positions[0].kpis[0].goal"), "{e}");
}

/// The commands a consultant's screens use, through the command table as the UI calls them.
#[test]
fn the_command_table_compares_duplicates_and_edits_goals() {
    use orgplan_api::{dispatch, Ctx};
    use serde_json::{json, Value};
    let dir = tempfile::tempdir().unwrap();
    let store = orgplan_store::Store::open(&dir.path().join("c.db")).unwrap();
    let mut ctx = Ctx::new(store, Lang::Zh);
    let mut call = |command: &str, args: Value| dispatch(&mut ctx, command, args);
    let five = call("create_plan", json!({"template": "team-5", "name": "五人"})).unwrap();
    let eight = call("create_plan", json!({"template": "team-8", "name": "八人"})).unwrap();
    assert!(
        five["cost"]["monthly"]["min"].as_u64().unwrap() > 0,
        "cost comes with the plan"
    );

    let c = call("compare_plans", json!({"a": "五人", "b": "八人"})).unwrap();
    for key in [
        "added",
        "removed",
        "moved",
        "renamed",
        "headcount_changed",
        "splits",
    ] {
        assert!(c[key].is_array(), "{key}");
    }
    assert!(!c["splits"].as_array().unwrap().is_empty());
    assert!(c["cost_delta"]["monthly"].is_i64());

    // A scenario of team-8, edited, compares against its base.
    let copy = call(
        "duplicate_plan",
        json!({"plan": "八人", "name": "八人-方案B", "scenario": true}),
    )
    .unwrap();
    let eight_id = eight["doc"]["plan"]["id"].clone();
    assert_eq!(copy["doc"]["plan"]["scenario_of"], eight_id);
    let plans = call("list_plans", json!({})).unwrap();
    let listed = plans
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "八人-方案B")
        .unwrap();
    assert_eq!(listed["scenario_of"], eight_id);
    let same = call("compare_plans", json!({"a": "八人", "b": "八人-方案B"})).unwrap();
    assert!(same["added"].as_array().unwrap().is_empty());
    assert!(same["removed"].as_array().unwrap().is_empty());

    // Goals: add, link, split over a year, remove, undo.
    let added = call(
        "add_goal",
        json!({"plan": "八人-方案B", "name": "双11 销售额", "kind": "gmv", "target": 1_000_000.0, "period": "yearly"}),
    )
    .unwrap();
    let goal = added["created"].clone();
    assert_eq!(
        added["doc"]["goals"].as_array().unwrap().last().unwrap()["unit"],
        "yuan"
    );
    let unowned = added["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "goal_unowned" && f["goal"] == goal);
    assert!(unowned, "a new goal has no owner yet");
    let periods = call(
        "goal_periods",
        json!({"plan": "八人-方案B", "goal": goal, "year": 2027}),
    )
    .unwrap();
    assert_eq!(periods[0]["target"], 1_000_000.0);
    let cascade = call("plan_cascade", json!({"plan": "八人-方案B"})).unwrap();
    assert!(cascade
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["goal"]["id"] == goal));
    let renamed = call(
        "update_goal",
        json!({"plan": "八人-方案B", "goal": goal, "target": 2_000_000.0}),
    )
    .unwrap();
    let g = renamed["doc"]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == goal)
        .unwrap()
        .clone();
    assert_eq!(g["target"], 2_000_000.0);
    let e = call(
        "update_goal",
        json!({"plan": "八人-方案B", "goal": goal, "target": -5}),
    )
    .unwrap_err();
    assert_eq!(e.kind, orgplan_api::ErrorKind::InvalidInput);
    let e = call(
        "update_goal",
        json!({"plan": "八人-方案B", "goal": goal, "colour": 1}),
    )
    .unwrap_err();
    assert_eq!(
        e.kind,
        orgplan_api::ErrorKind::BadArguments,
        "unknown fields are refused"
    );
    let removed = call("remove_goal", json!({"plan": "八人-方案B", "goal": goal})).unwrap();
    assert!(!removed["doc"]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["id"] == goal));
    let back = call("undo", json!({"plan": "八人-方案B"})).unwrap();
    assert!(back["doc"]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["id"] == goal));

    // A logo that is not an image is refused by kind; a PNG is kept.
    let e = call(
        "update_plan",
        json!({"plan": "五人", "logo": "data:text/html;base64,PGI+"}),
    )
    .unwrap_err();
    assert_eq!(e.kind, orgplan_api::ErrorKind::InvalidInput);
    let png = "data:image/png;base64,iVBORw0KGgo=";
    let ok = call("update_plan", json!({"plan": "五人", "logo": png})).unwrap();
    assert_eq!(ok["doc"]["plan"]["logo"], png);
}

/// The goals view's "standard goals" button: several goals in one edit, undone in one step,
/// and refused whole when one of them is wrong.
#[test]
fn several_goals_are_one_edit() {
    use orgplan_api::{dispatch, Ctx, ErrorKind};
    use serde_json::{json, Value};
    let dir = tempfile::tempdir().unwrap();
    let store = orgplan_store::Store::open(&dir.path().join("g.db")).unwrap();
    let mut ctx = Ctx::new(store, Lang::Zh);
    let mut call = |command: &str, args: Value| dispatch(&mut ctx, command, args);
    let plan = call("create_plan", json!({"name": "空白"})).unwrap();
    let id = plan["doc"]["plan"]["id"].clone();
    let before = plan["doc"]["goals"].as_array().unwrap().len();
    let goals = json!([
        {"name": "月销售额", "kind": "gmv", "target": 200000.0},
        {"name": "毛利率", "kind": "margin", "target": 50.0},
        {"name": "推广费用占比", "kind": "promotion_cost", "target": 20.0},
        {"name": "回头客占比", "kind": "repeat", "target": 30.0},
    ]);
    let added = call("add_goals", json!({"plan": id, "goals": goals})).unwrap();
    let after = added["doc"]["goals"].as_array().unwrap();
    assert_eq!(after.len(), before + 4);
    let names: Vec<&str> = after[before..]
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["月销售额", "毛利率", "推广费用占比", "回头客占比"]);
    // Units and directions default from the kind.
    assert_eq!(after[before]["unit"], "yuan");
    assert_eq!(after[before + 2]["direction"], "at_most");
    assert_eq!(added["created"], after[before]["id"]);

    let undone = call("undo", json!({"plan": id})).unwrap();
    assert_eq!(undone["doc"]["goals"].as_array().unwrap().len(), before);

    let e = call(
        "add_goals",
        json!({"plan": id, "goals": [
            {"name": "月销售额", "kind": "gmv", "target": 200000.0},
            {"name": "毛利率", "kind": "margin", "target": -5.0},
        ]}),
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    let now = call("get_plan", json!({"plan": id})).unwrap();
    assert_eq!(now["doc"]["goals"].as_array().unwrap().len(), before);
    // Unknown fields are refused, in a goal of the list as in a single goal.
    for (command, args) in [
        (
            "add_goals",
            json!({"plan": id, "goals": [{"name": "x", "kind": "gmv", "target": 1.0, "colour": "red"}]}),
        ),
        (
            "add_goal",
            json!({"plan": id, "name": "x", "kind": "gmv", "target": 1.0, "colour": "red"}),
        ),
    ] {
        assert_eq!(
            call(command, args).unwrap_err().kind,
            ErrorKind::BadArguments
        );
    }
}
