//! Saved views and presentation mode, driven through the real window.

mod common;

use chiso::locale::Language::English;
use common::{LAPTOP, builder, fixture_db, harness, pick};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn save_view(h: &mut Harness<'static, chiso::ui::ChisoApp>, name: &str) {
    h.get_by_label("View name").focus();
    h.run();
    h.get_by_label("View name").type_text(name);
    h.run();
    h.get_by_label("Save view").click();
    h.run();
}

fn deck(h: &Harness<'static, chiso::ui::ChisoApp>) -> Vec<String> {
    h.state()
        .workspace()
        .unwrap()
        .views()
        .iter()
        .map(|v| v.name.clone())
        .collect()
}

#[test]
fn save_reorder_present_move_with_keys_and_leave() {
    let (_dir, db) = fixture_db();
    // Start from an empty deck to see only what the test saves.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("DELETE FROM saved_view", [])
        .unwrap();
    let mut h = harness(&db, LAPTOP);
    h.run();
    pick(&mut h, "Human Development Index");
    save_view(&mut h, "HDI trend");
    pick(&mut h, "Individuals using the Internet");
    save_view(&mut h, "Internet");
    assert_eq!(deck(&h), ["HDI trend", "Internet"]);

    // The second view's "…" menu.
    h.get_all_by_label("…").nth(1).unwrap().click();
    h.run();
    h.get_by_label("Move up").click();
    h.run();
    assert_eq!(
        deck(&h),
        ["Internet", "HDI trend"],
        "reordered, in the file"
    );

    let before = h.state().workspace().unwrap().spec().clone();
    h.key_press(egui::Key::F5);
    h.run();
    assert_eq!(h.state().slide(), Some(0));
    assert_eq!(
        h.state().workspace().unwrap().selected(),
        Some("INTERNET_USERS")
    );
    assert!(h.query_by_label("1 / 2").is_some());
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().slide(), Some(1));
    assert_eq!(h.state().workspace().unwrap().selected(), Some("HDI"));
    h.key_press(egui::Key::Space);
    h.run();
    assert_eq!(h.state().slide(), Some(1), "the last slide stays");
    h.key_press(egui::Key::Home);
    h.run();
    assert_eq!(h.state().slide(), Some(0));
    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(h.state().slide(), Some(1));
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().slide(), None);
    assert_eq!(
        h.state().workspace().unwrap().spec(),
        &before,
        "back to what was shown"
    );
}

#[test]
fn the_sample_ships_a_deck_of_the_five_headline_indicators() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    let views = h.state().workspace().unwrap().views().to_vec();
    let codes: Vec<&str> = views
        .iter()
        .map(|v| v.spec.series[0].indicator.as_str())
        .collect();
    assert_eq!(
        codes,
        ["HDI", "U5MR", "MPI_RATE", "HOUSES_BUILT", "INTERNET_USERS"]
    );
    h.get_by_label("Present (F5)").click();
    h.run();
    assert_eq!(h.state().slide(), Some(0));
}

#[test]
fn a_slide_shows_the_current_figures() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    h.key_press(egui::Key::PageDown);
    h.run();
    assert!(
        h.query_by_label("16.9‰").is_some(),
        "U5MR's latest, read out"
    );
    // Another program corrects the figure; the slide follows.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE observation SET value = 16.8 WHERE value = 16.9", [])
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.run_steps(3);
    h.run();
    assert!(h.query_by_label("16.8‰").is_some());
}

/// A slide at 1920 × 1080, as a projector shows it. Skipped without a renderer (see snapshots.rs).
#[test]
fn a_slide_at_full_hd() {
    let Ok(renderer) = std::panic::catch_unwind(egui_kittest::wgpu::WgpuTestRenderer::new) else {
        assert!(
            std::env::var_os("CHISO_REQUIRE_RENDERER").is_none(),
            "no wgpu adapter"
        );
        eprintln!("skipped: no wgpu adapter on this machine");
        return;
    };
    let (_dir, db) = fixture_db();
    let app = chiso::ui::ChisoApp::new(Default::default(), Some(db), None);
    let mut h = builder([1920.0, 1080.0])
        .renderer(renderer)
        .build_ui_state(|ui, app: &mut chiso::ui::ChisoApp| app.ui(ui), app);
    h.run();
    h.key_press(egui::Key::F5);
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    h.snapshot("slide_u5mr_1920x1080");
}

#[test]
fn exporting_the_deck_never_changes_the_chart_on_screen_even_when_a_slide_fails() {
    use chiso::export::{ExportOptions, Format};
    use chiso::workspace::{DeckError, Workspace};
    let (dir, db) = fixture_db();
    let mut ws = Workspace::open(&db).unwrap();
    ws.select_indicator("INTERNET_USERS").unwrap();
    ws.set_log_scale(true).unwrap();
    let shown = (ws.spec().clone(), ws.description().clone());

    let out = dir.path().join("deck");
    let files = ws
        .export_deck(&out, Format::Svg, &ExportOptions::default(), English)
        .unwrap();
    assert_eq!(files.len(), 5);
    let second = std::fs::read_to_string(&files[1]).unwrap();
    assert!(
        second.contains("Under-five mortality"),
        "slide 2 is its own view"
    );
    assert_eq!((ws.spec().clone(), ws.description().clone()), shown);

    // A slide that cannot be written (its name is taken by a folder) fails with its number,
    // and the screen still shows what it showed.
    let blocked = dir.path().join("blocked");
    std::fs::create_dir_all(blocked.join(files[2].file_name().unwrap())).unwrap();
    match ws.export_deck(&blocked, Format::Svg, &ExportOptions::default(), English) {
        Err(DeckError::Slide { number: 3, .. }) => {}
        other => panic!("expected slide 3 to fail, got {other:?}"),
    }
    assert_eq!((ws.spec().clone(), ws.description().clone()), shown);
}

#[test]
fn a_ranking_saved_as_a_view_is_a_ranking_slide_in_the_deck() {
    use chiso::chart::ChartKind;
    use chiso::export::{ExportOptions, Format};
    use chiso::workspace::Workspace;
    let (dir, db) = fixture_db();
    let mut ws = Workspace::open(&db).unwrap();
    ws.select_indicator("LITERACY_15").unwrap();
    ws.set_kind(ChartKind::Ranking).unwrap();
    let mut ranking = ws.spec().ranking.clone();
    ranking.year = Some(2016);
    ranking.since = Some(2006);
    ws.set_ranking(ranking).unwrap();
    ws.save_view("test", "Literacy by province").unwrap();
    let index = ws
        .views()
        .iter()
        .position(|v| v.name == "Literacy by province")
        .unwrap();
    // Something else on screen: the slide comes from the view alone.
    ws.select_indicator("HDI").unwrap();
    let slide = ws.slide(index).unwrap().unwrap();
    let bars = &slide.ranking().expect("a ranking slide").bars;
    assert_eq!(bars.len(), 63, "the 63 provinces of 2016");
    assert!(bars.iter().all(|b| b.since.is_some()), "the 2006 mark");

    let files = ws
        .export_deck(
            &dir.path().join("deck"),
            Format::Svg,
            &ExportOptions::default(),
            English,
        )
        .unwrap();
    let svg = std::fs::read_to_string(&files[index]).unwrap();
    assert!(
        svg.contains("2016 (provisional), change since 2006"),
        "the subtitle: {svg}"
    );
    assert!(
        svg.contains("National figure") || svg.contains("Viet Nam"),
        "the national line"
    );
}
