//! The desktop window: a thin shell. Each Tauri command only translates between `invoke` and
//! the command table in `orgplan-api`; file access goes through native dialogs opened here, so
//! the page never names a path.

use std::path::PathBuf;
use std::sync::Mutex;

use base64::Engine;
use orgplan_api::{dispatch, ApiError, Ctx, ErrorKind};
use orgplan_core::Lang;
use orgplan_store::Store;
use serde_json::{json, Value};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

struct App(Mutex<Ctx>);

fn run_command(app: &App, command: &str, args: Value, lang: Lang) -> Result<Value, ApiError> {
    let mut ctx = app.0.lock().unwrap_or_else(|e| e.into_inner());
    ctx.lang = lang;
    dispatch(&mut ctx, command, args)
}

/// Any command of the command table.
#[tauri::command]
fn call(app: State<'_, App>, command: String, args: Value, lang: Lang) -> Result<Value, ApiError> {
    run_command(&app, &command, args, lang)
}

fn io_error(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorKind::Io, e.to_string())
}

/// Asks for a plan file and imports it; `null` when the user cancels.
#[tauri::command]
async fn import_plan_file(handle: AppHandle, lang: Lang) -> Result<Value, ApiError> {
    let picked = handle
        .dialog()
        .file()
        .add_filter(
            lang.pick("OrgPlan 方案文件", "OrgPlan plan file"),
            &["json"],
        )
        .blocking_pick_file();
    let Some(path) = picked else {
        return Ok(Value::Null);
    };
    let path = path.into_path().map_err(io_error)?;
    let bytes = std::fs::read(&path).map_err(io_error)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        ApiError::new(
            ErrorKind::BadFile,
            lang.pick(
                "方案文件有误：不是 UTF-8 文本",
                "bad plan file: not UTF-8 text",
            ),
        )
    })?;
    run_command(
        &handle.state::<App>(),
        "import_plan",
        json!({ "text": text }),
        lang,
    )
}

/// Asks where to save the plan file and writes it; `false` when the user cancels.
#[tauri::command]
async fn export_plan_file(handle: AppHandle, plan: String, lang: Lang) -> Result<bool, ApiError> {
    let out = run_command(
        &handle.state::<App>(),
        "export_plan",
        json!({ "plan": plan }),
        lang,
    )?;
    let name = out["file_name"].as_str().unwrap_or("plan.orgplan.json");
    let picked = handle
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter(
            lang.pick("OrgPlan 方案文件", "OrgPlan plan file"),
            &["json"],
        )
        .blocking_save_file();
    let Some(path) = picked else {
        return Ok(false);
    };
    let path = path.into_path().map_err(io_error)?;
    std::fs::write(path, out["text"].as_str().unwrap_or_default()).map_err(io_error)?;
    Ok(true)
}

/// Exports a document through `export_document`, asks where to save it and writes the bytes;
/// `false` when the user cancels.
#[tauri::command]
async fn export_document_file(
    handle: AppHandle,
    plan: String,
    format: String,
    position: Option<String>,
    paper: Option<String>,
    lang: Lang,
) -> Result<bool, ApiError> {
    let args = json!({ "plan": plan, "format": format, "position": position, "paper": paper });
    save_export(&handle, "export_document", args, lang)
}

/// Exports the comparison of plans `a` and `b` through `export_comparison`, asks where to save
/// it and writes the bytes; `false` when the user cancels.
#[tauri::command]
async fn export_comparison_file(
    handle: AppHandle,
    a: String,
    b: String,
    format: String,
    paper: Option<String>,
    lang: Lang,
) -> Result<bool, ApiError> {
    let args = json!({ "a": a, "b": b, "format": format, "paper": paper });
    save_export(&handle, "export_comparison", args, lang)
}

/// Runs an export command and saves its file where the user picks. The plans are read under
/// the store's lock; the file is rendered after it is released, so a long export (a PDF of a
/// large plan) does not hold up edits.
fn save_export(
    handle: &AppHandle,
    command: &str,
    args: Value,
    lang: Lang,
) -> Result<bool, ApiError> {
    let prepared = {
        let app = handle.state::<App>();
        let mut ctx = app.0.lock().unwrap_or_else(|e| e.into_inner());
        ctx.lang = lang;
        orgplan_api::prepare_export(&mut ctx, command, args)?
    };
    let out = prepared.render()?;
    let ext = out.file_name.rsplit('.').next().unwrap_or_default();
    let picked = handle
        .dialog()
        .file()
        .set_file_name(&out.file_name)
        .add_filter(ext.to_uppercase(), &[ext])
        .blocking_save_file();
    let Some(path) = picked else {
        return Ok(false);
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&out.base64)
        .map_err(io_error)?;
    std::fs::write(path.into_path().map_err(io_error)?, bytes).map_err(io_error)?;
    Ok(true)
}

/// The database: `ORGPLAN_DB` when set, else `orgplan.db` in the app's data directory.
fn database_path(handle: &AppHandle) -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("ORGPLAN_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    handle
        .path()
        .app_data_dir()
        .map(|d| d.join("orgplan.db"))
        .map_err(|e| e.to_string())
}

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let path = database_path(app.handle())?;
            let store = Store::open(&path).map_err(|e| e.to_string())?;
            let mut ctx = Ctx::new(store, Lang::Zh);
            orgplan_api::ensure_demo(&mut ctx).map_err(|e| e.message)?;
            app.manage(App(Mutex::new(ctx)));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            call,
            import_plan_file,
            export_plan_file,
            export_document_file,
            export_comparison_file
        ])
        .build(tauri::generate_context!())
        .expect("the OrgPlan window failed to start")
        .run(|handle, event| {
            // The event loop ends the process without dropping the store: close it here, so
            // the plan being edited leaves its checkpoint for a fast next open.
            if let tauri::RunEvent::Exit = event {
                if let Some(app) = handle.try_state::<App>() {
                    app.0
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .store
                        .close();
                }
            }
        });
}
