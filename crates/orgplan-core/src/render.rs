//! The plan as indented text, for the terminal.

use std::collections::HashMap;
use std::fmt::Write;

use crate::cost::{figures, Payroll};
use crate::model::{Id, Lang, PlanDoc};
use crate::validate::filled_counts;

/// The tree with titles, departments, headcount (filled/planned) and people.
pub fn tree_text(doc: &PlanDoc, lang: Lang) -> String {
    let mut out = String::new();
    let m = &doc.plan;
    let f = figures(doc);
    let _ = writeln!(
        out,
        "{}  ({} {} · {} · {} · {} {})",
        m.name,
        lang.pick("阶段", "stage"),
        m.stage.label(lang),
        people(f.people, lang),
        seats(f.headcount, f.seats_fte, lang),
        lang.pick("空缺", "vacant"),
        f.vacancies_fte,
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

/// "5 人" / "5 people".
pub fn people(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 人"),
        Lang::En if n == 1 => "1 person".to_string(),
        Lang::En => format!("{n} people"),
    }
}

/// "编制 10（5 FTE）" / "10 seats (5 FTE)"; the FTE only where it differs.
pub fn seats(headcount: u32, fte: f64, lang: Lang) -> String {
    let same = (fte - f64::from(headcount)).abs() < 0.005;
    match (lang, same) {
        (Lang::Zh, true) => format!("编制 {headcount}"),
        (Lang::Zh, false) => format!("编制 {headcount}（折合 {} 个全职）", fte_text(fte)),
        (Lang::En, true) => format!("{headcount} seats"),
        (Lang::En, false) => format!("{headcount} seats ({} FTE)", fte_text(fte)),
    }
}

/// A full-time-equivalent figure with at most two decimals and no trailing zeros.
pub fn fte_text(fte: f64) -> String {
    let s = format!("{fte:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A payroll range in yuan: "¥12,000–18,000".
pub fn payroll_text(p: Payroll) -> String {
    if p.min == p.max {
        format!("¥{}", yuan(p.min as i64))
    } else {
        format!("¥{}–{}", yuan(p.min as i64), yuan(p.max as i64))
    }
}

/// A signed payroll difference: "+¥6,000–9,500".
pub fn payroll_delta_text(d: crate::compare::PayrollDelta) -> String {
    let sign = |n: i64| if n >= 0 { "+" } else { "−" };
    if d.min == d.max {
        format!("{}¥{}", sign(d.min), yuan(d.min.abs()))
    } else if (d.min >= 0) == (d.max >= 0) {
        format!(
            "{}¥{}–{}",
            sign(d.min),
            yuan(d.min.abs()),
            yuan(d.max.abs())
        )
    } else {
        format!(
            "{}¥{} … {}¥{}",
            sign(d.min),
            yuan(d.min.abs()),
            sign(d.max),
            yuan(d.max.abs())
        )
    }
}

/// Whole yuan with thousands separators.
pub fn yuan(n: i64) -> String {
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
        "{} → {}  ({} → {}; {} {} → {}; {} {} → {})",
        c.a.name,
        c.b.name,
        people(c.a.people, lang),
        people(c.b.people, lang),
        lang.pick("岗位", "positions"),
        c.a.positions,
        c.b.positions,
        lang.pick("编制", "seats"),
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
        lang.pick("兼任拆分", "Shared seats split"),
        c.seat_splits
            .iter()
            .map(|s| {
                let line = match lang {
                    Lang::Zh => format!(
                        "{}：保留「{}」，不再兼任 {}",
                        s.person,
                        s.kept.title,
                        titles(&s.handed)
                    ),
                    Lang::En => format!(
                        "{}: keeps {}, no longer also covers {}",
                        s.person,
                        s.kept.title,
                        titles(&s.handed)
                    ),
                };
                if s.reason.is_empty() {
                    line
                } else {
                    format!("{line} — {}", s.reason)
                }
            })
            .collect(),
    );
    section(
        lang.pick("招聘顺序", "Hiring order"),
        c.hiring_order
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let seat = if h.count > 1 {
                    format!("{} ×{}", h.position.title, h.count)
                } else {
                    h.position.title.clone()
                };
                if h.reason.is_empty() {
                    format!("{}. {seat}", i + 1)
                } else {
                    format!("{}. {seat} — {}", i + 1, h.reason)
                }
            })
            .collect(),
    );
    section(
        lang.pick("不再在岗", "Leaving"),
        c.leavers
            .iter()
            .map(|l| format!("{} ({})", l.person, l.position.title))
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
                    "{name}: {} → {}, {} → {} {}",
                    people(d.people_a, lang),
                    people(d.people_b, lang),
                    payroll_text(d.monthly_a),
                    payroll_text(d.monthly_b),
                    lang.pick("/月", "a month")
                )
            })
            .collect(),
    );
    let d = &c.cost_delta;
    let _ = writeln!(
        out,
        "\n{}: {} → {} {} ({} {}, {} {})",
        lang.pick("人力成本", "Payroll"),
        payroll_text(d.monthly_a),
        payroll_text(d.monthly_b),
        lang.pick("/月", "a month"),
        payroll_delta_text(d.monthly),
        lang.pick("/月", "a month"),
        payroll_delta_text(d.yearly),
        lang.pick("/年", "a year"),
    );
    let _ = writeln!(
        out,
        "{}",
        match lang {
            Lang::Zh => format!("新招 {} 人", c.hires),
            Lang::En => format!("{} new people to hire", c.hires),
        }
    );
    out
}

