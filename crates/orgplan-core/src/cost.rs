//! The plan's figures (人数、编制、人力成本), computed once here and shown as they are by the UI,
//! present mode, compare and every export.
//!
//! **People and seats are two numbers.** A position offers *seats* (its 编制); a *person* may
//! hold several seats, each with a share of their time (兼任), and several people may share one
//! seat. So:
//! - a position's vacancies are `max(0, 编制 − the number of people holding it)`;
//! - **people** = distinct persons in the plan + vacancies (a plan with no persons yet counts
//!   every seat as one person still to find);
//! - **seats in FTE** = over every position, the shares of the people holding it (a seat held
//!   at 40 % counts 0.4) + its vacancies (a vacancy is a full-time seat still to fill).
//!
//! **Pay.** A position's pay band is a monthly range in yuan. A person is paid once, share-
//! weighted: for each seat they hold, that seat's band × their share of time, with the shares
//! scaled down to 100 % when they add up to more (nobody is paid more than one full-time
//! salary for being overloaded). A seat without a band adds nothing and counts as unpriced. A
//! vacancy costs its seat's full band and is shown apart from filled seats. Every payroll figure
//! is a **low–high range** (band minimum to band maximum), rounded to whole yuan per position;
//! department and plan figures are sums of the position figures, so they always add up. A year
//! is twelve months of pay.
//!
//! A person counts in the department of their main seat (the one with the largest share; the
//! first of them on a tie); a vacancy in its seat's department; a person with no seat in no
//! department.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Id, Person, PlanDoc};

/// A monthly (or yearly) payroll range in yuan.
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

    pub fn add(&mut self, other: Payroll) {
        self.min += other.min;
        self.max += other.max;
    }

    pub fn plus(mut self, other: Payroll) -> Payroll {
        self.add(other);
        self
    }
}

/// One position's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PositionFigures {
    pub position: Id,
    /// 编制: the seats planned.
    pub headcount: u32,
    /// People holding it (in any share).
    pub holders: u32,
    /// Holders beyond the headcount (超编).
    pub over: u32,
    /// The holders' shares, in full-time equivalents.
    pub filled_fte: f64,
    /// Seats nobody holds.
    pub vacancies: u32,
    /// Monthly pay of the holders' shares, `None` without a pay band.
    pub payroll_filled: Option<Payroll>,
    /// Monthly pay of its vacancies at the band, `None` without a pay band.
    pub payroll_vacancies: Option<Payroll>,
    /// Both together.
    pub payroll_monthly: Option<Payroll>,
    /// People here: persons whose main seat this is, plus its vacancies.
    pub people: u32,
    /// People here and in every position below (the team it leads).
    pub team_people: u32,
}

/// One person's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonFigures {
    pub person: Id,
    /// The sum of their shares of time, in percent (over 100: overloaded).
    pub total_share: u32,
    pub overloaded: bool,
    /// 100 % − their total share, at least 0: what a further seat would be proposed.
    pub free_share: u32,
    /// The seat they count under (largest share).
    pub main_seat: Option<Id>,
    /// Their monthly pay, share-weighted over their seats; `None` when no seat of theirs has
    /// a pay band.
    pub payroll_monthly: Option<Payroll>,
}

/// A department's figures (or those of the positions and people without one).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct DepartmentFigures {
    /// `None` for positions without a department and people without a seat.
    pub department: Option<Id>,
    pub positions: u32,
    /// 编制: seats planned.
    pub headcount: u32,
    /// Persons whose main seat is here, plus the vacancies here.
    pub people: u32,
    pub persons: u32,
    pub seats_fte: f64,
    pub filled_fte: f64,
    pub vacancies_fte: f64,
    pub payroll_monthly: Payroll,
    pub payroll_filled: Payroll,
    pub payroll_vacancies: Payroll,
    /// Positions here with no pay band, so not counted in the payroll.
    pub unpriced: u32,
}

/// The whole plan's figures: `plan_summary`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanFigures {
    /// Distinct persons + vacancies.
    pub people: u32,
    /// Distinct persons in the plan.
    pub persons: u32,
    /// Persons holding more than one seat (兼任).
    pub multi_seat: u32,
    /// Persons whose shares add up to more than 100 %.
    pub overloaded: u32,
    pub positions: u32,
    /// 编制: seats planned, each counted once whoever holds it.
    pub headcount: u32,
    /// Seats in full-time equivalents: held shares + vacancies.
    pub seats_fte: f64,
    pub filled_fte: f64,
    pub vacancies_fte: f64,
    /// Filled and vacant together, monthly.
    pub payroll_monthly: Payroll,
    pub payroll_yearly: Payroll,
    pub payroll_filled: Payroll,
    pub payroll_vacancies: Payroll,
    /// Positions with no pay band.
    pub unpriced: u32,
    /// In the plan's department order, then the row without a department if it has anything.
    pub departments: Vec<DepartmentFigures>,
    /// In the plan's position order (pre-order).
    pub by_position: Vec<PositionFigures>,
    /// In the plan's order of people.
    pub by_person: Vec<PersonFigures>,
}

