//! Splitting a goal's target over time (目标分解): the year, its halves, quarters, twelve months
//! and four weeks a month (48 weeks, the way e-commerce teams plan), with the campaign peaks
//! (618, 双11, 双12) weighted.
//!
//! A goal that adds up (sales, visitors) and is stated for a year is shared out by weight:
//! each month has a weight ([`MONTH_WEIGHTS`]), and within a month each day weighs 1 except
//! the peak days. A goal stated for a shorter period is a floor (at least) or a ceiling (at
//! most) for **every** such period, so the split never contradicts it: with a monthly floor of
//! 20万, no month is below 20万, and a month heavier than the average month (618, 双11, 双12)
//! is raised in proportion to its weight; with a ceiling, no period is above it and a lighter
//! one is lowered in proportion. Quarterly goals work the same way over quarters (months then
//! share their quarter by weight); weekly and daily goals over months (four weeks, or the
//! month's days) and each week keeps the floor or ceiling too. The year, halves and quarters
//! are the sums of their months. A rate or an average (conversion, margin, basket size) holds in every
//! period: it is repeated, with the peaks marked.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Cycle, Goal};

/// How much of a year's sales each month carries, relative to an ordinary month: February is
/// low (Spring Festival, couriers stop), June carries 618, November 双11, December 双12.
pub const MONTH_WEIGHTS: [f64; 12] = [1.0, 0.7, 0.9, 0.9, 1.0, 1.5, 0.9, 0.9, 1.0, 1.0, 2.2, 1.4];

