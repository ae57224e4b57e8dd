//! Rosters as 钉钉, 飞书, 企业微信, Excel, WPS and org-chart libraries write them: one team of
//! 62 rows (three levels, an intern, a 兼任 on two rows with shares, outsourced packers, a
//! person in two departments), written by this test in every format the reader takes, then
//! read back. The files are kept in `tests/fixtures/` (rewritten with UPDATE_FIXTURES=1) so
//! each format is also read from a file as a user would hand it over.

use std::path::{Path, PathBuf};

use orgplan_import::{parse_override, read, Field, Format, Mapping, ReadError};

const HEADERS: [&str; 10] = [
    "姓名",
    "工号",
    "部门",
    "职位",
    "直属上级",
    "上级工号",
    "入职日期",
    "人员类型",
    "岗位占比",
    "手机",
];

/// The team, one row a seat held: the cells under [`HEADERS`].
fn roster() -> Vec<[String; 10]> {
    const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    const GIVEN: [&str; 8] = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋"];
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let mut rows: Vec<[String; 10]> = Vec::new();
    let mut n = 0usize;
    let mut person = |title: &str, dept: &str, boss: Option<(&str, &str)>, kind: &str| {
        n += 1;
        let name = format!("{}{}", surnames[n % surnames.len()], GIVEN[n % GIVEN.len()]);
        let id = format!("E{n:03}");
        let row = [
            name.clone(),
            id.clone(),
            dept.to_string(),
            title.to_string(),
            boss.map(|b| b.0.to_string()).unwrap_or_default(),
            boss.map(|b| b.1.to_string()).unwrap_or_default(),
            format!("20{:02}-{:02}-{:02}", 18 + n % 8, 1 + n % 12, 1 + n % 28),
            kind.to_string(),
            String::new(),
            format!("1380000{n:04}"),
        ];
        rows.push(row);
        (name, id)
    };
    let top = person("运营总监", "运营中心", None, "全职");
    let top = (top.0.as_str().to_owned(), top.1.as_str().to_owned());
    let boss = Some((top.0.as_str(), top.1.as_str()));
    let mut heads = Vec::new();
    for (title, dept) in [
        ("客服主管", "运营中心/客服部"),
        ("推广主管", "运营中心/推广部"),
        ("美工主管", "运营中心/视觉部"),
        ("仓储主管", "运营中心/仓储部"),
        ("数据分析主管", "运营中心/数据部"),
        ("内容运营主管", "运营中心/内容部"),
    ] {
        heads.push((person(title, dept, boss, "全职"), dept));
    }
    // (head, [(title, how many, 人员类型)]).
    type Staff<'a> = (usize, &'a [(&'a str, usize, &'a str)]);
    let staff: [Staff; 6] = [
        (
            0,
            &[
                ("售前客服", 12, "全职"),
                ("售前客服", 1, "实习"),
                ("售后客服", 6, "全职"),
            ],
        ),
        (
            1,
            &[
                ("直通车专员", 3, "全职"),
                ("钻展专员", 2, "全职"),
                ("活动专员", 2, "全职"),
            ],
        ),
        (2, &[("美工", 4, "全职"), ("摄影师", 1, "兼职")]),
        (
            3,
            &[
                ("打包员", 12, "全职"),
                ("打包员", 2, "外包"),
                ("仓管", 2, "全职"),
            ],
        ),
        (4, &[("数据分析专员", 2, "全职")]),
        (5, &[("主播", 3, "全职"), ("短视频剪辑", 2, "全职")]),
    ];
    for (head, list) in staff {
        let ((hn, hid), dept) = &heads[head];
        for (title, count, kind) in list.iter() {
            for _ in 0..*count {
                person(title, dept, Some((hn, hid)), kind);
            }
        }
    }
    // The 客服主管 also covers a 售后客服 seat: two rows, one 工号, shares 60 and 40.
    let ((hn, hid), _) = &heads[0];
    let mut second = rows.iter().find(|r| r[0] == *hn).unwrap().clone();
    second[3] = "售后客服".into();
    second[4] = hn.clone();
    second[5] = hid.clone();
    second[8] = "40".into();
    rows.iter_mut().find(|r| r[0] == *hn).unwrap()[8] = "60".into();
    rows.push(second);
    // A 钉钉 cell with two departments: the first is the main one.
    rows.iter_mut().find(|r| r[3] == "数据分析专员").unwrap()[2] =
        "运营中心/数据部;运营中心/推广部".into();
    rows
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn csv_text(rows: &[[String; 10]], sep: char, title: bool) -> String {
    let quote = |c: &str| {
        if c.contains(sep) || c.contains('"') {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.to_string()
        }
    };
    let mut out = String::new();
    if title {
        out.push_str("杭州云杉电子商务有限公司 花名册（导出于 2026-11-30）\r\n");
    }
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .map(|c| quote(c))
            .collect::<Vec<_>>()
            .join(&sep.to_string())
    };
    out.push_str(&line(HEADERS.iter().map(|h| h.to_string()).collect()));
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&line(r.to_vec()));
        out.push_str("\r\n");
    }
    out
}

