//! The plan as indented text, for the terminal.

use std::collections::HashMap;
use std::fmt::Write;

use crate::model::{Id, Lang, PlanDoc};
use crate::validate::{filled_counts, team_size, vacancies};

/// The tree with titles, departments, headcount (filled/planned) and people.
pub fn tree_text(doc: &PlanDoc, lang: Lang) -> String {
    let mut out = String::new();
    let m = &doc.plan;
    let _ = writeln!(
        out,
        "{}  ({} {} · {} {} · {} {})",
        m.name,
        lang.pick("阶段", "stage"),
        m.stage.label(lang),
        lang.pick("团队", "team"),
        team_size(doc),
        lang.pick("空缺", "vacant"),
        vacancies(doc),
    );
    let filled = filled_counts(doc);
    let mut kids: HashMap<Id, Vec<Id>> = HashMap::new();
    for p in &doc.positions {
        if let Some(parent) = p.parent {
            kids.entry(parent).or_default().push(p.id);
        }
    }
    let mut holders: HashMap<Id, Vec<String>> = HashMap::new();
    for person in &doc.people {
        for a in &person.assignments {
            holders
                .entry(a.position)
                .or_default()
                .push(format!("{} {}%", person.name, a.share));
        }
    }
    let Some(root) = doc.root() else {
        return out;
    };
    // (id, prefix for children, connector for this line)
    let mut stack = vec![(root.id, String::new(), String::new())];
    while let Some((id, prefix, connector)) = stack.pop() {
        let Some(p) = doc.position(id) else { continue };
        let title = match lang {
            Lang::En if !p.title_en.is_empty() => format!("{} ({})", p.title_en, p.title),
            _ => p.title.clone(),
        };
        let dept = p
            .department
            .and_then(|d| doc.department(d))
            .map(|d| match lang {
                Lang::En if !d.name_en.is_empty() => d.name_en.clone(),
                _ => d.name.clone(),
            });
        let _ = write!(
            out,
            "{connector}{title}  {}/{}",
            filled.get(&id).copied().unwrap_or(0),
            p.headcount
        );
        if let Some(d) = dept {
            let _ = write!(out, "  [{d}]");
        }
        if let Some(h) = holders.get(&id) {
            let _ = write!(out, "  — {}", h.join(", "));
        }
        out.push('\n');
        let children = kids.get(&id).cloned().unwrap_or_default();
        let n = children.len();
        for (i, c) in children.into_iter().enumerate().rev() {
            let last = i + 1 == n;
            let (conn, next) = if last {
                ("└─ ", "   ")
            } else {
                ("├─ ", "│  ")
            };
            stack.push((c, format!("{prefix}{next}"), format!("{prefix}{conn}")));
        }
    }
    out
}

fn yuan(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// A comparison as sections of lines, for the terminal.
pub fn compare_text(c: &crate::compare::Comparison, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} → {}  ({} {} → {}, {} {} → {})",
        c.a.name,
        c.b.name,
        lang.pick("岗位", "positions"),
        c.a.positions,
        c.b.positions,
        lang.pick("编制", "headcount"),
        c.a.headcount,
        c.b.headcount
    );
    let mut section = |title: &str, lines: Vec<String>| {
        if lines.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n{title} ({})", lines.len());
        for l in lines {
            let _ = writeln!(out, "  {l}");
        }
    };
    section(
        lang.pick("新增岗位", "Added"),
        c.added
            .iter()
            .map(|p| format!("+ {} ×{}", p.title, p.headcount))
            .collect(),
    );
    section(
        lang.pick("撤销岗位", "Removed"),
        c.removed
            .iter()
            .map(|r| format!("- {} ×{}", r.position.title, r.position.headcount))
            .collect(),
    );
    section(
        lang.pick("调整上级", "Moved"),
        c.moved
            .iter()
            .map(|m| format!("{}: {} → {}", m.position.title, m.before, m.after))
            .collect(),
    );
    section(
        lang.pick("更名", "Renamed"),
        c.renamed
            .iter()
            .map(|r| format!("{} → {}", r.before, r.after))
            .collect(),
    );
    section(
        lang.pick("编制变化", "Headcount changed"),
        c.headcount_changed
            .iter()
            .map(|h| format!("{}: {} → {}", h.position.title, h.before, h.after))
            .collect(),
    );
    section(
        lang.pick("职责转移", "Duties moved"),
        c.duties_moved
            .iter()
            .map(|d| format!("{} → {}: {}", d.from.title, d.to.title, d.duty))
            .collect(),
    );
    let titles = |v: &[crate::compare::PosRef]| {
        v.iter()
            .map(|p| p.title.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    section(
        lang.pick("岗位拆分与合并", "Splits and merges"),
        c.splits
            .iter()
            .map(|s| {
                let into = if s.into.is_empty() {
                    lang.pick("（移出）", "(moved out)").to_string()
                } else {
                    titles(&s.into)
                };
                format!("{} ⇒ {}: {}", titles(&s.from), into, s.reason)
            })
            .collect(),
    );
    section(
        lang.pick("招聘顺序", "Hiring order"),
        c.hiring_order
            .iter()
            .enumerate()
            .map(|(i, h)| {
                if h.reason.is_empty() {
                    format!("{}. {}", i + 1, h.position.title)
                } else {
                    format!("{}. {} — {}", i + 1, h.position.title, h.reason)
                }
            })
            .collect(),
    );
    section(
        lang.pick("部门", "Departments"),
        c.departments
            .iter()
            .map(|d| {
                let name = if d.name.is_empty() {
                    lang.pick("（无部门）", "(no department)")
                } else {
                    &d.name
                };
                format!(
                    "{name}: {} → {} {}, {} → {} {}",
                    d.headcount_a,
                    d.headcount_b,
                    lang.pick("人", "people"),
                    yuan(d.monthly_a.mid() as i64),
                    yuan(d.monthly_b.mid() as i64),
                    lang.pick("元/月", "yuan/month")
                )
            })
            .collect(),
    );
    let d = &c.cost_delta;
    let _ = writeln!(
        out,
        "\n{}: {} → {} {} ({}{} {}, {}{} {})",
        lang.pick("人力成本（中位）", "Payroll (midpoint)"),
        yuan(d.monthly_a.mid() as i64),
        yuan(d.monthly_b.mid() as i64),
        lang.pick("元/月", "yuan/month"),
        if d.monthly >= 0 { "+" } else { "" },
        yuan(d.monthly),
        lang.pick("元/月", "yuan/month"),
        if d.yearly >= 0 { "+" } else { "" },
        yuan(d.yearly),
        lang.pick("元/年", "yuan/year"),
    );
    out
}
