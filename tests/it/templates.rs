//! The built-in templates follow the seeds' structures and headcounts; the role library covers
//! every function.

use std::collections::HashSet;

use orgplan_core::cost::figures;
use orgplan_core::templates::{roles, templates};
use orgplan_core::{Function, PlanDoc};

use crate::common::*;

fn dept_of(doc: &PlanDoc, title: &str) -> String {
    let p = doc.position(pos(doc, title)).unwrap();
    doc.department(p.department.expect("has a department"))
        .unwrap()
        .name
        .clone()
}

fn headcount(doc: &PlanDoc, title: &str) -> u32 {
    doc.position(pos(doc, title)).unwrap().headcount
}

#[test]
fn every_template_position_is_complete() {
    for t in orgplan_core::templates::template_ids() {
        let doc = team(t);
        for p in &doc.positions {
            let at = format!("{t}/{}", p.title);
            assert!(p.duties.len() >= 4, "{at}: at least 4 duties");
            assert!((2..=5).contains(&p.kpis.len()), "{at}: 2–5 KPIs");
            assert_eq!(
                p.kpi_weight_total(),
                orgplan_core::Weight::FULL,
                "{at}: weights sum to 100"
            );
            assert!(!p.functions.is_empty(), "{at}: function tags");
            assert!(!p.title_en.is_empty(), "{at}: English title");
            assert!(!p.purpose.is_empty(), "{at}: purpose");
            assert!(p.department.is_some(), "{at}: department");
        }
        assert_eq!(doc.plan.template.as_deref(), Some(t));
    }
}

#[test]
fn team_5_is_five_generalists_in_more_seats() {
    let doc = team("team-5");
    assert_eq!(doc.people.len(), 5);
    assert!(doc.positions.len() > 5);
    assert_eq!(doc.plan.target_size, 5);
    for person in &doc.people {
        assert_eq!(person.total_share(), 100, "{}", person.name);
    }
    assert!(
        doc.people
            .iter()
            .filter(|p| p.assignments.len() > 1)
            .count()
            >= 3
    );
    for p in &doc.positions {
        assert_eq!(doc.filled(p.id), p.headcount, "{} is held", p.title);
    }
    // The operator also runs promotion; the designer also writes copy and lists products.
    let holder = |title: &str| {
        let id = pos(&doc, title);
        doc.people
            .iter()
            .find(|p| p.assignments.iter().any(|a| a.position == id))
            .unwrap()
            .name
            .clone()
    };
    assert_eq!(holder("店长/运营"), holder("推广"));
    assert_eq!(holder("美工"), holder("文案/上架"));
    assert_eq!(holder("仓管/发货"), holder("采购"));
    assert_eq!(holder("财务"), holder("数据分析"));
}

#[test]
fn team_8_is_a_manager_two_service_seats_and_five_leads() {
    let doc = team("team-8");
    assert_eq!(doc.total_headcount(), 8);
    assert_eq!(doc.plan.target_size, 8);
    let root = doc.root().unwrap();
    assert_eq!(root.title, "店长");
    let kids = children(&doc, root.id);
    for t in [
        "售前客服",
        "售后客服",
        "财务组长",
        "产品组长",
        "视觉组长",
        "营销策划组长",
        "数据分析组长",
    ] {
        assert!(kids.contains(&t.to_string()), "{t} reports to 店长");
    }
    // Customer service escalates claims and discounts beyond policy to 店长.
    for cs in ["售前客服", "售后客服"] {
        let p = doc.position(pos(&doc, cs)).unwrap();
        assert!(
            p.escalations.iter().any(|e| e.to == root.id),
            "{cs} escalates to 店长"
        );
    }
    let after = doc.position(pos(&doc, "售后客服")).unwrap();
    let whens: String = after.escalations.iter().map(|e| e.when.clone()).collect();
    assert!(whens.contains("索赔") || whens.contains("赔"), "{whens}");
    assert!(doc.positions.iter().all(|p| p.headcount == 1));
}

