//! Excel out: `chiso export-data --format xlsx` read back with calamine (values, sheets, the
//! header block, number formats, notes) and imported into an empty file (the same figures),
//! and the CSV with a byte-order mark for Excel on Windows.

use std::fs;
use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

mod common;
use common::{chiso, fill as fill_form, new_sample, text};

/// A file inside the workbook's zip, as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn a_workbook_holds_each_indicator_as_the_table_shows_it_and_imports_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let xlsx = dir.path().join("figures.xlsx");
    let out = chiso(&[
        "export-data",
        &db,
        "--format",
        "xlsx",
        "--lang",
        "vi",
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("Wrote "),
        "{}",
        text(&out.stderr)
    );

    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let names = book.sheet_names();
    assert!(names.contains(&"U5MR".to_owned()), "{names:?}");
    assert_eq!(
        names[names.len() - 2..],
        ["Tất cả số liệu".to_owned(), "Nguồn số liệu".to_owned()]
    );

    // The indicator's sheet: title, unit and sources above a header row; years as rows.
    let u5mr = book.worksheet_range("U5MR").unwrap();
    let cell = |r: u32, c: u32| u5mr.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(
        cell(0, 0),
        Data::String("Tỷ suất tử vong trẻ em dưới 5 tuổi".into())
    );
    let unit = cell(1, 0).to_string();
    assert!(unit.starts_with("Đơn vị tính: "), "{unit}");
    assert!(cell(2, 0).to_string().starts_with("Nguồn: "));
    assert_eq!(cell(5, 0), Data::String("Năm".into()));
    let headers: Vec<String> = (1..u5mr.width() as u32)
        .map(|c| cell(5, c).to_string())
        .collect();
    let wdi = headers
        .iter()
        .position(|h| h.starts_with("Việt Nam · Tổng số · Ngân hàng Thế giới WDI"))
        .unwrap_or_else(|| panic!("{headers:?}")) as u32
        + 1;
    // The country first, then its regions, then the provinces.
    assert!(headers[0].starts_with("Việt Nam"), "{headers:?}");
    assert!(headers[4].starts_with("Bắc Trung Bộ"), "{headers:?}");
    // 1990 of the World Bank's September 2024 file: 51.6 per 1,000, a number, not text.
    let row_1990 = (6..u5mr.height() as u32)
        .find(|r| cell(*r, 0) == Data::Float(1990.0))
        .unwrap();
    assert_eq!(cell(row_1990, wdi), Data::Float(51.6));

    // Every figure in the long sheet equals the one the file holds, at full precision.
    let long = book.worksheet_range("Tất cả số liệu").unwrap();
    let csv = chiso(&["export-data", &db]);
    let expected = text(&csv.stdout).lines().count() - 1;
    assert_eq!(long.height() - 1, expected, "one row per figure");
    assert_eq!(long.get_value((0, 4)), Some(&Data::String("value".into())));
    assert!(
        long.rows().skip(1).all(|r| matches!(r[4], Data::Float(_))),
        "values are numbers"
    );

    // Number formats follow each indicator's decimals: HDI's three, U5MR's one.
    let styles = part(&xlsx, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"#,##0.000\""), "{styles}");
    assert!(styles.contains("formatCode=\"#,##0.0\""), "{styles}");
    // Flagged figures carry a note that says what the flag is.
    let notes: String = (1..20)
        .filter_map(|i| {
            let mut zip = zip::ZipArchive::new(fs::File::open(&xlsx).unwrap()).unwrap();
            let mut text = String::new();
            zip.by_name(&format!("xl/comments{i}.xml"))
                .ok()?
                .read_to_string(&mut text)
                .ok()?;
            Some(text)
        })
        .collect();
    assert!(
        notes.contains("sơ bộ") || notes.contains("ước tính"),
        "{notes}"
    );
    // The header row stays put.
    assert!(part(&xlsx, "xl/worksheets/sheet1.xml").contains("state=\"frozen\""));

    // Imported into an empty file, the workbook gives back the same figures.
    let copy = dir.path().join("copy.db");
    assert!(chiso(&["new", copy.to_str().unwrap()]).status.success());
    let out = chiso(&["import", copy.to_str().unwrap(), xlsx.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let copied = chiso(&["export-data", copy.to_str().unwrap()]).stdout;
    assert_eq!(text(&csv.stdout), text(&copied));
}

#[test]
fn a_workbook_of_one_indicator_and_the_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let xlsx = dir.path().join("hdi.xlsx");
    let out = chiso(&[
        "export-data",
        &db,
        "--indicator",
        "HDI",
        "--format",
        "xlsx",
        "--lang",
        "en",
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(book.sheet_names(), ["HDI", "All figures", "Sources"]);
    let sources = book.worksheet_range("Sources").unwrap();
    assert_eq!(
        sources.get_value((0, 0)),
        Some(&Data::String("Code".into()))
    );
    assert!(sources.height() >= 2);

    // A workbook is a file; --excel is for CSV; an unknown indicator is named.
    let out = chiso(&["export-data", &db, "--format", "xlsx"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--out FILE.xlsx"),
        "{}",
        text(&out.stderr)
    );
    let out = chiso(&[
        "export-data",
        &db,
        "--indicator",
        "NOPE",
        "--format",
        "xlsx",
        "--out",
        dir.path().join("nope.xlsx").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("NOPE"), "{}", text(&out.stderr));
    assert!(!dir.path().join("nope.xlsx").exists());
    assert!(!dir.path().join("nope.xlsx.partial").exists());
}

#[test]
fn a_csv_for_excel_starts_with_a_byte_order_mark_and_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let csv = dir.path().join("for-excel.csv");
    let out = chiso(&[
        "export-data",
        &db,
        "--excel",
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFindicator,area"));
    assert!(text(&bytes).contains("Hà Giang"));
    let copy = dir.path().join("copy.db");
    assert!(chiso(&["new", copy.to_str().unwrap()]).status.success());
    let out = chiso(&["import", copy.to_str().unwrap(), csv.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    // Without --excel, no mark: the long CSV stays what scripts read.
    let plain = chiso(&["export-data", &db]).stdout;
    assert!(plain.starts_with(b"indicator,"));
}

#[test]
fn a_provinces_form_is_made_filled_and_imported_through_the_grids_checks_by_cell() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let form = dir.path().join("form.xlsx");
    // Hà Giang's form for 2016 (the GSO's figure, locked) to 2018 (to fill).
    let out = chiso(&[
        "template",
        &db,
        "--indicator",
        "U5MR",
        "--area",
        "VN-03",
        "--years",
        "2016-2018",
        "--source",
        "GSO_U5MR_2018",
        "--out",
        form.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut book: Xlsx<_> = open_workbook(&form).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["U5MR", "Hướng dẫn - Instructions", "chiso_form"]
    );
    let sheet = book.worksheet_range("U5MR").unwrap();
    let cell = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(5, 0), Data::String("Năm / Year".into()));
    assert_eq!(cell(5, 3), Data::String("Giá trị / Value".into()));
    assert_eq!(
        (cell(6, 0), cell(6, 1), cell(6, 3)),
        (
            Data::Float(2016.0),
            Data::String("Hà Giang".into()),
            Data::Float(50.8)
        ),
        "the figure the file has, filled in"
    );
    assert_eq!(cell(7, 3), Data::Empty, "2017 to fill");
    let help = book.worksheet_range("Hướng dẫn - Instructions").unwrap();
    let words: String = help.rows().map(|r| r[0].to_string() + "\n").collect();
    assert!(words.contains("Hướng dẫn điền biểu mẫu") && words.contains("How to fill in"));
    let xml = part(&form, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<sheetProtection"), "the sheet is protected");
    assert!(
        xml.contains("type=\"decimal\"") && xml.contains("<formula2>1000</formula2>"),
        "{xml}"
    );
    assert!(xml.contains("type=\"list\""), "the status drop-down");
    assert!(part(&form, "xl/workbook.xml").contains("state=\"veryHidden\""));

    // Filled: 2017 unlikely (400 per 1,000: warned), 2018 impossible (1,500: refused).
    let filled = dir.path().join("filled.xlsx");
    fill_form(
        &form,
        &filled,
        &[
            ("U5MR", 7, 3, Data::Float(400.0)),
            ("U5MR", 8, 3, Data::Float(1500.0)),
            ("U5MR", 8, 4, Data::String("sơ bộ / provisional".into())),
        ],
    );
    let before = fs::read(&db).unwrap();
    let out = chiso(&["import", &db, filled.to_str().unwrap(), "--dry-run"]);
    let report = text(&out.stdout);
    assert!(!out.status.success(), "{report}");
    assert!(report.contains("refused U5MR!D9: "), "{report}");
    assert!(report.contains("warning U5MR!D8: "), "{report}");
    assert!(report.contains("Nothing imported"), "{report}");
    assert_eq!(fs::read(&db).unwrap(), before, "a dry run writes nothing");
    // Without the dry run, a refused cell still stops it all.
    let out = chiso(&["import", &db, filled.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(fs::read(&db).unwrap(), before, "all or nothing");

    // Corrected: 2018 is 45,5 typed as text the Vietnamese way.
    let corrected = dir.path().join("corrected.xlsx");
    fill_form(
        &form,
        &corrected,
        &[
            ("U5MR", 7, 3, Data::Float(400.0)),
            ("U5MR", 8, 3, Data::String("45,5".into())),
            ("U5MR", 8, 4, Data::String("sơ bộ / provisional".into())),
            ("U5MR", 8, 5, Data::String("Sở Y tế Hà Giang".into())),
        ],
    );
    let out = chiso(&["import", &db, corrected.to_str().unwrap()]);
    let report = text(&out.stdout);
    assert!(out.status.success(), "{report}{}", text(&out.stderr));
    assert!(report.contains("warning U5MR!D8: "), "{report}");
    assert!(report.contains("Imported: 2 added, 0 changed"), "{report}");
    let series = text(
        &chiso(&[
            "series",
            &db,
            "U5MR",
            "--area",
            "VN-03",
            "--source",
            "GSO_U5MR_2018",
        ])
        .stdout,
    );
    assert!(series.contains("2018,45.5,provisional"), "{series}");
    let audit = text(&chiso(&["audit", &db, "--limit", "3"]).stdout);
    assert!(audit.contains("form from Hà Giang"), "{audit}");
    // The same form again changes nothing.
    let out = chiso(&["import", &db, corrected.to_str().unwrap()]);
    assert!(
        text(&out.stdout).contains("Already up to date"),
        "{}",
        text(&out.stdout)
    );
}
