//! Structural invariants of a plan. An edit is applied to a copy of the plan and committed only
//! when [`check_doc`] accepts the result; imported files go through the same gate.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::error::{EditError, Problem};
use crate::model::{Id, PlanDoc, Position};

/// Longest single-line text (titles, names, metrics), in characters.
pub const MAX_SHORT: usize = 200;
/// Longest multi-line text (purpose, duties, notes), in characters.
pub const MAX_LONG: usize = 4000;
/// Most items in one list (duties, KPIs, lines, assignments).
pub const MAX_ITEMS: usize = 200;
/// Most positions or people in one plan.
pub const MAX_POSITIONS: usize = 50_000;
pub const MAX_DEPARTMENTS: usize = 500;
pub const MAX_HEADCOUNT: u32 = 100_000;
pub const MAX_PAY: u32 = 10_000_000;
/// What 编制 may be: every rule on a number lives here once, and the plan-file reader, the
/// limits given to the UI and these checks all read it.
pub const HEADCOUNT: std::ops::RangeInclusive<u32> = 1..=MAX_HEADCOUNT;
/// A share of a person's time, in percent.
pub const SHARE: std::ops::RangeInclusive<u32> = 1..=100;
/// Monthly pay, whole yuan.
pub const PAY: std::ops::RangeInclusive<u32> = 0..=MAX_PAY;
/// The team size a plan aims at (0: not set).
pub const TARGET_SIZE: std::ops::RangeInclusive<u32> = 0..=MAX_HEADCOUNT;
/// Deepest reporting chain, in levels below the top.
pub const MAX_DEPTH: usize = 100;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// One line, may be empty.
    Short,
    /// One line, must not be blank.
    Required,
    /// Several lines (newlines and tabs allowed).
    Long,
}

/// Refuses control characters and text over the limits.
pub fn check_text(field: &str, value: &str, kind: TextKind) -> Result<(), EditError> {
    let max = if kind == TextKind::Long {
        MAX_LONG
    } else {
        MAX_SHORT
    };
    let len = value.chars().count();
    if len > max {
        return Err(EditError::problem(
            field,
            Problem::TooLong,
            format!("text is {len} characters long; at most {max} are allowed"),
            format!("文本长 {len} 个字符，最多允许 {max} 个"),
        ));
    }
    if kind == TextKind::Required && value.trim().is_empty() {
        return Err(EditError::problem(
            field,
            Problem::Empty,
            "must not be empty",
            "不能为空",
        ));
    }
    let allowed = |c: char| kind == TextKind::Long && (c == '\n' || c == '\t');
    if let Some(c) = value.chars().find(|&c| is_control(c) && !allowed(c)) {
        return Err(EditError::problem(
            field,
            Problem::ControlCharacter,
            format!("contains the control character U+{:04X}", c as u32),
            format!("包含控制字符 U+{:04X}", c as u32),
        ));
    }
    Ok(())
}

fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

pub fn check_count(field: &str, len: usize, max: usize) -> Result<(), EditError> {
    if len > max {
        return Err(EditError::problem(
            field,
            Problem::TooMany,
            format!("{len} items; at most {max} are allowed"),
            format!("共 {len} 项，最多允许 {max} 项"),
        ));
    }
    Ok(())
}

/// A human label for a position in messages: its title, or its id when untitled.
pub fn label(p: &Position) -> String {
    if p.title.trim().is_empty() {
        p.id.to_string()
    } else {
        p.title.clone()
    }
}

/// Checks every invariant of a plan: one root, no cycle, references resolve, numbers in range,
/// text within limits.
pub fn check_doc(doc: &PlanDoc) -> Result<(), EditError> {
    check_doc_with(doc, &|_| true)
}

/// [`check_doc`], checking the text of only the positions `texts` picks: after an edit, only
/// the positions it touched can hold new text. Structure and references are always checked
/// in full.
pub fn check_doc_with(doc: &PlanDoc, texts: &dyn Fn(&Position) -> bool) -> Result<(), EditError> {
    check_meta(doc)?;
    let departments = check_departments(doc)?;
    let goals = check_goals(doc)?;

    check_count("positions", doc.positions.len(), MAX_POSITIONS)?;
    let index = check_tree(doc)?;
    let exists = |id: &Id| index.contains_key(id);
    for p in &doc.positions {
        check_position(p, &exists, &departments, &goals, texts(p))?;
    }

    check_people(doc, &exists)?;
    Ok(())
}