fn xlsx_bytes(rows: &[[String; 10]]) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let notes = wb.add_worksheet();
    notes.set_name("说明").unwrap();
    notes.write(0, 0, "本表由人事导出，请勿修改表头").unwrap();
    let sheet = wb.add_worksheet();
    sheet.set_name("在职人员").unwrap();
    sheet
        .write(0, 0, "杭州云杉电子商务有限公司 花名册")
        .unwrap();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write(2, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (i, r) in rows.iter().enumerate() {
        let at = 3 + i as u32;
        for (c, cell) in r.iter().enumerate() {
            let c = c as u16;
            if HEADERS[c as usize] == "入职日期" {
                let d = ExcelDateTime::parse_from_str(cell).unwrap();
                sheet.write_datetime_with_format(at, c, &d, &date).unwrap();
            } else if let (Ok(n), "岗位占比" | "手机") = (cell.parse::<f64>(), HEADERS[c as usize])
            {
                sheet.write_number(at, c, n).unwrap();
            } else if !cell.is_empty() {
                sheet.write(at, c, cell.as_str()).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// BALKAN OrgChart JS / d3-org-chart: `{"nodes": [{id, pid, name, title, ...}]}`.
fn json_text(rows: &[[String; 10]], parent_key: &str) -> String {
    let nodes: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r[1], parent_key: r[5], "name": r[0], "title": r[3], "department": r[2],
                "start date": r[6],
            })
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "nodes": nodes })).unwrap()
}

/// Every format, as (file name, bytes).
fn files() -> Vec<(&'static str, Vec<u8>)> {
    let rows = roster();
    let utf8 = csv_text(&rows, ',', false);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(utf8.as_bytes());
    let gbk = encoding_rs::GBK
        .encode(&csv_text(&rows, ',', true))
        .0
        .into_owned();
    vec![
        ("dingtalk-utf8-bom.csv", bom),
        ("excel-gbk-title-row.csv", gbk),
        ("semicolon.csv", csv_text(&rows, ';', false).into_bytes()),
        ("wps-tab.txt", csv_text(&rows, '\t', false).into_bytes()),
        ("hr-roster.xlsx", xlsx_bytes(&rows)),
        ("balkan-id-pid.json", json_text(&rows, "pid").into_bytes()),
        (
            "d3-id-parentId.json",
            json_text(&rows, "parentId").into_bytes(),
        ),
    ]
}

