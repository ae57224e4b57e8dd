//! The command table. Every command is declared once, in [`commands!`], with its argument and
//! result types; the desktop app (`invoke`), the HTTP server (`/api/<command>`) and the CLI
//! (`orgplan call`) all go through [`dispatch`]. Command bodies are written against the store.

mod documents;
mod error;
mod handlers;
mod roster;

pub use error::{ApiError, ErrorKind};
pub use handlers::*;

use orgplan_core::Lang;
use orgplan_store::Store;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// What a command runs against.
pub struct Ctx {
    pub store: Store,
    pub lang: Lang,
    /// The plan revision the client last saw, for the edit being run (`revision` beside an
    /// edit's arguments): an edit whose target is gone since then is a conflict.
    pub seen: Option<u64>,
    /// Set when the database file was refused at open (damaged): every command but those
    /// that look at or restore the file answers with this, and `store` is an empty
    /// in-memory stand-in.
    pub refused: Option<ApiError>,
    /// The database file, when the store is one (not in memory).
    pub db_path: Option<std::path::PathBuf>,
}

impl Ctx {
    pub fn new(store: Store, lang: Lang) -> Ctx {
        let db_path =
            Some(std::path::PathBuf::from(store.path())).filter(|p| p.is_absolute() || p.exists());
        Ctx {
            store,
            lang,
            seen: None,
            refused: None,
            db_path,
        }
    }

    /// Opens the database at `path` for a long-running client (the app, `serve`). A damaged
    /// file does not stop it: the context answers every command with the refusal, except
    /// those that show the file's state and restore a backup (`store_info`,
    /// `restore_backup`). Other failures (a newer database) are returned.
    pub fn open(
        path: &std::path::Path,
        author: orgplan_store::Author,
        lang: Lang,
    ) -> Result<Ctx, ApiError> {
        match Store::open(path) {
            Ok(mut store) => {
                store.set_author(author);
                let mut ctx = Ctx::new(store, lang);
                ctx.db_path = Some(path.to_path_buf());
                Ok(ctx)
            }
            Err(e @ orgplan_store::StoreError::Damaged { .. }) => {
                let refusal = ApiError::from_store(e, lang);
                let mut store =
                    Store::open_in_memory().map_err(|e| ApiError::from_store(e, lang))?;
                store.set_author(author);
                let mut ctx = Ctx::new(store, lang);
                ctx.refused = Some(refusal);
                ctx.db_path = Some(path.to_path_buf());
                Ok(ctx)
            }
            Err(e) => Err(ApiError::from_store(e, lang)),
        }
    }
}

/// Commands that answer even when the database file was refused.
const ALWAYS: &[&str] = &[
    "store_info",
    "restore_backup",
    "list_templates",
    "list_roles",
    "watch",
];

/// On a first start (an empty database), a demo plan from the 8-person template, so the app
/// never opens empty. Returns the new plan's id, or `None` when there were plans already.
pub fn ensure_demo(ctx: &mut Ctx) -> Result<Option<orgplan_core::Id>, ApiError> {
    if ctx.refused.is_some() || ctx.store.is_read_only() {
        return Ok(None);
    }
    let plans = match ctx.store.list_plans() {
        Ok(plans) => plans,
        // A file found damaged here is refused from now on, as one refused at open.
        Err(e @ orgplan_store::StoreError::Damaged { .. }) => {
            ctx.refused = Some(ApiError::from_store(e, ctx.lang));
            return Ok(None);
        }
        Err(e) => return Err(ApiError::from_store(e, ctx.lang)),
    };
    if !plans.is_empty() {
        return Ok(None);
    }
    let args = CreatePlanArgs {
        name: Some(
            ctx.lang
                .pick("示例方案（八人团队）", "Demo plan (8-person team)")
                .into(),
        ),
        template: Some("team-8".into()),
        company: None,
    };
    Ok(handlers::create_plan(ctx, args)?.created)
}

