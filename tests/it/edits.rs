//! Tree edits in the core and every refusal: a refused edit returns a typed error and the plan
//! it was given is untouched (`apply` never mutates its input).

use orgplan_core::change::{apply_changes, diff};
use orgplan_core::check::check_doc;
use orgplan_core::templates::role;
use orgplan_core::{apply, Collaboration, Edit, EditError, Kpi, Person, Position, PositionPatch};
use uuid::Uuid;

use crate::common::*;

fn refuse(doc: &orgplan_core::PlanDoc, edit: Edit) -> EditError {
    let before = doc.clone();
    let err = apply(doc, edit).expect_err("the edit must be refused");
    assert_eq!(&before, doc);
    err
}

#[test]
fn add_blank_position_at_index() {
    let doc = team("team-8");
    let manager = pos(&doc, "店长");
    let id = Uuid::new_v4();
    let next = apply(
        &doc,
        Edit::AddPosition {
            parent: manager,
            index: Some(1),
            position: Position::blank(id, "直播运营"),
        },
    )
    .unwrap();
    assert_eq!(
        children(&next, manager)[..3],
        ["售前客服", "直播运营", "售后客服"]
    );
    assert_eq!(next.positions.len(), doc.positions.len() + 1);
}

#[test]
fn add_from_role_library_carries_duties_and_kpis() {
    let doc = team("team-8");
    let manager = pos(&doc, "店长");
    let r = orgplan_core::templates::roles()
        .into_iter()
        .find(|r| r.function == orgplan_core::Function::Promotion)
        .expect("a promotion role");
    let id = Uuid::new_v4();
    let next = apply(
        &doc,
        Edit::AddPosition {
            parent: manager,
            index: None,
            position: role(&r.id).unwrap().to_position(id),
        },
    )
    .unwrap();
    let p = next.position(id).unwrap();
    assert_eq!(p.title, r.title);
    assert_eq!(p.duties, r.duties);
    assert_eq!(p.kpis, r.kpis);
    assert_eq!(p.kpi_weight_total(), orgplan_core::Weight::FULL);
    assert_eq!(children(&next, manager).last().unwrap(), &r.title);
}

#[test]
fn move_changes_superior_and_order() {
    let doc = team("team-8");
    let cs = pos(&doc, "售后客服");
    let data = pos(&doc, "数据分析组长");
    let next = apply(
        &doc,
        Edit::MovePosition {
            position: cs,
            new_parent: data,
            index: None,
        },
    )
    .unwrap();
    assert_eq!(parent_title(&next, cs).as_deref(), Some("数据分析组长"));
    // Reorder among siblings: move 数据分析组长 to the front of 店长's reports.
    let manager = pos(&doc, "店长");
    let next = apply(
        &next,
        Edit::MovePosition {
            position: data,
            new_parent: manager,
            index: Some(0),
        },
    )
    .unwrap();
    assert_eq!(children(&next, manager)[0], "数据分析组长");
    assert_eq!(children(&next, data), ["售后客服"]);
}

#[test]
fn move_that_makes_a_cycle_is_refused() {
    let doc = team("team-30");
    let lead = pos(&doc, "CRM组长");
    let cs = pos(&doc, "客服专员");
    let err = refuse(
        &doc,
        Edit::MovePosition {
            position: lead,
            new_parent: cs,
            index: None,
        },
    );
    assert_eq!(err.kind(), "cycle");
    assert!(err.message(orgplan_core::Lang::Zh).contains("循环"));
    // Under itself, too.
    let err = refuse(
        &doc,
        Edit::MovePosition {
            position: lead,
            new_parent: lead,
            index: None,
        },
    );
    assert_eq!(err.kind(), "cycle");
    // And the root under anyone.
    let root = doc.root().unwrap().id;
    let err = refuse(
        &doc,
        Edit::MovePosition {
            position: root,
            new_parent: cs,
            index: None,
        },
    );
    assert_eq!(err.kind(), "cycle");
}

