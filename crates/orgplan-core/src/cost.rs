//! Payroll cost: each position's monthly pay band times its headcount, rolled up per department
//! and for the plan. Figures are ranges (band minimum to maximum) with their midpoint; a year is
//! twelve months of pay (bonuses and a thirteenth month are left to the user's own bands).

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Id, PlanDoc, Position};

/// A monthly payroll range in yuan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Payroll {
    pub min: u64,
    pub max: u64,
}

impl Payroll {
    pub fn mid(self) -> u64 {
        (self.min + self.max) / 2
    }

    pub fn yearly(self) -> Payroll {
        Payroll {
            min: self.min * 12,
            max: self.max * 12,
        }
    }

    fn add(&mut self, other: Payroll) {
        self.min += other.min;
        self.max += other.max;
    }
}

/// The monthly payroll of one position (band × headcount), `None` without a pay band.
pub fn position_cost(p: &Position) -> Option<Payroll> {
    p.pay_band.map(|b| Payroll {
        min: u64::from(b.min) * u64::from(p.headcount),
        max: u64::from(b.max) * u64::from(p.headcount),
    })
}

/// A department's (or the positions without one) monthly payroll and headcount.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct DepartmentCost {
    /// `None` for positions without a department.
    pub department: Option<Id>,
    pub headcount: u32,
    pub monthly: Payroll,
    /// Positions in it with no pay band, so not counted in `monthly`.
    pub unpriced: u32,
}

/// The plan's payroll: per department (in the plan's department order, then the positions
/// without a department if there are any) and in total.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Cost {
    pub departments: Vec<DepartmentCost>,
    pub headcount: u32,
    pub monthly: Payroll,
    pub yearly: Payroll,
    pub unpriced: u32,
}

pub fn cost(doc: &PlanDoc) -> Cost {
    let mut rows: Vec<DepartmentCost> = doc
        .departments
        .iter()
        .map(|d| DepartmentCost {
            department: Some(d.id),
            headcount: 0,
            monthly: Payroll::default(),
            unpriced: 0,
        })
        .chain(std::iter::once(DepartmentCost {
            department: None,
            headcount: 0,
            monthly: Payroll::default(),
            unpriced: 0,
        }))
        .collect();
    let index: HashMap<Id, usize> = doc
        .departments
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id, i))
        .collect();
    let none = rows.len() - 1;
    for p in &doc.positions {
        let row = &mut rows[p
            .department
            .and_then(|d| index.get(&d).copied())
            .unwrap_or(none)];
        row.headcount += p.headcount;
        match position_cost(p) {
            Some(c) => row.monthly.add(c),
            None => row.unpriced += 1,
        }
    }
    if rows[none].headcount == 0 {
        rows.pop();
    }
    let mut monthly = Payroll::default();
    for r in &rows {
        monthly.add(r.monthly);
    }
    Cost {
        headcount: rows.iter().map(|r| r.headcount).sum(),
        unpriced: rows.iter().map(|r| r.unpriced).sum(),
        departments: rows,
        monthly,
        yearly: monthly.yearly(),
    }
}