/// Same positions in the same places (ids, superiors and order): the tree kept its shape.
pub fn same_shape(a: &PlanDoc, b: &PlanDoc) -> bool {
    a.positions.len() == b.positions.len()
        && a.positions
            .iter()
            .zip(&b.positions)
            .all(|(x, y)| x.id == y.id && x.parent == y.parent)
}

/// Same people in the same order (their assignments may differ).
pub fn same_people(a: &PlanDoc, b: &PlanDoc) -> bool {
    a.people.len() == b.people.len() && a.people.iter().zip(&b.people).all(|(x, y)| x.id == y.id)
}

/// True when `after` has the same tree, departments and goals as `before`, so
/// [`check_changed`] is enough to check it.
pub fn keeps_shape(before: &PlanDoc, after: &PlanDoc) -> bool {
    same_shape(before, after)
        && before.departments == after.departments
        && before.goals == after.goals
}

/// [`check_doc`] for an edit of a valid plan that kept the tree's shape, the departments and the
/// goals: checks the plan's own fields, the positions the edit wrote (those not shared with
/// `before`) and the people who changed. Everything else was checked when it was written.
pub fn check_changed(before: &PlanDoc, after: &PlanDoc) -> Result<(), EditError> {
    debug_assert!(same_shape(before, after));
    check_meta(after)?;
    let departments: HashSet<Id> = after.departments.iter().map(|d| d.id).collect();
    let goals: HashSet<Id> = after.goals.iter().map(|g| g.id).collect();
    // Only a few positions changed: look references up by scanning.
    let exists = |id: &Id| after.positions.iter().any(|p| p.id == *id);
    for (old, new) in before.positions.iter().zip(&after.positions) {
        if !std::sync::Arc::ptr_eq(old, new) {
            check_position(new, &exists, &departments, &goals, true)?;
        }
    }
    if same_people(before, after) {
        for (old, new) in before.people.iter().zip(&after.people) {
            if old != new {
                check_person(new, &exists)?;
            }
        }
        Ok(())
    } else {
        // People were added or removed: check them all, with an index of positions.
        let index: HashSet<Id> = after.positions.iter().map(|p| p.id).collect();
        check_people(after, &|id: &Id| index.contains(id))?;
        Ok(())
    }
}

/// [`check_doc`] for an edit of a valid plan that added one position, `id`, and changed nothing
/// else: a new leaf cannot make a cycle or a second top, so only it and its depth are checked.
/// Falls back to the full check when anything else changed.
pub fn check_added(before: &PlanDoc, after: &PlanDoc, id: Id) -> Result<(), EditError> {
    let mut rest = after.positions.iter().filter(|p| p.id != id);
    let only_added = after.positions.len() == before.positions.len() + 1
        && before.departments == after.departments
        && before.goals == after.goals
        && before.people == after.people
        && before
            .positions
            .iter()
            .all(|b| rest.next().is_some_and(|a| std::sync::Arc::ptr_eq(a, b)));
    let new = after.positions.iter().find(|p| p.id == id);
    let (true, Some(new), Some(parent)) = (only_added, new, new.and_then(|p| p.parent)) else {
        return check_doc(after);
    };
    check_meta(after)?;
    check_count("positions", after.positions.len(), MAX_POSITIONS)?;
    let mut depth = 1;
    let mut at = Some(parent);
    while let Some(up) = at {
        at = before
            .position(up)
            .ok_or_else(|| EditError::not_found("superior", up))?
            .parent;
        depth += 1;
        if depth > MAX_DEPTH {
            return Err(EditError::problem(
                "positions",
                Problem::TooDeep,
                format!("reporting lines may be at most {MAX_DEPTH} levels deep"),
                format!("汇报层级最多 {MAX_DEPTH} 级"),
            ));
        }
    }
    let departments: HashSet<Id> = after.departments.iter().map(|d| d.id).collect();
    let goals: HashSet<Id> = after.goals.iter().map(|g| g.id).collect();
    let exists = |x: &Id| after.positions.iter().any(|p| p.id == *x);
    check_position(new, &exists, &departments, &goals, true)
}

