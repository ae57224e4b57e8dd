//! Validation findings: each code, on a plan made to show it.

use orgplan_core::cost::figures;
use orgplan_core::validate::{codes, has_errors};
use orgplan_core::{apply, validate, Edit, Function, Kpi, Person, PositionPatch, Severity, Weight};
use uuid::Uuid;

use crate::common::*;

fn codes_of(doc: &orgplan_core::PlanDoc) -> Vec<String> {
    validate(doc).into_iter().map(|f| f.code).collect()
}

fn update(
    doc: &orgplan_core::PlanDoc,
    position: uuid::Uuid,
    patch: PositionPatch,
) -> orgplan_core::PlanDoc {
    apply(doc, Edit::UpdatePosition { position, patch }).unwrap()
}

#[test]
fn templates_have_no_errors() {
    for t in orgplan_core::templates::template_ids() {
        let findings = validate(&team(t));
        assert!(!has_errors(&findings), "{t}: {findings:#?}");
        for f in &findings {
            assert!(codes::ALL.contains(&f.code.as_str()));
            assert!(!f.message_zh.is_empty() && !f.message_en.is_empty());
        }
    }
}

#[test]
fn kpi_weights_that_do_not_sum_to_100() {
    let doc = team("team-8");
    let manager = pos(&doc, "店长");
    let mut kpis = doc.position(manager).unwrap().kpis.clone();
    kpis[0].weight = Weight::from_tenths(kpis[0].weight.tenths() + 50);
    let doc = update(
        &doc,
        manager,
        PositionPatch {
            kpis: Some(kpis.clone()),
            ..Default::default()
        },
    );
    let f: Vec<_> = validate(&doc)
        .into_iter()
        .filter(|f| f.code == codes::KPI_WEIGHTS)
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Error);
    assert_eq!(f[0].position, Some(manager));
    assert!(f[0].message_zh.contains("105%"));
    assert!(has_errors(&validate(&doc)));
    kpis[0].weight = Weight::from_tenths(kpis[0].weight.tenths() - 50);
    let doc = update(
        &doc,
        manager,
        PositionPatch {
            kpis: Some(kpis),
            ..Default::default()
        },
    );
    assert!(!codes_of(&doc).contains(&codes::KPI_WEIGHTS.to_string()));
}

#[test]
fn no_duties_and_no_kpis() {
    let doc = team("team-8");
    let cs = pos(&doc, "售前客服");
    let doc = update(
        &doc,
        cs,
        PositionPatch {
            duties: Some(vec![]),
            kpis: Some(vec![]),
            ..Default::default()
        },
    );
    let found: Vec<_> = validate(&doc)
        .into_iter()
        .filter(|f| f.position == Some(cs))
        .map(|f| f.code)
        .collect();
    assert!(found.contains(&codes::NO_DUTIES.to_string()));
    assert!(found.contains(&codes::NO_KPIS.to_string()));
    assert!(
        !found.contains(&codes::KPI_WEIGHTS.to_string()),
        "no KPIs is not a weight error"
    );
}

#[test]
fn span_of_control_counts_jobs_and_people() {
    let mut doc = team("team-8");
    let manager = pos(&doc, "店长");
    assert!(!codes_of(&doc).contains(&codes::SPAN_OF_CONTROL.to_string()));
    // 7 different positions report to 店长; an eighth with two seats makes 9 people, which is
    // still a span one manager can lead (eight jobs, nine people).
    doc = apply(
        &doc,
        Edit::AddPosition {
            parent: manager,
            index: None,
            position: orgplan_core::Position::blank(Uuid::new_v4(), "美工"),
        },
    )
    .unwrap();
    let new = pos(&doc, "美工");
    doc = update(
        &doc,
        new,
        PositionPatch {
            headcount: Some(2),
            ..Default::default()
        },
    );
    let span = |doc: &orgplan_core::PlanDoc| -> Vec<orgplan_core::Finding> {
        validate(doc)
            .into_iter()
            .filter(|f| f.code == codes::SPAN_OF_CONTROL)
            .collect()
    };
    assert!(span(&doc).is_empty());
    // A ninth different job is one too many.
    let ninth = apply(
        &doc,
        Edit::AddPosition {
            parent: manager,
            index: None,
            position: orgplan_core::Position::blank(Uuid::new_v4(), "直播运营"),
        },
    )
    .unwrap();
    let f = span(&ninth);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].position, Some(manager));
    assert!(
        f[0].message_en.contains("9 different positions"),
        "{}",
        f[0].message_en
    );
    // Seats of one job are a group: eight 美工 and seven leads make fifteen people, which one
    // manager can lead (team-30's CRM组长 with six 客服 and three 仓库 is another); sixteen is
    // too many.
    let presale = pos(&doc, "售前客服");
    let fifteen = update(
        &doc,
        new,
        PositionPatch {
            headcount: Some(8),
            ..Default::default()
        },
    );
    assert!(span(&fifteen).is_empty(), "{:?}", span(&fifteen));
    let sixteen = update(
        &fifteen,
        presale,
        PositionPatch {
            headcount: Some(2),
            ..Default::default()
        },
    );
    let f = span(&sixteen);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message_zh.contains("有 16 名直接下属"),
        "{}",
        f[0].message_zh
    );
}

