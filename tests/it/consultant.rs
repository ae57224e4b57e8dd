//! The consultant's tools: compare, the growth path, the KPI cascade and its findings, goal
//! periods, payroll cost.

use orgplan_core::compare::compare;
use orgplan_core::compare::PayrollDelta;
use orgplan_core::cost::{figures, Payroll};
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

    // Cost: the removed finance lead and two more visual leads (all vacant seats, costed at
    // their bands), low end to low end and high end to high end.
    let band = |doc: &PlanDoc, t: &str| doc.position(pos(doc, t)).unwrap().pay_band.unwrap();
    let fin = band(&a, "财务组长");
    let vis = band(&a, "视觉组长");
    let expected = PayrollDelta {
        min: -i64::from(fin.min) + 2 * i64::from(vis.min),
        max: -i64::from(fin.max) + 2 * i64::from(vis.max),
    };
    assert_eq!(c.cost_delta.monthly, expected);
    assert_eq!(
        c.cost_delta.yearly,
        PayrollDelta {
            min: expected.min * 12,
            max: expected.max * 12
        }
    );
    // People: 直播运营 added, 财务组长 gone, two more 视觉 seats: all vacancies to fill.
    assert_eq!((c.a.people, c.b.people), (8, 10));
    assert_eq!(c.hires, 3);
    assert_eq!(
        titles(&c.hiring_order, |h| &h.position.title),
        ["视觉主管", "直播运营"],
        "tree order where the growth path says nothing"
    );
    assert_eq!(c.hiring_order[0].count, 2);
}