/// [`check_doc`] for an edit of a valid plan that deleted one position, `id`, and kept
/// everything else in place: its subordinates now report one level up (no deeper, no cycle)
/// and the lines that pointed at it are gone or point one level up. Checks that nothing still
/// names it, that one top remains, and the references of the positions the edit rewrote.
/// Falls back to the full check when anything else changed.
pub fn check_removed(before: &PlanDoc, after: &PlanDoc, id: Id) -> Result<(), EditError> {
    let mut rest = before.positions.iter().filter(|p| p.id != id);
    let mut written = Vec::new();
    let in_place = after.positions.len() + 1 == before.positions.len()
        && before.departments == after.departments
        && before.goals == after.goals
        && after.positions.iter().all(|a| match rest.next() {
            Some(b) if std::sync::Arc::ptr_eq(a, b) => true,
            Some(b) if b.id == a.id => {
                written.push(&**a);
                true
            }
            _ => false,
        });
    if !in_place {
        return check_doc(after);
    }
    let names_it = |p: &Position| {
        p.id == id
            || p.parent == Some(id)
            || p.dotted.contains(&id)
            || p.collaborations.iter().any(|c| c.with == id)
            || p.escalations.iter().any(|e| e.to == id)
    };
    if after.positions.iter().any(|p| names_it(p))
        || after
            .people
            .iter()
            .any(|p| p.assignments.iter().any(|a| a.position == id))
        || after
            .positions
            .iter()
            .filter(|p| p.parent.is_none())
            .count()
            != 1
    {
        return check_doc(after);
    }
    if written.is_empty() {
        return Ok(());
    }
    let departments: HashSet<Id> = after.departments.iter().map(|d| d.id).collect();
    let goals: HashSet<Id> = after.goals.iter().map(|g| g.id).collect();
    let ids: HashSet<Id> = after.positions.iter().map(|p| p.id).collect();
    let exists = |x: &Id| ids.contains(x);
    for p in written {
        check_position(p, &exists, &departments, &goals, false)?;
    }
    Ok(())
}

/// Every person: their count, unique ids, and their assignments (to positions `exists` knows).
fn check_people(doc: &PlanDoc, exists: &dyn Fn(&Id) -> bool) -> Result<(), EditError> {
    check_count("people", doc.people.len(), MAX_POSITIONS)?;
    let mut people = HashSet::default();
    for person in &doc.people {
        if !people.insert(person.id) {
            return Err(EditError::problem(
                "people",
                Problem::Duplicate,
                format!("duplicate id {}", person.id),
                format!("重复的 id {}", person.id),
            ));
        }
        check_person(person, exists)?;
    }
    Ok(())
}

fn check_meta(doc: &PlanDoc) -> Result<(), EditError> {
    let meta = &doc.plan;
    check_text("plan.name", &meta.name, TextKind::Required)?;
    check_text("plan.company", &meta.company, TextKind::Short)?;
    check_text("plan.goal_notes", &meta.goal_notes, TextKind::Long)?;
    if !TARGET_SIZE.contains(&meta.target_size) {
        return Err(EditError::invalid(
            "plan.target_size",
            format!("at most {MAX_HEADCOUNT}"),
            format!("最多 {MAX_HEADCOUNT}"),
        ));
    }
    if let Some(logo) = &meta.logo {
        check_logo(logo)?;
    }
    Ok(())
}

fn check_departments(doc: &PlanDoc) -> Result<HashSet<Id>, EditError> {
    check_count("departments", doc.departments.len(), MAX_DEPARTMENTS)?;
    let mut departments = HashSet::default();
    for d in &doc.departments {
        check_text("department.name", &d.name, TextKind::Required)?;
        check_text("department.name_en", &d.name_en, TextKind::Short)?;
        check_color("department.color", &d.color)?;
        if !departments.insert(d.id) {
            return Err(EditError::problem(
                "departments",
                Problem::Duplicate,
                format!("duplicate id {}", d.id),
                format!("重复的 id {}", d.id),
            ));
        }
    }
    // A department within a department: the one above exists, and no department is within
    // itself, however far up.
    for d in &doc.departments {
        let mut at = d.parent;
        let mut steps = 0;
        while let Some(up) = at {
            if up == d.id || steps > doc.departments.len() {
                return Err(EditError::problem(
                    "department.parent",
                    Problem::Other,
                    format!("{} would be within itself", d.name),
                    format!("部门「{}」不能隶属于它自己或它的下级部门", d.name),
                ));
            }
            let Some(parent) = doc.department(up) else {
                return Err(EditError::not_found("department", up));
            };
            at = parent.parent;
            steps += 1;
        }
    }
    Ok(departments)
}

