//! The real window, driven headless through AccessKit.

mod common;
#[path = "common/realdata.rs"]
mod realdata;

use chiso::chart::Transform;
use chiso::locale::Language;
use chiso::locale::Language::English;
use chiso::ui::app::Tab;

const VI: Language = Language::Vietnamese;
use common::{LAPTOP, drop_file, find_in_catalogue, fixture_db, harness, label, pick};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn picking_an_indicator_puts_its_series_in_the_chart_and_the_table() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    pick(&mut h, "Human Development Index");
    h.run();
    let ws = h.state().workspace().unwrap();
    assert_eq!(ws.selected(), Some("HDI"));
    let description = ws.description();
    let series: Vec<_> = description.panels()[0]
        .series
        .iter()
        .map(|s| s.key.source.as_str())
        .collect();
    assert_eq!(
        series,
        ["NEWS_VNA_2025_12", "UNDP_HDR_2025"],
        "both sources side by side"
    );
    let undp = &description.panels()[0].series[1];
    assert_eq!(undp.points.len(), 34);
    assert!(
        description.panels()[0]
            .reference_lines
            .iter()
            .any(|l| l.label.starts_with("Target 2030"))
    );
    // The headline card reads the latest figure out.
    assert!(h.query_by_label("0.766").is_some());

    h.get_by_label("Table").click();
    h.run();
    assert_eq!(h.state().state.tab, Tab::Table);
    assert!(
        h.query_by_label("0.499").is_some(),
        "1990 from HDR 2025 in the table"
    );
    assert!(h.query_by_label("1990").is_some());
}

#[test]
fn relative_mode_and_log_scale_toggle() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    pick(&mut h, "Under-five mortality rate");
    h.run();
    h.get_by_label("Index").click();
    h.run();
    let ws = h.state().workspace().unwrap();
    assert!(matches!(ws.spec().transform, Transform::Index { .. }));
    assert!(ws.description().panels()[0].y_label.starts_with("Index"));

    h.get_by_label("% change").click();
    h.run();
    let transform = h.state().workspace().unwrap().spec().transform;
    assert!(matches!(transform, Transform::PercentChange { .. }));
    h.get_by_label("Values").click();
    h.run();
    h.get_by_label("Log scale").click();
    h.run();
    let ws = h.state().workspace().unwrap();
    assert_eq!(ws.spec().transform, Transform::Absolute);
    assert!(ws.spec().log_scale);
    let first = &ws.description().panels()[0].series[0].points[0];
    assert!((first.y - first.value.log10()).abs() < 1e-12);
}

#[test]
fn a_legend_entry_hides_its_series() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    pick(&mut h, "Under-five mortality rate");
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "World Bank WDI, Sep 2024")
        .click();
    h.run();
    let ws = h.state().workspace().unwrap();
    let wdi = ws.description().panels()[0]
        .series
        .iter()
        .find(|s| s.key.source == "WB_WDI_2024_09")
        .unwrap();
    assert!(!wdi.visible);
    assert_eq!(ws.spec().hidden.len(), 1);
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "World Bank WDI, Sep 2024")
        .click();
    h.run();
    assert!(h.state().workspace().unwrap().spec().hidden.is_empty());
}

#[test]
fn a_second_file_dropped_on_the_window_opens() {
    let (_dir, db) = fixture_db();
    let (_dir2, other) = fixture_db();
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute(
            "UPDATE indicator SET name = 'Chỉ số phát triển con người' WHERE code = 'HDI'",
            [],
        )
        .unwrap();
    let mut h = harness(&db, LAPTOP);
    h.run();
    drop_file(&mut h, &other);
    h.run();
    let app = h.state();
    assert_eq!(app.workspace().unwrap().path(), other.as_path());
    assert_eq!(app.state.recent_files[..2], [other.clone(), db.clone()]);
    assert!(h.state().title().starts_with("fixture.db"));
    find_in_catalogue(&mut h, "Chỉ số phát triển con người");
}

#[test]
fn a_bad_file_dropped_on_the_window_is_an_error_in_words() {
    let (dir, db) = fixture_db();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "not a database").unwrap();
    let mut h = harness(&db, LAPTOP);
    h.run();
    drop_file(&mut h, &text);
    h.run();
    let error = h.state().error().unwrap().to_owned();
    assert!(error.contains("not a SQLite database"), "{error}");
    assert_eq!(
        h.state().workspace().unwrap().path(),
        db.as_path(),
        "the open file stays open"
    );
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.state().error().is_none());
}

#[test]
fn the_catalogue_filters_with_and_without_accents() {
    let (_dir, db) = fixture_db();
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "INSERT INTO indicator (code, name, short_name, unit_id, theme) \
             SELECT 'POOR_HG', 'Tỷ lệ hộ nghèo, Hà Giang', 'Hộ nghèo Hà Giang', id, 'Poverty and social protection' \
             FROM unit WHERE code = 'PERCENT';",
        )
        .unwrap();
    for query in ["ha giang", "Hà Giang", "HA GIANG", "ty le ho ngheo"] {
        let mut h = harness(&db, LAPTOP);
        h.run();
        h.get_by_label("Filter").focus();
        h.run();
        h.get_by_label("Filter").type_text(query);
        h.run();
        assert_eq!(h.state().state.filter, query);
        let button = |name| h.query_by_role_and_label(egui::accesskit::Role::Button, name);
        assert!(button("Tỷ lệ hộ nghèo, Hà Giang").is_some(), "{query}");
        assert!(button("Human Development Index").is_none(), "{query}");
    }
}

#[test]
fn a_read_only_file_says_so_in_the_title() {
    let (_dir, db) = fixture_db();
    let mut permissions = std::fs::metadata(&db).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&db, permissions).unwrap();
    let mut h = harness(&db, LAPTOP);
    h.run();
    assert!(h.state().title().contains("(read-only)"));
    assert!(
        h.query_by_label_contains("Read-only: the file is read-only")
            .is_some()
    );
}

#[test]
fn indicators_with_other_units_are_added_as_small_multiples() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    pick(&mut h, "Under-five mortality rate");
    find_in_catalogue(&mut h, "Human Development Index").click_secondary();
    h.run();
    h.get_by_label("Add to chart").click();
    h.run();
    let ws = h.state().workspace().unwrap();
    assert_eq!(
        ws.description().panels().len(),
        2,
        "‰ and an index: two panels"
    );
    assert!(ws.spec().series.iter().any(|k| k.indicator == "HDI"));
}