pub(crate) fn parse_args<T: DeserializeOwned>(
    command: &str,
    args: Value,
    lang: Lang,
) -> Result<T, ApiError> {
    let args = if args.is_null() {
        Value::Object(Default::default())
    } else {
        args
    };
    // A copy to quote the value that did not fit; arguments are small.
    let given = args.clone();
    serde_path_to_error::deserialize(args).map_err(|e| {
        let mut path = e.path().to_string();
        let mut detail = e.into_inner().to_string();
        // A field read by hand says where inside it the problem was.
        if let Some((inner, rest)) = detail
            .strip_prefix(AT)
            .and_then(|d| d.split_once(AT))
            .map(|(p, r)| (p.to_string(), r.to_string()))
        {
            path = if path == "." {
                inner
            } else {
                format!("{path}.{inner}")
            };
            detail = rest;
        }
        let got = value_at(&given, &path).map(|v| v.to_string());
        let problem = orgplan_core::fields::value_problem(&path, got.as_deref(), &detail, lang);
        ApiError::new(
            ErrorKind::BadArguments,
            match lang {
                Lang::Zh => format!("{problem}（命令 {command}）"),
                Lang::En => format!("{problem} (command {command})"),
            },
        )
    })
}

/// Whether a command with this result takes `revision`: those that return a plan's state.
fn takes_revision<T: 'static>() -> bool {
    std::any::TypeId::of::<T>() == std::any::TypeId::of::<handlers::PlanState>()
}

/// Takes `revision` (a whole number, or null) out of an edit's arguments.
fn take_revision(command: &str, args: &mut Value, lang: Lang) -> Result<Option<u64>, ApiError> {
    let Some(v) = args.as_object_mut().and_then(|m| m.remove("revision")) else {
        return Ok(None);
    };
    match v {
        Value::Null => Ok(None),
        Value::Number(n) if n.as_u64().is_some() => Ok(n.as_u64()),
        other => Err(ApiError::new(
            ErrorKind::BadArguments,
            match lang {
                Lang::Zh => format!("revision 须为非负整数，收到 {other}（命令 {command}）"),
                Lang::En => {
                    format!("revision must be a whole number ≥ 0, got {other} (command {command})")
                }
            },
        )),
    }
}

/// Marks the path an argument's own reader puts before its error.
pub(crate) const AT: char = '\u{1}';

/// The value at a serde path (`patch.kpis[0].weight`) of JSON arguments.
fn value_at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    let mut at = v;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, rest) = part.split_once('[').unwrap_or((part, ""));
        if !name.is_empty() {
            at = at.get(name)?;
        }
        for index in rest
            .split('[')
            .map(|i| i.trim_end_matches(']'))
            .filter(|i| !i.is_empty())
        {
            at = at.get(index.parse::<usize>().ok()?)?;
        }
    }
    Some(at)
}

