//! Property tests: random edit sequences keep every invariant (the plan stays in pre-order, and
//! the changes between two states rebuild either from the other), and undoing all of them in
//! the store brings the plan back to where it started.

use orgplan_core::change::{apply_changes, diff};
use orgplan_core::check::check_doc;
use orgplan_core::{apply, Edit, Person, PlanDoc, Position, PositionPatch};
use orgplan_store::Store;
use proptest::prelude::*;
use uuid::Uuid;

use crate::common::*;

/// An edit described by indices, resolved against the plan at the time it is applied.
#[derive(Clone, Debug)]
enum Op {
    Add {
        parent: usize,
        index: usize,
    },
    Move {
        position: usize,
        parent: usize,
        index: usize,
    },
    Delete {
        position: usize,
    },
    Headcount {
        position: usize,
        value: i64,
    },
    Dotted {
        position: usize,
        superior: usize,
    },
    Assign {
        person: usize,
        position: usize,
        share: i64,
    },
    AddPerson,
}

fn op() -> impl Strategy<Value = Op> {
    let i = 0usize..64;
    prop_oneof![
        (i.clone(), 0usize..6).prop_map(|(parent, index)| Op::Add { parent, index }),
        (i.clone(), i.clone(), 0usize..6).prop_map(|(position, parent, index)| Op::Move {
            position,
            parent,
            index
        }),
        i.clone().prop_map(|position| Op::Delete { position }),
        (i.clone(), -2i64..6).prop_map(|(position, value)| Op::Headcount { position, value }),
        (i.clone(), i.clone()).prop_map(|(position, superior)| Op::Dotted { position, superior }),
        (0usize..8, i, -10i64..120).prop_map(|(person, position, share)| Op::Assign {
            person,
            position,
            share
        }),
        Just(Op::AddPerson),
    ]
}

fn resolve(doc: &PlanDoc, op: &Op, n: &mut u32) -> Edit {
    let p = |i: usize| doc.positions[i % doc.positions.len()].id;
    match *op {
        Op::Add { parent, index } => {
            *n += 1;
            Edit::AddPosition {
                parent: p(parent),
                index: Some(index),
                position: Position::blank(Uuid::new_v4(), &format!("岗位{n}")),
            }
        }
        Op::Move {
            position,
            parent,
            index,
        } => Edit::MovePosition {
            position: p(position),
            new_parent: p(parent),
            index: Some(index),
        },
        Op::Delete { position } => Edit::DeletePosition {
            position: p(position),
        },
        Op::Headcount { position, value } => Edit::UpdatePosition {
            position: p(position),
            patch: PositionPatch {
                headcount: Some(value),
                ..Default::default()
            },
        },
        Op::Dotted { position, superior } => Edit::AddDotted {
            position: p(position),
            superior: p(superior),
        },
        Op::Assign {
            person,
            position,
            share,
        } => match doc.people.get(person % doc.people.len().max(1)) {
            Some(who) => Edit::Assign {
                person: who.id,
                position: p(position),
                share,
            },
            None => Edit::AddPerson {
                person: Person::new(Uuid::new_v4(), "新同事", vec![]),
            },
        },
        Op::AddPerson => {
            *n += 1;
            Edit::AddPerson {
                person: Person::new(Uuid::new_v4(), format!("同事{n}"), vec![]),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn edits_keep_the_tree_valid(ops in prop::collection::vec(op(), 1..40), start in 0usize..4) {
        let ids: Vec<&str> = orgplan_core::templates::template_ids().collect();
        let mut doc = team(ids[start]);
        let mut n = 0;
        for op in &ops {
            let edit = resolve(&doc, op, &mut n);
            match apply(&doc, edit) {
                Ok(next) => {
                    prop_assert!(check_doc(&next).is_ok());
                    prop_assert_eq!(next.positions.iter().filter(|p| p.parent.is_none()).count(), 1);
                    // Edits keep the plan in pre-order without re-sorting it.
                    let mut sorted = next.clone();
                    sorted.normalize();
                    prop_assert_eq!(&sorted, &next);
                    // The changes between the two, either way, rebuild each from the other.
                    let forward = diff(&doc, &next);
                    prop_assert_eq!(&apply_changes(&doc, &forward), &next);
                    prop_assert_eq!(&apply_changes(&next, &diff(&next, &doc)), &doc);
                    doc = next;
                }
                Err(e) => prop_assert!(["cycle", "headcount", "share", "self_reference", "second_root", "invalid_input", "not_found"].contains(&e.kind())),
            }
        }
    }

    #[test]
    fn undo_all_returns_to_the_start(ops in prop::collection::vec(op(), 1..25)) {
        let mut store = Store::open_in_memory().unwrap();
        let plan = store.insert_plan(&team("team-5")).unwrap();
        let start = store.load(plan).unwrap();
        let mut n = 0;
        let mut applied = 0;
        let mut states = vec![start.clone()];
        for op in &ops {
            let doc = store.load(plan).unwrap();
            let edit = resolve(&doc, op, &mut n);
            if let Ok(next) = store.edit(plan, edit) {
                if next != doc {
                    applied += 1;
                    states.push(next);
                }
            }
        }
        // Redo all and undo all again: each step lands on the recorded state.
        for i in (0..applied).rev() {
            let mut back = store.undo(plan).unwrap();
            let expect = &states[i];
            back.plan.updated_at = expect.plan.updated_at;
            prop_assert_eq!(&back, expect);
        }
        prop_assert!(store.undo(plan).is_err());
        for state in states.iter().skip(1) {
            let mut fwd = store.redo(plan).unwrap();
            fwd.plan.updated_at = state.plan.updated_at;
            prop_assert_eq!(&fwd, state);
        }
        let mut end = store.load(plan).unwrap();
        end.plan.updated_at = states.last().unwrap().plan.updated_at;
        prop_assert_eq!(&end, states.last().unwrap());
    }
}