fn check_person(
    person: &crate::model::Person,
    exists: &dyn Fn(&Id) -> bool,
) -> Result<(), EditError> {
    check_text("person.name", &person.name, TextKind::Required)?;
    check_text("person.employee_no", &person.employee_no, TextKind::Short)?;
    check_text("person.phone", &person.phone, TextKind::Short)?;
    check_text("person.email", &person.email, TextKind::Short)?;
    check_count("person.assignments", person.assignments.len(), MAX_ITEMS)?;
    let mut seats = HashSet::default();
    for a in &person.assignments {
        if !exists(&a.position) {
            return Err(EditError::not_found("position", a.position));
        }
        if !SHARE.contains(&a.share) {
            return Err(EditError::Share {
                value: a.share.into(),
            });
        }
        if !seats.insert(a.position) {
            return Err(EditError::invalid(
                "person.assignments",
                format!("{} holds the same position twice", person.name),
                format!("{} 重复任职同一岗位", person.name),
            ));
        }
    }
    Ok(())
}

/// Largest logo accepted, in bytes of the `data:` URL (about 1 MB of image).
pub const MAX_LOGO: usize = 1_400_000;
/// Most goals in one plan.
pub const MAX_GOALS: usize = 200;
/// Largest goal target (a yearly GMV of a trillion yuan is out of reach of any store).
pub const MAX_TARGET: f64 = 1e12;

/// A logo is a PNG, JPEG or WebP image as a base64 `data:` URL of at most [`MAX_LOGO`] bytes.
pub fn check_logo(logo: &str) -> Result<(), EditError> {
    if logo.len() > MAX_LOGO {
        return Err(EditError::invalid(
            "plan.logo",
            format!(
                "the image is {} KB; at most {} KB are allowed",
                logo.len() * 3 / 4 / 1024,
                MAX_LOGO * 3 / 4 / 1024
            ),
            format!(
                "图片有 {} KB，最大允许 {} KB",
                logo.len() * 3 / 4 / 1024,
                MAX_LOGO * 3 / 4 / 1024
            ),
        ));
    }
    let body = ["image/png", "image/jpeg", "image/webp"]
        .iter()
        .find_map(|t| logo.strip_prefix(&format!("data:{t};base64,")));
    let Some(body) = body else {
        return Err(EditError::invalid(
            "plan.logo",
            "a logo must be a PNG, JPEG or WebP image",
            "标志图片须为 PNG、JPEG 或 WebP 格式",
        ));
    };
    let base64 = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=');
    if body.is_empty() || !body.bytes().all(base64) {
        return Err(EditError::invalid(
            "plan.logo",
            "the image data is not base64",
            "图片数据不是 base64 编码",
        ));
    }
    Ok(())
}

/// Checks the goals (texts, targets, the sub-goal tree) and returns their ids.
fn check_goals(doc: &PlanDoc) -> Result<HashSet<Id>, EditError> {
    check_count("goals", doc.goals.len(), MAX_GOALS)?;
    let mut ids = HashSet::with_capacity_and_hasher(doc.goals.len(), Default::default());
    for g in &doc.goals {
        check_text("goal.name", &g.name, TextKind::Required)?;
        check_text("goal.name_en", &g.name_en, TextKind::Short)?;
        if !g.target.is_finite() || g.target < 0.0 || g.target > MAX_TARGET {
            return Err(EditError::invalid(
                "goal.target",
                format!(
                    "a target is a number from 0 to {MAX_TARGET:e} (got {})",
                    g.target
                ),
                format!("目标值须在 0 到 {MAX_TARGET:e} 之间（现为 {}）", g.target),
            ));
        }
        if !ids.insert(g.id) {
            return Err(EditError::invalid(
                "goals",
                format!("duplicate id {}", g.id),
                format!("重复的 id {}", g.id),
            ));
        }
    }
    let parent: HashMap<Id, Option<Id>> = doc.goals.iter().map(|g| (g.id, g.parent)).collect();
    for g in &doc.goals {
        let mut at = g.parent;
        let mut steps = 0;
        while let Some(id) = at {
            if id == g.id || steps > doc.goals.len() {
                return Err(EditError::invalid(
                    "goal.parent",
                    format!("「{}」 would be a sub-goal of itself", g.name),
                    format!("「{}」 不能成为自己的子目标", g.name),
                ));
            }
            at = *parent
                .get(&id)
                .ok_or_else(|| EditError::not_found("goal", id))?;
            steps += 1;
        }
    }
    Ok(ids)
}