/// Steps the window until the background import has finished (at most ~20 s).
fn until_import_done(h: &mut Harness<'static, chiso::ui::ChisoApp>) {
    for _ in 0..400 {
        h.step();
        if !h.state().importing() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the import did not finish");
}

#[test]
fn the_import_dialog_previews_lists_problems_and_imports() {
    let (dir, db) = fixture_db();
    let csv = dir.path().join("mpi.csv");
    std::fs::write(
        &csv,
        "indicator,area,subgroup,period,value,status,qualifier,footnote,source\n\
         MPI_RATE,VNM,T,2024,1.9,,,,NEWS_WVR_2026\n\
         MPI_RATE,VNM,T,2023,abc,,,,NEWS_WVR_2026\n",
    )
    .unwrap();
    let mut h = harness(&db, LAPTOP);
    h.run();
    h.state_mut()
        .push(chiso::ui::app::Command::StartImport(vec![csv]));
    h.step();
    until_import_done(&mut h);
    assert!(h.query_by_label_contains("Would add 1, change 0").is_some());
    assert!(
        h.query_by_label("not a number").is_some(),
        "the problem is listed"
    );
    assert!(h.query_by_label("abc").is_some(), "with its raw value");
    // With a problem, importing needs the choice to leave it out.
    h.get_by_label("Leave out the rows with problems").click();
    h.run();
    // An option changed after the check: the preview is out of date, and imports nothing
    // until checked again.
    h.get_by_label("Overwrite figures that differ from those stored for the same source")
        .click();
    h.run();
    assert!(h.query_by_label_contains("The options changed").is_some());
    assert!(h.get_by_label("Import").accesskit_node().is_disabled());
    h.get_by_label("Overwrite figures that differ from those stored for the same source")
        .click();
    h.run();
    assert!(h.query_by_label_contains("The options changed").is_none());
    h.get_by_label("Import").click();
    h.step();
    until_import_done(&mut h);
    assert!(h.state().status().unwrap().starts_with("Imported: 1 added"));
    let ws = h.state().workspace().unwrap();
    let mpi = ws
        .catalogue()
        .iter()
        .find(|r| r.entry.indicator.code == "MPI_RATE")
        .unwrap();
    assert_eq!(
        mpi.entry.chart_figures, 2,
        "the new figure is in the window without reopening"
    );
}

#[test]
fn the_import_dialog_asks_the_unit_a_file_does_not_say_and_offers_a_workbooks_sheets() {
    let (dir, db) = fixture_db();
    // An Our World in Data CSV without its metadata: no unit, refused until one is given.
    let csv = dir.path().join("internet.csv");
    std::fs::write(
        &csv,
        "Entity,Code,Year,Internet users\nVietnam,VNM,2024,80.1\n",
    )
    .unwrap();
    let mut h = harness(&db, LAPTOP);
    h.run();
    h.state_mut()
        .push(chiso::ui::app::Command::StartImport(vec![csv]));
    h.step();
    until_import_done(&mut h);
    let unit = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Unit of the figures");
    unit.click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Unit of the figures")
        .type_text("%");
    h.run();
    h.get_by_label("Check again").click();
    h.step();
    until_import_done(&mut h);
    assert!(
        h.query_by_label_contains("Would add 1, change 0").is_some(),
        "with the unit given, the figure would be imported"
    );
    h.get_by_label("Close").click();
    h.run();
    // A workbook of three sheets: the sheet is chosen in the dialog.
    let Some(real) = realdata::realdata() else {
        return;
    };
    let xls = real.join("excel/API_NY.GDP.PCAP.CD_DS2_en_excel_v2_724.xls");
    h.state_mut()
        .push(chiso::ui::app::Command::StartImport(vec![xls]));
    h.step();
    until_import_done(&mut h);
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Sheet")
        .click();
    h.run();
    h.get_by_label("Metadata - Countries").click();
    h.run();
    h.get_by_label("Check again").click();
    h.step();
    until_import_done(&mut h);
    assert!(
        h.query_by_label_contains("has no sheet").is_none()
            && h.query_by_label_contains("not a format Chiso imports")
                .is_some(),
        "the chosen sheet is read, and refused for what it is"
    );
}

#[test]
fn the_chart_on_screen_exports_to_a_file_and_the_clipboard() {
    let (dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Export chart…")
        .click();
    h.run();
    let title = h.get_by_label("Title");
    assert_eq!(title.value().as_deref(), Some("Under-five mortality rate"));
    // The save dialog is the system's; the command it sends is what is tested.
    let path = dir.path().join("u5.svg");
    let mut dialog = chiso::ui::export_dialog::ExportDialog::new(
        vec![(English, "Tử vong trẻ em".into(), "Việt Nam".into())],
        ("U5MR", ""),
        English,
    );
    // The note edited there, and the figures on the chart turned off.
    dialog.note = "Số liệu sơ bộ của Bộ Y tế".into();
    dialog.value_labels = false;
    h.state_mut().push(chiso::ui::app::Command::ExportChart {
        path: path.clone(),
        format: chiso::export::Format::Svg,
        order: dialog.order(),
    });
    h.run();
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.contains("Tử vong trẻ em") && svg.contains("World Bank WDI"));
    assert!(
        svg.contains("Số liệu sơ bộ của Bộ Y tế"),
        "the note is written"
    );
    assert!(
        !svg.contains("16.9‰</text>"),
        "no figure written on the chart"
    );
    dialog.value_labels = true;
    h.state_mut().push(chiso::ui::app::Command::ExportChart {
        path: path.clone(),
        format: chiso::export::Format::Svg,
        order: dialog.order(),
    });
    h.run();
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(
        svg.contains("16.9‰</text>"),
        "the latest figure written on the chart"
    );
    h.get_by_label("Copy chart").click();
    h.run();
    assert_eq!(
        h.state().status(),
        Some("Chart copied: paste it into your slides")
    );
}

/// Multidimensional poverty, total and ethnic minorities side by side, in the Edit tab.
fn open_edit_tab(h: &mut Harness<'static, chiso::ui::ChisoApp>) {
    pick(h, "Multidimensional poverty rate");
    h.get_by_label(&label(h, "Series…")).click();
    h.run();
    h.get_by_label_contains(&common::data_name(h, "Ethnic minorities"))
        .click();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label(&label(h, "Edit")).click();
    h.run();
}

/// The grid's cell "Total 2025" (its column's name in the window's language, then the year).
fn cell<'a>(h: &'a Harness<'static, chiso::ui::ChisoApp>, name: &'a str) -> egui_kittest::Node<'a> {
    let shown: &'a str = match name.rsplit_once(' ') {
        Some((column, year)) => {
            let column = common::data_name(h, column);
            // A test's few labels, kept for the harness's lifetime.
            Box::leak(format!("{column} {year}").into_boxed_str())
        }
        None => name,
    };
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, shown)
}

/// Types `text` over what the cell holds, and presses Enter.
fn type_into(h: &mut Harness<'static, chiso::ui::ChisoApp>, name: &str, text: &str) {
    cell(h, name).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    cell(h, name).type_text(text);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
}

fn mpi(h: &Harness<'static, chiso::ui::ChisoApp>, subgroup: &str, year: i32) -> Option<f64> {
    let ws = h.state().workspace().unwrap();
    ws.description().panels()[0]
        .series
        .iter()
        .find(|s| s.key.subgroup == subgroup)
        .and_then(|s| s.points.iter().find(|p| p.year == year))
        .map(|p| p.value)
}

#[test]
fn a_value_typed_in_a_cell_is_in_the_chart_and_the_audit_log() {
    let (_dir, db) = fixture_db();
    // Figures typed the Vietnamese way: a decimal comma.
    let mut h = common::harness_in(&db, LAPTOP, VI);
    h.state_mut().state.editor = "Lan".into();
    h.run();
    open_edit_tab(&mut h);
    h.get_by_label(&label(&h, "Add year")).click();
    h.run();
    type_into(&mut h, "Total 2026", "1,1");
    assert_eq!(mpi(&h, "T", 2026), Some(1.1), "in the chart description");
    let store = chiso::store::Store::open_read_only(&db).unwrap();
    let last = &store.audit_log(1).unwrap()[0];
    assert_eq!(
        (last.editor.as_str(), last.action.as_str()),
        ("Lan", "insert")
    );
    assert!(
        last.new_values
            .as_deref()
            .unwrap()
            .contains("\"value\":1.1")
    );
}

