//! The deck as one PDF, as `chiso export --deck --format pdf` writes it: a page per saved view
//! (after an optional title page) at the slide's proportions, with the headline band, the
//! chart's words as selectable Vietnamese text, the fonts embedded, and the document's title.
//! Read with poppler's pdfinfo, pdftotext and pdffonts: skipped with a message where they are
//! missing, required on CI (`.ci/run` installs poppler-utils).

use std::path::Path;
use std::process::Command;

mod common;
use common::{chiso, new_sample, text};

/// The output of a poppler tool on `pdf`, or `None` (with a message) where poppler is missing.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> Option<String> {
    let mut command = Command::new(tool);
    command.args(args).arg(pdf);
    if tool == "pdftotext" {
        command.arg("-");
    }
    match command.output() {
        Ok(out) => {
            assert!(out.status.success(), "{tool}: {}", text(&out.stderr));
            Some(text(&out.stdout))
        }
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("{tool} is missing (poppler-utils): the PDF's text is not checked here");
            None
        }
        Err(e) => panic!("{tool} is required on CI: {e}"),
    }
}

#[test]
fn the_sample_deck_is_one_pdf_with_a_page_per_view_and_searchable_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let pdf = dir.path().join("deck.pdf");
    let out = chiso(&[
        "export",
        &db,
        "--deck",
        "--format",
        "pdf",
        "--lang",
        "vi",
        "--title-page",
        "--title",
        "Hội nghị sơ kết 2025",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("Wrote 6 pages"),
        "{}",
        text(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(!dir.path().join("deck.pdf.partial").exists());

    let Some(info) = poppler("pdfinfo", &[], &pdf) else {
        return;
    };
    assert!(info.contains("Pages:           6"), "{info}");
    assert!(
        info.contains("Title:           Hội nghị sơ kết 2025"),
        "{info}"
    );
    assert!(info.contains("Page size:       960 x 540 pts"), "{info}");
    // Each page's words, as a reader's search finds them.
    let page = |n: usize| {
        poppler(
            "pdftotext",
            &["-f", &n.to_string(), "-l", &n.to_string()],
            &pdf,
        )
        .unwrap()
    };
    let title = page(1);
    assert!(title.contains("Hội nghị sơ kết 2025"), "{title}");
    assert!(title.contains("5 trang trình chiếu"), "{title}");
    let u5mr = page(3);
    for words in [
        "Tỷ suất tử vong trẻ em dưới 5 tuổi",
        "16,9‰",
        "Mục tiêu 2030: 25,0‰",
        "Nguồn:",
    ] {
        assert!(u5mr.contains(words), "{words:?} not on page 3:\n{u5mr}");
    }
    let hdi = page(2);
    assert!(
        hdi.contains("0,766") && hdi.contains("Chỉ số phát triển con người"),
        "{hdi}"
    );
    let fonts = poppler("pdffonts", &[], &pdf).unwrap();
    assert!(
        fonts.contains("NotoSans-Regular") && fonts.contains("NotoSans-Bold"),
        "{fonts}"
    );
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes yes yes ")),
        "embedded, subset, with a Unicode map:\n{fonts}"
    );
}

#[test]
fn a_standard_deck_in_english_and_a_single_chart_as_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let pdf = dir.path().join("standard.pdf");
    let out = chiso(&[
        "export",
        &db,
        "--deck",
        "--format",
        "pdf",
        "--lang",
        "en",
        "--size",
        "standard",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let one = dir.path().join("u5mr.pdf");
    let out = chiso(&[
        "export",
        &db,
        "--indicator",
        "U5MR",
        "--out",
        one.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // A deck as PDF is one file, and --title-page is for such a deck.
    let out = chiso(&["export", &db, "--deck", "--format", "pdf", "--out-dir", "x"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--out DECK.pdf"),
        "{}",
        text(&out.stderr)
    );

    let Some(info) = poppler("pdfinfo", &[], &pdf) else {
        return;
    };
    assert!(info.contains("Pages:           5"), "{info}");
    assert!(info.contains("Page size:       720 x 540 pts"), "{info}");
    let words = poppler("pdftotext", &[], &pdf).unwrap();
    assert!(words.contains("Under-five mortality rate"), "{words}");
    let single = poppler("pdfinfo", &[], &one).unwrap();
    assert!(single.contains("Pages:           1"), "{single}");
}

#[test]
fn a_ranking_saved_in_the_deck_is_a_page_of_the_pdf() {
    use chiso::chart::ChartKind;
    use chiso::workspace::Workspace;
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    {
        chiso::store::backup::set_process_default(chiso::store::backup::Place::Off);
        let mut ws = Workspace::open(Path::new(&db)).unwrap();
        ws.select_indicator("U5MR").unwrap();
        ws.set_kind(ChartKind::Ranking).unwrap();
        ws.save_view("test", "U5MR by province").unwrap();
    }
    let pdf = dir.path().join("deck.pdf");
    let out = chiso(&[
        "export",
        &db,
        "--deck",
        "--format",
        "pdf",
        "--lang",
        "vi",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let Some(words) = poppler("pdftotext", &["-f", "6", "-l", "6"], &pdf) else {
        return;
    };
    // The sixth view: 63 provinces ranked, best first, with the national line.
    assert!(words.contains("63 tỉnh, thành phố"), "{words}");
    assert!(words.contains("1. "), "{words}");
    assert!(words.contains("Hà Giang"), "{words}");
}
