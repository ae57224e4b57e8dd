//! 定编测算: headcount from business volume, the arithmetic by hand, the templates' sanity,
//! campaign months and the command table.

use orgplan_core::staffing::{seats_for, staffing, Driver, Drivers, ROUND_UP_FROM};
use orgplan_core::Lang;

use crate::common::*;

/// January weighs 1.0: an ordinary month.
const ORDINARY: u32 = 1;

#[test]
fn volumes_follow_the_stated_arithmetic() {
    let d = Drivers::default();
    // 36万 a month at 客单价 120: 100 orders a day; 60 % ask first and 45 % of chats buy:
    // 133.3 chats; 10 % need after-sales: 10 cases; a parcel an order; 3 new SKUs per 10万
    // with 15 images each; 12 % of sales on paid traffic.
    let v = d.volumes(360_000.0, ORDINARY);
    assert!((v.orders_per_day - 100.0).abs() < 1e-9);
    assert!((v.chats_per_day - 100.0 * 60.0 / 45.0).abs() < 1e-9);
    assert!((v.cases_per_day - 10.0).abs() < 1e-9);
    assert!((v.parcels_per_day - 100.0).abs() < 1e-9);
    assert!((v.images_per_month - 10.8 * 15.0).abs() < 1e-9);
    assert!((v.ad_budget_per_month - 43_200.0).abs() < 1e-6);
    // 双11: November weighs 2.2 in the calendar the goal splits use.
    assert_eq!(d.peak_month(), 11);
    let nov = d.volumes(360_000.0, 11);
    assert!((nov.orders_per_day - 220.0).abs() < 1e-9);
    assert!((nov.chats_per_day / v.chats_per_day - 2.2).abs() < 1e-9);
    // Rounding: a fifth of a person is absorbed, more is not.
    assert_eq!(seats_for(0.05), 1);
    assert_eq!(seats_for(2.0 + ROUND_UP_FROM), 2);
    assert_eq!(seats_for(2.21), 3);
    assert_eq!(seats_for(0.0), 0);
}

#[test]
fn a_seat_is_sized_by_its_roles_driver() {
    let doc = team("team-8");
    let mut d = Drivers {
        monthly_gmv: Some(720_000.0),
        ..Drivers::default()
    };
    let s = staffing(&doc, &d, ORDINARY, Lang::Zh);
    let presale = s.positions.iter().find(|n| n.title == "售前客服").unwrap();
    assert_eq!(presale.driver, Some(Driver::Chats));
    // 200 orders a day → 266.7 chats → 2.67 FTE at 100 a day → 3 seats (0.67 > 0.2).
    assert!((presale.fte - 200.0 * 60.0 / 45.0 / 100.0).abs() < 1e-9);
    assert_eq!(presale.recommended, 3);
    assert_eq!(presale.gap, 2);
    let manager = s.positions.iter().find(|n| n.title == "店长").unwrap();
    assert_eq!(
        manager.driver, None,
        "店长 follows the plan, not the volume"
    );
    assert_eq!(manager.recommended, 1);
    assert!(
        s.findings
            .iter()
            .any(|f| f.starts_with("「售前客服」在1月缺")),
        "{:?}",
        s.findings
    );
    // The peak month needs temporary hands, planned from ten days before it.
    assert!(presale.peak_temps > 0);
    assert!(
        s.findings
            .iter()
            .any(|f| f.contains("11月（旺季）") && f.contains("从10月20日起安排")),
        "{:?}",
        s.findings
    );
    // Without temps the peak month sets the 编制.
    d.peak_temps = false;
    let s = staffing(&doc, &d, ORDINARY, Lang::En);
    let presale = s.positions.iter().find(|n| n.title == "售前客服").unwrap();
    assert_eq!(presale.recommended, seats_for(presale.peak_fte));
    assert_eq!(presale.peak_temps, 0);
}

/// Each template at its own stated sales needs about the people it has (±20 %), and twice the
/// sales raises the volume-sized seats in proportion while the others stay.
#[test]
fn the_templates_are_sized_for_their_own_sales() {
    for t in orgplan_core::templates::template_ids() {
        let doc = team(t);
        let s = staffing(&doc, &Drivers::default(), ORDINARY, Lang::Zh);
        let people = f64::from(s.people);
        assert!(s.monthly_gmv.is_some(), "{t}: a stated sales figure");
        assert!(
            (s.recommended_people - people).abs() <= 0.2 * people,
            "{t}: {} recommended against {} people",
            s.recommended_people,
            people
        );
        let twice = Drivers {
            monthly_gmv: s.monthly_gmv.map(|g| g * 2.0),
            ..Drivers::default()
        };
        let s2 = staffing(&doc, &twice, ORDINARY, Lang::Zh);
        for (a, b) in s.positions.iter().zip(&s2.positions) {
            match a.driver {
                Some(_) => assert!((b.fte - 2.0 * a.fte).abs() < 1e-9, "{t}/{}", a.title),
                None => assert_eq!(a.recommended, b.recommended, "{t}/{}", a.title),
            }
        }
        assert!(s2.recommended >= s.recommended, "{t}");
    }
}

/// The threshold a founder asks about: the sales at which a 兼任 seat of the five-person team
/// needs its own person.
#[test]
fn thresholds_say_when_a_shared_seat_needs_its_own_person() {
    let doc = team("team-5");
    let s = staffing(&doc, &Drivers::default(), ORDINARY, Lang::Zh);
    let service = s.thresholds.iter().find(|t| t.title == "客服").unwrap();
    // At the threshold the seat's required FTE equals what it has.
    let d = Drivers {
        monthly_gmv: Some(service.gmv),
        ..Drivers::default()
    };
    let at = staffing(&doc, &d, ORDINARY, Lang::Zh);
    let need = at.positions.iter().find(|n| n.title == "客服").unwrap();
    assert!((need.fte - service.planned_fte).abs() < 1e-6);
    let shared = s
        .thresholds
        .iter()
        .find(|t| t.planned_fte < 1.0)
        .expect("a 兼任 seat");
    assert!(
        shared.message.contains("不能再由兼任者承担"),
        "{}",
        shared.message
    );
}

#[test]
fn the_command_table_sizes_a_plan_and_refuses_impossible_assumptions() {
    use orgplan_api::{dispatch, Ctx};
    use serde_json::json;
    let dir = tempfile::tempdir().unwrap();
    let store = orgplan_store::Store::open(&dir.path().join("s.db")).unwrap();
    let mut ctx = Ctx::new(store, Lang::Zh);
    dispatch(
        &mut ctx,
        "create_plan",
        json!({"template": "team-8", "name": "八人"}),
    )
    .unwrap();
    let s = dispatch(
        &mut ctx,
        "staffing",
        json!({"plan": "八人", "month": 11, "drivers": {"monthly_gmv": 720000.0}}),
    )
    .unwrap();
    assert_eq!(s["month"], 11);
    assert_eq!(s["peak_month"], 11);
    let presale = s["positions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == "售前客服")
        .unwrap();
    assert_eq!(presale["driver"], "chats");
    assert!(presale["recommended"].as_u64().unwrap() > 1);
    for (args, says) in [
        (json!({"plan": "八人", "month": 13}), "1 到 12"),
        (
            json!({"plan": "八人", "drivers": {"inquiry_rate": 140.0}}),
            "询单率",
        ),
        (
            json!({"plan": "八人", "drivers": {"basket": -5.0}}),
            "客单价",
        ),
    ] {
        let e = dispatch(&mut ctx, "staffing", args).expect_err("refused");
        assert!(e.message.contains(says), "{}", e.message);
    }
}