/// A plan's figures (`orgplan summary`), for the terminal.
pub fn summary_text(doc: &PlanDoc, f: &crate::cost::PlanFigures, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", doc.plan.name);
    let line = |label: &str, value: String| format!("  {label:<w$} {value}\n", w = 10);
    let zh = lang == Lang::Zh;
    out += &line(
        lang.pick("人数", "People"),
        if zh {
            format!(
                "{}（现有人员 {}，空缺 {}）",
                people(f.people, lang),
                f.persons,
                fte_text(f.vacancies_fte)
            )
        } else {
            format!(
                "{} ({} in the plan, {} vacant)",
                people(f.people, lang),
                f.persons,
                fte_text(f.vacancies_fte)
            )
        },
    );
    out += &line(
        lang.pick("岗位", "Positions"),
        format!(
            "{} · {}",
            f.positions,
            seats(f.headcount, f.seats_fte, lang)
        ),
    );
    if f.multi_seat > 0 {
        out += &line(
            lang.pick("兼任", "Shared"),
            match lang {
                Lang::Zh => format!("{} 人身兼多岗", f.multi_seat),
                Lang::En => format!("{} people hold more than one seat", f.multi_seat),
            },
        );
    }
    out += &line(
        lang.pick("月人力成本", "Monthly pay"),
        if zh {
            format!(
                "{}（在岗 {}，空缺 {}）",
                payroll_text(f.payroll_monthly),
                payroll_text(f.payroll_filled),
                payroll_text(f.payroll_vacancies)
            )
        } else {
            format!(
                "{} (filled {}, vacant {})",
                payroll_text(f.payroll_monthly),
                payroll_text(f.payroll_filled),
                payroll_text(f.payroll_vacancies)
            )
        },
    );
    out += &line(
        lang.pick("年人力成本", "Yearly pay"),
        payroll_text(f.payroll_yearly),
    );
    if f.unpriced > 0 {
        out += &line(
            lang.pick("未定薪", "Unpriced"),
            match lang {
                Lang::Zh => format!("{} 个岗位没有薪资带宽，未计入", f.unpriced),
                Lang::En => format!("{} positions without a pay band, not counted", f.unpriced),
            },
        );
    }
    let _ = writeln!(out, "\n{}", lang.pick("部门", "Departments"));
    for d in &f.departments {
        let name = d
            .department
            .and_then(|id| doc.department(id))
            .map(|x| match lang {
                Lang::En if !x.name_en.is_empty() => x.name_en.as_str(),
                _ => x.name.as_str(),
            })
            .unwrap_or(lang.pick("（无部门）", "(no department)"));
        let _ = writeln!(
            out,
            "  {name}  {} · {} · {}{}",
            people(d.people, lang),
            seats(d.headcount, d.seats_fte, lang),
            payroll_text(d.payroll_monthly),
            lang.pick("/月", " a month"),
        );
    }
    out
}

/// The 定编测算 as text: the month's sales, each department's positions with what sizes them,
/// the FTE required against the 编制, then the findings and the sales thresholds.
pub fn staffing_text(doc: &PlanDoc, s: &crate::staffing::Staffing, lang: Lang) -> String {
    let mut out = String::new();
    let zh = lang == Lang::Zh;
    let _ = writeln!(out, "{}", doc.plan.name);
    match s.monthly_gmv {
        Some(g) => {
            let _ = writeln!(
                out,
                "{}",
                if zh {
                    format!(
                        "{}月：销售额 {:.0} 元，日均 {:.0} 单（平常月 {:.0} 元；旺季 {}月）",
                        s.month, s.volumes.gmv, s.volumes.orders_per_day, g, s.peak_month
                    )
                } else {
                    format!(
                        "month {}: sales {:.0}, {:.0} orders a day (ordinary month {:.0}; peak month {})",
                        s.month, s.volumes.gmv, s.volumes.orders_per_day, g, s.peak_month
                    )
                }
            );
        }
        None => {
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    "方案没有销售额目标：用 --gmv 给出月销售额",
                    "the plan has no sales goal: give the monthly sales with --gmv"
                )
            );
        }
    }
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "  岗位 | 测算依据 | 需要人力 | 建议编制 | 现编制 | 差额 | 旺季临时工",
            "  position | sized by | FTE needed | recommended | planned | gap | peak temps"
        )
    );
    for d in &s.departments {
        let _ = writeln!(
            out,
            "{} — {} {} / {} {}",
            d.name,
            lang.pick("建议", "recommended"),
            d.recommended,
            lang.pick("现编制", "planned"),
            d.headcount
        );
        for (p, n) in doc.positions.iter().zip(&s.positions) {
            if p.department != d.department {
                continue;
            }
            let basis = match n.driver {
                Some(dr) => format!(
                    "{} {:.0} {} ÷ {:.0}",
                    dr.label(lang),
                    n.volume,
                    dr.unit(lang),
                    n.capacity
                ),
                None => lang.pick("按方案", "as planned").to_string(),
            };
            let _ = writeln!(
                out,
                "  {} | {} | {:.1} | {} | {} | {:+} | {}",
                n.title, basis, n.fte, n.recommended, n.headcount, n.gap, n.peak_temps
            );
        }
    }
    let _ = writeln!(
        out,
        "{}",
        if zh {
            format!(
                "合计：需要 {:.1} 人，建议编制 {}，现编制 {}，现有 {} 人",
                s.recommended_people, s.recommended, s.headcount, s.people
            )
        } else {
            format!(
                "total: {:.1} people needed, {} recommended seats, {} planned, {} people today",
                s.recommended_people, s.recommended, s.headcount, s.people
            )
        }
    );
    for f in &s.findings {
        let _ = writeln!(out, "• {f}");
    }
    for t in &s.thresholds {
        let _ = writeln!(out, "↑ {}", t.message);
    }
    out
}
