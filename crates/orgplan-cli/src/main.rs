//! `orgplan`: the command-line face of OrgPlan. Every subcommand goes through the same store
//! and, for `call`, the same command table as the desktop app.

mod serve;

/// `println!` for the commands' output: when stdout is closed early (`orgplan … | head`), the
/// program ends quietly instead of panicking.
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($t)*) {
            stdout_failed(e);
        }
    }};
}

/// `print!`, as [`outln!`].
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout().lock(), $($t)*) {
            stdout_failed(e);
        }
    }};
}

/// A closed pipe ends the program with success (the reader has what it wanted); any other
/// failure to write the output is an error.
fn stdout_failed(e: std::io::Error) {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("{e}");
    std::process::exit(2);
}

/// mimalloc: a plan of thousands of positions is hundreds of thousands of small allocations,
/// which it makes and frees several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use orgplan_api::{dispatch, ApiError, Ctx, ErrorKind};
use orgplan_core::validate::has_errors;
use orgplan_core::{render, Lang, Severity};
use orgplan_store::Store;
use serde_json::{json, Value};

#[derive(Parser)]
#[command(
    name = "orgplan",
    version,
    about = "Plan the organisation of an e-commerce operations team (电商运营团队组织架构规划)"
)]
struct Cli {
    /// The database file (default: ORGPLAN_DB, else the platform's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Language of messages and text output.
    #[arg(long, global = true, value_enum, default_value = "zh")]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The plan file.
    Json,
    /// Job descriptions (岗位说明书) as Markdown.
    Md,
    /// Job descriptions as HTML.
    Html,
    /// Job descriptions as a Word document.
    Docx,
    /// Job descriptions as a PDF, A4 (needs a Chinese system font).
    Pdf,
    /// The sheets (定岗定编, KPI考核表, 人员) as one Excel workbook.
    Xlsx,
    /// The sheets, one CSV file each, into the --out folder.
    Csv,
    /// The chart as SVG.
    Svg,
    /// The chart as PNG, at twice the SVG's size (needs a Chinese system font).
    Png,
    /// The chart as a PDF on --paper, landscape; a chart too big to print its smallest text at
    /// 9 pt on one page is split over a grid of labelled pages.
    ChartPdf,
}