impl PlanFigures {
    pub fn position(&self, id: Id) -> Option<&PositionFigures> {
        self.by_position.iter().find(|p| p.position == id)
    }

    pub fn person(&self, id: Id) -> Option<&PersonFigures> {
        self.by_person.iter().find(|p| p.person == id)
    }

    pub fn department(&self, id: Option<Id>) -> Option<&DepartmentFigures> {
        self.departments.iter().find(|d| d.department == id)
    }
}

/// Hundredths of a full-time equivalent, as shown (two decimals at most).
fn fte(hundredths: u64) -> f64 {
    hundredths as f64 / 100.0
}

/// The seat a person counts under: the largest share, the first of them on a tie.
pub fn main_seat(person: &Person) -> Option<Id> {
    let mut best: Option<(u32, Id)> = None;
    for a in &person.assignments {
        if best.is_none_or(|(s, _)| a.share > s) {
            best = Some((a.share, a.position));
        }
    }
    best.map(|(_, id)| id)
}

/// A position's vacancies: its seats that nobody holds.
pub fn vacancies(headcount: u32, holders: u32) -> u32 {
    headcount.saturating_sub(holders)
}

/// People: the distinct persons plus every position's vacancies, given each position's
/// `(编制, holders)`. The one rule for "how many people", used by [`figures`] and by the
/// store's plan list, which reads these counts without loading the plans.
pub fn people(persons: u32, seats: impl IntoIterator<Item = (u32, u32)>) -> u32 {
    persons
        + seats
            .into_iter()
            .map(|(headcount, holders)| vacancies(headcount, holders))
            .sum::<u32>()
}

/// The share to propose when `person` takes `position`: what their other seats leave free
/// (100 % − the rest), 0 when nothing is. Never proposes an overload.
pub fn free_share(person: &Person, position: Id) -> u32 {
    let others: u32 = person
        .assignments
        .iter()
        .filter(|a| a.position != position)
        .map(|a| a.share)
        .sum();
    100u32.saturating_sub(others)
}

/// How many people hold each position.
pub fn holders(doc: &PlanDoc) -> HashMap<Id, u32> {
    let mut out: HashMap<Id, u32> = HashMap::default();
    for person in &doc.people {
        for a in &person.assignments {
            *out.entry(a.position).or_default() += 1;
        }
    }
    out
}

