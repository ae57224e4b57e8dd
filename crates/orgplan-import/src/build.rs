//! A roster table into a plan: the reporting tree follows the manager column; people with the
//! same title under the same manager (in the same department) form one position whose 编制
//! is their count; each person holds their seat (兼职 and 实习 at a share the user sets); a
//! person on two rows is one person over two seats. Titles are matched against the role
//! library, so a matched position starts with the role's duties, KPI points and functions.
//! Rows that cannot be placed are reported with their row number; by default the plan is not
//! built until there are none, or they are skipped.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use orgplan_core::templates::{self, Role};
use orgplan_core::{Assignment, Department, Id, Lang, Person, PersonKind, PlanDoc, Position};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::columns::{Field, Mapping};

/// Colours given to departments in turn, as the app gives them.
const PALETTE: [&str; 8] = [
    "#2563eb", "#7c3aed", "#0d9488", "#d97706", "#dc2626", "#059669", "#db2777", "#4b5563",
];

/// The department at `path` (`["运营中心", "客服部"]`), added with the departments above it
/// where they are new. A sub-department takes its parent's colour.
fn department(
    path: &[String],
    departments: &mut Vec<Department>,
    new_id: &mut dyn FnMut() -> Id,
) -> Option<Id> {
    let mut parent: Option<Id> = None;
    for name in path {
        let found = departments
            .iter()
            .find(|d| d.name == *name && d.parent == parent)
            .map(|d| d.id);
        parent = Some(match found {
            Some(id) => id,
            None => {
                let color = match parent.and_then(|p| departments.iter().find(|d| d.id == p)) {
                    Some(up) => up.color.clone(),
                    None => {
                        let tops = departments.iter().filter(|d| d.parent.is_none()).count();
                        PALETTE[tops % PALETTE.len()].into()
                    }
                };
                let d = Department {
                    id: new_id(),
                    name: name.clone(),
                    name_en: String::new(),
                    color,
                    parent,
                };
                let id = d.id;
                departments.push(d);
                id
            }
        });
    }
    parent
}
use crate::table::Table;

/// How to build.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Options {
    /// The new plan's name.
    pub name: String,
    /// The share of time of a 兼职 or 实习 person on one seat, in percent.
    pub part_time_share: u32,
    /// Leave out the rows with problems (and the rows under them) instead of refusing.
    pub skip_bad: bool,
    /// Read 手机 and 邮箱 (personal data) too.
    #[serde(default)]
    pub personal: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            name: "导入的团队".into(),
            part_time_share: 50,
            skip_bad: false,
            personal: false,
        }
    }
}

/// What is wrong with a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    MissingName,
    /// The manager named is not in the file.
    ManagerNotFound,
    /// The manager's name is shared by several people, and the file gives no id to tell them
    /// apart.
    AmbiguousManager,
    /// One 工号 with two names.
    DuplicateId,
    /// The rows' managers go round in a circle.
    Cycle,
    /// A second person with no manager: a plan has one top.
    SeveralRoots,
    /// A share of time that is not a whole percent from 1 to 100.
    BadShare,
    /// Under a row that was left out.
    UnderSkipped,
}

/// A row that cannot be placed, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Problem {
    /// The row's number in the file.
    pub line: usize,
    pub kind: ProblemKind,
    /// The value at fault (a manager's name, an id, a share).
    pub value: String,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let v = &self.value;
        let (zh, en) = match self.kind {
            ProblemKind::MissingName => ("没有姓名".to_string(), "no name".to_string()),
            ProblemKind::ManagerNotFound => (
                format!("直属上级「{v}」不在文件中"),
                format!("the manager {v:?} is not in the file"),
            ),
            ProblemKind::AmbiguousManager => (
                format!("直属上级「{v}」有重名，请用上级工号区分"),
                format!("several people are named {v:?}: give the manager's id"),
            ),
            ProblemKind::DuplicateId => (
                format!("工号 {v} 已属于另一个人"),
                format!("the id {v} belongs to someone else"),
            ),
            ProblemKind::Cycle => (
                format!("汇报关系形成循环（经过「{v}」）"),
                format!("the reporting lines go round in a circle (through {v:?})"),
            ),
            ProblemKind::SeveralRoots => (
                format!("「{v}」也没有直属上级：方案只能有一个最高岗位"),
                format!("{v:?} has no manager either: a plan has one top position"),
            ),
            ProblemKind::BadShare => (
                format!("岗位占比「{v}」须是 1 到 100 的整数"),
                format!("the share {v:?} must be a whole percent from 1 to 100"),
            ),
            ProblemKind::UnderSkipped => (
                format!("上级「{v}」所在的行被跳过"),
                format!("the row of its manager {v:?} was left out"),
            ),
        };
        match lang {
            Lang::Zh => format!("第 {} 行：{zh}", self.line),
            Lang::En => format!("row {}: {en}", self.line),
        }
    }
}

