//! The TypeScript bindings in `ui/src/generated/` are generated from the Rust types and
//! committed. This test regenerates them into a temporary folder and fails when the committed
//! files differ. `UPDATE_BINDINGS=1 cargo test -p orgplan-api --test bindings` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/generated")
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.ends_with(".ts") {
                out.insert(name, std::fs::read_to_string(e.path()).unwrap());
            }
        }
    }
    out
}

/// Adds the generated types a TypeScript type expression names to `imports`.
fn add_imports(imports: &mut Vec<String>, t: &str) {
    for word in t.split(|c: char| !c.is_alphanumeric() && c != '_') {
        if word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && word != "Array"
            && word != "Revisioned"
            && !imports.iter().any(|i| i == word)
        {
            imports.push(word.to_string());
        }
    }
}

/// The map from command name to its argument and result types.
fn commands_ts(cfg: &ts_rs::Config) -> String {
    let sigs = orgplan_api::command_signatures(cfg);
    let mut imports: Vec<String> = Vec::new();
    let mut body = String::new();
    for (name, args, out, revisioned) in &sigs {
        let args = if *revisioned {
            format!("Revisioned<{args}>")
        } else {
            args.clone()
        };
        body.push_str(&format!("  {name}: {{ args: {args}; result: {out} }};\n"));
        for t in [&args, out] {
            add_imports(&mut imports, t);
        }
    }
    imports.sort();
    let mut out = String::from(
        "// This file was generated from the Rust command table. Do not edit it by hand.\n",
    );
    for i in &imports {
        out.push_str(&format!("import type {{ {i} }} from \"./{i}\";\n"));
    }
    out.push_str(
        "\n/** An edit's arguments with the plan revision the client last saw: an edit whose\n \
         * target changed or is gone since then is refused with kind `conflict`. */\n\
         export type Revisioned<T> = T & { revision?: number };\n",
    );
    out.push_str("\n/** Every command of the command table: its arguments and its result. */\n");
    out.push_str("export interface Commands {\n");
    out.push_str(&body);
    out.push_str("}\n\nexport type CommandName = keyof Commands;\n\n");
    out.push_str("export const COMMAND_NAMES: CommandName[] = [\n");
    for (name, _, _, _) in &sigs {
        out.push_str(&format!("  \"{name}\",\n"));
    }
    out.push_str("];\n");
    out
}

/// The desktop window's own commands (opened file dialogs), as `commands.ts` does the
/// table's.
fn desktop_ts(cfg: &ts_rs::Config) -> String {
    let sigs = orgplan_api::desktop::signatures(cfg);
    let mut imports: Vec<String> = Vec::new();
    let mut body = String::new();
    for (name, args, out) in &sigs {
        body.push_str(&format!("  {name}: {{ args: {args}; result: {out} }};\n"));
        for t in [args, out] {
            add_imports(&mut imports, t);
        }
    }
    imports.sort();
    let mut out = String::from(
        "// This file was generated from the desktop shell's command declarations. Do not edit it by hand.\n",
    );
    for i in &imports {
        out.push_str(&format!("import type {{ {i} }} from \"./{i}\";\n"));
    }
    out.push_str("\n/** The desktop window's own commands (native file dialogs), invoked as `{args, lang}`. */\n");
    out.push_str("export interface DesktopCommands {\n");
    out.push_str(&body);
    out.push_str("}\n\nexport type DesktopCommandName = keyof DesktopCommands;\n");
    out
}

/// The core's limits as a value, so forms accept exactly what the core accepts.
fn limits_ts() -> String {
    let limits = serde_json::to_string_pretty(&orgplan_core::fields::limits()).unwrap();
    format!(
        "// This file was generated from the core's limits. Do not edit it by hand.\n\
         import type {{ Limits }} from \"./Limits\";\n\n\
         /** What the core accepts: text lengths, list sizes, headcount, shares, weights, pay. */\n\
         export const LIMITS: Limits = {limits};\n"
    )
}

#[test]
fn typescript_bindings_are_current() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = ts_rs::Config::new()
        .with_large_int("number")
        .with_out_dir(tmp.path());
    orgplan_api::export_types(&cfg).unwrap();
    orgplan_api::export_extra_types(&cfg).unwrap();
    std::fs::write(tmp.path().join("commands.ts"), commands_ts(&cfg)).unwrap();
    std::fs::write(tmp.path().join("limitValues.ts"), limits_ts()).unwrap();
    std::fs::write(tmp.path().join("desktop.ts"), desktop_ts(&cfg)).unwrap();
    let fresh = read_dir(tmp.path());
    assert!(fresh.contains_key("PlanDoc.ts") && fresh.contains_key("ApiError.ts"));

    let dir = committed_dir();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &fresh {
            std::fs::write(dir.join(name), text).unwrap();
        }
        return;
    }
    let committed = read_dir(&dir);
    let stale: Vec<&String> = fresh
        .keys()
        .chain(committed.keys())
        .filter(|k| fresh.get(*k) != committed.get(*k))
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/generated is stale ({stale:?}); run: UPDATE_BINDINGS=1 cargo test -p orgplan-api --test bindings"
    );
}