macro_rules! commands {
    ($( $(#[$doc:meta])* $name:ident ( $args:ty ) -> $out:ty ; )*) => {
        /// The names of all commands.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        /// Runs `command` with JSON `args` and returns its JSON result. Commands that return a
        /// plan's state also take `revision`: the plan revision the client last saw.
        pub fn dispatch(ctx: &mut Ctx, command: &str, mut args: Value) -> Result<Value, ApiError> {
            if let Some(refusal) = &ctx.refused {
                if !ALWAYS.contains(&command) {
                    return Err(refusal.clone());
                }
            }
            match command {
                $(
                    stringify!($name) => {
                        ctx.seen = None;
                        if takes_revision::<$out>() {
                            ctx.seen = take_revision(command, &mut args, ctx.lang)?;
                        }
                        let args: $args = parse_args(command, args, ctx.lang)?;
                        let out = handlers::$name(ctx, args);
                        ctx.seen = None;
                        Ok(serde_json::to_value(out?).expect("results serialise"))
                    }
                )*
                _ => Err(ApiError::new(
                    ErrorKind::UnknownCommand,
                    match ctx.lang {
                        Lang::Zh => format!("没有名为 {command} 的命令"),
                        Lang::En => format!("no command named {command}"),
                    },
                )),
            }
        }

        /// `[command, args type, result type, takes revision]` for each command, for the
        /// TypeScript bindings.
        pub fn command_signatures(cfg: &ts_rs::Config) -> Vec<(&'static str, String, String, bool)> {
            use ts_rs::TS;
            vec![$((stringify!($name), <$args as TS>::name(cfg), <$out as TS>::name(cfg), takes_revision::<$out>())),*]
        }

        /// Exports every argument and result type of the table.
        pub fn export_types(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {

            $(
                export_with_dependencies::<$args>(cfg)?;
                export_with_dependencies::<$out>(cfg)?;
            )*
            Ok(())
        }
    };
}

/// Exports a type and everything it uses; for a type that has no declaration of its own (a
/// `Vec<T>`), exports what it is made of.
fn export_with_dependencies<T: ts_rs::TS + 'static + ?Sized>(
    cfg: &ts_rs::Config,
) -> Result<(), ts_rs::ExportError> {
    struct Visit<'a> {
        cfg: &'a ts_rs::Config,
        result: Result<(), ts_rs::ExportError>,
    }
    impl ts_rs::TypeVisitor for Visit<'_> {
        fn visit<U: ts_rs::TS + 'static + ?Sized>(&mut self) {
            if self.result.is_ok() && U::output_path().is_some() {
                self.result = U::export_all(self.cfg);
            }
        }
    }
    if T::output_path().is_some() {
        return T::export_all(cfg);
    }
    let mut v = Visit {
        cfg,
        result: Ok(()),
    };
    T::visit_dependencies(&mut v);
    T::visit_generics(&mut v);
    v.result
}

/// A command of the desktop window's own: it opens a native file dialog, so it lives in the
/// Tauri shell rather than the command table. Its arguments and result are declared here,
/// once: the shell's function takes `Args` and returns `Out`, and the TypeScript bindings
/// (`desktop.ts`) are generated from them. The window invokes it as `{args, lang}`.
pub trait DesktopCommand {
    const NAME: &'static str;
    type Args: ts_rs::TS + 'static;
    type Out: ts_rs::TS + 'static;
}