/// What was built.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    pub doc: PlanDoc,
    /// Rows left out (with `skip_bad`), with why.
    pub skipped: Vec<Problem>,
    /// Titles matched with a library role: (title, role id).
    pub matched: Vec<(String, String)>,
    /// Titles no library role matched.
    pub unmatched: Vec<String>,
}

/// Rows that share a seat: the same superior's seat, title and department path.
type SeatGroup = (Option<Id>, String, Option<Vec<String>>);

/// A row read through the mapping.
struct Entry {
    line: usize,
    name: String,
    id: Option<String>,
    title: String,
    department: Option<Vec<String>>,
    manager: Option<String>,
    manager_id: Option<String>,
    share: Option<u32>,
    details: Details,
}

/// What a row says about its person beyond name and seat.
#[derive(Clone, Default)]
struct Details {
    phone: String,
    email: String,
    start_date: Option<NaiveDate>,
    kind: Option<PersonKind>,
}

impl Details {
    fn read(c: &dyn Fn(Field) -> Option<String>, options: &Options) -> Details {
        let personal = |f| if options.personal { c(f) } else { None };
        Details {
            phone: personal(Field::Phone).unwrap_or_default(),
            email: personal(Field::Email).unwrap_or_default(),
            start_date: c(Field::StartDate).as_deref().and_then(parse_date),
            kind: c(Field::Kind).as_deref().and_then(PersonKind::parse),
        }
    }

    /// Holds a seat part of the time (兼职, 实习).
    fn part_time(&self) -> bool {
        matches!(self.kind, Some(PersonKind::PartTime | PersonKind::Intern))
    }

    fn person(&self, id: Id, name: &str, employee_no: Option<&str>) -> Person {
        let mut p = Person::new(id, name, Vec::new());
        p.employee_no = employee_no.unwrap_or_default().to_string();
        p.phone = self.phone.clone();
        p.email = self.email.clone();
        p.start_date = self.start_date;
        p.kind = self.kind;
        p
    }
}

/// A date as rosters write it: `2023-03-01`, `2023/3/1`, `2023.3.1`, `2023年3月1日`, with or
/// without a time after it.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    let day = t.split([' ', 'T']).next().unwrap_or(t);
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(day, f).ok())
        .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)))
}

fn cell<'a>(row: &'a [String], mapping: &Mapping, f: Field) -> Option<&'a str> {
    mapping
        .index(f)
        .and_then(|i| row.get(i))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
}

/// The main department of a 部门 cell, as a path from the top: the first of several (`;` `；`
/// `,` `，`), split at `/` (`运营中心/客服部` is 客服部 within 运营中心).
fn main_department(cell: &str) -> Option<Vec<String>> {
    let first = cell.split([';', '；', ',', '，', '|']).next()?.trim();
    let path: Vec<String> = first
        .split(['/', '>', '／', '＞'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    (!path.is_empty()).then_some(path)
}

/// A share cell: `60`, `60%`, `0.6`.
fn parse_share(s: &str) -> Option<u32> {
    let t = s.trim().trim_end_matches(['%', '％']).trim();
    let v: f64 = t.parse().ok()?;
    let v = if v > 0.0 && v < 1.0 && !s.contains('%') {
        v * 100.0
    } else {
        v
    };
    (v.fract() == 0.0 && (1.0..=100.0).contains(&v)).then_some(v as u32)
}

/// A row's share of time: `Err` (and a problem noted) when the cell is not a share.
fn row_share(
    line: usize,
    cell: Option<&str>,
    problems: &mut Vec<Problem>,
) -> Result<Option<u32>, ()> {
    let Some(s) = cell else {
        return Ok(None);
    };
    match parse_share(s) {
        Some(v) => Ok(Some(v)),
        None => {
            problems.push(Problem {
                line,
                kind: ProblemKind::BadShare,
                value: s.into(),
            });
            Err(())
        }
    }
}

/// A new seat titled `title`: from the library role it matches, else blank; the title is
/// noted as matched or not.
fn seat(
    id: Id,
    title: &str,
    roles: &[Role],
    matched: &mut Vec<(String, String)>,
    unmatched: &mut Vec<String>,
) -> Position {
    let mut p = match match_role(title, roles) {
        Some(role) => {
            if !matched.iter().any(|(t, _)| t == title) {
                matched.push((title.to_string(), role.id.clone()));
            }
            role.to_position(id)
        }
        None => {
            if !unmatched.iter().any(|t| t == title) {
                unmatched.push(title.to_string());
            }
            Position::blank(id, title)
        }
    };
    p.title = title.to_string();
    p
}

/// The plan built: a blank plan's meta with these departments, seats and people.
fn plan(
    options: &Options,
    now: DateTime<Utc>,
    departments: Vec<Department>,
    positions: Vec<Arc<Position>>,
    people: Vec<Person>,
) -> PlanDoc {
    let mut doc = templates::blank(&options.name, now);
    doc.plan.target_size = people.len() as u32;
    doc.departments = departments;
    doc.positions = positions;
    doc.people = people;
    doc.normalize();
    doc
}

/// The library role a title means: the same title (or one of a role's `/` parts), else a
/// synonym the shops use.
pub fn match_role<'a>(title: &str, roles: &'a [Role]) -> Option<&'a Role> {
    match_whole(title, roles).or_else(|| {
        // `店长/运营`: the first part that means a role.
        title
            .split(['/', '／', '、'])
            .filter(|part| part.trim() != title.trim())
            .find_map(|part| match_whole(part, roles))
    })
}