#[test]
fn a_refused_value_stays_out_with_its_reason() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    open_edit_tab(&mut h);
    type_into(&mut h, "Total 2025", "150");
    let error = h.state().error().unwrap_or_default().to_owned();
    assert!(error.contains("outside the valid range"), "{error}");
    assert_eq!(
        mpi(&h, "T", 2025),
        Some(1.3),
        "the refused value was not written"
    );
    // The typed text stays in its cell, the cursor with it, to be corrected.
    assert_eq!(cell(&h, "Total 2025").value().as_deref(), Some("150"));
    assert!(cell(&h, "Total 2025").accesskit_node().is_focused());
    cell(&h, "Total 2025").hover();
    h.run();
    assert!(
        h.query_by_label_contains("Refused “150”").is_some(),
        "marked on its cell"
    );
    // Corrected: written, and the mark and the message go.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    cell(&h, "Total 2025").type_text("1.5");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(mpi(&h, "T", 2025), Some(1.5));
    assert_eq!(h.state().error(), None, "the message went with the fault");
    cell(&h, "Total 2025").hover();
    h.run();
    assert!(h.query_by_label_contains("Refused “150”").is_none());
}

#[test]
fn a_pasted_block_is_one_edit_that_undoes_and_redoes() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    open_edit_tab(&mut h);
    for _ in 0..3 {
        h.get_by_label("Add year").click();
        h.run();
    }
    cell(&h, "Total 2025").click();
    h.run();
    // 3 columns × 4 rows from a spreadsheet, decimal commas, pasted at Total 2025; the grid
    // has 2 columns, so the third falls outside and is left out.
    h.event(egui::Event::Paste(
        "10,5\t1,2\t9\n10\t1,1\t9\n9,5\t1\t9\n9\t0,9\t9\n".into(),
    ));
    h.run();
    assert_eq!(
        (2025..=2028).map(|y| mpi(&h, "T", y)).collect::<Vec<_>>(),
        [Some(10.5), Some(10.0), Some(9.5), Some(9.0)]
    );
    assert_eq!(mpi(&h, "EM", 2028), Some(0.9));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(mpi(&h, "T", 2025), Some(1.3), "undone as one edit");
    assert_eq!(mpi(&h, "EM", 2028), None);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(mpi(&h, "EM", 2028), Some(0.9), "redone");
}

#[test]
fn a_change_is_reverted_from_the_audit_trail_and_the_revert_is_recorded() {
    let (_dir, db) = fixture_db();
    // Figures typed the Vietnamese way: a decimal comma.
    let mut h = common::harness_in(&db, LAPTOP, VI);
    h.state_mut().state.editor = "Lan".into();
    h.run();
    open_edit_tab(&mut h);
    type_into(&mut h, "Total 2025", "1,2");
    assert_eq!(mpi(&h, "T", 2025), Some(1.2));
    h.get_by_label(&label(&h, "Audit trail")).click();
    h.run();
    h.get_by_label(&label(&h, "Only this indicator")).click();
    h.run();
    h.run();
    assert!(
        h.query_by_label("1,3, sau đó 1,2").is_some(),
        "old and new shown"
    );
    h.get_all_by_label(&label(&h, "Revert"))
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(mpi(&h, "T", 2025), Some(1.3), "reverted");
    // The trail shows the revert at once, the figure named, not "figure #222".
    h.run();
    assert!(
        h.query_by_label("1,2, sau đó 1,3").is_some(),
        "the revert is listed without leaving the tab"
    );
    let rows: Vec<String> = h
        .root()
        .children_recursive()
        .filter_map(|n| n.accesskit_node().label().or(n.accesskit_node().value()))
        .collect();
    assert!(
        rows.iter()
            .filter(|r| r.starts_with("Sửa: Tỷ lệ nghèo đa chiều · Việt Nam · Tổng số · "))
            .count()
            >= 2,
        "each row names the indicator, area, subgroup and source: {rows:?}"
    );
    let store = chiso::store::Store::open_read_only(&db).unwrap();
    let last = &store.audit_log(1).unwrap()[0];
    assert_eq!(
        (last.editor.as_str(), last.action.as_str()),
        ("Lan", "update")
    );
    assert_eq!(last.values(), (Some(1.2), Some(1.3)));
}

#[test]
fn an_unlikely_value_is_saved_and_marked_with_its_reason() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    open_edit_tab(&mut h);
    h.get_by_label("Add year").click();
    h.run();
    type_into(&mut h, "Total 2026", "4");
    assert_eq!(mpi(&h, "T", 2026), Some(4.0), "saved");
    assert!(
        h.query_by_label_contains("more than 50%").is_some(),
        "the warning is shown"
    );
    assert!(
        h.query_by_label("Open warnings (1)").is_some(),
        "and listed"
    );
    cell(&h, "Total 2026").hover();
    h.run();
    assert!(
        h.query_all_by_label_contains("Check: 4 differs from")
            .count()
            >= 2,
        "and on the cell"
    );
}

#[test]
fn a_unit_is_created_in_the_form_and_deleting_a_source_with_figures_asks_first() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    h.state_mut().push(chiso::ui::app::Command::OpenForms);
    // The window appears over two passes (one to size it).
    h.run();
    h.run();
    h.get_by_label("Units").click();
    h.run();
    // The list names each unit in the window's language.
    assert!(
        h.query_by_label("PER_1000 — Deaths per 1,000 live births")
            .is_some()
    );
    h.state_mut()
        .push(chiso::ui::app::Command::SetLanguage(Language::Vietnamese));
    h.run();
    assert!(
        h.query_by_label("PER_1000 — Số ca tử vong trên 1.000 trẻ đẻ sống")
            .is_some()
    );
    h.state_mut()
        .push(chiso::ui::app::Command::SetLanguage(English));
    h.run();
    h.get_by_label("New").click();
    h.run();
    for (field, text) in [("Code *", "HH"), ("Name in Vietnamese", "Hộ gia đình")] {
        h.get_by_label(field).focus();
        h.run();
        h.get_by_label(field).type_text(text);
        h.run();
    }
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(h.state().status(), Some("Saved"));
    let units = chiso::store::Store::open_read_only(&db)
        .unwrap()
        .records("unit")
        .unwrap();
    assert!(
        units
            .iter()
            .any(|u| u.values[..3] == ["HH", "Hộ gia đình", "Hộ gia đình"]),
        "in the file"
    );

    // "Sources" is also the sources panel's heading: the list's tab is the button.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Sources")
        .click();
    h.run();
    h.run();
    // Sources in the order they were added: NEWS_HRD_2022 is the third.
    h.get_all_by_label("Delete").nth(2).unwrap().click();
    h.run();
    assert!(
        h.query_by_label_contains("figures or indicators use this record")
            .is_some(),
        "asks first"
    );
    h.get_by_label("Delete all of it").click();
    h.run();
    let store = chiso::store::Store::open_read_only(&db).unwrap();
    assert!(
        store.source("NEWS_HRD_2022").is_err(),
        "deleted, with its figures, once asked"
    );
}

#[test]
fn a_cells_status_and_footnote_are_set_in_the_side_panel_and_undone() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    open_edit_tab(&mut h);
    cell(&h, "Total 2025").click();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label("Status").click();
    h.run();
    h.get_by_label("provisional").click();
    h.run();
    h.get_by_label("Footnote").focus();
    h.run();
    h.get_by_label("Footnote").type_text(" Chưa chính thức.");
    h.run();
    h.get_by_label("Apply flags").click();
    h.run();
    let flags = |db: &std::path::Path| {
        let store = chiso::store::Store::open_read_only(db).unwrap();
        let filter = chiso::store::query::SeriesFilter {
            subgroup: Some("T".into()),
            ..Default::default()
        };
        let o = store
            .series("MPI_RATE", &filter)
            .unwrap()
            .into_iter()
            .find(|o| o.period.year == 2025)
            .unwrap();
        (o.status, o.footnote)
    };
    let (status, footnote) = flags(&db);
    assert_eq!(status, chiso::model::Status::Provisional);
    assert!(footnote.ends_with("Chưa chính thức."), "{footnote}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(flags(&db).0, chiso::model::Status::Normal, "undone");
}