/// Checks the reporting tree and returns the index of each position by id.
fn check_tree(doc: &PlanDoc) -> Result<HashMap<Id, usize>, EditError> {
    let mut index = HashMap::with_capacity_and_hasher(doc.positions.len(), Default::default());
    for (i, p) in doc.positions.iter().enumerate() {
        if index.insert(p.id, i).is_some() {
            return Err(EditError::invalid(
                "positions",
                format!("duplicate id {}", p.id),
                format!("重复的 id {}", p.id),
            ));
        }
    }
    let roots: Vec<&Position> = doc
        .positions
        .iter()
        .filter(|p| p.parent.is_none())
        .map(|p| &**p)
        .collect();
    if roots.len() > 1 {
        let names: Vec<String> = roots.iter().map(|p| label(p)).collect();
        return Err(EditError::SecondRoot {
            detail: format!("top positions: {}", names.join(", ")),
            detail_zh: format!("现在最高的岗位有：{}", names.join("、")),
        });
    }
    if roots.is_empty() && !doc.positions.is_empty() {
        return Err(EditError::SecondRoot {
            detail: "no position is at the top".into(),
            detail_zh: "现在没有最高岗位".into(),
        });
    }
    for p in &doc.positions {
        if let Some(parent) = p.parent {
            if !index.contains_key(&parent) {
                return Err(EditError::not_found("superior", parent));
            }
        }
    }
    // Every position must reach the root; 0 = unseen, 1 = on the current path, 2 = reaches root.
    let mut state = vec![0u8; doc.positions.len()];
    for start in 0..doc.positions.len() {
        let mut path = Vec::new();
        let mut at = start;
        loop {
            match state[at] {
                2 => break,
                1 => {
                    let p = &doc.positions[at];
                    let parent = p.parent.and_then(|id| index.get(&id)).copied();
                    let parent = parent.map(|i| label(&doc.positions[i])).unwrap_or_default();
                    return Err(EditError::Cycle {
                        position: label(p),
                        new_parent: parent,
                    });
                }
                _ => {}
            }
            state[at] = 1;
            path.push(at);
            match doc.positions[at].parent {
                None => break,
                Some(parent) => at = index[&parent],
            }
        }
        for i in path {
            state[i] = 2;
        }
    }
    check_depth(doc, &index)?;
    Ok(index)
}

