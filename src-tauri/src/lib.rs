//! The desktop window: a thin shell. Each Tauri command only translates between `invoke` and
//! the command table in `orgplan-api`; file access goes through native dialogs opened here, so
//! the page never names a path.

use std::path::PathBuf;
use std::sync::Mutex;

use base64::Engine;
use orgplan_api::desktop::{
    ExportComparisonFile, ExportDocumentFile, ExportPlanFile, ImportPlanFile, PickRosterFile,
};
use orgplan_api::{dispatch, ApiError, Ctx, DesktopCommand, ErrorKind};
use orgplan_core::Lang;
use orgplan_store::{Author, Source};
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

/// The argument and result types of a desktop command, declared in `orgplan_api::desktop`.
type Args<C> = <C as DesktopCommand>::Args;
type Out<C> = Result<<C as DesktopCommand>::Out, ApiError>;

/// Asks for a plan file and imports it; `null` when the user cancels.
#[tauri::command]
async fn import_plan_file(
    handle: AppHandle,
    args: Args<ImportPlanFile>,
    lang: Lang,
) -> Out<ImportPlanFile> {
    let _ = args;
    let picked = handle
        .dialog()
        .file()
        .add_filter(
            lang.pick("OrgPlan 方案文件", "OrgPlan plan file"),
            &["json"],
        )
        .blocking_pick_file();
    let Some(path) = picked else {
        return Ok(None);
    };
    let path = path.into_path().map_err(io_error)?;
    let size = std::fs::metadata(&path).map_err(io_error)?.len();
    if size > orgplan_core::file::MAX_FILE_BYTES as u64 {
        return Err(ApiError::bad_file(
            &orgplan_core::file::too_large(size),
            lang,
        ));
    }
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
    let state = run_command(
        &handle.state::<App>(),
        "import_plan",
        json!({ "text": text }),
        lang,
    )?;
    serde_json::from_value(state).map(Some).map_err(io_error)
}

/// Asks for a roster file and hands its name and bytes to the page; `null` when the user
/// cancels. Refused before reading when it is larger than a roster can be.
#[tauri::command]
async fn pick_roster_file(
    handle: AppHandle,
    args: Args<PickRosterFile>,
    lang: Lang,
) -> Out<PickRosterFile> {
    let _ = args;
    let picked = handle
        .dialog()
        .file()
        .add_filter(
            lang.pick("花名册（Excel、CSV、JSON）", "Roster (Excel, CSV, JSON)"),
            &["xlsx", "xls", "ods", "csv", "txt", "json"],
        )
        .blocking_pick_file();
    let Some(path) = picked else {
        return Ok(None);
    };
    let path = path.into_path().map_err(io_error)?;
    let size = std::fs::metadata(&path).map_err(io_error)?.len();
    if size > orgplan_import::MAX_ROSTER_BYTES as u64 {
        return Err(ApiError::new(
            ErrorKind::BadFile,
            orgplan_import::ReadError::TooLarge {
                bytes: size as usize,
            }
            .message(lang),
        ));
    }
    let bytes = std::fs::read(&path).map_err(io_error)?;
    Ok(Some(orgplan_api::PickedFile {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
        base64: base64::engine::general_purpose::STANDARD.encode(bytes),
    }))
}

/// Asks where to save the plan file and writes it; `false` when the user cancels.
#[tauri::command]
async fn export_plan_file(
    handle: AppHandle,
    args: Args<ExportPlanFile>,
    lang: Lang,
) -> Out<ExportPlanFile> {
    let out = run_command(
        &handle.state::<App>(),
        "export_plan",
        json!({ "plan": args.plan, "personal": args.personal }),
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
    args: Args<ExportDocumentFile>,
    lang: Lang,
) -> Out<ExportDocumentFile> {
    let args = serde_json::to_value(args).map_err(io_error)?;
    save_export(&handle, "export_document", args, lang)
}

/// Exports the comparison of plans `a` and `b` through `export_comparison`, asks where to save
/// it and writes the bytes; `false` when the user cancels.
#[tauri::command]
async fn export_comparison_file(
    handle: AppHandle,
    args: Args<ExportComparisonFile>,
    lang: Lang,
) -> Out<ExportComparisonFile> {
    let args = serde_json::to_value(args).map_err(io_error)?;
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

/// Opens the database every OrgPlan program shares (`orgplan_store::shared_path`: the CLI and
/// `orgplan serve` use the same file), moving in the plans of the app's former database on
/// the first start. A damaged file still opens the window, which says so and offers the
/// backups.
fn open_context() -> Result<(Ctx, PathBuf), String> {
    let (path, default) = orgplan_store::shared_path(None).map_err(|e| e.to_string())?;
    let mut ctx = Ctx::open(&path, Author::new(Source::App), Lang::Zh).map_err(|e| e.message)?;
    if default && ctx.refused.is_none() {
        orgplan_store::maintenance::move_former_plans(&mut ctx.store).map_err(|e| e.to_string())?;
    }
    if ctx.refused.is_none() {
        orgplan_api::ensure_demo(&mut ctx).map_err(|e| e.message)?;
    }
    Ok((ctx, path))
}

/// Checks the file in the background and takes today's backup; a file found damaged is
/// marked so, which the window notices on its next look (`watch`).
fn check_and_back_up(handle: AppHandle, path: PathBuf) {
    std::thread::spawn(move || {
        use orgplan_store::maintenance::{daily_backup, BackupOutcome};
        if let Ok(BackupOutcome::Damaged(detail)) =
            daily_backup(&path, chrono::Local::now().date_naive())
        {
            let app = handle.state::<App>();
            let ctx = app.0.lock().unwrap_or_else(|e| e.into_inner());
            ctx.store.mark_damaged(detail);
        }
    });
}

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let (ctx, path) = open_context()?;
            let refused = ctx.refused.is_some();
            app.manage(App(Mutex::new(ctx)));
            if !refused {
                check_and_back_up(app.handle().clone(), path);
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            call,
            import_plan_file,
            export_plan_file,
            export_document_file,
            export_comparison_file,
            pick_roster_file
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
