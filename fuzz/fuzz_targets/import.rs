//! Plan-file import: any bytes either import to a plan that passes every invariant and
//! round-trips, or are refused with a location; nothing panics.
#![no_main]

use chrono::DateTime;
use libfuzzer_sys::fuzz_target;
use orgplan_core::check::check_doc;
use orgplan_core::file::{export, import, import_bytes};

fuzz_target!(|data: &[u8]| {
    let now = DateTime::UNIX_EPOCH;
    match import_bytes(data, now) {
        Ok(doc) => {
            check_doc(&doc).expect("an imported plan keeps every invariant");
            let text = export(&doc);
            let again = import(&text, now).expect("an exported plan imports");
            assert_eq!(again.positions.len(), doc.positions.len());
            let _ = orgplan_core::validate(&again);
            let _ = orgplan_core::layout::layout(&again, &Default::default());
        }
        Err(e) => assert!(!e.location.is_empty() && !e.problem.is_empty()),
    }
});