impl Format {
    fn export(self) -> orgplan_export::Format {
        use orgplan_export::Format as F;
        match self {
            Format::Json => F::Json,
            Format::Md => F::Md,
            Format::Html => F::Html,
            Format::Docx => F::Docx,
            Format::Pdf => F::Pdf,
            Format::Xlsx => F::Xlsx,
            Format::Csv => F::Csv,
            Format::Svg => F::Svg,
            Format::Png => F::Png,
            Format::ChartPdf => F::ChartPdf,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum PaperArg {
    A4,
    A3,
}

#[derive(Subcommand)]
enum Command {
    /// List the built-in team templates.
    Templates {
        #[arg(long)]
        json: bool,
    },
    /// List the role library (岗位库).
    Roles {
        #[arg(long)]
        json: bool,
    },
    /// Create a plan from a template; prints its id.
    New {
        /// team-5, team-8, team-30, ops-center, or blank.
        #[arg(long)]
        template: String,
        #[arg(long)]
        name: Option<String>,
    },
    /// List the plans in the database.
    Plans {
        #[arg(long)]
        json: bool,
    },
    /// Show a plan as a tree (`--json`: the plan file).
    Show {
        /// A plan id or unique name.
        plan: String,
        #[arg(long)]
        json: bool,
    },
    /// A plan's figures: people, seats (编制 and full-time equivalents), vacancies and payroll,
    /// per department and in total.
    Summary {
        plan: String,
        #[arg(long)]
        json: bool,
    },
    /// 定编测算: the people the business volume needs, per position and department, in a
    /// month and in the peak month.
    Staffing {
        plan: String,
        /// Ordinary-month sales, yuan (default: the plan's sales goal).
        #[arg(long)]
        gmv: Option<f64>,
        /// The month to size for, 1–12.
        #[arg(long, default_value_t = 1)]
        month: u32,
        #[arg(long)]
        json: bool,
    },
    /// Check a plan; exits 1 when a finding is an error.
    Validate {
        plan: String,
        #[arg(long)]
        json: bool,
    },
    /// Compare two plans: positions added, removed, moved, renamed, resized, duties that
    /// changed hands, seats that split (along the growth path), hiring order and payroll.
    Compare {
        /// The plan before (id or unique name).
        plan_a: String,
        /// The plan after.
        plan_b: String,
        #[arg(long)]
        json: bool,
        /// Also write the comparison: a workbook (`.xlsx`), a PDF report with plan B's chart
        /// marked (`.pdf`) or, for any other name, CSV files into that folder.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// The paper of the PDF's chart pages (landscape).
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
    },
    /// Write a plan to a file: the plan file, job descriptions, sheets or the chart.
    ///
    /// Documents are in the language of --lang. PDF and PNG use the system's Chinese font
    /// (Noto Sans CJK SC or Source Han Sans SC, PingFang SC, Microsoft YaHei).
    Export {
        plan: String,
        #[arg(long, value_enum)]
        format: Format,
        /// The file to write (for csv: the folder).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Only this position's job description (its id).
        #[arg(long, value_name = "ID")]
        position: Option<String>,
        /// The paper of the chart PDF (landscape).
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// Include people's 手机 and 邮箱 (personal data) in the plan file and the 花名册.
        #[arg(long)]
        personal: bool,
        /// Name who holds each seat on the chart (svg, png, chart-pdf).
        #[arg(long)]
        names: bool,
    },
    /// Read a plan file into a new plan; prints its id.
    Import { file: PathBuf },
    /// Build a new plan from a roster (花名册): CSV (UTF-8 or GBK), an Excel workbook, or
    /// org-chart JSON (id/pid). Prints the new plan's id; problems are listed by row.
    /// With `--into PLAN`, brings the roster into that plan instead (one undo step).
    ImportRoster {
        file: PathBuf,
        /// The new plan's name (default: the file's name).
        #[arg(long, conflicts_with = "into")]
        name: Option<String>,
        /// Bring the roster into this plan: as its team now (people matched by 工号, else
        /// name: joiners added, leavers removed, moves applied), or with `--under` below a
        /// position.
        #[arg(long, value_name = "PLAN")]
        into: Option<String>,
        /// With `--into`: the position (id or title) the roster's tree goes below.
        #[arg(long, requires = "into", value_name = "POSITION")]
        under: Option<String>,
        /// With `--into`: keep the people the roster no longer lists.
        #[arg(long, requires = "into")]
        keep_leavers: bool,
        /// Read 手机 and 邮箱 too (personal data; left out unless asked).
        #[arg(long)]
        personal: bool,
        /// A workbook's sheet, by name or number.
        #[arg(long)]
        sheet: Option<String>,
        /// A column's field, e.g. `--map 成员=姓名` or `--map 备注=-` (leave it out).
        #[arg(long = "map", value_name = "列名=字段")]
        map: Vec<String>,
        /// The share of time of 兼职 and 实习 people, in percent.
        #[arg(long, default_value_t = 50)]
        part_time_share: u32,
        /// Leave out the rows with problems instead of refusing the import.
        #[arg(long)]
        skip_bad: bool,
        /// Read and check only; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the whole report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Run any command of the command table with JSON arguments and print its JSON result.
    ///
    /// With `--stdin`, reads one request a line (`{"command": …, "args": {…}}`) and prints one
    /// line a result (`{"ok": …}` or `{"error": {"kind": …, "message": …}}`) as soon as it is
    /// committed.
    Call {
        #[arg(required_unless_present = "stdin")]
        command: Option<String>,
        #[arg(default_value = "{}")]
        args: String,
        /// Read requests from standard input, one JSON object a line.
        #[arg(long, conflicts_with = "command")]
        stdin: bool,
        /// With --stdin: acknowledge each request with `{"ok": true}` (and `created` when the
        /// command made something) instead of printing the whole result.
        #[arg(long, requires = "stdin")]
        brief: bool,
    },
    /// List the commands of the command table.
    Commands,
    /// Print the database file in use (the app, the CLI and `serve` share it).
    Where,
    /// Copy every plan that can still be read from a damaged database into a new file, and
    /// list what could not be read.
    Recover {
        /// The new database file to write (must not exist).
        #[arg(long, value_name = "NEW.db")]
        out: PathBuf,
    },
    /// Serve the command table and the UI over loopback HTTP (127.0.0.1 only).
    Serve {
        /// 0 picks a free port.
        #[arg(long, default_value_t = 7878)]
        port: u16,
        /// The built UI (default: ORGPLAN_UI, else the source tree's ui/dist).
        #[arg(long, value_name = "DIR")]
        ui: Option<PathBuf>,
    },
}

/// A failure: what to print and the exit code.
struct Fail {
    code: u8,
    message: String,
}

impl From<ApiError> for Fail {
    fn from(e: ApiError) -> Fail {
        Fail {
            code: 2,
            message: e.message,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    match run(cli, lang) {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            if !f.message.is_empty() {
                eprintln!("orgplan: {}", f.message);
            }
            ExitCode::from(f.code)
        }
    }
}

/// The database in use ([`orgplan_store::shared_path`]) and whether it is the default file.
fn db_path(cli_db: Option<PathBuf>, lang: Lang) -> Result<(PathBuf, bool), Fail> {
    orgplan_store::shared_path(cli_db).map_err(|_| Fail {
        code: 2,
        message: lang
            .pick(
                "找不到数据目录，请用 --db 指定数据库文件",
                "no data directory found; pass --db PATH",
            )
            .into(),
    })
}

/// Today's backup of the database, for `serve` (a long-running client, like the app): a
/// damaged file found by the check is marked so, and no copy replaces a good one.
fn backup_today(path: &std::path::Path, ctx: &Ctx) {
    use orgplan_store::maintenance::{daily_backup, BackupOutcome};
    match daily_backup(path, chrono::Local::now().date_naive()) {
        Ok(BackupOutcome::Damaged(detail)) => ctx.store.mark_damaged(detail),
        Ok(_) => {}
        Err(e) => eprintln!("orgplan: no backup made: {e}"),
    }
}

/// `orgplan import-roster`: exit 0 when the plan was made (or, with `--dry-run`, would be),
/// 1 when rows have problems (nothing written unless `--skip-bad`).
fn import_roster(
    ctx: &mut Ctx,
    file: &std::path::Path,
    mut args: orgplan_api::ImportRosterArgs,
    map: &[String],
    json: bool,
) -> Result<u8, Fail> {
    use base64::Engine;
    let lang = ctx.lang;
    let bytes = std::fs::read(file).map_err(|e| Fail {
        code: 2,
        message: format!("{}: {e}", file.display()),
    })?;
    let mut columns = Vec::new();
    for m in map {
        let (column, field) = orgplan_import::parse_override(m).map_err(|e| Fail {
            code: 2,
            message: e.message(lang),
        })?;
        columns.push(orgplan_import::ColumnField { column, field });
    }
    args.columns = (!columns.is_empty()).then_some(columns);
    args.file_name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    args.base64 = base64::engine::general_purpose::STANDARD.encode(&bytes);
    let dry_run = args.dry_run == Some(true);
    let report = orgplan_api::import_roster(ctx, args)?;
    // Built (or, in a dry run, buildable): rows left out with --skip-bad are listed, not fatal.
    let done = report.created.is_some() || report.merged.is_some();
    let buildable = done || (dry_run && report.people > 0);
    let refused = !dry_run && !done && report.needs.is_empty();
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&report).expect("the report serialises")
        );
    } else {
        let t = &report.table;
        let zh = lang == Lang::Zh;
        let mut head = match (t.sheet.as_deref(), zh) {
            (Some(s), true) => format!("工作表「{s}」，"),
            (Some(s), false) => format!("sheet {s:?}, "),
            (None, _) => String::new(),
        };
        if let Some(e) = &t.encoding {
            head.push_str(&format!("{e}, "));
        }
        eprintln!(
            "{}",
            if zh {
                format!("{head}表头在第 {} 行，共 {} 行", t.header_row, report.rows)
            } else {
                format!("{head}header on row {}, {} rows", t.header_row, report.rows)
            }
        );
        let columns: Vec<String> = report
            .mapping
            .columns
            .iter()
            .map(|c| match c.field {
                Some(f) => format!("{} → {}", c.column, f.label(lang)),
                None => format!("{} → {}", c.column, lang.pick("不导入", "left out")),
            })
            .collect();
        eprintln!(
            "{}{}",
            lang.pick("列：", "columns: "),
            columns.join(lang.pick("；", "; "))
        );
        for p in &report.problems {
            eprintln!("{}", p.message);
        }
        if !report.matched.is_empty() {
            let m: Vec<String> = report
                .matched
                .iter()
                .map(|m| {
                    // The role as the library names it, in the user's language.
                    let role = orgplan_core::templates::role(&m.role)
                        .map(|r| lang.pick(&r.title, &r.title_en).to_string())
                        .unwrap_or_else(|_| m.role.clone());
                    format!("{} → {role}", m.title)
                })
                .collect();
            eprintln!(
                "{}{}",
                lang.pick("匹配岗位库：", "matched roles: "),
                m.join(lang.pick("，", ", "))
            );
            eprintln!(
                "{}",
                lang.pick(
                    "这些岗位的职责、任职要求与 KPI 取自岗位库，是建议内容：请在应用中核对后采纳或修改。",
                    "Their duties, requirements and KPI points come from the library as suggestions: review them in the app, then accept or edit them."
                )
            );
        }
        if !report.unmatched.is_empty() {
            eprintln!(
                "{}{}",
                lang.pick("未匹配岗位库的职位：", "titles with no library role: "),
                report.unmatched.join(lang.pick("，", ", "))
            );
        }
        if report.people > 0 {
            eprintln!(
                "{}",
                if zh {
                    format!("{} 人，{} 个岗位", report.people, report.positions)
                } else {
                    format!("{} people, {} positions", report.people, report.positions)
                }
            );
        }
        if !report.needs.is_empty() {
            let needs: Vec<&str> = report.needs.iter().map(|f| f.label(lang)).collect();
            eprintln!(
                "{}",
                if zh {
                    format!(
                        "没有列被识别为「{}」，没有写入任何内容：用 --map 列名={} 指定（文件的列：{}）",
                        needs.join("、"),
                        needs[0],
                        t.headers.join("、")
                    )
                } else {
                    format!(
                        "no column is read as {}; nothing was written: say which with --map COLUMN={} (the columns: {})",
                        needs.join(", "),
                        report.needs[0].key(),
                        t.headers.join(", ")
                    )
                }
            );
        }
        if let Some(c) = &report.changes {
            print_changes(c, lang);
        }
        if let Some(created) = &report.created {
            outln!("{}", created.doc.plan.id);
        } else if let Some(merged) = &report.merged {
            outln!("{}", merged.doc.plan.id);
        } else if refused && !dry_run {
            eprintln!(
                "{}",
                lang.pick(
                    "有问题的行未解决，没有写入任何内容；改正后再导入，或加 --skip-bad 跳过这些行",
                    "nothing was written: fix the rows above, or pass --skip-bad to leave them out"
                )
            );
        }
    }
    Ok(if buildable { 0 } else { 1 })
}

/// What bringing a roster into a plan changes, a line each.
fn print_changes(c: &orgplan_core::merge::RosterChanges, lang: Lang) {
    let zh = lang == Lang::Zh;
    let seats = |t: &[String]| {
        if t.is_empty() {
            lang.pick("无岗位", "no seat").to_string()
        } else {
            t.join(lang.pick("、", ", "))
        }
    };
    for j in &c.joiners {
        eprintln!(
            "{} {}（{}）",
            lang.pick("＋ 入职", "+ joins"),
            j.name,
            seats(&j.titles)
        );
    }
    for l in &c.leavers {
        let verb = match (c.leavers_kept, zh) {
            (true, true) => "？ 花名册中已无（保留）",
            (false, true) => "－ 离职（移除）",
            (true, false) => "? not on the roster (kept)",
            (false, false) => "- leaves (removed)",
        };
        eprintln!("{verb} {}（{}）", l.name, seats(&l.titles));
    }
    for m in &c.moves {
        eprintln!(
            "{} {}：{} → {}",
            lang.pick("→ 调岗", "→ moves"),
            m.name,
            seats(&m.from),
            seats(&m.to)
        );
    }
    if !c.updated.is_empty() {
        eprintln!(
            "{}{}",
            lang.pick("信息更新：", "details updated: "),
            c.updated.join(lang.pick("、", ", "))
        );
    }
    if !c.positions_added.is_empty() {
        eprintln!(
            "{}{}",
            lang.pick("新增岗位：", "positions added: "),
            c.positions_added.join(lang.pick("、", ", "))
        );
    }
    if !c.headcount_raised.is_empty() {
        eprintln!(
            "{}{}",
            lang.pick("编制上调：", "headcount raised: "),
            c.headcount_raised.join(lang.pick("、", ", "))
        );
    }
    if c.is_empty() {
        eprintln!(
            "{}",
            lang.pick(
                "与方案一致，没有变化",
                "the plan already matches: no change"
            )
        );
    }
}

/// A position of `plan` by id, or by a title only one position has.
fn position_named(ctx: &mut Ctx, plan: &str, position: &str) -> Result<orgplan_core::Id, Fail> {
    let lang = ctx.lang;
    let id = ctx
        .store
        .resolve(plan)
        .map_err(|e| Fail::from(ApiError::from_store(e, lang)))?;
    let doc = ctx
        .store
        .load(id)
        .map_err(|e| Fail::from(ApiError::from_store(e, lang)))?;
    if let Ok(pid) = orgplan_core::Id::parse_str(position) {
        if doc.position(pid).is_some() {
            return Ok(pid);
        }
    }
    let found: Vec<_> = doc
        .positions
        .iter()
        .filter(|p| p.title == position)
        .collect();
    match found.as_slice() {
        [p] => Ok(p.id),
        [] => Err(Fail {
            code: 2,
            message: match lang {
                Lang::Zh => format!("方案中没有岗位「{position}」"),
                Lang::En => format!("the plan has no position {position:?}"),
            },
        }),
        _ => Err(Fail {
            code: 2,
            message: match lang {
                Lang::Zh => format!("方案中有 {} 个「{position}」岗位：请用岗位 id", found.len()),
                Lang::En => format!(
                    "the plan has {} positions titled {position:?}: give the position's id",
                    found.len()
                ),
            },
        }),
    }
}

/// `orgplan recover`: exit 0 when every plan was copied, 1 when some could not be read.
fn recover(from: &std::path::Path, out: &std::path::Path, lang: Lang) -> Result<u8, Fail> {
    let report = orgplan_store::maintenance::recover(from, out)
        .map_err(|e| Fail::from(ApiError::from_store(e, lang)))?;
    for name in &report.plans {
        outln!("{} {name}", lang.pick("已复制", "copied"));
    }
    for name in &report.from_checkpoint {
        outln!(
            "{} {name}",
            lang.pick("已复制（取自方案快照）", "copied (from its checkpoint)")
        );
    }
    for (name, why) in &report.lost {
        outln!("{} {name}: {why}", lang.pick("无法读取", "could not read"));
    }
    let copied = report.plans.len() + report.from_checkpoint.len();
    outln!(
        "{}",
        match lang {
            Lang::Zh => format!(
                "共复制 {copied} 个方案到 {}，{} 个无法读取",
                out.display(),
                report.lost.len()
            ),
            Lang::En => format!(
                "{copied} plans copied to {}, {} could not be read",
                out.display(),
                report.lost.len()
            ),
        }
    );
    Ok(if report.lost.is_empty() { 0 } else { 1 })
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("JSON prints")
}

fn call(ctx: &mut Ctx, command: &str, args: Value) -> Result<Value, Fail> {
    dispatch(ctx, command, args).map_err(Fail::from)
}

fn run(cli: Cli, lang: Lang) -> Result<u8, Fail> {
    // Commands that need no database.
    match &cli.command {
        Command::Templates { json } => {
            let list = orgplan_core::templates::templates();
            if *json {
                outln!(
                    "{}",
                    pretty(&serde_json::to_value(&list).expect("serialises"))
                );
            } else {
                for t in list {
                    let summary = lang.pick(&t.summary_zh, &t.summary_en);
                    let name = lang.pick(&t.name, &t.name_en);
                    outln!(
                        "{:<11} {name}  ({}, {} {}, {})  {summary}",
                        t.id,
                        render::people(t.people, lang),
                        t.positions,
                        lang.pick("个岗位", "positions"),
                        render::seats(t.headcount, f64::from(t.headcount), lang),
                    );
                }
            }
            return Ok(0);
        }
        Command::Roles { json } => {
            let roles = orgplan_core::templates::roles();
            if *json {
                outln!(
                    "{}",
                    pretty(&serde_json::to_value(&roles).expect("serialises"))
                );
            } else {
                for f in orgplan_core::Function::ALL {
                    let group: Vec<_> = roles.iter().filter(|r| r.function == f).collect();
                    if group.is_empty() {
                        continue;
                    }
                    outln!("{}", f.label(lang));
                    for r in group {
                        let title = lang.pick(&r.title, &r.title_en);
                        outln!("  {:<28} {title}", r.id);
                    }
                }
            }
            return Ok(0);
        }
        Command::Commands => {
            for c in orgplan_api::COMMANDS {
                outln!("{c}");
            }
            return Ok(0);
        }
        Command::Where => {
            let (path, _) = db_path(cli.db, lang)?;
            outln!("{}", path.display());
            return Ok(0);
        }
        Command::Recover { out } => {
            let (path, _) = db_path(cli.db, lang)?;
            return recover(&path, out, lang);
        }
        _ => {}
    }

    let (path, default) = db_path(cli.db, lang)?;
    let store_err = |e| Fail::from(ApiError::from_store(e, lang));
    if let Command::Serve { port, ui } = cli.command {
        // A damaged file still serves the page that says so and offers its backups.
        let mut ctx = Ctx::open(
            &path,
            orgplan_store::Author::new(orgplan_store::Source::Browser),
            lang,
        )
        .map_err(Fail::from)?;
        if default && ctx.refused.is_none() {
            orgplan_store::maintenance::move_former_plans(&mut ctx.store).map_err(store_err)?;
        }
        // The demo plan of a first start comes first, so the day's backup holds it.
        orgplan_api::ensure_demo(&mut ctx).map_err(Fail::from)?;
        if ctx.refused.is_none() {
            backup_today(&path, &ctx);
        }
        let ui = ui
            .or_else(|| std::env::var_os("ORGPLAN_UI").map(PathBuf::from))
            .unwrap_or_else(|| {
                PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/dist"))
            });
        serve::serve(ctx, port, Some(ui)).map_err(|message| Fail { code: 2, message })?;
        return Ok(0);
    }
    let mut store = Store::open(&path).map_err(store_err)?;
    if default {
        if let Some(moved) =
            orgplan_store::maintenance::move_former_plans(&mut store).map_err(store_err)?
        {
            eprintln!(
                "{}",
                match lang {
                    Lang::Zh => format!(
                        "已把桌面应用原数据库中的 {} 个方案移入 {}（原文件保留为 {}）",
                        moved.plans.len(),
                        path.display(),
                        moved.backup
                    ),
                    Lang::En => format!(
                        "moved {} plans of the desktop app's former database into {} (the former file is kept as {})",
                        moved.plans.len(),
                        path.display(),
                        moved.backup
                    ),
                }
            );
        }
    }
    store.set_author(orgplan_store::Author::new(orgplan_store::Source::Cli));
    let mut ctx = Ctx::new(store, lang);

    match cli.command {
        Command::New { template, name } => {
            let state = call(
                &mut ctx,
                "create_plan",
                json!({ "template": template, "name": name }),
            )?;
            outln!("{}", state["created"].as_str().unwrap_or_default());
        }
        Command::Plans { json } => {
            let plans = call(&mut ctx, "list_plans", json!({}))?;
            if json {
                outln!("{}", pretty(&plans));
            } else {
                let list = plans.as_array().cloned().unwrap_or_default();
                if list.is_empty() {
                    outln!(
                        "{}",
                        lang.pick(
                            "还没有方案。用 orgplan new --template team-8 从模板开始。",
                            "No plans yet. Start one with: orgplan new --template team-8"
                        )
                    );
                }
                for p in list {
                    outln!(
                        "{}  {}  {} · {}  {}",
                        p["id"].as_str().unwrap_or_default(),
                        p["name"].as_str().unwrap_or_default(),
                        render::people(p["people"].as_u64().unwrap_or(0) as u32, lang),
                        render::seats(
                            p["headcount"].as_u64().unwrap_or(0) as u32,
                            p["headcount"].as_f64().unwrap_or(0.0),
                            lang
                        ),
                        p["updated_at"].as_str().unwrap_or_default(),
                    );
                }
            }
        }
        Command::Show { plan, json } => {
            let doc = load(&ctx, &plan)?;
            if json {
                out!("{}", orgplan_core::file::export(&doc));
            } else {
                out!("{}", render::tree_text(&doc, lang));
            }
        }
        Command::Compare {
            plan_a,
            plan_b,
            json,
            out: file,
            paper,
        } => {
            let (a, b) = (load(&ctx, &plan_a)?, load(&ctx, &plan_b)?);
            let c = orgplan_core::compare::compare(&a, &b, lang);
            if json {
                let value = serde_json::to_value(&c).expect("a comparison serialises");
                outln!("{}", pretty(&value));
            } else {
                out!("{}", render::compare_text(&c, lang));
            }
            if let Some(path) = file {
                use orgplan_export::consultant::{write_comparison, ComparisonFormat};
                let format = match path.extension().and_then(|e| e.to_str()) {
                    Some("xlsx") => ComparisonFormat::Xlsx,
                    Some("pdf") => ComparisonFormat::Pdf,
                    _ => ComparisonFormat::Csv,
                };
                let opts = export_options(lang, None, paper);
                let output = write_comparison(&a, &b, &c, format, &opts)
                    .map_err(|e| Fail::from(ApiError::from_export(e, lang)))?;
                write_output(&path, output)?;
            }
        }
        Command::Summary { plan, json } => {
            let value = call(&mut ctx, "plan_summary", json!({ "plan": plan }))?;
            if json {
                outln!("{}", pretty(&value));
            } else {
                let doc = load(&ctx, &plan)?;
                let f: orgplan_core::cost::PlanFigures =
                    serde_json::from_value(value).expect("figures read back");
                out!("{}", render::summary_text(&doc, &f, lang));
            }
        }
        Command::Staffing {
            plan,
            gmv,
            month,
            json,
        } => {
            let mut args = json!({ "plan": plan, "month": month });
            if let Some(g) = gmv {
                args["drivers"] = json!({ "monthly_gmv": g });
            }
            let value = call(&mut ctx, "staffing", args)?;
            if json {
                outln!("{}", pretty(&value));
            } else {
                let doc = load(&ctx, &plan)?;
                let s: orgplan_core::staffing::Staffing =
                    serde_json::from_value(value).expect("staffing reads back");
                out!("{}", render::staffing_text(&doc, &s, lang));
            }
        }
        Command::Validate { plan, json } => {
            // The handler itself, not through JSON: this is the path a script runs most.
            let list = orgplan_api::validate_plan(&mut ctx, orgplan_api::PlanArg { plan })?;
            if json {
                outln!(
                    "{}",
                    serde_json::to_string_pretty(&list).expect("findings serialise")
                );
            } else {
                // One write for all the lines, not one each.
                let mut text = String::new();
                for f in &list {
                    let sev = match f.severity {
                        Severity::Error => lang.pick("错误", "error"),
                        Severity::Warning => lang.pick("警告", "warning"),
                        Severity::Info => lang.pick("提示", "info"),
                    };
                    use std::fmt::Write as _;
                    let _ = writeln!(text, "{sev:<7} {:<20} {}", f.code, f.message(lang));
                }
                out!("{text}");
                let errors = list
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .count();
                outln!(
                    "{}",
                    match lang {
                        Lang::Zh => format!("共 {} 条发现，其中错误 {errors} 条", list.len()),
                        Lang::En => format!("{} findings, {errors} errors", list.len()),
                    }
                );
            }
            return Ok(if has_errors(&list) { 1 } else { 0 });
        }
        Command::Export {
            plan,
            format,
            out,
            position,
            paper,
            personal,
            names,
        } => {
            let doc = load(&ctx, &plan)?;
            let position = match position {
                None => None,
                Some(p) => Some(p.parse().map_err(|_| {
                    Fail::from(ApiError::new(
                        ErrorKind::BadArguments,
                        format!("--position: not a position id: {p}"),
                    ))
                })?),
            };
            let mut opts = export_options(lang, position, paper);
            opts.personal = personal;
            opts.names = names;
            let output = orgplan_export::export(&doc, format.export(), &opts)
                .map_err(|e| Fail::from(ApiError::from_export(e, lang)))?;
            write_output(&out, output)?;
        }
        Command::Import { file } => {
            let io = |e: std::io::Error| Fail {
                code: 2,
                message: format!("{}: {e}", file.display()),
            };
            let size = std::fs::metadata(&file).map_err(io)?.len();
            if size > orgplan_core::file::MAX_FILE_BYTES as u64 {
                return Err(Fail::from(ApiError::bad_file(
                    &orgplan_core::file::too_large(size),
                    lang,
                )));
            }
            let bytes = std::fs::read(&file).map_err(io)?;
            if let Err(e) = std::str::from_utf8(&bytes) {
                return Err(Fail::from(ApiError::new(
                    ErrorKind::BadFile,
                    match lang {
                        Lang::Zh => {
                            format!("方案文件有误（字节 {}）：不是 UTF-8 文本", e.valid_up_to())
                        }
                        Lang::En => {
                            format!("bad plan file at byte {}: not UTF-8 text", e.valid_up_to())
                        }
                    },
                )));
            }
            // Straight into the store: the new plan's whole state is not needed to print its
            // id, and building it would cost many times the file's size in memory.
            let id = ctx
                .store
                .import_bytes(&bytes)
                .map_err(|e| Fail::from(ApiError::from_store(e, lang)))?;
            outln!("{id}");
        }
        Command::ImportRoster {
            file,
            name,
            into,
            under,
            keep_leavers,
            personal,
            sheet,
            map,
            part_time_share,
            skip_bad,
            dry_run,
            json,
        } => {
            let under = match (&into, &under) {
                (Some(plan), Some(position)) => Some(position_named(&mut ctx, plan, position)?),
                _ => None,
            };
            return import_roster(
                &mut ctx,
                &file,
                orgplan_api::ImportRosterArgs {
                    under,
                    plan: into,
                    keep_leavers: Some(keep_leavers),
                    revision: None,
                    personal: Some(personal),
                    file_name: String::new(),
                    base64: String::new(),
                    sheet,
                    mapping: None,
                    columns: None,
                    name,
                    part_time_share: Some(part_time_share),
                    skip_bad: Some(skip_bad),
                    dry_run: Some(dry_run),
                },
                &map,
                json,
            );
        }
        Command::Call {
            stdin: true, brief, ..
        } => return Ok(call_lines(&mut ctx, brief)),
        Command::Call { command, args, .. } => {
            let command = command.unwrap_or_default();
            let args: Value = match serde_json::from_str(&args) {
                Ok(v) => v,
                Err(e) => {
                    let err = ApiError::new(
                        ErrorKind::BadArguments,
                        format!("the arguments are not JSON: {e}"),
                    );
                    outln!("{}", serde_json::to_string(&err).expect("serialises"));
                    return Ok(2);
                }
            };
            match dispatch(&mut ctx, &command, args) {
                Ok(v) => outln!("{}", pretty(&v)),
                Err(e) => {
                    outln!("{}", serde_json::to_string(&e).expect("serialises"));
                    return Ok(2);
                }
            }
        }
        Command::Templates { .. }
        | Command::Roles { .. }
        | Command::Commands
        | Command::Where
        | Command::Serve { .. }
        | Command::Recover { .. } => {
            unreachable!("handled above")
        }
    }
    Ok(0)
}

/// A plan by id or unique name.
fn load(ctx: &Ctx, plan: &str) -> Result<orgplan_core::PlanDoc, Fail> {
    orgplan_api::load_plan(ctx, plan).map_err(Fail::from)
}

/// Documents dated today.
fn export_options(
    lang: Lang,
    position: Option<orgplan_core::Id>,
    paper: PaperArg,
) -> orgplan_export::Options {
    orgplan_export::Options {
        lang,
        position,
        date: chrono::Utc::now().date_naive(),
        paper: match paper {
            PaperArg::A4 => orgplan_export::Paper::A4,
            PaperArg::A3 => orgplan_export::Paper::A3,
        },
        personal: false,
        names: false,
    }
}

/// Writes one file to `out`, or several into the folder `out`.
fn write_output(out: &std::path::Path, output: orgplan_export::Output) -> Result<(), Fail> {
    let write = |path: &std::path::Path, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(|e| Fail {
            code: 2,
            message: format!("{}: {e}", path.display()),
        })
    };
    match output {
        orgplan_export::Output::File(bytes) => write(out, &bytes),
        orgplan_export::Output::Files(files) => {
            std::fs::create_dir_all(out).map_err(|e| Fail {
                code: 2,
                message: format!("{}: {e}", out.display()),
            })?;
            for (name, bytes) in files {
                write(&out.join(name), &bytes)?;
            }
            Ok(())
        }
    }
}

/// `orgplan call --stdin`: one request a line in, one result a line out, flushed after each so
/// a caller knows which edits were committed.
fn call_lines(ctx: &mut Ctx, brief: bool) -> u8 {
    use std::io::{BufRead, Write};
    let mut code = 0;
    let stdout = std::io::stdout();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let reply = match serde_json::from_str::<Value>(&line) {
            Ok(req) => {
                let command = req["command"].as_str().unwrap_or_default().to_string();
                match dispatch(ctx, &command, req["args"].clone()) {
                    Ok(v) if brief => match v.get("created") {
                        Some(created) if !created.is_null() => {
                            json!({ "ok": true, "created": created })
                        }
                        _ => json!({ "ok": true }),
                    },
                    Ok(v) => json!({ "ok": v }),
                    Err(e) => json!({ "error": e }),
                }
            }
            Err(e) => {
                json!({ "error": ApiError::new(ErrorKind::BadArguments, format!("the request is not JSON: {e}")) })
            }
        };
        if reply.get("error").is_some() {
            code = 2;
        }
        let mut out = stdout.lock();
        if writeln!(out, "{reply}").and_then(|_| out.flush()).is_err() {
            break;
        }
    }
    code
}