#[test]
fn delete_moves_subordinates_up_in_order_and_cleans_lines() {
    let doc = team("team-30");
    let manager = pos(&doc, "店长");
    let crm = pos(&doc, "CRM组长");
    let kids = children(&doc, crm);
    assert!(kids.len() >= 3);
    let before = children(&doc, manager);
    let at = before.iter().position(|t| t == "CRM组长").unwrap();
    // Give someone a dotted line, a collaboration and an escalation to CRM组长 first.
    let cs = pos(&doc, "客服专员");
    let finance = pos(&doc, "财务");
    let doc = apply(
        &doc,
        Edit::UpdatePosition {
            position: finance,
            patch: PositionPatch {
                dotted: Some(vec![crm]),
                collaborations: Some(vec![Collaboration {
                    with: crm,
                    about: "会员积分成本".into(),
                }]),
                ..Default::default()
            },
        },
    )
    .unwrap();
    let next = apply(&doc, Edit::DeletePosition { position: crm }).unwrap();
    let mut expect = before.clone();
    expect.splice(at..=at, kids.iter().cloned());
    assert_eq!(children(&next, manager), expect);
    let f = next.position(finance).unwrap();
    assert!(f.dotted.is_empty());
    assert!(f.collaborations.iter().all(|c| c.with != crm));
    // Escalations that went to the deleted position now go one level up.
    let cs_pos = next.position(cs).unwrap();
    assert!(cs_pos.escalations.iter().all(|e| e.to != crm));
    assert!(check_doc(&next).is_ok());
}

#[test]
fn delete_of_an_assigned_position_drops_the_assignment() {
    let doc = team("team-5");
    let promo = pos(&doc, "推广");
    let next = apply(&doc, Edit::DeletePosition { position: promo }).unwrap();
    assert!(next
        .people
        .iter()
        .all(|p| p.assignments.iter().all(|a| a.position != promo)));
}

#[test]
fn deleting_the_root_with_several_reports_is_refused() {
    let doc = team("team-8");
    let err = refuse(
        &doc,
        Edit::DeletePosition {
            position: doc.root().unwrap().id,
        },
    );
    assert_eq!(err.kind(), "second_root");
}

#[test]
fn deleting_a_root_with_one_report_promotes_it() {
    let doc = orgplan_core::templates::blank("t", t0());
    let root = doc.root().unwrap().id;
    let id = Uuid::new_v4();
    let doc = apply(
        &doc,
        Edit::AddPosition {
            parent: root,
            index: None,
            position: Position::blank(id, "店长"),
        },
    )
    .unwrap();
    let next = apply(&doc, Edit::DeletePosition { position: root }).unwrap();
    assert_eq!(next.root().unwrap().id, id);
    let err = refuse(&next, Edit::DeletePosition { position: id });
    assert_eq!(err.kind(), "invalid_input");
}

#[test]
fn refusals_have_their_kinds() {
    let doc = team("team-5");
    let shop = pos(&doc, "店长/运营");
    let cs = pos(&doc, "客服");
    let headcount = |v| Edit::UpdatePosition {
        position: shop,
        patch: PositionPatch {
            headcount: Some(v),
            ..Default::default()
        },
    };
    assert_eq!(refuse(&doc, headcount(0)).kind(), "headcount");
    assert_eq!(refuse(&doc, headcount(-3)).kind(), "headcount");
    assert_eq!(
        refuse(
            &doc,
            Edit::AddDotted {
                position: shop,
                superior: shop
            }
        )
        .kind(),
        "self_reference"
    );
    let person = doc.people[0].id;
    for share in [0, 101, -5] {
        let e = Edit::Assign {
            person,
            position: cs,
            share,
        };
        assert_eq!(refuse(&doc, e).kind(), "share");
    }
    let ghost = Uuid::new_v4();
    assert_eq!(
        refuse(
            &doc,
            Edit::MovePosition {
                position: shop,
                new_parent: ghost,
                index: None
            }
        )
        .kind(),
        "not_found"
    );
    assert_eq!(
        refuse(&doc, Edit::RemovePerson { person: ghost }).kind(),
        "not_found"
    );
}