#[test]
fn built_in_templates_open_clean() {
    for t in orgplan_core::templates::template_ids() {
        let doc = team(t);
        let bad: Vec<_> = validate(&doc)
            .into_iter()
            .filter(|f| f.severity != orgplan_core::Severity::Info)
            .map(|f| f.message_zh)
            .collect();
        assert!(bad.is_empty(), "{t}: {bad:?}");
    }
}

#[test]
fn headcount_against_target() {
    let doc = team("team-8");
    assert_eq!(figures(&doc).people, 8);
    assert!(!codes_of(&doc).contains(&codes::HEADCOUNT_TARGET.to_string()));
    let cs = pos(&doc, "售前客服");
    let doc = update(
        &doc,
        cs,
        PositionPatch {
            headcount: Some(3),
            ..Default::default()
        },
    );
    let f: Vec<_> = validate(&doc)
        .into_iter()
        .filter(|f| f.code == codes::HEADCOUNT_TARGET)
        .collect();
    assert_eq!(f.len(), 1);
    assert!(f[0].message_en.contains("10 people") && f[0].message_en.contains("target is 8"));
    // The five-person team has ten seats but five people: no finding.
    let five = team("team-5");
    assert_eq!(five.positions.len(), 10);
    assert_eq!(figures(&five).people, 5);
    assert!(!codes_of(&five).contains(&codes::HEADCOUNT_TARGET.to_string()));
}

#[test]
fn uncovered_functions() {
    let doc = team("team-8");
    let uncovered: Vec<Function> = validate(&doc)
        .into_iter()
        .filter(|f| f.code == codes::FUNCTION_UNCOVERED)
        .filter_map(|f| f.function)
        .collect();
    let covered: std::collections::HashSet<Function> = doc
        .positions
        .iter()
        .flat_map(|p| p.functions.clone())
        .collect();
    for f in Function::ALL {
        assert_eq!(uncovered.contains(&f), !covered.contains(&f), "{f:?}");
    }
    // team-30 covers all twelve.
    assert!(!codes_of(&team("team-30")).contains(&codes::FUNCTION_UNCOVERED.to_string()));
}

#[test]
fn overloaded_and_unassigned_people_and_vacancies() {
    let doc = team("team-5");
    assert!(
        !codes_of(&doc).contains(&codes::VACANCY.to_string()),
        "every seat of team-5 is filled"
    );
    let person = doc.people[0].id;
    let cs = pos(&doc, "客服");
    let doc = apply(
        &doc,
        Edit::Assign {
            person,
            position: cs,
            share: 30,
        },
    )
    .unwrap();
    let f: Vec<_> = validate(&doc)
        .into_iter()
        .filter(|f| f.code == codes::PERSON_OVERLOADED)
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].person, Some(person));
    assert_eq!(f[0].severity, Severity::Error);
    assert!(
        codes_of(&doc).contains(&codes::OVERFILLED.to_string()),
        "客服 now has two people for one seat"
    );

    let doc = team("team-5");
    let shop = pos(&doc, "店长/运营");
    let holder = doc
        .people
        .iter()
        .find(|p| p.assignments.iter().any(|a| a.position == shop))
        .unwrap()
        .id;
    let doc = apply(
        &doc,
        Edit::Unassign {
            person: holder,
            position: shop,
        },
    )
    .unwrap();
    let v: Vec<_> = validate(&doc)
        .into_iter()
        .filter(|f| f.code == codes::VACANCY)
        .collect();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].position, Some(shop));
    assert_eq!(v[0].severity, Severity::Info);
    let newcomer = Person::new(Uuid::new_v4(), "新人", vec![]);
    let doc = apply(&doc, Edit::AddPerson { person: newcomer }).unwrap();
    assert!(codes_of(&doc).contains(&codes::PERSON_UNASSIGNED.to_string()));
}

#[test]
fn weight_total_counts_every_kpi() {
    let k = |w| Kpi {
        metric: "m".into(),
        weight: Weight::from_f64(w).unwrap(),
        target: String::new(),
        cycle: orgplan_core::Cycle::Monthly,
        source: String::new(),
        goal: None,
    };
    let mut p = orgplan_core::Position::blank(Uuid::new_v4(), "x");
    p.kpis = vec![k(40.0), k(35.0), k(25.0)];
    assert_eq!(p.kpi_weight_total(), Weight::FULL);
    // One decimal each: 33.3 + 33.3 + 33.4 is exactly 100, with no finding.
    p.kpis = vec![k(33.3), k(33.3), k(33.4)];
    assert_eq!(p.kpi_weight_total(), Weight::FULL);
    assert_eq!(p.kpi_weight_total().to_string(), "100");
    assert_eq!(Weight::from_f64(33.3).unwrap().to_string(), "33.3");
    // More decimals, or a negative weight, are not weights.
    assert!(Weight::from_f64(33.33).is_none() && Weight::from_f64(-1.0).is_none());
}
