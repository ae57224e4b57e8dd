//! The command table's JSON arguments: any command with any arguments either succeeds, leaving
//! a plan that passes every invariant, or is refused with `{kind, message}`; nothing panics.
//!
//! The first byte picks the command; the rest is the arguments' JSON, in which `"@plan"`
//! stands for the plan's id and `"@0"` … `"@7"` for its positions' ids, so the fuzzer reaches
//! past "not found".
#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use orgplan_api::{dispatch, Ctx, COMMANDS};
use orgplan_core::check::check_doc;
use orgplan_core::Lang;
use orgplan_store::Store;

struct World {
    ctx: Ctx,
    plan: String,
    ids: Vec<String>,
}

fn world() -> World {
    let mut ctx = Ctx::new(Store::open_in_memory().unwrap(), Lang::En);
    let state = dispatch(&mut ctx, "create_plan", serde_json::json!({"template": "team-8"})).unwrap();
    let plan = state["created"].as_str().unwrap().to_string();
    let ids = state["doc"]["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    World { ctx, plan, ids }
}

thread_local! {
    static WORLD: RefCell<Option<World>> = const { RefCell::new(None) };
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let command = COMMANDS[pick as usize % COMMANDS.len()];
    WORLD.with(|w| {
        let mut w = w.borrow_mut();
        // A fresh plan every few hundred runs keeps the plan small and the runs fast.
        if w.is_none() || pick == 0xff {
            *w = Some(world());
        }
        let w = w.as_mut().unwrap();
        let mut text = String::from_utf8_lossy(rest).replace("\"@plan\"", &format!("\"{}\"", w.plan));
        for (i, id) in w.ids.iter().enumerate() {
            text = text.replace(&format!("\"@{i}\""), &format!("\"{id}\""));
        }
        let Ok(args) = serde_json::from_str::<serde_json::Value>(&text) else { return };
        match dispatch(&mut w.ctx, command, args) {
            Ok(_) => {
                if let Ok(id) = w.ctx.store.resolve(&w.plan) {
                    let doc = w.ctx.store.load(id).expect("the plan loads");
                    check_doc(&doc).expect("every invariant holds after a command");
                } else {
                    *w = world();
                }
            }
            Err(e) => assert!(!e.message.is_empty()),
        }
    });
});
