//! 定编测算: how many people the business volume needs (劳动效率定员: volume ÷ what one person
//! handles), per position and department, in a normal month and in the peak month.
//!
//! A plan's drivers (经营假设) turn monthly sales into daily volumes: orders (销售额 ÷ 客单价),
//! chats (orders × 询单率 ÷ 询单转化率), after-sales cases, parcels, images, live hours and the
//! paid budget. Each library role that volume sizes names its driver and one capacity (what one
//! full-time person handles); a position finds its role through `Position::role`. Positions no
//! volume sizes (店长, 运营总监, 数据分析 …) keep what the plan gives them. Months follow the one
//! seasonal calendar the goal splits use ([`crate::periods::MONTH_WEIGHTS`]: 618 in June, 双11
//! in November, 双12 in December), which a plan may override month by month.
//!
//! Rounding: a seat's required full-time equivalents become 编制 by rounding up once the
//! fraction passes [`ROUND_UP_FROM`] (a fifth of a person is absorbed by the team; more is
//! not), and a seat with any volume gets at least one.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{GoalKind, Id, Lang, PlanDoc};

/// The fraction of a person above which a seat's FTE rounds up to one more 编制.
pub const ROUND_UP_FROM: f64 = 0.2;

/// Days in a month, for daily volumes.
const DAYS: f64 = 30.0;
/// Weeks in a month.
const WEEKS: f64 = 30.0 / 7.0;

/// What sizes a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Driver {
    /// Buyers' chats a day (售前客服).
    Chats,
    /// After-sales cases a day (售后客服).
    Cases,
    /// Parcels packed a day (仓储, 打包发货).
    Parcels,
    /// Product images a month (美工/视觉).
    Images,
    /// Live-stream hours a week (主播/直播运营).
    LiveHours,
    /// Paid-traffic budget a month, yuan (推广).
    AdBudget,
}

impl Driver {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Driver::Chats => lang.pick("日咨询量", "chats a day"),
            Driver::Cases => lang.pick("日售后单量", "after-sales cases a day"),
            Driver::Parcels => lang.pick("日发货包裹", "parcels a day"),
            Driver::Images => lang.pick("月出图量", "images a month"),
            Driver::LiveHours => lang.pick("周直播时长", "live hours a week"),
            Driver::AdBudget => lang.pick("月推广预算", "paid budget a month"),
        }
    }

    pub fn unit(self, lang: Lang) -> &'static str {
        match self {
            Driver::Chats => lang.pick("次/天", "a day"),
            Driver::Cases => lang.pick("单/天", "a day"),
            Driver::Parcels => lang.pick("件/天", "a day"),
            Driver::Images => lang.pick("张/月", "a month"),
            Driver::LiveHours => lang.pick("小时/周", "hours a week"),
            Driver::AdBudget => lang.pick("元/月", "yuan a month"),
        }
    }
}

/// The library roles volume sizes, their driver and what one full-time person handles (the
/// same for every template; a plan's drivers may change the capacities).
pub fn role_driver(role: &str) -> Option<Driver> {
    Some(match role {
        "role-presale-cs" => Driver::Chats,
        "role-aftersale-cs" => Driver::Cases,
        "role-packer" | "role-warehouse" => Driver::Parcels,
        "role-designer" => Driver::Images,
        "role-live" => Driver::LiveHours,
        "role-ztc" | "role-display-ads" => Driver::AdBudget,
        _ => return None,
    })
}

/// A plan's business assumptions (经营假设). Rates are percents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Drivers {
    /// 月销售额 in an ordinary month, yuan. `None`: the plan's sales goal, else its
    /// template's stated figure.
    pub monthly_gmv: Option<f64>,
    /// 客单价, yuan.
    pub basket: f64,
    /// 询单率: orders preceded by a chat, percent.
    pub inquiry_rate: f64,
    /// 询单转化率: chats that end in an order, percent.
    pub inquiry_conversion: f64,
    /// 人均日接待量: chats one 客服 handles a day.
    pub chats_per_person: f64,
    /// 售后率: orders that need after-sales, percent.
    pub aftersale_rate: f64,
    /// After-sales cases one person settles a day.
    pub cases_per_person: f64,
    /// Parcels one warehouse person packs and ships a day.
    pub parcels_per_person: f64,
    /// New SKUs in an ordinary month; `None`: three for every 10万 of monthly sales.
    pub new_skus: Option<f64>,
    /// Images per new SKU (main images, detail page, campaign variants).
    pub images_per_sku: f64,
    /// Images one designer finishes a month.
    pub images_per_person: f64,
    /// Live-stream hours a week.
    pub live_hours: f64,
    /// Live hours one host carries a week.
    pub live_hours_per_person: f64,
    /// Paid-traffic budget, percent of sales.
    pub ad_share: f64,
    /// Monthly budget one 推广 manages well.
    pub budget_per_person: f64,
    /// Each month's volume against an ordinary month (1.0), January first.
    pub months: [f64; 12],
    /// Peaks are met by 临时工/外包 rather than 编制.
    pub peak_temps: bool,
}

