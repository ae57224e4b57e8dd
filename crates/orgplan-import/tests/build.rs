//! Rosters into plans: the tree follows the managers, same-title colleagues share a seat,
//! a 兼任 holds two seats at the shares given, part-timers hold theirs at the share chosen,
//! library roles fill matched titles, and every bad row is named by its row number.

use std::path::Path;

use orgplan_core::{check::check_doc, cost, Lang};
use orgplan_import::{build, read, Mapping, Options, ProblemKind, Table};

fn table(name: &str) -> Table {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap();
    read(&bytes, None).unwrap()
}

fn csv(text: &str) -> Table {
    read(text.as_bytes(), None).unwrap()
}

fn built(
    t: &Table,
    options: &Options,
) -> Result<orgplan_import::Built, Vec<orgplan_import::Problem>> {
    let mut n = 0u128;
    build(
        t,
        &Mapping::detect(&t.headers),
        options,
        chrono::Utc::now(),
        &mut || {
            n += 1;
            uuid::Uuid::from_u128(n)
        },
    )
}

#[test]
fn the_sixty_two_row_roster_becomes_a_plan() {
    for name in [
        "dingtalk-utf8-bom.csv",
        "excel-gbk-title-row.csv",
        "hr-roster.xlsx",
    ] {
        let t = table(name);
        let b = built(&t, &Options::default()).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        let doc = &b.doc;
        check_doc(doc).unwrap();
        // 61 people (the 客服主管 is on two rows), one top.
        assert_eq!(doc.people.len(), 61, "{name}");
        let top = doc.root().unwrap();
        assert_eq!(top.title, "运营总监");
        let under_top: Vec<&str> = doc
            .children(top.id)
            .into_iter()
            .map(|id| doc.position(id).unwrap().title.as_str())
            .collect();
        assert_eq!(under_top.len(), 6, "{name}: {under_top:?}");
        // Twelve full-time and one intern 售前客服 under the 客服主管: one seat of 编制 13.
        let presale = doc
            .positions
            .iter()
            .find(|p| p.title == "售前客服")
            .unwrap();
        assert_eq!(presale.headcount, 13);
        // The 兼任: one person, 60 % and 40 %.
        let lead = doc
            .positions
            .iter()
            .find(|p| p.title == "客服主管")
            .unwrap();
        let her = doc
            .people
            .iter()
            .find(|p| p.assignments.iter().any(|a| a.position == lead.id))
            .unwrap();
        let shares: Vec<u32> = her.assignments.iter().map(|a| a.share).collect();
        assert_eq!(shares, [60, 40]);
        let after_sales = doc
            .positions
            .iter()
            .find(|p| p.title == "售后客服")
            .unwrap();
        assert_eq!(after_sales.headcount, 7, "six and her second seat");
        // The intern and the part-time photographer hold 50 %.
        let photographer = doc.positions.iter().find(|p| p.title == "摄影师").unwrap();
        let holder = doc
            .people
            .iter()
            .find(|p| p.assignments.iter().any(|a| a.position == photographer.id))
            .unwrap();
        assert_eq!(holder.assignments[0].share, 50);
        // Library roles fill what they match.
        assert!(presale.duties.len() >= 3, "售前客服 got the role's duties");
        assert!(
            b.matched.iter().any(|(t, _)| t == "打包员"),
            "a synonym matched: {:?}",
            b.matched
        );
        assert!(
            b.unmatched.contains(&"数据分析主管".to_string())
                || b.matched.iter().any(|(t, _)| t == "数据分析主管")
        );
        // Departments from the paths' last parts; the 钉钉 cell with two takes the first.
        let names: Vec<&str> = doc.departments.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "运营中心",
                "客服部",
                "推广部",
                "视觉部",
                "仓储部",
                "数据部",
                "内容部"
            ]
        );
        let analyst = doc
            .positions
            .iter()
            .find(|p| p.title == "数据分析专员")
            .unwrap();
        assert_eq!(
            doc.departments
                .iter()
                .find(|d| Some(d.id) == analyst.department)
                .unwrap()
                .name,
            "数据部"
        );
        // The figures read as the core counts them: every seat filled.
        let f = cost::figures(doc);
        assert_eq!(f.people, 61);
        assert_eq!(f.vacancies_fte, 0.0);
    }
}

#[test]
fn org_chart_json_builds_the_same_tree() {
    let csv_doc = built(&table("dingtalk-utf8-bom.csv"), &Options::default())
        .unwrap()
        .doc;
    for name in ["balkan-id-pid.json", "d3-id-parentId.json"] {
        let doc = built(&table(name), &Options::default())
            .unwrap_or_else(|p| panic!("{name}: {p:?}"))
            .doc;
        assert_eq!(doc.people.len(), csv_doc.people.len(), "{name}");
        assert_eq!(doc.positions.len(), csv_doc.positions.len(), "{name}");
    }
}