#[test]
fn a_cell_changed_by_another_program_meanwhile_is_a_choice_not_a_lost_update() {
    let (_dir, db) = fixture_db();
    // Figures typed the Vietnamese way: a decimal comma.
    let mut h = common::harness_in(&db, LAPTOP, VI);
    h.run();
    open_edit_tab(&mut h);
    // The window looks at the file once a second (of the harness's clock, which counts
    // frames): a look now, so that the next falls after the user has typed.
    let now = h.ctx.input(|i| i.time);
    h.input_mut().time = Some(now + 2.0);
    h.run();
    // Another Chiso (or the sqlite3 shell) changes the figure the grid shows.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE observation SET value = 1.25 WHERE value = 1.3", [])
        .unwrap();
    type_into(&mut h, "Total 2025", "1,4");
    assert!(
        h.query_by_label_contains("số liệu hiện là 1,25, không phải 1,3")
            .is_some(),
        "both values shown; value {:?}, error {:?}",
        mpi(&h, "T", 2025),
        h.state().error()
    );
    assert_eq!(
        mpi(&h, "T", 2025),
        Some(1.25),
        "nothing written over theirs"
    );
    h.get_by_label(&label(&h, "Use my value")).click();
    h.run();
    assert_eq!(
        mpi(&h, "T", 2025),
        Some(1.4),
        "the user chose theirs to be replaced"
    );
}

#[test]
fn a_new_indicator_gets_its_first_figures_in_a_new_column() {
    let (_dir, db) = fixture_db();
    {
        let mut store = chiso::store::Store::open(&db).unwrap();
        let given = [
            ("code", "POOR_HH"),
            ("name", "Poor households"),
            ("short_name", "Poor households"),
            ("unit_id", "PERCENT"),
            ("decimals", "1"),
            ("direction", "lower_is_better"),
            ("valid_min", "0"),
            ("valid_max", "100"),
            ("theme", "Poverty and social protection"),
        ];
        let values = common::form("indicator", &given);
        store
            .save_record("Lan", "indicator", None, &values)
            .unwrap();
    }
    // Figures typed the Vietnamese way: a decimal comma.
    let mut h = common::harness_in(&db, LAPTOP, VI);
    h.run();
    pick(&mut h, "Poor households");
    h.get_by_label(&label(&h, "Edit")).click();
    h.run();
    h.get_by_label(&label(&h, "Add a column")).click();
    h.run();
    h.get_by_label(&label(&h, "Add column")).click();
    h.run();
    let label = {
        let ws = h.state().workspace().unwrap();
        let key = ws.spec().series[0].clone();
        assert_eq!((key.area.as_str(), key.subgroup.as_str()), ("VNM", "T"));
        assert_eq!(
            Some(key.source.as_str()),
            ws.last_used_source(),
            "the last source used"
        );
        let source = ws
            .sources()
            .iter()
            .find(|s| s.code == key.source)
            .unwrap()
            .short_name
            .get(ws.language())
            .to_owned();
        format!("{source} 2024")
    };
    type_into(&mut h, &label, "4,4");
    let ws = h.state().workspace().unwrap();
    assert_eq!(
        ws.catalogue()
            .iter()
            .find(|r| r.entry.indicator.code == "POOR_HH")
            .unwrap()
            .entry
            .chart_figures,
        1
    );
}

#[test]
fn the_editors_name_is_asked_once_and_kept() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    let name = h.get_by_label("Your name, for the audit trail");
    name.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Your name, for the audit trail")
        .type_text("Nguyễn Thị Lan");
    h.run();
    h.get_by_label("Keep this name").click();
    h.run();
    assert_eq!(h.state().state.editor, "Nguyễn Thị Lan");
    assert!(h.state().state.editor_confirmed, "kept in preferences");
    assert!(
        h.query_by_label("Keep this name").is_none(),
        "not asked again"
    );
}

/// File dialogs that answer with what the test says, in order, then cancel.
struct Answers(Vec<chiso::ui::dialogs::Picked>);

impl chiso::ui::dialogs::FileDialogs for Answers {
    fn pick(
        &mut self,
        _: &chiso::ui::dialogs::FileRequest,
        _: &chiso::locale::Messages,
    ) -> chiso::ui::dialogs::Picked {
        if self.0.is_empty() {
            chiso::ui::dialogs::Picked::Cancelled
        } else {
            self.0.remove(0)
        }
    }
}

#[test]
fn file_dialogs_answer_the_menu_and_a_path_field_stands_in_when_none_can_open() {
    use chiso::ui::dialogs::Picked;
    let (dir, db) = fixture_db();
    let other = dir.path().join("other.db");
    chiso::workspace::sample::create_sample(&other).unwrap();
    let app = chiso::ui::ChisoApp::new(chiso::ui::app::State::default(), Some(db), None)
        .with_dialogs(Answers(vec![
            Picked::Chosen(vec![other.clone()]),
            Picked::Unavailable,
        ]));
    let mut h = common::builder(LAPTOP).build_ui_state(|ui, app| app.ui(ui), app);
    h.run();
    // Ctrl+O, answered by the dialog: the chosen file opens.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    assert_eq!(h.state().workspace().unwrap().path(), other);
    // File → Export all data…, where no dialog can open: the window says so and proposes a
    // path beside the open file instead of doing nothing.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export all data…").click();
    h.run();
    assert!(
        h.query_by_label_contains("No file dialog can open")
            .is_some(),
        "the window says why it asks"
    );
    let proposed = dir.path().join("all-data.csv");
    assert_eq!(
        h.get_by_label("Path").value().as_deref(),
        Some(proposed.display().to_string().as_str())
    );
    h.get_by_label("OK").click();
    h.run();
    let csv = std::fs::read_to_string(&proposed).unwrap();
    // With the byte-order mark Excel on Windows needs to read Việt Nam right.
    assert!(csv.starts_with("\u{feff}indicator,area,subgroup,period,value"));
    assert!(h.state().path_prompt().is_none(), "the field closes");
    assert!(h.state().status().unwrap().starts_with("Wrote "));
}

#[test]
fn numbers_are_typed_the_languages_way_and_the_other_way_is_refused_not_guessed() {
    let (_dir, db) = fixture_db();
    // In Vietnamese, 0,770 is 0.77, and the cell shows it the same way.
    let mut h = common::harness_in(&db, LAPTOP, VI);
    h.run();
    open_edit_tab(&mut h);
    type_into(&mut h, "Total 2025", "0,770");
    assert_eq!(mpi(&h, "T", 2025), Some(0.77));
    assert_eq!(cell(&h, "Total 2025").value().as_deref(), Some("0,77"));
    // Switched to English at once (View → Language): the cell reads 0.77, and 0,770 is
    // refused with the form English expects, the figure left as it was.
    h.state_mut()
        .push(chiso::ui::app::Command::SetLanguage(Language::English));
    h.run();
    assert_eq!(cell(&h, "Total 2025").value().as_deref(), Some("0.77"));
    type_into(&mut h, "Total 2025", "0,770");
    let error = h.state().error().unwrap_or_default().to_owned();
    assert!(error.contains("write it as 0.77"), "{error}");
    assert_eq!(mpi(&h, "T", 2025), Some(0.77), "nothing was guessed");
    assert_eq!(
        h.state().state.language,
        Language::English,
        "the choice is kept"
    );
}