fn match_whole<'a>(title: &str, roles: &'a [Role]) -> Option<&'a Role> {
    let t = title.trim();
    let by_title = roles.iter().find(|r| {
        r.title == t || r.title_en.eq_ignore_ascii_case(t) || r.title.split('/').any(|p| p == t)
    });
    by_title.or_else(|| {
        let role = SYNONYMS
            .iter()
            .find(|(_, names)| names.contains(&t))
            .map(|(role, _)| *role)?;
        roles.iter().find(|r| r.title == role)
    })
}

/// Titles the shops use for a library role (by the role's title).
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "售前客服",
        &[
            "客服",
            "在线客服",
            "售前",
            "客服专员",
            "淘宝客服",
            "天猫客服",
        ],
    ),
    ("售后客服", &["售后", "售后专员", "售后客服专员"]),
    (
        "美工/视觉设计",
        &["设计", "设计师", "视觉设计师", "平面设计", "电商美工"],
    ),
    (
        "打包发货员",
        &["打包员", "打包", "发货员", "打包工", "仓库打包"],
    ),
    ("仓库管理员", &["仓管", "库管", "仓管员"]),
    ("数据分析师", &["数据分析", "数据分析专员", "数据专员"]),
    (
        "短视频剪辑师",
        &["剪辑", "剪辑师", "短视频剪辑", "视频剪辑"],
    ),
    ("内容/直播运营", &["主播", "直播运营", "内容运营", "直播"]),
    ("钻展/引力魔方专员", &["钻展专员", "引力魔方专员", "钻展"]),
    ("直通车专员", &["直通车", "推广专员", "付费推广"]),
    ("运营专员", &["运营", "运营助理", "店铺运营"]),
    ("财务/会计", &["会计", "财务"]),
    ("文案策划", &["文案"]),
];