#[test]
fn every_kind_of_bad_row_is_named_by_its_row() {
    let t = csv("姓名,工号,职位,直属上级,上级工号,岗位占比\n\
         王总,E1,运营总监,,,\n\
         ,E2,客服,王总,,\n\
         李四,E3,客服,赵六,,\n\
         张伟,E4,推广,王总,,\n\
         张伟,E5,美工,王总,,\n\
         孙七,E6,美工,张伟,,\n\
         周八,E1,仓管,王总,,\n\
         吴九,E7,客服,,,\n\
         郑十,E8,客服,王总,,150\n\
         冯一,E9,客服,,E10,\n\
         陈二,E10,客服,,E9,\n\
         钱三,E11,客服,李四,,\n");
    let problems = built(&t, &Options::default()).unwrap_err();
    let kinds: Vec<(usize, ProblemKind)> = problems.iter().map(|p| (p.line, p.kind)).collect();
    assert_eq!(
        kinds,
        [
            (3, ProblemKind::MissingName),
            (4, ProblemKind::ManagerNotFound),
            (7, ProblemKind::AmbiguousManager),
            (8, ProblemKind::DuplicateId),
            (9, ProblemKind::SeveralRoots),
            (10, ProblemKind::BadShare),
            (11, ProblemKind::Cycle),
            (12, ProblemKind::Cycle),
            (13, ProblemKind::UnderSkipped),
        ]
    );
    let said: Vec<String> = problems.iter().map(|p| p.message(Lang::Zh)).collect();
    assert_eq!(said[1], "第 4 行：直属上级「赵六」不在文件中");
    assert_eq!(said[2], "第 7 行：直属上级「张伟」有重名，请用上级工号区分");
    // Skipping them builds the rest: 王总, 张伟 ×2, and nobody else.
    let b = built(
        &t,
        &Options {
            skip_bad: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(b.skipped.len(), problems.len());
    let mut names: Vec<&str> = b.doc.people.iter().map(|p| p.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["张伟", "张伟", "王总"]);
    check_doc(&b.doc).unwrap();
}

#[test]
fn a_part_time_share_is_the_users_choice() {
    let t = csv(
        "姓名,职位,直属上级,人员类型\n王总,店长,,全职\n小李,客服,王总,兼职\n小周,客服,王总,实习\n",
    );
    let b = built(
        &t,
        &Options {
            part_time_share: 30,
            ..Options::default()
        },
    )
    .unwrap();
    let shares: Vec<u32> = b
        .doc
        .people
        .iter()
        .map(|p| p.assignments[0].share)
        .collect();
    assert_eq!(shares, [100, 30, 30]);
    // A person on two rows with no shares splits their time, never 100 % + 100 %.
    let t = csv("姓名,职位,直属上级\n王总,店长,\n王总,客服,王总\n小李,美工,王总\n");
    let b = built(&t, &Options::default()).unwrap();
    let boss = b.doc.people.iter().find(|p| p.name == "王总").unwrap();
    let shares: Vec<u32> = boss.assignments.iter().map(|a| a.share).collect();
    assert_eq!(shares, [50, 50]);
}

/// What the 62-row roster says about each person comes along: 工号, 入职日期 (as the file
/// writes dates), 人员类型; 手机 only when asked; departments nest along their paths; matched
/// seats name their library role.
#[test]
fn people_keep_their_roster_fields() {
    use orgplan_core::PersonKind;
    for name in [
        "dingtalk-utf8-bom.csv",
        "excel-gbk-title-row.csv",
        "hr-roster.xlsx",
    ] {
        let t = table(name);
        let b = built(&t, &Options::default()).unwrap();
        let doc = &b.doc;
        let first = doc.people.iter().find(|p| p.employee_no == "E001").unwrap();
        assert_eq!(first.name, "李芳", "{name}");
        assert_eq!(
            first.start_date,
            chrono::NaiveDate::from_ymd_opt(2019, 2, 2),
            "{name}"
        );
        assert_eq!(first.kind, Some(PersonKind::FullTime));
        assert_eq!(first.phone, "", "{name}: 手机 not read unless asked");
        assert!(doc.people.iter().all(|p| !p.employee_no.is_empty()));
        let center = doc
            .departments
            .iter()
            .find(|d| d.name == "运营中心")
            .unwrap();
        let service = doc.departments.iter().find(|d| d.name == "客服部").unwrap();
        assert_eq!(service.parent, Some(center.id), "{name}");
        assert!(doc.positions.iter().any(|p| p.role.is_some()));
        let with_phones = built(
            &t,
            &Options {
                personal: true,
                ..Options::default()
            },
        )
        .unwrap();
        let first = with_phones
            .doc
            .people
            .iter()
            .find(|p| p.employee_no == "E001")
            .unwrap();
        assert_eq!(first.phone, "13800000001", "{name}");
    }
}

#[test]
fn titles_dates_and_kinds_are_read_as_shops_write_them() {
    use orgplan_core::PersonKind;
    use orgplan_import::build::parse_date;
    let roles = orgplan_core::templates::roles();
    let role = |t: &str| orgplan_import::match_role(t, &roles).map(|r| r.title.clone());
    assert_eq!(role("店长/运营").as_deref(), Some("店长"));
    assert_eq!(role("客服").as_deref(), Some("售前客服"));
    assert_eq!(role("总经理"), None);
    let d = chrono::NaiveDate::from_ymd_opt(2023, 7, 1);
    for s in [
        "2023-07-01",
        "2023/7/1",
        "2023.7.1",
        "2023年7月1日",
        "20230701",
        "2023-07-01 09:00",
    ] {
        assert_eq!(parse_date(s), d, "{s}");
    }
    assert_eq!(parse_date("明年"), None);
    assert_eq!(parse_date("2023-02-30"), None);
    for (s, k) in [
        ("全职", PersonKind::FullTime),
        ("正式员工", PersonKind::FullTime),
        ("兼职", PersonKind::PartTime),
        ("实习生", PersonKind::Intern),
        ("劳务派遣", PersonKind::Outsourced),
        ("Part-time", PersonKind::PartTime),
    ] {
        assert_eq!(PersonKind::parse(s), Some(k), "{s}");
    }
    assert_eq!(PersonKind::parse("其他"), None);
}