#[test]
fn a_grouped_number_typed_in_vietnamese_is_the_whole_number() {
    use chiso::workspace::{CellInput, Workspace};
    let (_dir, db) = fixture_db();
    let mut ws = Workspace::open(&db).unwrap();
    ws.set_language(VI);
    ws.select_indicator("HOUSES_BUILT").unwrap();
    let key = ws.spec().series[0].clone();
    let input = |text: &str| CellInput {
        key: key.clone(),
        year: 2030,
        text: text.into(),
        flags: None,
        based_on: None,
        written_in: None,
    };
    ws.edit_cells("Lan", &[input("334.000")]).unwrap();
    let stored = |ws: &Workspace| {
        ws.chart_observations()
            .iter()
            .find(|o| o.period.year == 2030)
            .map(|o| o.value)
    };
    assert_eq!(stored(&ws), Some(334000.0));
    ws.set_language(Language::English);
    ws.edit_cells("Lan", &[input("334,000")]).unwrap();
    assert_eq!(stored(&ws), Some(334000.0));
    // English reads 334.000 as 334 (a point is its decimal point): said, not guessed at.
    ws.edit_cells("Lan", &[input("1.234,5")]).unwrap_err();
    assert_eq!(stored(&ws), Some(334000.0));
}

#[test]
fn the_card_the_catalogue_and_the_table_write_numbers_the_languages_way() {
    let (_dir, db) = fixture_db();
    let mut h = common::harness_in(&db, LAPTOP, VI);
    h.run();
    // Under-five mortality, the first chart: 16,9‰ on the card.
    assert!(h.query_by_label("16,9‰").is_some(), "the headline card");
    // In Vietnamese order the digital-access theme (Tiếp cận số) is near the end.
    common::find_in_catalogue(&mut h, "Individuals using the Internet");
    assert!(
        h.query_by_label_contains("78,8 %").is_some(),
        "the catalogue's Internet users"
    );
    h.get_by_label("Bảng").click();
    h.run();
    assert!(h.query_by_label("16,9").is_some(), "the table");
    h.state_mut()
        .push(chiso::ui::app::Command::SetLanguage(Language::English));
    h.run();
    assert!(h.query_by_label("16.9").is_some());
    assert!(h.query_by_label("16.9‰").is_some());
}

#[test]
fn the_catalogue_search_looks_in_both_languages_and_in_the_names_of_areas() {
    let (_dir, db) = fixture_db();
    let mut ws = chiso::workspace::Workspace::open(&db).unwrap();
    for language in [Language::English, Language::Vietnamese] {
        ws.set_language(language);
        for (query, code) in [
            ("tu vong", "U5MR"),
            ("under-five", "U5MR"),
            ("ha giang", "U5MR"),
            ("viet nam", "HDI"),
            ("Việt Nam", "HDI"),
            ("ngheo da chieu", "MPI_RATE"),
            ("poverty", "MPI_RATE"),
        ] {
            let found: Vec<&str> = ws
                .filtered_catalogue(query)
                .iter()
                .map(|r| r.entry.indicator.code.as_str())
                .collect();
            assert!(
                found.contains(&code),
                "{query:?} in {language:?}: {found:?}"
            );
        }
        // Hà Giang has figures of under-five mortality, literacy and the census population
        // only (GSO's provincial tables).
        let found: Vec<&str> = ws
            .filtered_catalogue("ha giang")
            .iter()
            .map(|r| r.entry.indicator.code.as_str())
            .collect();
        let mut found = found;
        found.sort_unstable();
        assert_eq!(
            found,
            ["LITERACY_15", "POPULATION_CENSUS", "U5MR"],
            "{language:?}"
        );
    }
}

#[test]
fn a_file_chiso_refuses_opens_the_window_that_says_why_with_open_at_hand() {
    let (dir, db) = fixture_db();
    let notes = dir.path().join("notes.db");
    std::fs::write(&notes, "not a database\n").unwrap();
    let state = chiso::ui::app::State {
        language: English,
        ..Default::default()
    };
    let app =
        chiso::ui::ChisoApp::new(state, Some(notes.clone()), None).with_dialogs(Answers(vec![
            chiso::ui::dialogs::Picked::Chosen(vec![db.clone()]),
        ]));
    let mut h = common::builder(LAPTOP).build_ui_state(|ui, app| app.ui(ui), app);
    h.run();
    assert!(h.state().workspace().is_none());
    assert!(
        h.query_by_label_contains("not a SQLite database (it looks like a text file)")
            .is_some(),
        "the window says why"
    );
    // Open…, at hand in the middle of the window, opens the file chosen.
    h.get_by_label("Open…").click();
    h.run();
    assert_eq!(h.state().workspace().unwrap().path(), db.as_path());
    assert_eq!(std::fs::read(&notes).unwrap(), b"not a database\n");
}

#[test]
fn a_damaged_file_opens_read_only_with_a_banner_naming_the_damage() {
    let (_dir, db) = fixture_db();
    // An index the window does not read: the file opens, and SQLite's check finds the damage.
    common::damage_page(&db, "audit_log_by_row");
    let bytes = std::fs::read(&db).unwrap();
    let mut h = harness(&db, LAPTOP);
    for _ in 0..200 {
        h.step();
        if h.state()
            .workspace()
            .is_some_and(|ws| !ws.checking_integrity())
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run();
    let ws = h.state().workspace().unwrap();
    assert!(
        matches!(
            ws.read_only(),
            Some(chiso::workspace::ReadOnlyReason::Damaged { .. })
        ),
        "{:?}",
        ws.read_only()
    );
    assert!(
        h.query_by_label_contains("SQLite finds the file damaged (")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("No backup of it was found")
            .is_some()
    );
    // Nothing can be written: the edit tab's cells and the import are off.
    h.state_mut()
        .push(chiso::ui::app::Command::StartImport(vec![db.clone()]));
    h.step();
    h.run();
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "not a byte written");
}

#[test]
fn the_series_picker_ticks_all_provinces_of_a_region_found_by_searching_and_stays_open() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    pick(&mut h, "Under-five mortality rate");
    h.run();
    h.get_by_label("Series…").click();
    h.run();
    let before = h.state().workspace().unwrap().spec().series.len();
    // The region's name, without its accents: the region and its 11 provinces of 2016.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
        .click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find")
        .type_text("dong bang song hong");
    h.run();
    h.get_by_label_contains("Tick all shown (12)").click();
    h.run();
    let ws = h.state().workspace().unwrap();
    let chosen: Vec<&str> = ws.spec().series.iter().map(|k| k.area.as_str()).collect();
    assert_eq!(ws.spec().series.len(), before + 12, "{chosen:?}");
    for area in ["VN-R-RRD", "VN-HN", "VN-56", "VN-13", "VN-HP"] {
        assert!(chosen.contains(&area), "{area} in {chosen:?}");
    }
    // Still open, with the count. Beyond eight series the rest are grey, folded in the legend.
    assert!(
        h.query_by_label_contains(&format!("{} chosen", before + 12))
            .is_some()
    );
    let grey = before + 12 - 8;
    assert!(
        h.query_by_label_contains(&format!("{grey} more series, in grey"))
            .is_some()
    );
    // Untick them all again.
    h.get_by_label_contains("Untick all shown (12)").click();
    h.run();
    assert_eq!(h.state().workspace().unwrap().spec().series.len(), before);
}

