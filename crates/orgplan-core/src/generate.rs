//! Generated plans of any size, for benchmarks and stress tests: realistic depth (four to six
//! levels) and fan-out (three to eight reports a manager), departments under the top, duties,
//! KPI points whose weights sum to 100, and people in about half of the seats. Deterministic
//! for a given seed.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::model::{
    Assignment, Cycle, Department, Function, Kpi, PayBand, Person, PlanDoc, PlanMeta, Position,
    Stage,
};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn id(&mut self) -> Uuid {
        Uuid::from_u64_pair(self.next(), self.next())
    }
}

const COLORS: [&str; 8] = [
    "#2563eb", "#7c3aed", "#0f766e", "#b45309", "#dc2626", "#4338ca", "#be185d", "#57534e",
];

/// A plan of exactly `n` positions (at least 1).
pub fn generate(n: usize, seed: u64, now: DateTime<Utc>) -> PlanDoc {
    let n = n.max(1);
    let mut rng = Rng(seed | 1);
    let departments: Vec<Department> = (0..(n / 25).clamp(1, 40))
        .map(|i| Department {
            id: rng.id(),
            name: format!("部门{}", i + 1),
            name_en: format!("Department {}", i + 1),
            color: COLORS[i % COLORS.len()].to_string(),
            parent: None,
        })
        .collect();
    let mut positions: Vec<Position> = Vec::with_capacity(n);
    let mut root = position(&mut rng, 0, None, None);
    root.title = "运营总监".into();
    positions.push(root);
    // Breadth-first: each manager gets 3–8 reports until n positions exist; the top gets one
    // head per department.
    let mut queue = std::collections::VecDeque::from([(0usize, 0usize)]);
    while positions.len() < n {
        let Some((at, depth)) = queue.pop_front() else {
            break;
        };
        let reports = if at == 0 {
            departments.len().max(3) as u64
        } else {
            rng.range(3, 8)
        };
        for _ in 0..reports {
            if positions.len() >= n {
                break;
            }
            let i = positions.len();
            let dept = if at == 0 {
                Some(departments[(i - 1) % departments.len()].id)
            } else {
                positions[at].department
            };
            let p = position(&mut rng, i, Some(positions[at].id), dept);
            positions.push(p);
            queue.push_back((i, depth + 1));
        }
    }
    let people = positions
        .iter()
        .filter(|_| rng.range(0, 1) == 1)
        .enumerate()
        .map(|(i, p)| {
            Person::new(
                Uuid::from_u64_pair(seed ^ 0x5eed, i as u64),
                format!("员工{}", i + 1),
                vec![Assignment {
                    position: p.id,
                    share: 100,
                }],
            )
        })
        .collect();
    let mut doc = PlanDoc {
        plan: PlanMeta {
            id: Uuid::from_u64_pair(seed, n as u64),
            name: format!("生成方案（{n} 个岗位）"),
            company: String::new(),
            target_size: n as u32,
            stage: Stage::Scale,
            goal_notes: String::new(),
            template: None,
            logo: None,
            scenario_of: None,
            roster: None,
            created_at: now,
            updated_at: now,
        },
        departments,
        positions: positions.into_iter().map(std::sync::Arc::new).collect(),
        people,
        goals: Vec::new(),
    };
    doc.normalize();
    doc
}

fn position(rng: &mut Rng, i: usize, parent: Option<Uuid>, department: Option<Uuid>) -> Position {
    let mut p = Position::blank(rng.id(), &format!("岗位{i}"));
    p.parent = parent;
    p.department = department;
    p.title_en = format!("Position {i}");
    p.grade = format!("P{}", rng.range(1, 5));
    p.purpose = "负责本岗位的日常工作并对结果负责。".into();
    p.duties = (1..=4)
        .map(|d| format!("职责 {d}：按计划完成本岗位工作"))
        .collect();
    p.requirements = vec!["两年以上相关经验".into()];
    let w = rng.range(20, 60) as u32;
    p.kpis = vec![
        Kpi {
            metric: "目标达成率".into(),
            weight: crate::model::Weight::percent(w),
            target: "≥ 100%".into(),
            cycle: Cycle::Monthly,
            source: "生意参谋".into(),
            goal: None,
        },
        Kpi {
            metric: "工作质量".into(),
            weight: crate::model::Weight::percent(100 - w),
            target: "≥ 95%".into(),
            cycle: Cycle::Weekly,
            source: "主管评分".into(),
            goal: None,
        },
    ];
    p.functions = vec![Function::ALL[i % Function::ALL.len()]];
    let base = rng.range(4, 15) as u32 * 1000;
    p.pay_band = Some(PayBand {
        min: base,
        max: base + 3000,
    });
    p
}