/// The campaign days: (month, first day, last day, weight of each of those days, name).
pub const PEAKS: [(u32, u32, u32, f64, &str); 3] = [
    (6, 16, 18, 3.0, "618"),
    (11, 10, 11, 5.0, "双11"),
    (12, 12, 12, 3.0, "双12"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PeriodLevel {
    Year,
    Half,
    Quarter,
    Month,
    Week,
}

/// One period's share of a goal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PeriodTarget {
    pub level: PeriodLevel,
    /// `2027`, `2027 H1`, `2027 Q3`, `2027-06`, `2027-06 W3`.
    pub label: String,
    #[ts(type = "string")]
    pub start: NaiveDate,
    #[ts(type = "string")]
    pub end: NaiveDate,
    pub target: f64,
    /// The campaign that falls in this period, if any.
    pub peak: Option<String>,
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    let first = NaiveDate::from_ymd_opt(year, month, 1).expect("a valid month");
    (next.expect("a valid month") - first).num_days() as u32
}

fn day_weight(month: u32, day: u32) -> f64 {
    PEAKS
        .iter()
        .find(|(m, from, to, _, _)| *m == month && (*from..=*to).contains(&day))
        .map_or(1.0, |p| p.3)
}

fn peak_in(month: u32, first: u32, last: u32) -> Option<String> {
    PEAKS
        .iter()
        .find(|(m, from, to, _, _)| *m == month && *from <= last && *to >= first)
        .map(|p| p.4.to_string())
}

fn peaks_in_months(months: std::ops::RangeInclusive<u32>) -> Option<String> {
    let names: Vec<&str> = PEAKS
        .iter()
        .filter(|p| months.contains(&p.0))
        .map(|p| p.4)
        .collect();
    (!names.is_empty()).then(|| names.join(" "))
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid date")
}

/// The goal's target over `year`, in order: the year, then each half with its quarters, each
/// quarter with its months, each month with its four weeks (days 1–7, 8–14, 15–21, 22–end).
pub fn split(goal: &Goal, year: i32) -> Vec<PeriodTarget> {
    let additive = goal.kind.additive(goal.unit);
    let weight_sum: f64 = MONTH_WEIGHTS.iter().sum();
    let at_least = goal.direction == crate::model::Direction::AtLeast;
    // A stated period's target, shaped by its weight against the average period's: a floor
    // is raised in heavy periods, a ceiling lowered in light ones; never past the statement.
    let shaped = |weight: f64, average: f64| {
        let ratio = weight / average;
        goal.target
            * if at_least {
                ratio.max(1.0)
            } else {
                ratio.min(1.0)
            }
    };
    let quarter_weight = |q: u32| -> f64 {
        MONTH_WEIGHTS[(q * 3) as usize..(q * 3 + 3) as usize]
            .iter()
            .sum()
    };
    let month_target = |m: u32| {
        if !additive {
            return goal.target;
        }
        let w = MONTH_WEIGHTS[m as usize - 1];
        match goal.period {
            Cycle::Yearly => goal.target * w / weight_sum,
            Cycle::Monthly => shaped(w, weight_sum / 12.0),
            Cycle::Quarterly => {
                let q = (m - 1) / 3;
                shaped(quarter_weight(q), weight_sum / 4.0) * w / quarter_weight(q)
            }
            // Four weeks a month (the 48-week plan); a day's goal over the month's days.
            Cycle::Weekly => 4.0 * shaped(w, weight_sum / 12.0),
            Cycle::Daily => f64::from(days_in_month(year, m)) * shaped(w, weight_sum / 12.0),
        }
    };
    let total = if additive && goal.period != Cycle::Yearly {
        (1..=12).map(month_target).sum()
    } else {
        goal.target
    };
    // Weeks of a month keep a weekly or daily goal's floor or ceiling too.
    let week_bound = |days: u32| match goal.period {
        Cycle::Weekly => Some(goal.target),
        Cycle::Daily => Some(goal.target * f64::from(days)),
        _ => None,
    };
    let months_target = |from: u32, to: u32| {
        if additive {
            (from..=to).map(month_target).sum()
        } else {
            total
        }
    };
    let mut out = vec![PeriodTarget {
        level: PeriodLevel::Year,
        label: year.to_string(),
        start: date(year, 1, 1),
        end: date(year, 12, 31),
        target: total,
        peak: peaks_in_months(1..=12),
    }];
    for half in 0..2u32 {
        let (hf, ht) = (half * 6 + 1, half * 6 + 6);
        out.push(PeriodTarget {
            level: PeriodLevel::Half,
            label: format!("{year} H{}", half + 1),
            start: date(year, hf, 1),
            end: date(year, ht, days_in_month(year, ht)),
            target: months_target(hf, ht),
            peak: peaks_in_months(hf..=ht),
        });
        for q in 0..2u32 {
            let (qf, qt) = (hf + q * 3, hf + q * 3 + 2);
            out.push(PeriodTarget {
                level: PeriodLevel::Quarter,
                label: format!("{year} Q{}", half * 2 + q + 1),
                start: date(year, qf, 1),
                end: date(year, qt, days_in_month(year, qt)),
                target: months_target(qf, qt),
                peak: peaks_in_months(qf..=qt),
            });
            for m in qf..=qt {
                let days = days_in_month(year, m);
                let mt = month_target(m);
                out.push(PeriodTarget {
                    level: PeriodLevel::Month,
                    label: format!("{year}-{m:02}"),
                    start: date(year, m, 1),
                    end: date(year, m, days),
                    target: mt,
                    peak: peak_in(m, 1, days),
                });
                let month_weight: f64 = (1..=days).map(|d| day_weight(m, d)).sum();
                for w in 0..4u32 {
                    let first = w * 7 + 1;
                    let last = if w == 3 { days } else { first + 6 };
                    let share: f64 = (first..=last).map(|d| day_weight(m, d)).sum::<f64>();
                    out.push(PeriodTarget {
                        level: PeriodLevel::Week,
                        label: format!("{year}-{m:02} W{}", w + 1),
                        start: date(year, m, first),
                        end: date(year, m, last),
                        target: if additive {
                            let t = mt * share / month_weight;
                            match week_bound(last - first + 1) {
                                Some(b) if at_least => t.max(b),
                                Some(b) => t.min(b),
                                None => t,
                            }
                        } else {
                            mt
                        },
                        peak: peak_in(m, first, last),
                    });
                }
            }
        }
    }
    debug_assert!(out.iter().all(|p| p.start.year() == year));
    out
}