#[test]
fn a_ranking_lists_the_provinces_best_first_and_follows_the_year_chosen() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    pick(&mut h, "Under-five mortality rate");
    h.get_by_label("Ranking of provinces").click();
    h.run();
    let ws = h.state().workspace().unwrap();
    assert_eq!(ws.spec().kind, chiso::chart::ChartKind::Ranking);
    let r = ws.description().ranking().expect("a ranking");
    // The latest year with the most provinces, all 63 of then, lowest mortality first.
    assert_eq!(r.year, Some(2016));
    assert_eq!(r.bars.len(), 63);
    assert!(r.bars.windows(2).all(|w| w[0].value <= w[1].value));
    assert!(r.national.as_ref().unwrap().label.contains("21.8‰"));
    assert_eq!(r.bars[0].label, "Đồng Nai");
    assert!(h.query_by_label_contains("1. Đồng Nai").is_some() || r.bars[0].text == "11.3‰");
    assert!(h.query_by_label_contains("16 provinces").is_none());

    // Another year, from the Year list.
    h.get_by_label("Year").click();
    h.run();
    h.get_by_label("2010").click();
    h.run();
    let r = h
        .state()
        .workspace()
        .unwrap()
        .description()
        .ranking()
        .unwrap();
    assert_eq!(r.year, Some(2010));
    let first = &r.bars[0];
    assert_eq!(first.rank, 1);
    assert!(
        r.bars.windows(2).all(|w| w[0].value <= w[1].value),
        "sorted in 2010 too"
    );

    // The table of the year: rank, province, region, value, gaps; sorted by a header click.
    h.get_by_label("Table").click();
    h.run();
    assert!(h.query_by_label("Gap to the national figure").is_some());
    h.get_by_label("Province or city").click();
    h.run();
    // Vietnamese alphabetical order: An Giang first, and Đ after D.
    let d = h.state().workspace().unwrap().description().clone();
    let by_name =
        chiso::chart::table::province_table(&d, (chiso::chart::table::RankColumn::Area, false))
            .unwrap();
    let names: Vec<&str> = by_name.rows.iter().map(|r| r.cells[1].as_str()).collect();
    let at = |n: &str| names.iter().position(|x| *x == n).unwrap();
    assert_eq!(names[0], "An Giang");
    assert!(
        at("Điện Biên") < at("Đồng Nai") && at("Cần Thơ") < at("Điện Biên"),
        "{names:?}"
    );
    assert!(
        by_name
            .to_tsv()
            .starts_with("Rank\tProvince or city\tRegion\t2010")
    );

    // Back over time: the headline series again.
    h.get_by_label("Chart").click();
    h.run();
    h.get_by_label("Over time").click();
    h.run();
    let ws = h.state().workspace().unwrap();
    assert_eq!(ws.spec().kind, chiso::chart::ChartKind::TimeSeries);
    assert!(!ws.description().panels().is_empty());
}

#[test]
fn an_indicator_without_provincial_figures_cannot_be_ranked() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    pick(&mut h, "Human Development Index");
    let button = h.get_by_label("Ranking of provinces");
    assert!(button.accesskit_node().is_disabled());
}

#[test]
fn a_filled_entry_form_opens_its_own_dialog_names_the_refused_cell_and_imports_when_fixed() {
    use calamine::Data;
    let (dir, db) = fixture_db();
    let form = dir.path().join("form.xlsx");
    {
        let store = chiso::store::Store::open_read_only(&db).unwrap();
        let request = chiso::workspace::entry_form::TemplateRequest {
            indicator: "U5MR".into(),
            area: Some("VN-03".into()),
            years: Some((2017, 2018)),
            source: Some("GSO_U5MR_2018".into()),
            ..Default::default()
        };
        chiso::workspace::entry_form::write_template(&store, &db, &request, &form).unwrap();
    }
    let refused = dir.path().join("refused.xlsx");
    common::fill(&form, &refused, &[("U5MR", 6, 3, Data::Float(1500.0))]);
    let mut h = harness(&db, LAPTOP);
    h.run();
    h.state_mut()
        .push(chiso::ui::app::Command::StartImport(vec![refused]));
    h.run();
    assert!(
        h.query_by_label_contains("U5MR!D7: ").is_some(),
        "the cell is named"
    );
    assert!(h.query_by_label_contains("cells stop the import").is_some());
    assert!(
        h.get_by_label("Import these figures")
            .accesskit_node()
            .is_disabled()
    );
    h.get_by_label("Close").click();
    h.run();

    let good = dir.path().join("good.xlsx");
    common::fill(&form, &good, &[("U5MR", 6, 3, Data::Float(48.5))]);
    h.state_mut()
        .push(chiso::ui::app::Command::StartImport(vec![good]));
    h.run();
    assert!(h.query_by_label_contains("1 would be added").is_some());
    h.get_by_label("Import these figures").click();
    h.run();
    let status = h.state().status().unwrap().to_owned();
    assert!(
        status.starts_with("Imported from the form: 1 added"),
        "{status}"
    );
    assert!(status.contains("form from Hà Giang"), "{status}");
}

#[test]
fn the_map_names_the_province_under_the_pointer_and_clicks_show_the_picked_ones_over_time() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    pick(&mut h, "Under-five mortality rate");
    h.get_by_label("Map").click();
    h.run();
    let ws = h.state().workspace().unwrap();
    let m = ws.description().map().expect("a map");
    assert_eq!(m.ranking.bars.len(), 63);
    // Where Hà Giang is on the screen: the centre of its first triangle, placed as the window
    // places the map (one scale, centred in the widget).
    let rect = h.get_by_label("Map of the provinces").rect();
    let corners = [rect.left(), rect.top(), rect.right(), rect.bottom()];
    let placed = chiso::chart::map::Placement::fit(corners, 1.0, [0.0, 0.0]);
    let set = chiso::chart::map::geometry().set_on(&m.set_day).unwrap();
    let inside = |code: &str| {
        let shape = set.shapes.iter().find(|s| s.code == code).unwrap();
        let t = &shape.mesh.indices[..3];
        let p = [0, 1].map(|k| {
            t.iter()
                .map(|i| shape.mesh.points[*i as usize][k])
                .sum::<f32>()
                / 3.0
        });
        let [x, y] = placed.place(p);
        egui::pos2(x, y)
    };
    let at = inside("VN-03");
    h.hover_at(at);
    h.run();
    assert!(
        h.query_by_label_contains("Hà Giang").is_some(),
        "the tooltip names the province"
    );
    assert!(
        h.query_by_label_contains("2016: 50.8‰").is_some(),
        "and its figure"
    );
    let click = |h: &mut egui_kittest::Harness<'static, chiso::ui::ChisoApp>,
                 at: egui::Pos2,
                 modifiers: egui::Modifiers| {
        h.hover_at(at);
        h.run();
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers,
            });
        }
        h.run();
    };
    // Ctrl+click picks Hà Giang and keeps the map; a click on Cao Bằng shows both over time,
    // beside the nation.
    click(&mut h, at, egui::Modifiers::COMMAND);
    let ws = h.state().workspace().unwrap();
    assert_eq!(ws.spec().kind, chiso::chart::ChartKind::Map);
    assert_eq!(ws.picked_areas(), ["VN-03"]);
    click(&mut h, inside("VN-04"), egui::Modifiers::NONE);
    let spec = h.state().workspace().unwrap().spec();
    assert_eq!(spec.kind, chiso::chart::ChartKind::TimeSeries);
    let areas: Vec<&str> = spec.series.iter().map(|k| k.area.as_str()).collect();
    assert_eq!(areas, ["VN-03", "VN-04", "VNM"]);
}