fn check_position(
    p: &Position,
    exists: &dyn Fn(&Id) -> bool,
    departments: &HashSet<Id>,
    goals: &HashSet<Id>,
    texts: bool,
) -> Result<(), EditError> {
    let check_text = |field: &str, value: &str, kind: TextKind| {
        if texts {
            check_text(field, value, kind)
        } else {
            Ok(())
        }
    };
    check_text("title", &p.title, TextKind::Required)?;
    check_text("title_en", &p.title_en, TextKind::Short)?;
    check_text("grade", &p.grade, TextKind::Short)?;
    check_text("purpose", &p.purpose, TextKind::Long)?;
    check_text("notes", &p.notes, TextKind::Long)?;
    if !HEADCOUNT.contains(&p.headcount) {
        return Err(EditError::Headcount {
            position: label(p),
            value: p.headcount.into(),
        });
    }
    if let Some(d) = p.department {
        if !departments.contains(&d) {
            return Err(EditError::not_found("department", d));
        }
    }
    check_count("duties", p.duties.len(), MAX_ITEMS)?;
    for d in &p.duties {
        check_text("duties", d, TextKind::Long)?;
    }
    check_count("requirements", p.requirements.len(), MAX_ITEMS)?;
    for r in &p.requirements {
        check_text("requirements", r, TextKind::Long)?;
    }
    check_count("kpis", p.kpis.len(), MAX_ITEMS)?;
    for k in &p.kpis {
        check_text("kpis.metric", &k.metric, TextKind::Required)?;
        check_text("kpis.target", &k.target, TextKind::Short)?;
        check_text("kpis.source", &k.source, TextKind::Short)?;
        if k.weight > crate::model::Weight::FULL {
            return Err(EditError::invalid(
                "kpis.weight",
                format!("a weight is a percentage, 0–100 (got {})", k.weight),
                format!("权重是百分比，应在 0–100 之间（收到 {}）", k.weight),
            ));
        }
    }
    check_count("dotted", p.dotted.len(), MAX_ITEMS)?;
    let mut seen = HashSet::default();
    for d in &p.dotted {
        if *d == p.id {
            return Err(EditError::SelfReference {
                what: "dotted line",
                position: label(p),
            });
        }
        if !exists(d) {
            return Err(EditError::not_found("position", d));
        }
        if !seen.insert(*d) {
            return Err(EditError::invalid(
                "dotted",
                "the same dotted line twice",
                "重复的虚线汇报",
            ));
        }
    }
    check_count("collaborations", p.collaborations.len(), MAX_ITEMS)?;
    for c in &p.collaborations {
        check_text("collaborations.about", &c.about, TextKind::Long)?;
        if c.with == p.id {
            return Err(EditError::SelfReference {
                what: "collaboration",
                position: label(p),
            });
        }
        if !exists(&c.with) {
            return Err(EditError::not_found("position", c.with));
        }
    }
    check_count("escalations", p.escalations.len(), MAX_ITEMS)?;
    for e in &p.escalations {
        check_text("escalations.when", &e.when, TextKind::Long)?;
        if e.to == p.id {
            return Err(EditError::SelfReference {
                what: "escalation",
                position: label(p),
            });
        }
        if !exists(&e.to) {
            return Err(EditError::not_found("position", e.to));
        }
    }
    if let Some(g) = p
        .kpis
        .iter()
        .filter_map(|k| k.goal)
        .find(|g| !goals.contains(g))
    {
        return Err(EditError::not_found("goal", g));
    }
    check_count("functions", p.functions.len(), 12)?;
    if let Some(band) = p.pay_band {
        if band.min > band.max || !PAY.contains(&band.max) {
            return Err(EditError::invalid(
                "pay_band",
                format!(
                    "min ({}) must not exceed max ({}), at most {MAX_PAY}",
                    band.min, band.max
                ),
                format!(
                    "下限（{}）不能高于上限（{}），上限不超过 {MAX_PAY}",
                    band.min, band.max
                ),
            ));
        }
    }
    Ok(())
}

pub fn check_color(field: &str, color: &str) -> Result<(), EditError> {
    let ok = color.len() == 7
        && color.starts_with('#')
        && color[1..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        Ok(())
    } else {
        Err(EditError::invalid(
            field,
            format!("a colour is written #rrggbb (got {color:?})"),
            format!("颜色应写作 #rrggbb（收到 {color:?}）"),
        ))
    }
}

/// Refuses chains of superiors deeper than [`MAX_DEPTH`]. Runs after the cycle check.
fn check_depth(doc: &PlanDoc, index: &HashMap<Id, usize>) -> Result<(), EditError> {
    let mut depth: Vec<Option<usize>> = vec![None; doc.positions.len()];
    for start in 0..doc.positions.len() {
        let mut path = Vec::new();
        let mut at = start;
        let base = loop {
            if let Some(d) = depth[at] {
                break d;
            }
            path.push(at);
            match doc.positions[at].parent {
                None => break usize::MAX,
                Some(parent) => at = index[&parent],
            }
        };
        // `usize::MAX` marks that the walk reached the root itself, at depth 0.
        let mut d = if base == usize::MAX {
            path.len()
        } else {
            base + path.len()
        };
        for i in path {
            if base == usize::MAX {
                d -= 1;
                depth[i] = Some(d);
            } else {
                depth[i] = Some(d);
                d -= 1;
            }
            if depth[i] > Some(MAX_DEPTH) {
                return Err(EditError::problem(
                    "positions",
                    Problem::TooDeep,
                    format!("reporting lines may be at most {MAX_DEPTH} levels deep"),
                    format!("汇报层级最多 {MAX_DEPTH} 级"),
                ));
            }
        }
    }
    Ok(())
}