/// Builds a plan from a roster table read through `mapping`. `Err` lists every row that
/// cannot be placed (nothing is built) unless `options.skip_bad`, which leaves them out.
pub fn build(
    table: &Table,
    mapping: &Mapping,
    options: &Options,
    now: DateTime<Utc>,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Built, Vec<Problem>> {
    if mapping.index(Field::PositionId).is_some() {
        return build_by_position(table, mapping, options, now, new_id);
    }
    let mut problems: Vec<Problem> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    for row in &table.rows {
        let c = |f| cell(&row.cells, mapping, f);
        let Some(name) = c(Field::Name) else {
            problems.push(Problem {
                line: row.line,
                kind: ProblemKind::MissingName,
                value: String::new(),
            });
            continue;
        };
        let Ok(share) = row_share(row.line, c(Field::Share), &mut problems) else {
            continue;
        };
        entries.push(Entry {
            line: row.line,
            name: name.into(),
            id: c(Field::EmployeeId).map(str::to_string),
            title: c(Field::Title).unwrap_or("员工").into(),
            department: c(Field::Department).and_then(main_department),
            manager: c(Field::Manager).map(str::to_string),
            manager_id: c(Field::ManagerId).map(str::to_string),
            share,
            details: Details::read(&|f| c(f).map(str::to_string), options),
        });
    }

    // Who is one person: the id where the file has one, else the name.
    let key = |e: &Entry| e.id.clone().unwrap_or_else(|| format!("name:{}", e.name));
    let mut person_of: Vec<usize> = Vec::new(); // entry → person
    let mut persons: Vec<(String, String)> = Vec::new(); // (key, name)
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut bad = vec![false; entries.len()];
    for (i, e) in entries.iter().enumerate() {
        let k = key(e);
        let p = *by_key.entry(k.clone()).or_insert_with(|| {
            persons.push((k, e.name.clone()));
            persons.len() - 1
        });
        if persons[p].1 != e.name {
            problems.push(Problem {
                line: e.line,
                kind: ProblemKind::DuplicateId,
                value: e.id.clone().unwrap_or_default(),
            });
            bad[i] = true;
        }
        person_of.push(p);
    }
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(id) = &e.id {
            by_id.entry(id.as_str()).or_insert(person_of[i]);
        }
        let list = by_name.entry(e.name.as_str()).or_default();
        if !list.contains(&person_of[i]) {
            list.push(person_of[i]);
        }
    }
    // Each entry's manager, as a person.
    let mut manager: Vec<Option<usize>> = vec![None; entries.len()];
    for (i, e) in entries.iter().enumerate() {
        let found = match (&e.manager_id, &e.manager) {
            (Some(id), _) => by_id
                .get(id.as_str())
                .copied()
                .ok_or((ProblemKind::ManagerNotFound, id)),
            (None, Some(m)) => match by_id.get(m.as_str()) {
                Some(&p) => Ok(p),
                None => match by_name.get(m.as_str()).map(Vec::as_slice) {
                    Some([p]) => Ok(*p),
                    Some([]) | None => Err((ProblemKind::ManagerNotFound, m)),
                    Some(_) => Err((ProblemKind::AmbiguousManager, m)),
                },
            },
            (None, None) => continue,
        };
        match found {
            Ok(p) => manager[i] = Some(p),
            Err((kind, value)) => {
                problems.push(Problem {
                    line: e.line,
                    kind,
                    value: value.clone(),
                });
                bad[i] = true;
            }
        }
    }
    // A person's main row (their first) decides where they sit in the tree.
    let mut main_row: Vec<Option<usize>> = vec![None; persons.len()];
    for (i, &p) in person_of.iter().enumerate() {
        main_row[p].get_or_insert(i);
    }
    // Rows whose managers go round in a circle.
    for i in 0..entries.len() {
        let mut seen = vec![i];
        let mut at = i;
        while let Some(m) = manager[at].and_then(|p| main_row[p]) {
            if m == i {
                if !bad[i] {
                    problems.push(Problem {
                        line: entries[i].line,
                        kind: ProblemKind::Cycle,
                        value: entries[i].name.clone(),
                    });
                    bad[i] = true;
                }
                break;
            }
            if seen.contains(&m) {
                break;
            }
            seen.push(m);
            at = m;
        }
    }
    // One top: the first row with no manager; others are problems.
    let mut top: Option<usize> = None;
    for i in 0..entries.len() {
        if manager[i].is_none() && !bad[i] && main_row[person_of[i]] == Some(i) {
            match top {
                None => top = Some(i),
                Some(_) => {
                    problems.push(Problem {
                        line: entries[i].line,
                        kind: ProblemKind::SeveralRoots,
                        value: entries[i].name.clone(),
                    });
                    bad[i] = true;
                }
            }
        }
    }
    // Rows under a left-out row are left out with it.
    loop {
        let mut changed = false;
        for i in 0..entries.len() {
            if bad[i] {
                continue;
            }
            let boss = manager[i].and_then(|p| main_row[p]);
            if let Some(b) = boss.filter(|&b| bad[b]) {
                problems.push(Problem {
                    line: entries[i].line,
                    kind: ProblemKind::UnderSkipped,
                    value: entries[b].name.clone(),
                });
                bad[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    problems.sort_by_key(|p| p.line);
    if top.is_none() && problems.is_empty() {
        problems.push(Problem {
            line: table.rows.first().map_or(0, |r| r.line),
            kind: ProblemKind::Cycle,
            value: entries.first().map(|e| e.name.clone()).unwrap_or_default(),
        });
    }
    if (!problems.is_empty() && !options.skip_bad) || top.is_none() {
        return Err(problems);
    }

    // Departments, in order of first mention.
    let mut departments: Vec<Department> = Vec::new();
    let roles = templates::roles();
    let mut matched: Vec<(String, String)> = Vec::new();
    let mut unmatched: Vec<String> = Vec::new();

    // Seats: rows placed parent first, grouped by (superior seat, title, department).
    let mut seat_of: Vec<Option<Id>> = vec![None; entries.len()];
    let mut seats: Vec<Position> = Vec::new();
    let mut seat_index: HashMap<SeatGroup, usize> = HashMap::new();
    let mut remaining: Vec<usize> = (0..entries.len()).filter(|&i| !bad[i]).collect();
    while !remaining.is_empty() {
        let before = remaining.len();
        remaining.retain(|&i| {
            let parent = match manager[i].and_then(|p| main_row[p]) {
                None => None,
                Some(b) => match seat_of[b] {
                    Some(s) => Some(s),
                    None => return true, // its superior's seat is not placed yet
                },
            };
            let e = &entries[i];
            let group = (parent, e.title.clone(), e.department.clone());
            let at = match seat_index.get(&group) {
                Some(&at) => {
                    seats[at].headcount += 1;
                    at
                }
                None => {
                    let id = new_id();
                    let mut p = seat(id, &e.title, &roles, &mut matched, &mut unmatched);
                    p.parent = parent;
                    p.department = e
                        .department
                        .as_deref()
                        .and_then(|d| department(d, &mut departments, &mut *new_id));
                    seats.push(p);
                    seat_index.insert(group, seats.len() - 1);
                    seats.len() - 1
                }
            };
            seat_of[i] = Some(seats[at].id);
            false
        });
        if remaining.len() == before {
            // Only rows whose chain was found bad above are left; nothing more to place.
            break;
        }
    }

    // People and their shares.
    let mut people: Vec<Person> = Vec::new();
    for (p, (_, name)) in persons.iter().enumerate() {
        let rows: Vec<usize> = (0..entries.len())
            .filter(|&i| person_of[i] == p && seat_of[i].is_some())
            .collect();
        if rows.is_empty() {
            continue;
        }
        let part_time = rows.iter().any(|&i| entries[i].details.part_time());
        let whole = if part_time {
            options.part_time_share.clamp(1, 100)
        } else {
            100
        };
        // Given shares stand; the rest of the person's time is split over the other seats,
        // never more than 100 % in all.
        let given: u32 = rows.iter().filter_map(|&i| entries[i].share).sum();
        let open: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&i| entries[i].share.is_none())
            .collect();
        let left = whole.saturating_sub(given).max(open.len() as u32);
        let mut assignments = Vec::new();
        for &i in &rows {
            let share = match entries[i].share {
                Some(s) => s,
                None => {
                    let at = open.iter().position(|&o| o == i).expect("an open row") as u32;
                    let n = open.len() as u32;
                    left / n + u32::from(at < left % n)
                }
            };
            let position = seat_of[i].expect("placed");
            if assignments
                .iter()
                .any(|a: &Assignment| a.position == position)
            {
                continue;
            }
            assignments.push(Assignment {
                position,
                share: share.clamp(1, 100),
            });
        }
        let first = &entries[rows[0]];
        let mut person = first.details.person(new_id(), name, first.id.as_deref());
        person.assignments = assignments;
        people.push(person);
    }
    // Each seat's 编制 is its rows, so it is never below its holders.
    let doc = plan(
        options,
        now,
        departments,
        seats.into_iter().map(Arc::new).collect(),
        people,
    );
    let skipped = if options.skip_bad {
        problems
    } else {
        Vec::new()
    };
    Ok(Built {
        doc,
        skipped,
        matched,
        unmatched,
    })
}

/// A roster that numbers its positions (OrgPlan's own 花名册 export: 岗位编号, 上级岗位编号):
/// the tree follows the position numbers, a row without a name is a vacancy of its seat, and
/// people are told apart by 工号, else by name.
fn build_by_position(
    table: &Table,
    mapping: &Mapping,
    options: &Options,
    now: DateTime<Utc>,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Built, Vec<Problem>> {
    struct Seat {
        line: usize,
        parent: Option<String>,
        title: String,
        department: Option<Vec<String>>,
        headcount: u32,
    }
    struct Holder {
        key: String,
        name: String,
        employee_no: Option<String>,
        number: String,
        share: Option<u32>,
        details: Details,
    }
    let mut problems = Vec::new();
    let mut seats: Vec<(String, Seat)> = Vec::new();
    let mut holders: Vec<Holder> = Vec::new();
    for row in &table.rows {
        let c = |f| cell(&row.cells, mapping, f);
        let Some(number) = c(Field::PositionId) else {
            problems.push(Problem {
                line: row.line,
                kind: ProblemKind::MissingName,
                value: String::new(),
            });
            continue;
        };
        let Ok(share) = row_share(row.line, c(Field::Share), &mut problems) else {
            continue;
        };
        match seats.iter_mut().find(|(n, _)| n == number) {
            Some((_, seat)) => seat.headcount += 1,
            None => seats.push((
                number.to_string(),
                Seat {
                    line: row.line,
                    parent: c(Field::ParentPositionId).map(str::to_string),
                    title: c(Field::Title).unwrap_or("员工").to_string(),
                    department: c(Field::Department).and_then(main_department),
                    headcount: 1,
                },
            )),
        }
        if let Some(name) = c(Field::Name) {
            let employee_no = c(Field::EmployeeId).map(str::to_string);
            holders.push(Holder {
                key: employee_no
                    .clone()
                    .unwrap_or_else(|| format!("name:{name}")),
                name: name.to_string(),
                employee_no,
                number: number.to_string(),
                share,
                details: Details::read(&|f| c(f).map(str::to_string), options),
            });
        }
    }
    // Parents that exist, one top, no circle.
    let index: HashMap<&str, usize> = seats
        .iter()
        .enumerate()
        .map(|(i, (n, _))| (n.as_str(), i))
        .collect();
    let mut parent: Vec<Option<usize>> = vec![None; seats.len()];
    let mut top = None;
    for (i, (_, seat)) in seats.iter().enumerate() {
        match &seat.parent {
            Some(p) => match index.get(p.as_str()) {
                Some(&j) => parent[i] = Some(j),
                None => problems.push(Problem {
                    line: seat.line,
                    kind: ProblemKind::ManagerNotFound,
                    value: p.clone(),
                }),
            },
            None if top.is_none() => top = Some(i),
            None => problems.push(Problem {
                line: seat.line,
                kind: ProblemKind::SeveralRoots,
                value: seat.title.clone(),
            }),
        }
    }
    for i in 0..seats.len() {
        let (mut at, mut steps) = (i, 0);
        while let Some(p) = parent[at] {
            steps += 1;
            if p == i || steps > seats.len() {
                problems.push(Problem {
                    line: seats[i].1.line,
                    kind: ProblemKind::Cycle,
                    value: seats[i].1.title.clone(),
                });
                break;
            }
            at = p;
        }
    }
    problems.sort_by_key(|p| p.line);
    if !problems.is_empty() || top.is_none() {
        // Seats are not skipped one by one here: a numbered roster is a whole plan.
        return Err(problems);
    }
    let roles = templates::roles();
    let (mut matched, mut unmatched) = (Vec::new(), Vec::new());
    let mut departments = Vec::new();
    let ids: Vec<Id> = seats.iter().map(|_| new_id()).collect();
    let mut positions = Vec::new();
    for (i, (_, seat)) in seats.iter().enumerate() {
        let mut p = self::seat(ids[i], &seat.title, &roles, &mut matched, &mut unmatched);
        p.parent = parent[i].map(|j| ids[j]);
        p.headcount = seat.headcount;
        p.department = seat
            .department
            .as_deref()
            .and_then(|d| department(d, &mut departments, &mut *new_id));
        positions.push(Arc::new(p));
    }
    let mut people: Vec<Person> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for h in holders {
        let position = ids[index[h.number.as_str()]];
        let share = h.share.unwrap_or(if h.details.part_time() {
            options.part_time_share
        } else {
            100
        });
        let at = match keys.iter().position(|k| *k == h.key) {
            Some(at) => at,
            None => {
                keys.push(h.key.clone());
                people.push(
                    h.details
                        .person(new_id(), &h.name, h.employee_no.as_deref()),
                );
                people.len() - 1
            }
        };
        if !people[at]
            .assignments
            .iter()
            .any(|a| a.position == position)
        {
            people[at].assignments.push(Assignment {
                position,
                share: share.clamp(1, 100),
            });
        }
    }
    let doc = plan(options, now, departments, positions, people);
    Ok(Built {
        doc,
        skipped: Vec::new(),
        matched,
        unmatched,
    })
}