#[test]
fn help_lists_the_shortcuts_and_about_credits_the_fonts_and_the_boundaries() {
    let (_dir, db) = fixture_db();
    let open = |item: &str| {
        let mut h = harness(&db, LAPTOP);
        h.run();
        h.get_by_label("Help").click();
        h.run();
        h.get_by_label(item).click();
        h.run();
        h
    };
    let h = open("Keyboard shortcuts");
    assert!(h.query_by_label_contains("In presentation").is_some());
    assert!(
        h.query_all_by_label_contains("Edit tab's grid").count() >= 2,
        "undo and redo"
    );
    let h = open("About Chiso");
    assert!(
        h.query_by_label_contains("geoBoundaries").is_some(),
        "the boundaries credited"
    );
    assert!(
        h.query_by_label_contains("SIL Open Font License").is_some(),
        "the fonts' licence"
    );
    assert!(h.query_by_label_contains("Quần đảo Hoàng Sa").is_some());
}

/// File → Merge changes… with a package whose one cell the centre changed too: the dialog lists
/// the changes and the conflict with the three values, merges nothing until the conflict is
/// decided, then merges all of it, the conflict as chosen.
#[test]
fn merging_a_package_shows_its_conflict_and_applies_the_choice() {
    use chiso::ui::dialogs::Picked;
    let (dir, centre) = fixture_db();
    let copy = dir.path().join("lao_cai.db");
    let package = dir.path().join("lao_cai.chisochanges");
    let run = |args: &[&str]| {
        let out = common::chiso(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            common::text(&out.stderr)
        );
    };
    let (c, l, p) = (
        centre.to_str().unwrap(),
        copy.to_str().unwrap(),
        package.to_str().unwrap(),
    );
    let src = "NEWS_VNA_2025_12";
    run(&["copy", c, l, "--for", "Lào Cai"]);
    run(&[
        "set",
        l,
        "U5MR",
        "2024",
        "31.5",
        "--area",
        "VN-02",
        "--source",
        src,
        "--by",
        "Lò Thị Mai",
    ]);
    run(&[
        "set",
        l,
        "U5MR",
        "2024",
        "16.5",
        "--area",
        "VNM",
        "--source",
        src,
        "--by",
        "Lò Thị Mai",
    ]);
    run(&[
        "set", c, "U5MR", "2024", "16.8", "--area", "VNM", "--source", src, "--by", "centre",
    ]);
    run(&["changes", l, "--out", p, "--by", "Lò Thị Mai"]);

    let app =
        chiso::ui::ChisoApp::new(chiso::ui::app::State::default(), Some(centre.clone()), None)
            .with_dialogs(Answers(vec![Picked::Chosen(vec![package.clone()])]));
    let mut h = common::builder(LAPTOP).build_ui_state(|ui, app| app.ui(ui), app);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge changes…").click();
    h.run();
    assert!(
        h.query_by_label_contains("From “Lào Cai”, by Lò Thị Mai")
            .is_some(),
        "the package says who sent it"
    );
    assert!(h.query_by_label_contains("; one conflict.").is_some());
    assert!(h.query_by_label("Changed on both sides").is_some());
    // The three values of the cell: where Lào Cai started, theirs, ours.
    for value in ["16.5", "16.8"] {
        assert!(h.query_by_label(value).is_some(), "{value} shown");
    }
    assert!(
        h.get_by_label("Merge all").accesskit_node().is_disabled(),
        "nothing merges while a conflict is undecided"
    );
    h.get_by_label("Use theirs").click();
    h.run();
    h.get_by_label("Merge all").click();
    h.run();
    let status = h.state().status().unwrap_or_default().to_owned();
    assert!(
        status.starts_with("Merged 2 changes from “Lào Cai”"),
        "{status}"
    );
    let series = common::text(
        &common::chiso(&["series", c, "U5MR", "--area", "VNM", "--source", src]).stdout,
    );
    assert!(series.contains("2024,16.5"), "theirs chosen: {series}");
}

/// The text sizes of every text shape the frame drew (nested shapes included).
fn text_sizes(shapes: &[egui::epaint::ClippedShape]) -> Vec<(f32, String)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(f32, String)>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(text) => {
                for section in &text.galley.job.sections {
                    let range = section.byte_range.start.0..section.byte_range.end.0;
                    let words = text.galley.job.text.get(range).unwrap_or("").to_owned();
                    out.push((section.format.font_id.size, words));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// On a laptop (1366×768) and a small screen (1024×768), in both languages: no text of the
/// main screen under 11 px, and every control's rectangle inside the window (the latest years
/// of the chart, Export chart…, the Sources panel's first source).
#[test]
fn the_main_screen_fits_small_screens_with_no_text_under_11_px() {
    let (_dir, db) = fixture_db();
    for size in [LAPTOP, [1024.0, 768.0]] {
        for language in [English, VI] {
            let mut h = common::harness_in(&db, size, language);
            h.run();
            let name = common::data_name(&h, "Under-five mortality rate");
            pick(&mut h, &name);
            h.run();
            let small: Vec<_> = text_sizes(&h.output().shapes)
                .into_iter()
                .filter(|(px, words)| {
                    *px < chiso::ui::style::MIN_TEXT - 0.01 && !words.trim().is_empty()
                })
                .collect();
            assert!(
                small.is_empty(),
                "{size:?} {language:?}: text under 11 px: {small:?}"
            );
            let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1]));
            let root = h.root();
            let mut outside = Vec::new();
            for node in root.children_recursive() {
                let Some(label) = node.accesskit_node().label() else {
                    continue;
                };
                let role = node.accesskit_node().role();
                let control = matches!(
                    role,
                    egui::accesskit::Role::Button
                        | egui::accesskit::Role::CheckBox
                        | egui::accesskit::Role::ComboBox
                        | egui::accesskit::Role::TextInput
                        | egui::accesskit::Role::Tab
                );
                let rect = node.rect();
                // A control the frame laid out outside the window is cut; one in a scrolled
                // list lies beyond its clip and is scrolled to, which this cannot tell apart,
                // so lists (the catalogue) are left out by their role.
                if control && rect.is_positive() && !window.expand(0.5).contains_rect(rect) {
                    outside.push(format!("{label} {rect:?}"));
                }
            }
            assert!(
                outside.is_empty(),
                "{size:?} {language:?}: cut: {outside:?}"
            );
            let export = label(&h, "Export chart…");
            assert!(h.query_by_label(&export).is_some(), "{size:?} {language:?}");
        }
    }
}

/// Editor → the name field: typing a name keeps the menu open, key after key, and the name is
/// the one the audit trail then records.
#[test]
fn the_editors_name_is_typed_in_the_editor_menu_without_it_closing() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    h.get_by_label("Editor").click();
    h.run();
    let field = "Your name, for the audit trail";
    h.get_by_label(field).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    for (i, letter) in ["L", "ê", " ", "V", "y"].iter().enumerate() {
        h.get_by_label(field).type_text(letter);
        h.run();
        assert!(
            h.query_by_label(field).is_some(),
            "the menu closed after key {i}"
        );
    }
    assert_eq!(h.state().state.editor, "Lê Vy");
    // Escape closes the menu, as a menu does.
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label(field).is_none());
}