impl Default for Drivers {
    fn default() -> Drivers {
        Drivers {
            monthly_gmv: None,
            basket: 120.0,
            inquiry_rate: 60.0,
            inquiry_conversion: 45.0,
            chats_per_person: 100.0,
            aftersale_rate: 10.0,
            cases_per_person: 40.0,
            parcels_per_person: 200.0,
            new_skus: None,
            images_per_sku: 15.0,
            images_per_person: 250.0,
            live_hours: 0.0,
            live_hours_per_person: 24.0,
            ad_share: 12.0,
            budget_per_person: 100_000.0,
            months: crate::periods::MONTH_WEIGHTS,
            peak_temps: true,
        }
    }
}

/// The monthly sales a template states about itself, for plans with no sales goal.
pub fn template_gmv(template: &str) -> Option<f64> {
    Some(match template {
        "team-5" => 60_000.0,
        "team-8" => 200_000.0,
        "team-30" => 1_000_000.0,
        "ops-center" => 3_000_000.0,
        _ => return None,
    })
}

/// The plan's monthly sales: its top sales goal as a month, else its template's figure.
pub fn plan_gmv(doc: &PlanDoc) -> Option<f64> {
    doc.goals
        .iter()
        .find(|g| g.parent.is_none() && g.kind == GoalKind::Gmv)
        .map(|g| {
            g.target
                * match g.period {
                    crate::model::Cycle::Daily => DAYS,
                    crate::model::Cycle::Weekly => WEEKS,
                    crate::model::Cycle::Monthly => 1.0,
                    crate::model::Cycle::Quarterly => 1.0 / 3.0,
                    crate::model::Cycle::Yearly => 1.0 / 12.0,
                }
        })
        .or_else(|| doc.plan.template.as_deref().and_then(template_gmv))
}

/// Volumes of one month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Volumes {
    pub month: u32,
    pub gmv: f64,
    pub orders_per_day: f64,
    pub chats_per_day: f64,
    pub cases_per_day: f64,
    pub parcels_per_day: f64,
    pub images_per_month: f64,
    pub live_hours_per_week: f64,
    pub ad_budget_per_month: f64,
}

impl Volumes {
    pub fn of(&self, driver: Driver) -> f64 {
        match driver {
            Driver::Chats => self.chats_per_day,
            Driver::Cases => self.cases_per_day,
            Driver::Parcels => self.parcels_per_day,
            Driver::Images => self.images_per_month,
            Driver::LiveHours => self.live_hours_per_week,
            Driver::AdBudget => self.ad_budget_per_month,
        }
    }
}

impl Drivers {
    /// What one full-time person handles of `driver`.
    pub fn capacity(&self, driver: Driver) -> f64 {
        match driver {
            Driver::Chats => self.chats_per_person,
            Driver::Cases => self.cases_per_person,
            Driver::Parcels => self.parcels_per_person,
            Driver::Images => self.images_per_person,
            Driver::LiveHours => self.live_hours_per_person,
            Driver::AdBudget => self.budget_per_person,
        }
    }