#[test]
fn team_30_has_the_six_groups_and_thirty_people() {
    let doc = team("team-30");
    assert_eq!(doc.total_headcount(), 30);
    assert_eq!(figures(&doc).people, 30);
    assert_eq!(doc.root().unwrap().title, "店长");
    assert_eq!(
        parent_title(&doc, pos(&doc, "渠道组长")).as_deref(),
        Some("店长")
    );
    for (title, lead) in [
        ("产品分析专员", "数据分析组长"),
        ("市场分析专员", "数据分析组长"),
        ("会员营销专员", "CRM组长"),
        ("客服专员", "CRM组长"),
        ("仓库管理", "CRM组长"),
        ("投放管理专员", "付费推广组长"),
        ("官方资源专员", "付费推广组长"),
        ("供应链专员", "产品组长"),
        ("商务拓展专员", "产品组长"),
        ("美工", "美工组长"),
    ] {
        assert_eq!(
            parent_title(&doc, pos(&doc, title)).as_deref(),
            Some(lead),
            "{title}"
        );
    }
    let covered: HashSet<Function> = doc
        .positions
        .iter()
        .flat_map(|p| p.functions.clone())
        .collect();
    assert_eq!(covered.len(), 12);
}

#[test]
fn ops_center_has_the_seed_headcounts() {
    let doc = team("ops-center");
    assert_eq!(doc.root().unwrap().title, "运营总监");
    assert_eq!(headcount(&doc, "美工"), 5);
    assert_eq!(headcount(&doc, "售前客服") + headcount(&doc, "售后客服"), 4);
    for one in [
        "运营主管",
        "推广主管",
        "活动专员",
        "直通车专员",
        "钻展专员",
        "美工主管",
        "策划主管",
        "策划",
        "销售主管",
        "商品专员",
    ] {
        assert_eq!(headcount(&doc, one), 1, "{one}");
    }
    for (title, dept) in [
        ("运营主管", "运营部"),
        ("商品专员", "商品部"),
        ("推广主管", "推广部"),
        ("美工", "营销部"),
        ("策划", "营销部"),
        ("销售主管", "销售部"),
    ] {
        assert_eq!(dept_of(&doc, title), dept, "{title}");
    }
    assert_eq!(
        parent_title(&doc, pos(&doc, "美工")).as_deref(),
        Some("美工主管")
    );
    assert_eq!(
        parent_title(&doc, pos(&doc, "直通车专员")).as_deref(),
        Some("推广主管")
    );
    assert_eq!(doc.plan.target_size, doc.total_headcount());
}

#[test]
fn seeds_targets_are_used() {
    let all: String = orgplan_core::templates::template_ids()
        .flat_map(|t| team(t).positions)
        .flat_map(|p| p.kpis.clone())
        .map(|k| format!("{} {}\n", k.metric, k.target))
        .collect();
    for needle in ["90%", "95%", "3.0", "DSR"] {
        assert!(all.contains(needle), "a KPI uses the seeds' {needle}");
    }
}

#[test]
fn template_list_matches_the_templates() {
    let list = templates();
    let ids: Vec<_> = list.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["team-5", "team-8", "team-30", "ops-center"]);
    let (five, eight) = (&list[0], &list[1]);
    assert_eq!((five.people, five.headcount), (5, 10));
    assert_eq!(eight.headcount, 8);
    assert_eq!(eight.people, 8);
    assert_eq!(eight.positions, 8);
}

#[test]
fn role_library_covers_every_function() {
    let roles = roles();
    assert!(roles.len() >= 25);
    let mut ids = HashSet::new();
    for r in &roles {
        assert!(ids.insert(r.id.clone()), "unique id {}", r.id);
        assert!(r.duties.len() >= 4, "{}", r.id);
        assert!((2..=5).contains(&r.kpis.len()), "{}", r.id);
        assert_eq!(
            r.kpis
                .iter()
                .map(|k| k.weight)
                .sum::<orgplan_core::Weight>(),
            orgplan_core::Weight::FULL,
            "{}",
            r.id
        );
        assert!(r.functions.contains(&r.function), "{}", r.id);
    }
    for f in Function::ALL {
        assert!(roles.iter().any(|r| r.function == f), "{f:?} has a role");
    }
}

#[test]
fn template_positions_name_the_library_role_they_stand_for() {
    let ids: HashSet<String> = roles().into_iter().map(|r| r.id).collect();
    for t in orgplan_core::templates::template_ids() {
        let doc = team(t);
        for p in &doc.positions {
            if p.parent.is_none() && t == "team-5" {
                // The owner of a five-person shop is no library role.
                assert_eq!(p.role, None);
                continue;
            }
            let role = p
                .role
                .as_deref()
                .unwrap_or_else(|| panic!("{t}/{}: a role", p.title));
            assert!(
                ids.contains(role),
                "{t}/{}: {role} is in the library",
                p.title
            );
        }
    }
    let role = &roles()[0];
    let placed = role.to_position(uuid::Uuid::new_v4());
    assert_eq!(placed.role.as_deref(), Some(role.id.as_str()));
}