/// A saved view's note belongs to its indicator: choosing another indicator leaves it behind.
/// Add to chart brings every source of the added indicator's headline area, side by side.
#[test]
fn a_views_note_stays_with_its_view_and_add_to_chart_brings_every_source() {
    use chiso::ui::app::Command;
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    h.state_mut().push(Command::OpenView(0));
    h.run();
    let ws = h.state().workspace().unwrap();
    assert!(
        ws.spec().note.contains("93"),
        "the HDI view has its note: {:?}",
        ws.spec().note
    );
    h.state_mut().push(Command::SelectIndicator("U5MR".into()));
    h.run();
    assert_eq!(h.state().workspace().unwrap().spec().note, "");
    h.state_mut()
        .push(Command::AddIndicator("INTERNET_USERS".into()));
    h.run();
    let sources: Vec<String> = h
        .state()
        .workspace()
        .unwrap()
        .spec()
        .series
        .iter()
        .filter(|k| k.indicator == "INTERNET_USERS")
        .map(|k| k.source.clone())
        .collect();
    assert!(
        sources.len() >= 3,
        "every source of Internet use: {sources:?}"
    );
}

/// The status line ("Wrote…") floats over the window's corner instead of pushing the layout
/// down under the pointer, and goes by itself.
#[test]
fn the_status_line_does_not_move_the_layout_and_goes_away() {
    use chiso::ui::app::Command;
    let (dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    let before = h.get_by_label("Chart").rect();
    let csv = dir.path().join("figures.csv");
    h.state_mut().push(Command::ExportData {
        path: csv.clone(),
        selection_only: true,
    });
    h.run();
    let status = h.state().status().unwrap_or_default().to_owned();
    assert!(status.starts_with("Wrote "), "{status}");
    assert!(h.query_by_label_contains("Wrote ").is_some(), "shown");
    assert_eq!(h.get_by_label("Chart").rect(), before, "nothing moved");
    // Each step is a quarter of a second: after ten seconds it is gone.
    for _ in 0..40 {
        h.step();
    }
    assert_eq!(h.state().status(), None);
    assert!(h.query_by_label_contains("Wrote ").is_none());
}

/// The Edit tab's header row and year column stay in view while its figures scroll.
#[test]
fn the_edit_grids_header_stays_while_its_rows_scroll() {
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, [1024.0, 768.0]);
    h.run();
    pick(&mut h, "Under-five mortality rate");
    h.get_by_label("Edit").click();
    h.run();
    let header = h.get_by_label("Year").rect();
    // A figure's cell of `year` (its name ends with the year), and the year's own label.
    let cell = |h: &Harness<'static, chiso::ui::ChisoApp>, year: i32| {
        h.query_all_by_label_contains(&format!(" {year}"))
            .next()
            .unwrap()
            .rect()
    };
    // Sideways first: the year column stays, the figures and their header move together.
    let year = h.get_by_label("1970").rect();
    let before = cell(&h, 1970);
    // The last source's cell of 1970, brought into view: the figures move left.
    h.query_all_by_label_contains(" 1970")
        .last()
        .unwrap()
        .scroll_to_me();
    h.run();
    h.run();
    assert_eq!(h.get_by_label("1970").rect(), year, "the year stayed");
    let after = cell(&h, 1970);
    // (At 1024×768 the four sources' columns are a little wider than the room left.)
    assert!(after.left() < before.left(), "{before:?} → {after:?}");
    // Then down: the header stays, the rows go up under it.
    let first = cell(&h, 1964);
    for _ in 0..20 {
        h.query_all_by_label_contains(" 1970")
            .next()
            .unwrap()
            .scroll_down();
        h.run();
    }
    assert_eq!(h.get_by_label("Year").rect(), header, "the header stayed");
    let moved = cell(&h, 1964);
    assert!(moved.top() < first.top() - 100.0, "{first:?} → {moved:?}");
    assert!(
        moved.bottom() < header.bottom(),
        "1964 went up under the header"
    );
}

/// File → Make a copy for… in the centre's window, then File → Send my changes… in the copy's:
/// the copy knows whom it is for, and the package holds the copy's edit.
#[test]
fn a_copy_is_made_and_its_changes_sent_from_the_window() {
    use chiso::ui::dialogs::Picked;
    let (dir, centre) = fixture_db();
    let copy = dir.path().join("Lào Cai.db");
    let app = chiso::ui::ChisoApp::new(chiso::ui::app::State::default(), Some(centre), None)
        .with_dialogs(Answers(vec![Picked::Chosen(vec![copy.clone()])]));
    let mut h = common::builder(LAPTOP).build_ui_state(|ui, app| app.ui(ui), app);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Make a copy for…").click();
    h.run();
    let field = "For whom (a province, an office)";
    h.get_by_label(field).click();
    h.run();
    h.get_by_label(field).type_text("Lào Cai");
    h.run();
    h.get_by_label("Choose where…").click();
    h.run();
    let status = h.state().status().unwrap_or_default().to_owned();
    assert!(status.starts_with("Copy for “Lào Cai” made"), "{status}");
    let info = common::text(&common::chiso(&["info", copy.to_str().unwrap()]).stdout);
    assert!(info.contains("for \"Lào Cai\""), "{info}");

    // In the copy: an edit, then its package.
    let out = common::chiso(&[
        "set",
        copy.to_str().unwrap(),
        "U5MR",
        "2024",
        "31.5",
        "--area",
        "VN-02",
        "--source",
        "NEWS_VNA_2025_12",
    ]);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let package = dir.path().join("lao_cai.chisochanges");
    let app = chiso::ui::ChisoApp::new(chiso::ui::app::State::default(), Some(copy), None)
        .with_dialogs(Answers(vec![Picked::Chosen(vec![package.clone()])]));
    let mut h = common::builder(LAPTOP).build_ui_state(|ui, app| app.ui(ui), app);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Send my changes…").click();
    h.run();
    assert!(
        h.query_by_label("The changes since the last package")
            .is_some()
    );
    h.get_by_label("Choose where…").click();
    h.run();
    let status = h.state().status().unwrap_or_default().to_owned();
    assert!(
        status.starts_with("Package of one change for “fixture”"),
        "{status}"
    );
    assert!(package.exists());
}

/// Series… reaches every indicator on the chart: an indicator added to compare has its own
/// list, from which another of its series is ticked.
#[test]
fn series_reaches_an_added_indicators_series() {
    use chiso::ui::app::Command;
    let (_dir, db) = fixture_db();
    let mut h = harness(&db, LAPTOP);
    h.run();
    pick(&mut h, "Under-five mortality rate");
    h.state_mut().push(Command::AddIndicator("MPI_RATE".into()));
    h.run();
    h.get_by_label(&label(&h, "Series…")).click();
    h.run();
    let short = h
        .state()
        .workspace()
        .unwrap()
        .catalogue()
        .iter()
        .find(|r| r.entry.indicator.code == "MPI_RATE")
        .map(|r| r.entry.indicator.short_name.get(English).to_owned())
        .unwrap();
    h.get_by_label(&short).click();
    h.run();
    h.get_by_label_contains(&common::data_name(&h, "Ethnic minorities"))
        .click();
    h.run();
    let spec = h.state().workspace().unwrap().spec().clone();
    assert!(
        spec.series
            .iter()
            .any(|k| k.indicator == "MPI_RATE" && k.subgroup != "T"),
        "{:?}",
        spec.series
    );
    assert!(
        spec.series.iter().any(|k| k.indicator == "U5MR"),
        "U5MR stays"
    );
}