#[test]
fn bad_text_and_numbers_are_refused() {
    let doc = team("team-8");
    let manager = pos(&doc, "店长");
    let patch = |p: PositionPatch| Edit::UpdatePosition {
        position: manager,
        patch: p,
    };
    let cases = vec![
        PositionPatch {
            title: Some("店长\u{0007}".into()),
            ..Default::default()
        },
        PositionPatch {
            title: Some("  ".into()),
            ..Default::default()
        },
        PositionPatch {
            title: Some("长".repeat(100_000)),
            ..Default::default()
        },
        PositionPatch {
            duties: Some(vec!["x".repeat(1_000_000)]),
            ..Default::default()
        },
        PositionPatch {
            kpis: Some(vec![Kpi {
                metric: "ROI".into(),
                weight: orgplan_core::Weight::percent(150),
                target: "3.0".into(),
                cycle: orgplan_core::Cycle::Monthly,
                source: String::new(),
                goal: None,
            }]),
            ..Default::default()
        },
        PositionPatch {
            pay_band: Some(Some(orgplan_core::PayBand {
                min: 9000,
                max: 5000,
            })),
            ..Default::default()
        },
        PositionPatch {
            dotted: Some(vec![Uuid::new_v4()]),
            ..Default::default()
        },
    ];
    for case in cases {
        let err = refuse(&doc, patch(case.clone()));
        assert!(
            ["invalid_input", "not_found"].contains(&err.kind()),
            "{case:?} gave {err:?}"
        );
    }
}

#[test]
fn multi_line_text_keeps_newlines_but_not_other_controls() {
    let doc = team("team-8");
    let manager = pos(&doc, "店长");
    let ok = apply(
        &doc,
        Edit::UpdatePosition {
            position: manager,
            patch: PositionPatch {
                notes: Some("第一行\n第二行\t备注".into()),
                ..Default::default()
            },
        },
    )
    .unwrap();
    assert_eq!(ok.position(manager).unwrap().notes, "第一行\n第二行\t备注");
    let err = refuse(
        &doc,
        Edit::UpdatePosition {
            position: manager,
            patch: PositionPatch {
                notes: Some("a\u{0}b".into()),
                ..Default::default()
            },
        },
    );
    assert!(err.to_string().contains("U+0000"));
}

#[test]
fn people_and_assignments() {
    let doc = team("team-8");
    let person = Person::new(Uuid::new_v4(), "赵敏", vec![]);
    let pid = person.id;
    let manager = pos(&doc, "店长");
    let data = pos(&doc, "数据分析组长");
    let doc = apply(&doc, Edit::AddPerson { person }).unwrap();
    let doc = apply(
        &doc,
        Edit::Assign {
            person: pid,
            position: manager,
            share: 70,
        },
    )
    .unwrap();
    let doc = apply(
        &doc,
        Edit::Assign {
            person: pid,
            position: data,
            share: 30,
        },
    )
    .unwrap();
    assert_eq!(doc.person(pid).unwrap().total_share(), 100);
    assert_eq!(doc.filled(manager), 1);
    // Assigning again changes the share rather than adding a second seat.
    let doc = apply(
        &doc,
        Edit::Assign {
            person: pid,
            position: data,
            share: 50,
        },
    )
    .unwrap();
    assert_eq!(doc.person(pid).unwrap().assignments.len(), 2);
    assert_eq!(doc.person(pid).unwrap().total_share(), 120);
    let doc = apply(
        &doc,
        Edit::Unassign {
            person: pid,
            position: manager,
        },
    )
    .unwrap();
    assert_eq!(doc.filled(manager), 0);
    let doc = apply(&doc, Edit::RemovePerson { person: pid }).unwrap();
    assert!(doc.person(pid).is_none());
}

#[test]
fn diff_and_its_inverse_take_a_plan_there_and_back() {
    let doc = team("team-30");
    let cs = pos(&doc, "客服专员");
    let manager = pos(&doc, "店长");
    let edits = vec![
        Edit::MovePosition {
            position: cs,
            new_parent: manager,
            index: Some(0),
        },
        Edit::DeletePosition {
            position: pos(&doc, "CRM组长"),
        },
        Edit::RemoveDepartment {
            department: doc.departments[0].id,
        },
    ];
    let mut at = doc.clone();
    for e in edits {
        let next = apply(&at, e).unwrap();
        let forward = diff(&at, &next);
        let back = diff(&next, &at);
        assert!(!forward.is_empty());
        assert_eq!(apply_changes(&at, &forward), next);
        assert_eq!(apply_changes(&next, &back), at);
        at = next;
    }
}