macro_rules! desktop_commands {
    ($( $(#[$doc:meta])* $ty:ident = $name:ident ( $args:ty ) -> $out:ty ; )*) => {
        /// The desktop window's own commands.
        pub mod desktop {
            use super::*;
            $(
                $(#[$doc])*
                pub struct $ty;
                impl DesktopCommand for $ty {
                    const NAME: &'static str = stringify!($name);
                    type Args = $args;
                    type Out = $out;
                }
            )*

            /// `[command, args type, result type]` of each, for the TypeScript bindings.
            pub fn signatures(cfg: &ts_rs::Config) -> Vec<(&'static str, String, String)> {
                use ts_rs::TS;
                vec![$((stringify!($name), <$args as TS>::name(cfg), <$out as TS>::name(cfg))),*]
            }

            /// Exports every argument and result type of the desktop commands.
            pub fn export_types(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
                $(
                    export_with_dependencies::<$args>(cfg)?;
                    export_with_dependencies::<$out>(cfg)?;
                )*
                Ok(())
            }
        }
    };
}

desktop_commands! {
    /// Asks for a plan file and imports it; `null` when the user cancels.
    ImportPlanFile = import_plan_file(NoArgs) -> Option<PlanState>;
    /// Asks where to save the plan file and writes it; `false` when the user cancels.
    ExportPlanFile = export_plan_file(ExportPlanArgs) -> bool;
    /// Exports a document and asks where to save it; `false` when the user cancels.
    ExportDocumentFile = export_document_file(ExportDocumentArgs) -> bool;
    /// Exports a comparison and asks where to save it; `false` when the user cancels.
    ExportComparisonFile = export_comparison_file(ExportComparisonArgs) -> bool;
    /// Asks for a roster file (CSV, Excel, JSON) and returns its name and bytes, for
    /// `import_roster`; `null` when the user cancels. The page never sees the path.
    PickRosterFile = pick_roster_file(NoArgs) -> Option<PickedFile>;
}

/// A file the user picked: its name (not its path) and its bytes.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct PickedFile {
    pub file_name: String,
    pub base64: String,
}

/// Types the UI needs beyond the commands' own.
pub fn export_extra_types(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    use ts_rs::TS;
    ApiError::export_all(cfg)?;
    desktop::export_types(cfg)?;
    orgplan_core::validate::Severity::export_all(cfg)?;
    orgplan_core::Lang::export_all(cfg)?;
    orgplan_core::Cycle::export_all(cfg)?;
    orgplan_core::Function::export_all(cfg)?;
    orgplan_core::fields::Limits::export_all(cfg)?;
    Ok(())
}

commands! {
    list_plans(NoArgs) -> Vec<orgplan_store::PlanSummary>;
    get_plan(PlanArg) -> PlanState;
    plan_summary(PlanArg) -> orgplan_core::cost::PlanFigures;
    staffing(StaffingArgs) -> orgplan_core::staffing::Staffing;
    create_plan(CreatePlanArgs) -> PlanState;
    update_plan(UpdatePlanArgs) -> PlanState;
    duplicate_plan(DuplicatePlanArgs) -> PlanState;
    delete_plan(PlanArg) -> Deleted;
    import_plan(ImportPlanArgs) -> PlanState;
    export_plan(ExportPlanArgs) -> ExportedPlan;
    add_position(AddPositionArgs) -> PlanState;
    move_position(MovePositionArgs) -> PlanState;
    update_position(UpdatePositionArgs) -> PlanState;
    delete_position(PositionArg) -> PlanState;
    delete_preview(PositionArg) -> DeletePreview;
    accept_suggestion(PositionArg) -> PlanState;
    add_dotted(DottedArgs) -> PlanState;
    remove_dotted(DottedArgs) -> PlanState;
    add_collaboration(AddCollaborationArgs) -> PlanState;
    remove_collaboration(RemoveCollaborationArgs) -> PlanState;
    add_escalation(AddEscalationArgs) -> PlanState;
    remove_escalation(RemoveEscalationArgs) -> PlanState;
    add_person(AddPersonArgs) -> PlanState;
    rename_person(RenamePersonArgs) -> PlanState;
    remove_person(PersonArg) -> PlanState;
    assign(AssignArgs) -> PlanState;
    unassign(UnassignArgs) -> PlanState;
    add_department(AddDepartmentArgs) -> PlanState;
    update_department(UpdateDepartmentArgs) -> PlanState;
    update_person(UpdatePersonArgs) -> PlanState;
    remove_department(DepartmentArg) -> PlanState;
    validate_plan(PlanArg) -> Vec<orgplan_core::Finding>;
    layout_plan(LayoutArgs) -> orgplan_core::layout::Layout;
    undo(PlanArg) -> PlanState;
    redo(PlanArg) -> PlanState;
    list_templates(NoArgs) -> Vec<orgplan_core::templates::TemplateInfo>;
    list_roles(NoArgs) -> Vec<orgplan_core::templates::Role>;
    compare_plans(CompareArgs) -> orgplan_core::compare::Comparison;
    add_goal(AddGoalArgs) -> PlanState;
    add_goals(AddGoalsArgs) -> PlanState;
    update_goal(UpdateGoalArgs) -> PlanState;
    remove_goal(GoalArg) -> PlanState;
    plan_cascade(PlanArg) -> Vec<orgplan_core::cascade::CascadeNode>;
    goal_periods(GoalPeriodsArgs) -> Vec<orgplan_core::periods::PeriodTarget>;
    export_document(ExportDocumentArgs) -> ExportedDocument;
    export_comparison(ExportComparisonArgs) -> ExportedDocument;
    job_description(JobDescriptionArgs) -> JobDescription;
    watch(WatchArgs) -> Watch;
    store_info(NoArgs) -> StoreInfo;
    restore_backup(RestoreBackupArgs) -> StoreInfo;
    import_roster(ImportRosterArgs) -> RosterImport;
}
