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