#[test]
fn the_fixtures_are_what_this_test_writes() {
    let dir = fixtures();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, bytes) in files() {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
    }
    // A workbook's bytes carry the time it was written: compare what reads back.
    for (name, bytes) in files() {
        let kept = std::fs::read(dir.join(name))
            .unwrap_or_else(|e| panic!("{name}: {e} (UPDATE_FIXTURES=1 writes it)"));
        assert_eq!(
            read(&kept, None).unwrap(),
            read(&bytes, None).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn every_csv_and_workbook_reads_back_the_same_team() {
    let rows = roster();
    assert!(rows.len() >= 60);
    for (name, _) in files().iter().filter(|(n, _)| !n.ends_with(".json")) {
        let bytes = std::fs::read(fixtures().join(name)).unwrap();
        let t = read(&bytes, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(t.headers, HEADERS, "{name}");
        let cells: Vec<Vec<String>> = t.rows.iter().map(|r| r.cells.clone()).collect();
        let expected: Vec<Vec<String>> = rows.iter().map(|r| r.to_vec()).collect();
        assert_eq!(cells, expected, "{name}");
        let mapping = Mapping::detect(&t.headers);
        for (f, column) in [
            (Field::Name, 0),
            (Field::EmployeeId, 1),
            (Field::Department, 2),
            (Field::Title, 3),
            (Field::Manager, 4),
            (Field::ManagerId, 5),
            (Field::StartDate, 6),
            (Field::Kind, 7),
            (Field::Share, 8),
            (Field::Phone, 9),
        ] {
            assert_eq!(mapping.index(f), Some(column), "{name}: {f:?}");
        }
        // The row numbers are the ones the user sees in the file.
        match *name {
            "excel-gbk-title-row.csv" => {
                assert_eq!(
                    (t.encoding.as_deref(), t.header_row, t.rows[0].line),
                    (Some("GB18030"), 2, 3)
                )
            }
            "hr-roster.xlsx" => {
                assert_eq!(t.format, Format::Workbook);
                assert_eq!(t.sheets, ["说明", "在职人员"]);
                assert_eq!(
                    t.sheet.as_deref(),
                    Some("在职人员"),
                    "the sheet with the header"
                );
                assert_eq!((t.header_row, t.rows[0].line), (3, 4));
            }
            "semicolon.csv" => assert_eq!(t.delimiter.as_deref(), Some(";")),
            "wps-tab.txt" => assert_eq!(t.delimiter.as_deref(), Some("\t")),
            _ => assert_eq!(
                (
                    t.encoding.as_deref(),
                    t.header_row,
                    t.rows[0].line,
                    t.rows[61].line
                ),
                (Some("UTF-8"), 1, 2, 63)
            ),
        }
    }
}

#[test]
fn org_chart_json_reads_ids_and_parents() {
    for name in ["balkan-id-pid.json", "d3-id-parentId.json"] {
        let t = read(&std::fs::read(fixtures().join(name)).unwrap(), None).unwrap();
        assert_eq!(t.format, Format::Json);
        let m = Mapping::detect(&t.headers);
        let id = m.index(Field::EmployeeId).unwrap();
        let parent = m.index(Field::ManagerId).unwrap();
        assert_eq!(t.rows.len(), roster().len());
        assert_eq!(t.rows[0].cells[parent], "", "{name}: the top has no parent");
        assert_eq!(t.rows[1].cells[parent], t.rows[0].cells[id]);
        assert_eq!(m.index(Field::StartDate), Some(5));
    }
}

#[test]
fn a_mapping_is_set_by_hand_and_carried_to_next_months_file() {
    let headers: Vec<String> = ["成员", "Employee ID", "部门", "岗位名称", "汇报给"]
        .map(String::from)
        .to_vec();
    let m = Mapping::detect(&headers);
    assert_eq!(
        m.index(Field::Name),
        None,
        "成员 is not a name this reader knows"
    );
    assert_eq!(m.index(Field::EmployeeId), Some(1));
    assert_eq!(m.index(Field::Title), Some(3));
    let m = m
        .with(&[
            parse_override("成员=姓名").unwrap(),
            parse_override("汇报给=manager").unwrap(),
            parse_override("部门=-").unwrap(),
        ])
        .unwrap();
    assert_eq!(m.index(Field::Name), Some(0));
    assert_eq!(m.index(Field::Manager), Some(4));
    assert_eq!(m.index(Field::Department), None);
    // Next month the export has a new column in front: the same mapping by header.
    let next: Vec<String> = ["序号", "成员", "Employee ID", "部门", "岗位名称", "汇报给"]
        .map(String::from)
        .to_vec();
    let carried = m.carried_to(&next);
    assert_eq!(carried.index(Field::Name), Some(1));
    assert_eq!(carried.index(Field::Manager), Some(5));
    assert_eq!(carried.index(Field::Department), None);
    // Mistakes are named.
    assert!(parse_override("姓名").is_err());
    let e = parse_override("姓名=生日").unwrap_err();
    assert!(e
        .message(orgplan_core::Lang::Zh)
        .contains("没有名为「生日」的字段"));
    let e = m.with(&[parse_override("工龄=name").unwrap()]).unwrap_err();
    assert!(e
        .message(orgplan_core::Lang::Zh)
        .contains("文件中没有名为「工龄」的列"));
}

#[test]
fn unreadable_files_say_why() {
    let zh = |e: ReadError| e.message(orgplan_core::Lang::Zh);
    assert!(zh(read(b"", None).unwrap_err()).contains("没有任何数据行"));
    assert!(zh(read(b"\xEF\xBB\xBF\r\n\r\n", None).unwrap_err()).contains("没有任何数据行"));
    assert!(zh(read("姓名,职位\r\n".as_bytes(), None).unwrap_err()).contains("没有任何数据行"));
    assert!(zh(read(b"[1, 2]", None).unwrap_err()).contains("人员的列表"));
    assert!(zh(read(b"[{\"name\": ", None).unwrap_err()).contains("不是有效的 JSON"));
    assert!(zh(read(b"PK\x03\x04garbage", None).unwrap_err()).contains("无法读取这个表格文件"));
    let xlsx = std::fs::read(fixtures().join("hr-roster.xlsx")).unwrap();
    let e = read(&xlsx, Some("离职人员")).unwrap_err();
    assert!(zh(e).contains("它的工作表：说明、在职人员"));
    assert_eq!(
        read(&xlsx, Some("2")).unwrap().sheet.as_deref(),
        Some("在职人员")
    );
    let big = vec![b'a'; orgplan_import::MAX_ROSTER_BYTES + 1];
    assert!(matches!(read(&big, None), Err(ReadError::TooLarge { .. })));
}