    /// The volumes of `month` (1–12) at ordinary-month sales `gmv`.
    pub fn volumes(&self, gmv: f64, month: u32) -> Volumes {
        let factor = self.months[(month.clamp(1, 12) - 1) as usize];
        let gmv_month = gmv * factor;
        let orders = if self.basket > 0.0 {
            gmv_month / self.basket / DAYS
        } else {
            0.0
        };
        let chats = if self.inquiry_conversion > 0.0 {
            orders * self.inquiry_rate / self.inquiry_conversion
        } else {
            0.0
        };
        Volumes {
            month: month.clamp(1, 12),
            gmv: gmv_month,
            orders_per_day: orders,
            chats_per_day: chats,
            cases_per_day: orders * self.aftersale_rate / 100.0,
            parcels_per_day: orders,
            images_per_month: self.new_skus.unwrap_or(gmv * 3.0 / 100_000.0)
                * self.images_per_sku
                * factor,
            live_hours_per_week: self.live_hours,
            ad_budget_per_month: gmv_month * self.ad_share / 100.0,
        }
    }

    /// The busiest month (the first of equals).
    pub fn peak_month(&self) -> u32 {
        let mut best = 0;
        for (i, f) in self.months.iter().enumerate() {
            if *f > self.months[best] {
                best = i;
            }
        }
        best as u32 + 1
    }
}

/// 编制 for `fte` full-time equivalents of volume-sized work.
pub fn seats_for(fte: f64) -> u32 {
    if fte <= 0.0 {
        return 0;
    }
    let whole = fte.floor();
    let seats = if fte - whole > ROUND_UP_FROM + 1e-9 {
        whole + 1.0
    } else {
        whole
    };
    (seats as u32).max(1)
}

/// One position's requirement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct PositionNeed {
    pub position: Id,
    pub title: String,
    /// What sizes it; `None`: the plan's own figure stands.
    pub driver: Option<Driver>,
    /// Its share of the driver's volume in the chosen month and in the peak month.
    pub volume: f64,
    pub peak_volume: f64,
    /// What one full-time person handles.
    pub capacity: f64,
    /// Required full-time equivalents.
    pub fte: f64,
    pub peak_fte: f64,
    /// Recommended 编制 for the chosen month (the peak met by temps when the drivers say so).
    pub recommended: u32,
    /// The people that takes, in full-time equivalents: the recommended 编制, or for a seat
    /// held part-time (兼任) whose work still fits in that share, the share.
    pub recommended_fte: f64,
    /// The plan's 编制 and the FTE it staffs today (held shares + vacancies).
    pub headcount: u32,
    pub planned_fte: f64,
    /// `recommended − headcount`.
    pub gap: i64,
    /// Temporary hands for the peak month beyond the recommended 编制.
    pub peak_temps: u32,
}

/// A department's requirement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct DepartmentNeed {
    pub department: Option<Id>,
    pub name: String,
    pub fte: f64,
    pub recommended: u32,
    pub headcount: u32,
    pub gap: i64,
}

/// The monthly sales at which a volume-sized seat needs more than its holders give it today
/// (a 兼任 seat needs its own person; a full seat needs another).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Threshold {
    pub position: Id,
    pub title: String,
    /// The FTE the seat has today.
    pub planned_fte: f64,
    /// Ordinary-month sales above which that is not enough, yuan.
    pub gmv: f64,
    /// In the user's language.
    pub message: String,
}

/// The whole 定编测算.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Staffing {
    pub drivers: Drivers,
    /// Ordinary-month sales used, yuan; `None` when neither the drivers, a goal nor the
    /// template give one (then only the plan's own figures are shown).
    pub monthly_gmv: Option<f64>,
    pub month: u32,
    pub peak_month: u32,
    pub volumes: Volumes,
    pub peak_volumes: Volumes,
    pub positions: Vec<PositionNeed>,
    pub departments: Vec<DepartmentNeed>,
    /// Required full-time equivalents, all positions.
    pub fte: f64,
    /// Recommended 编制, all positions.
    pub recommended: u32,
    /// The people the recommendation takes (full-time equivalents), to set against `people`.
    pub recommended_people: f64,
    pub headcount: u32,
    /// People today (persons + vacancies, `plan_summary`'s figure).
    pub people: u32,
    pub thresholds: Vec<Threshold>,
    /// What stands out, in the user's language.
    pub findings: Vec<String>,
}

fn money(v: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh if v >= 10_000.0 => format!("{:.1}万", v / 10_000.0).replace(".0万", "万"),
        _ => format!("{v:.0}"),
    }
}