#[test]
fn comparing_a_plan_with_itself_finds_nothing() {
    let a = team("ops-center");
    let c = compare(&a, &scenario_of(&a), Lang::En);
    assert!(c.added.is_empty() && c.removed.is_empty() && c.moved.is_empty());
    assert!(c.renamed.is_empty() && c.headcount_changed.is_empty() && c.duties_moved.is_empty());
    assert_eq!(c.cost_delta.monthly, PayrollDelta::default());
    assert_eq!(c.hires, 0);
    assert!(c.leavers.is_empty() && c.seat_splits.is_empty());
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
    // People, not seats: five people covering ten seats grow into eight people.
    assert_eq!((c.a.people, c.b.people), (5, 8));
    assert_eq!((c.a.headcount, c.b.headcount), (10, 8));
    // The five carry on into the seats theirs became; three new people are to be found, in
    // the growth path's order, each named by the seat they fill.
    assert_eq!(c.hires, 3);
    let order = titles(&c.hiring_order, |h| &h.position.title);
    assert_eq!(order, ["售后客服", "营销策划组长", "数据分析组长"]);
    assert!(c.hiring_order.iter().all(|h| h.count == 1));
    assert!(c.hiring_order[0].reason.contains("售后"));
    assert!(c.leavers.is_empty(), "{:?}", c.leavers);
    // The manager who also ran promotion keeps the store and hands promotion over: a split of
    // a shared seat, not a hire.
    let li = c
        .seat_splits
        .iter()
        .find(|s| s.kept.title == "店长")
        .expect("the manager's shared seats split");
    assert_eq!(titles(&li.handed, |p| &p.title), ["营销策划组长"]);
    assert!(li.reason.contains("推广"), "{}", li.reason);
    // The cost delta is the real payroll difference: plan_summary's figures of both plans.
    let (fa, fb) = (figures(&five), figures(&eight));
    assert_eq!(c.cost_delta.monthly_a, fa.payroll_monthly);
    assert_eq!(c.cost_delta.monthly_b, fb.payroll_monthly);
    assert_eq!(
        c.cost_delta.monthly,
        PayrollDelta::between(fa.payroll_monthly, fb.payroll_monthly)
    );

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
fn payroll_of_vacant_seats_is_band_times_headcount_per_department_and_in_total() {
    let doc = team("team-30");
    let c = figures(&doc);
    let (mut min, mut max) = (0u64, 0u64);
    for p in &doc.positions {
        let b = p.pay_band.expect("template positions have bands");
        min += u64::from(b.min) * u64::from(p.headcount);
        max += u64::from(b.max) * u64::from(p.headcount);
    }
    // Nobody is in the plan yet: every seat is a vacancy, costed at its band.
    assert_eq!(c.payroll_monthly, Payroll { min, max });
    assert_eq!(c.payroll_vacancies, c.payroll_monthly);
    assert_eq!(c.payroll_filled, Payroll::default());
    assert_eq!(
        c.payroll_yearly,
        Payroll {
            min: min * 12,
            max: max * 12
        }
    );
    assert_eq!((c.people, c.headcount), (30, doc.total_headcount()));
    let sum: u64 = c.departments.iter().map(|d| d.payroll_monthly.min).sum();
    assert_eq!(sum, min);
    let people: u32 = c.departments.iter().map(|d| d.people).sum();
    assert_eq!(people, c.people);
    // 客服专员 ×6 is in the CRM group's row.
    let crm = doc.departments.iter().find(|d| d.name == "CRM组").unwrap();
    let row = c.department(Some(crm.id)).unwrap();
    assert!(row.headcount >= 6 && row.people >= 6);
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
    let c2 = figures(&doc);
    assert_eq!(c2.unpriced, 1);
    assert!(c2.payroll_monthly.min < c.payroll_monthly.min);
}

#[test]
fn people_and_seats_are_two_numbers() {
    // team-5: five people covering ten seats part-time.
    let five = team("team-5");
    let f = figures(&five);
    assert_eq!((f.people, f.persons, f.headcount), (5, 5, 10));
    assert_eq!(
        (f.seats_fte, f.filled_fte, f.vacancies_fte),
        (5.0, 5.0, 0.0)
    );
    assert_eq!(f.multi_seat, 4);
    // Each person is paid once, share-weighted over the seats they hold: 李娜 is 60 % 店长/运营
    // and 40 % 推广, so she costs 0.6 × the manager's band + 0.4 × promotion's.
    let band = |t: &str| five.position(pos(&five, t)).unwrap().pay_band;
    let (shop, promo) = (band("店长/运营").unwrap(), band("推广").unwrap());
    let li_min = (0.6 * f64::from(shop.min) + 0.4 * f64::from(promo.min)).round() as u64;
    let of = |t: &str| f.position(pos(&five, t)).unwrap().payroll_monthly.unwrap();
    assert_eq!(of("店长/运营").min + of("推广").min, li_min);
    // The owner's seat has no band: unpriced, and 王磊's 60 % there adds nothing.
    assert!(band("总经理").is_none());
    assert_eq!(f.unpriced, 1);
    // Departments add up to the plan; the top position leads all five; 店长/运营 leads 李娜
    // (her main seat) and 张婷 and 刘洋 (美工 and 客服 report to her).
    assert_eq!(f.departments.iter().map(|d| d.people).sum::<u32>(), 5);
    let root = five.root().unwrap().id;
    assert_eq!(f.position(root).unwrap().team_people, 5);
    assert_eq!(f.position(pos(&five, "店长/运营")).unwrap().team_people, 3);
    let li = five.people.iter().find(|p| p.name == "李娜").unwrap();
    let lf = f.person(li.id).unwrap();
    assert_eq!((lf.total_share, lf.overloaded), (100, false));
    assert_eq!(lf.main_seat, Some(pos(&five, "店长/运营")));
    let min: u64 = f.departments.iter().map(|d| d.payroll_monthly.min).sum();
    assert_eq!(min, f.payroll_monthly.min);
    assert_eq!(f.payroll_vacancies, Payroll::default());

    // A person on three seats is one person; a part-timer counts at their share; a seat with
    // 编制 3 and one holder leaves two vacancies.
    let eight = team("team-8");
    let manager = pos(&eight, "店长");
    let presale = pos(&eight, "售前客服");
    let mut doc = edit(
        &eight,
        Edit::UpdatePosition {
            position: presale,
            patch: PositionPatch {
                headcount: Some(3),
                ..Default::default()
            },
        },
    );
    let person = orgplan_core::Id::from_u128(7);
    doc = edit(
        &doc,
        Edit::AddPerson {
            person: orgplan_core::Person::new(person, "周敏", vec![]),
        },
    );
    for (position, share) in [(manager, 50), (presale, 50)] {
        doc = edit(
            &doc,
            Edit::Assign {
                person,
                position,
                share,
            },
        );
    }
    let f = figures(&doc);
    // 1 person + 7 vacancies (店长 filled, 售前客服 3 − 1, six other seats).
    assert_eq!(f.persons, 1);
    assert_eq!(f.people, 1 + 2 + 6);
    assert_eq!(f.headcount, 10);
    assert_eq!(f.vacancies_fte, 8.0);
    assert_eq!(f.filled_fte, 1.0);
    assert_eq!(f.seats_fte, 9.0);
    let p = f.position(presale).unwrap();
    assert_eq!((p.holders, p.vacancies, p.filled_fte), (1, 2, 0.5));
    // Overloaded: 周敏 at 100 % + 50 % is still paid one full-time salary at most.
    doc = edit(
        &doc,
        Edit::Assign {
            person,
            position: manager,
            share: 100,
        },
    );
    let f2 = figures(&doc);
    let m = doc.position(manager).unwrap().pay_band.unwrap();
    let s = doc.position(presale).unwrap().pay_band.unwrap();
    let paid = f2.position(manager).unwrap().payroll_filled.unwrap().max
        + f2.position(presale).unwrap().payroll_filled.unwrap().max;
    let expected = (f64::from(m.max) * 100.0 / 150.0 + f64::from(s.max) * 50.0 / 150.0).round();
    assert!(
        (paid as f64 - expected).abs() <= 1.0,
        "{paid} vs {expected}"
    );
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
        let f = orgplan_core::cascade::factors(&doc, gmv).unwrap();
        let (product, target) = (f.product, f.target);
        assert!(
            (product - target).abs() / target < 0.01 && !f.off,
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
    let factors = |d: &PlanDoc| {
        let g = d.goal(sales).unwrap();
        orgplan_core::cascade::factors(d, g)
    };
    assert!(factors(&next).unwrap().off);
    // Within 5 % is not off, and the cascade carries the same product.
    let near = edit(
        &doc,
        Edit::UpdateGoal {
            goal: sales,
            patch: GoalPatch {
                target: Some(209_000.0),
                ..Default::default()
            },
        },
    );
    let f = factors(&near).unwrap();
    assert!(!f.off && f.product == 200_000.0, "{f:?}");
    let node = orgplan_core::cascade::cascade(&near)
        .into_iter()
        .find(|n| n.goal.id == sales)
        .unwrap();
    assert_eq!(node.factors, Some(f));
    // All three factors must be in the goal's period.
    let basket = goal(&doc, "客单价").id;
    let weekly = edit(
        &doc,
        Edit::UpdateGoal {
            goal: basket,
            patch: GoalPatch {
                period: Some(orgplan_core::Cycle::Weekly),
                ..Default::default()
            },
        },
    );
    assert!(factors(&weekly).is_none());
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
    // A monthly floor of 20万 holds in every month: no month is below it, the campaign months
    // are above it, so the year is more than twelve months of 20万.
    let months: Vec<_> = periods
        .iter()
        .filter(|p| p.level == PeriodLevel::Month)
        .collect();
    assert!(
        months.iter().all(|m| m.target >= 200_000.0 - 1e-6),
        "{months:?}"
    );
    assert!(
        (months[1].target - 200_000.0).abs() < 1e-6,
        "February: the floor"
    );
    assert!(year > 2_400_000.0, "{year}");
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
        months.iter().all(|m| m.target <= month("2027-11").target)
            && month("2027-11").target > 1.5 * month("2027-10").target,
        "双11 weighs most"
    );
    assert!(month("2027-06").target > month("2027-05").target, "618");
    assert_eq!(month("2027-11").peak.as_deref(), Some("双11"));
    assert_eq!(month("2027-06 W3").peak.as_deref(), Some("618"));
    assert!(month("2027-06 W3").target > month("2027-06 W1").target);
    assert_eq!(month("2027-12").end.to_string(), "2027-12-31");
    assert_eq!(month("2027-02 W4").end.to_string(), "2027-02-28");
    // A quarterly floor holds in every quarter (ops-center's 600万 a quarter), and a yearly
    // target is shared out exactly.
    let ops = team("ops-center");
    let quarterly = goal(&ops, "季度销售额");
    let q = split(&quarterly, 2027);
    let quarters: Vec<f64> = q
        .iter()
        .filter(|p| p.level == PeriodLevel::Quarter)
        .map(|p| p.target)
        .collect();
    assert!(
        quarters.iter().all(|t| *t >= quarterly.target - 1e-6),
        "{quarters:?}"
    );
    assert!(quarters[3] > quarterly.target, "Q4 carries 双11 and 双12");
    let yearly = Goal {
        period: orgplan_core::Cycle::Yearly,
        target: 3_000_000.0,
        ..sales.clone()
    };
    let y = split(&yearly, 2027);
    assert!((y[0].target - 3_000_000.0).abs() < 1e-6);
    // A weekly ceiling is never exceeded by any week.
    let ceiling = Goal {
        period: orgplan_core::Cycle::Weekly,
        direction: orgplan_core::Direction::AtMost,
        kind: orgplan_core::GoalKind::Other,
        unit: orgplan_core::GoalUnit::Count,
        target: 100.0,
        ..sales.clone()
    };
    assert!(split(&ceiling, 2027)
        .iter()
        .filter(|p| p.level == PeriodLevel::Week)
        .all(|w| w.target <= 100.0 + 1e-9));
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
        five["figures"]["payroll_monthly"]["min"].as_u64().unwrap() > 0,
        "figures come with the plan"
    );
    assert_eq!(five["figures"]["people"], 5);
    assert_eq!(eight["figures"]["people"], 8);
    let summary = call("plan_summary", json!({"plan": "五人"})).unwrap();
    assert_eq!(
        summary, five["figures"],
        "plan_summary is the plan state's figures"
    );
    assert_eq!(summary["seats_fte"], 5.0);
    assert!(
        summary["departments"].as_array().unwrap().len() >= 3,
        "per department"
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
    assert!(c["cost_delta"]["monthly"]["min"].is_i64());

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