/// Every figure of the plan.
pub fn figures(doc: &PlanDoc) -> PlanFigures {
    // Per position: holders, held share (hundredths of FTE), and the holders' pay in
    // band-yuan × percent, scaled for people assigned over 100 %.
    struct Acc {
        holders: u32,
        share: u64,
        pay_min: f64,
        pay_max: f64,
    }
    let index = doc.position_index();
    let mut acc: Vec<Acc> = doc
        .positions
        .iter()
        .map(|_| Acc {
            holders: 0,
            share: 0,
            pay_min: 0.0,
            pay_max: 0.0,
        })
        .collect();
    let mut by_person = Vec::with_capacity(doc.people.len());
    for person in &doc.people {
        let total = person.total_share();
        let scale = 100.0 / f64::from(total.max(100));
        let (mut min, mut max, mut priced) = (0.0, 0.0, false);
        for a in &person.assignments {
            let Some(&i) = index.get(&a.position) else {
                continue;
            };
            let slot = &mut acc[i];
            slot.holders += 1;
            slot.share += u64::from(a.share);
            if let Some(b) = doc.positions[i].pay_band {
                let w = f64::from(a.share) / 100.0 * scale;
                slot.pay_min += f64::from(b.min) * w;
                slot.pay_max += f64::from(b.max) * w;
                min += f64::from(b.min) * w;
                max += f64::from(b.max) * w;
                priced = true;
            }
        }
        by_person.push(PersonFigures {
            person: person.id,
            total_share: total,
            overloaded: total > 100,
            free_share: 100u32.saturating_sub(total),
            main_seat: main_seat(person),
            payroll_monthly: priced.then(|| Payroll {
                min: min.round() as u64,
                max: max.round() as u64,
            }),
        });
    }

    let dept_index: HashMap<Id, usize> = doc
        .departments
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id, i))
        .collect();
    let none = doc.departments.len();
    let blank = |department: Option<Id>| DepartmentFigures {
        department,
        positions: 0,
        headcount: 0,
        people: 0,
        persons: 0,
        seats_fte: 0.0,
        filled_fte: 0.0,
        vacancies_fte: 0.0,
        payroll_monthly: Payroll::default(),
        payroll_filled: Payroll::default(),
        payroll_vacancies: Payroll::default(),
        unpriced: 0,
    };
    let mut depts: Vec<DepartmentFigures> = doc
        .departments
        .iter()
        .map(|d| blank(Some(d.id)))
        .chain(std::iter::once(blank(None)))
        .collect();
    // Hundredths of FTE per department: (filled, vacant).
    let mut dept_fte = vec![(0u64, 0u64); depts.len()];
    let row_of = |department: Option<Id>| {
        department
            .and_then(|d| dept_index.get(&d).copied())
            .unwrap_or(none)
    };

    let mut by_position = Vec::with_capacity(doc.positions.len());
    for (p, a) in doc.positions.iter().zip(&acc) {
        let vacancies = vacancies(p.headcount, a.holders);
        let (filled, vacant) = match p.pay_band {
            Some(b) => (
                Some(Payroll {
                    min: a.pay_min.round() as u64,
                    max: a.pay_max.round() as u64,
                }),
                Some(Payroll {
                    min: u64::from(b.min) * u64::from(vacancies),
                    max: u64::from(b.max) * u64::from(vacancies),
                }),
            ),
            None => (None, None),
        };
        let r = row_of(p.department);
        let d = &mut depts[r];
        d.positions += 1;
        d.headcount += p.headcount;
        d.people += vacancies;
        dept_fte[r].0 += a.share;
        dept_fte[r].1 += u64::from(vacancies) * 100;
        match (filled, vacant) {
            (Some(f), Some(v)) => {
                d.payroll_filled.add(f);
                d.payroll_vacancies.add(v);
            }
            _ => d.unpriced += 1,
        }
        by_position.push(PositionFigures {
            position: p.id,
            headcount: p.headcount,
            holders: a.holders,
            over: a.holders.saturating_sub(p.headcount),
            filled_fte: fte(a.share),
            vacancies,
            payroll_filled: filled,
            payroll_vacancies: vacant,
            payroll_monthly: filled.zip(vacant).map(|(f, v)| f.plus(v)),
            people: vacancies,
            team_people: 0,
        });
    }

    let mut multi_seat = 0;
    for person in &doc.people {
        if person.assignments.len() > 1 {
            multi_seat += 1;
        }
        let seat = main_seat(person).and_then(|s| index.get(&s).copied());
        if let Some(i) = seat {
            by_position[i].people += 1;
        }
        let dept = seat.and_then(|i| doc.positions[i].department);
        let d = &mut depts[row_of(dept)];
        d.people += 1;
        d.persons += 1;
    }

    for (d, (filled, vacant)) in depts.iter_mut().zip(&dept_fte) {
        d.filled_fte = fte(*filled);
        d.vacancies_fte = fte(*vacant);
        d.seats_fte = fte(filled + vacant);
        d.payroll_monthly = d.payroll_filled.plus(d.payroll_vacancies);
    }
    if depts[none].positions == 0 && depts[none].people == 0 {
        depts.pop();
    }

    // Teams: positions are in pre-order, so adding each to its superior from the bottom up
    // sums every subtree.
    for p in by_position.iter_mut() {
        p.team_people = p.people;
    }
    for i in (0..doc.positions.len()).rev() {
        if let Some(&up) = doc.positions[i].parent.and_then(|x| index.get(&x)) {
            let team = by_position[i].team_people;
            by_position[up].team_people += team;
        }
    }

    let (filled, vacant) = dept_fte
        .iter()
        .fold((0, 0), |(f, v), (a, b)| (f + a, v + b));
    let mut payroll_filled = Payroll::default();
    let mut payroll_vacancies = Payroll::default();
    for d in &depts {
        payroll_filled.add(d.payroll_filled);
        payroll_vacancies.add(d.payroll_vacancies);
    }
    let payroll_monthly = payroll_filled.plus(payroll_vacancies);
    let people_total = people(
        doc.people.len() as u32,
        by_position.iter().map(|p| (p.headcount, p.holders)),
    );
    debug_assert_eq!(people_total, depts.iter().map(|d| d.people).sum::<u32>());
    PlanFigures {
        people: people_total,
        persons: doc.people.len() as u32,
        multi_seat,
        overloaded: by_person.iter().filter(|p| p.overloaded).count() as u32,
        positions: doc.positions.len() as u32,
        headcount: depts.iter().map(|d| d.headcount).sum(),
        seats_fte: fte(filled + vacant),
        filled_fte: fte(filled),
        vacancies_fte: fte(vacant),
        payroll_monthly,
        payroll_yearly: payroll_monthly.yearly(),
        payroll_filled,
        payroll_vacancies,
        unpriced: depts.iter().map(|d| d.unpriced).sum(),
        departments: depts,
        by_position,
        by_person,
    }
}