/// The 定编测算 of `doc` for `month` (1–12) with `drivers` (the plan's sales when they give
/// none).
pub fn staffing(doc: &PlanDoc, drivers: &Drivers, month: u32, lang: Lang) -> Staffing {
    let figures = crate::cost::figures(doc);
    let gmv = drivers.monthly_gmv.or_else(|| plan_gmv(doc));
    let month = month.clamp(1, 12);
    let peak = drivers.peak_month();
    let volumes = drivers.volumes(gmv.unwrap_or(0.0), month);
    let peak_volumes = drivers.volumes(gmv.unwrap_or(0.0), peak);
    // The volume of a driver is shared by the positions it sizes, by their 编制.
    let driver_of = |p: &crate::model::Position| gmv.and(p.role.as_deref()).and_then(role_driver);
    let mut weight_of = std::collections::HashMap::new();
    for p in &doc.positions {
        if let Some(d) = driver_of(p) {
            *weight_of.entry(d).or_insert(0.0) += f64::from(p.headcount.max(1));
        }
    }
    let mut positions = Vec::with_capacity(doc.positions.len());
    for p in &doc.positions {
        let f = figures.position(p.id);
        let planned_fte = f.map_or(0.0, |f| f.filled_fte + f64::from(f.vacancies));
        let headcount = p.headcount;
        let need = match driver_of(p) {
            Some(d) => {
                let share = f64::from(p.headcount.max(1)) / weight_of[&d];
                let capacity = drivers.capacity(d);
                let volume = volumes.of(d) * share;
                let peak_volume = peak_volumes.of(d) * share;
                let (fte, peak_fte) = if capacity > 0.0 {
                    (volume / capacity, peak_volume / capacity)
                } else {
                    (0.0, 0.0)
                };
                // A seat held part-time needs no more than its holders give while the volume
                // fits in that share. Without temps, the peak month sets the 编制.
                let recommended = if !drivers.peak_temps {
                    seats_for(peak_fte)
                } else if fte <= planned_fte && headcount == 1 {
                    1
                } else {
                    seats_for(fte)
                };
                let short = peak_fte - f64::from(recommended);
                // A temp is about 80 % as productive as a trained hand.
                let temps = if drivers.peak_temps && short > ROUND_UP_FROM {
                    (short / 0.8).ceil() as u32
                } else {
                    0
                };
                let recommended_fte = if planned_fte < 1.0 && fte <= planned_fte {
                    planned_fte
                } else {
                    f64::from(recommended)
                };
                PositionNeed {
                    position: p.id,
                    title: p.title.clone(),
                    driver: Some(d),
                    volume,
                    peak_volume,
                    capacity,
                    fte,
                    peak_fte,
                    recommended,
                    recommended_fte,
                    headcount,
                    planned_fte,
                    gap: i64::from(recommended) - i64::from(headcount),
                    peak_temps: temps,
                }
            }
            None => PositionNeed {
                position: p.id,
                title: p.title.clone(),
                driver: None,
                volume: 0.0,
                peak_volume: 0.0,
                capacity: 0.0,
                fte: planned_fte,
                peak_fte: planned_fte,
                recommended: headcount,
                recommended_fte: planned_fte,
                headcount,
                planned_fte,
                gap: 0,
                peak_temps: 0,
            },
        };
        positions.push(need);
    }

    let mut departments: Vec<DepartmentNeed> = Vec::new();
    for (p, need) in doc.positions.iter().zip(&positions) {
        let name = p
            .department
            .and_then(|d| doc.department(d))
            .map(|d| d.name.clone())
            .unwrap_or_else(|| lang.pick("（无部门）", "(no department)").to_string());
        let at = match departments
            .iter()
            .position(|d| d.department == p.department)
        {
            Some(at) => at,
            None => {
                departments.push(DepartmentNeed {
                    department: p.department,
                    name,
                    fte: 0.0,
                    recommended: 0,
                    headcount: 0,
                    gap: 0,
                });
                departments.len() - 1
            }
        };
        let d = &mut departments[at];
        d.fte += need.fte;
        d.recommended += need.recommended;
        d.headcount += need.headcount;
        d.gap += need.gap;
    }

    let mut findings = Vec::new();
    let month_name = |m: u32| match lang {
        Lang::Zh => format!("{m}月"),
        Lang::En => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ][(m - 1) as usize]
            .to_string(),
    };
    for n in &positions {
        let Some(_) = n.driver else { continue };
        let short = n.fte - n.planned_fte;
        if short > ROUND_UP_FROM {
            findings.push(match lang {
                Lang::Zh => format!(
                    "「{}」在{}缺 {:.1} 人（需 {:.1}，现有 {:.1}）",
                    n.title,
                    month_name(month),
                    short,
                    n.fte,
                    n.planned_fte
                ),
                Lang::En => format!(
                    "{} is short by {:.1} FTE in {} (needs {:.1}, has {:.1})",
                    n.title,
                    short,
                    month_name(month),
                    n.fte,
                    n.planned_fte
                ),
            });
        } else if n.planned_fte - n.fte > 1.0 {
            findings.push(match lang {
                Lang::Zh => format!(
                    "「{}」在{}多出 {:.1} 人（需 {:.1}，现有 {:.1}）",
                    n.title,
                    month_name(month),
                    n.planned_fte - n.fte,
                    n.fte,
                    n.planned_fte
                ),
                Lang::En => format!(
                    "{} has {:.1} FTE more than {} needs (needs {:.1}, has {:.1})",
                    n.title,
                    n.planned_fte - n.fte,
                    month_name(month),
                    n.fte,
                    n.planned_fte
                ),
            });
        }
        if n.peak_temps > 0 {
            // Temps start about ten days before the peak month, to be trained in time.
            let (m, d) = if peak == 1 { (12, 20) } else { (peak - 1, 20) };
            findings.push(match lang {
                Lang::Zh => format!(
                    "「{}」在{}（旺季）需 {:.1} 人：从{}{}日起安排 {} 名临时工",
                    n.title,
                    month_name(peak),
                    n.peak_fte,
                    month_name(m),
                    d,
                    n.peak_temps
                ),
                Lang::En => format!(
                    "{} needs {:.1} FTE in {} (the peak): plan {} temporary hands from {} {d}",
                    n.title,
                    n.peak_fte,
                    month_name(peak),
                    n.peak_temps,
                    month_name(m)
                ),
            });
        }
    }

    // Sales at which each volume-sized seat outgrows what it has: fte scales with sales.
    let mut thresholds = Vec::new();
    if let Some(g) = gmv.filter(|g| *g > 0.0) {
        for n in positions
            .iter()
            .filter(|n| n.driver.is_some() && n.fte > 0.0)
        {
            let has = if n.planned_fte > 0.0 {
                n.planned_fte
            } else {
                f64::from(n.headcount)
            };
            // Volume at the ordinary month (factor of this month removed).
            let per_yuan = n.fte / (g * drivers.months[(month - 1) as usize]);
            if per_yuan <= 0.0 {
                continue;
            }
            let at = has / per_yuan;
            let message = if has < 1.0 {
                match lang {
                    Lang::Zh => format!(
                        "月销售额超过约 {} 元，「{}」不能再由兼任者承担（目前 {:.0}% 的时间），需要专人",
                        money(at, lang),
                        n.title,
                        has * 100.0
                    ),
                    Lang::En => format!(
                        "above about {} a month, {} can no longer be done on the side ({:.0}% of someone's time): it needs its own person",
                        money(at, lang),
                        n.title,
                        has * 100.0
                    ),
                }
            } else {
                match lang {
                    Lang::Zh => format!(
                        "月销售额超过约 {} 元，「{}」的 {:.0} 人不够，需要增加",
                        money(at, lang),
                        n.title,
                        has
                    ),
                    Lang::En => format!(
                        "above about {} a month, the {:.0} on {} are not enough",
                        money(at, lang),
                        has,
                        n.title
                    ),
                }
            };
            thresholds.push(Threshold {
                position: n.position,
                title: n.title.clone(),
                planned_fte: has,
                gmv: at,
                message,
            });
        }
        thresholds.sort_by(|a, b| a.gmv.total_cmp(&b.gmv));
    }

    let fte: f64 = positions.iter().map(|n| n.fte).sum();
    Staffing {
        drivers: drivers.clone(),
        monthly_gmv: gmv,
        month,
        peak_month: peak,
        volumes,
        peak_volumes,
        recommended: positions.iter().map(|n| n.recommended).sum(),
        recommended_people: positions.iter().map(|n| n.recommended_fte).sum(),
        headcount: positions.iter().map(|n| n.headcount).sum(),
        people: figures.people,
        fte,
        positions,
        departments,
        thresholds,
        findings,
    }
}
