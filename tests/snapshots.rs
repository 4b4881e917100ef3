//! Pictures of the main screen, rendered with wgpu and compared with the committed ones in
//! `tests/snapshots`. Regenerate after a deliberate change with `UPDATE_SNAPSHOTS=1 cargo test`.
//!
//! Where no wgpu adapter exists (no GPU driver, no Mesa), the tests say so and pass, unless
//! `CHISO_REQUIRE_RENDERER` is set, as CI does after installing Mesa's software renderer.

mod common;

use chiso::locale::Language;
use common::{LAPTOP, builder, fixture_db};
use egui_kittest::wgpu::WgpuTestRenderer;

/// The headless renderer, or `None` with the reason printed when this machine has none.
fn renderer() -> Option<WgpuTestRenderer> {
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let renderer = std::panic::catch_unwind(WgpuTestRenderer::new);
    std::panic::set_hook(previous_hook);
    match renderer {
        Ok(renderer) => Some(renderer),
        Err(_) if std::env::var_os("CHISO_REQUIRE_RENDERER").is_some() => {
            panic!(
                "no wgpu adapter, and CHISO_REQUIRE_RENDERER is set: install mesa-vulkan-drivers"
            )
        }
        Err(_) => {
            eprintln!(
                "skipped: no wgpu adapter on this machine (install mesa-vulkan-drivers for \
                 Mesa's software renderer); snapshot not compared"
            );
            None
        }
    }
}

fn main_screen(dark: bool, language: Language, name: &str) {
    let Some(renderer) = renderer() else { return };
    let (_dir, db) = fixture_db();
    let state = chiso::ui::app::State {
        dark,
        language,
        ..Default::default()
    };
    let app = chiso::ui::ChisoApp::new(state, Some(db), None);
    let mut harness = builder(LAPTOP)
        .renderer(renderer)
        .build_ui_state(|ui, app: &mut chiso::ui::ChisoApp| app.ui(ui), app);
    harness.run();
    harness.snapshot(name);
}

#[test]
fn main_screen_light() {
    main_screen(false, Language::English, "main_screen_light");
}

#[test]
fn main_screen_in_vietnamese() {
    main_screen(false, Language::Vietnamese, "main_screen_vi");
}

#[test]
fn main_screen_dark() {
    main_screen(true, Language::English, "main_screen_dark");
}

#[test]
fn a_ranking_of_63_provinces_on_a_laptop() {
    by_province_on_a_laptop(chiso::chart::ChartKind::Ranking, "ranking_63");
}

#[test]
fn a_map_of_63_provinces_on_a_laptop() {
    by_province_on_a_laptop(chiso::chart::ChartKind::Map, "map_63");
}

/// The sample's under-five mortality of 2016 for the 63 provinces as `kind`, at 1366×768.
fn by_province_on_a_laptop(kind: chiso::chart::ChartKind, name: &str) {
    let Some(renderer) = renderer() else { return };
    let (_dir, db) = fixture_db();
    let state = chiso::ui::app::State {
        language: Language::English,
        ..Default::default()
    };
    let app = chiso::ui::ChisoApp::new(state, Some(db), None);
    let mut harness = builder(LAPTOP)
        .renderer(renderer)
        .build_ui_state(|ui, app: &mut chiso::ui::ChisoApp| app.ui(ui), app);
    harness.run();
    use chiso::ui::app::Command;
    let app = harness.state_mut();
    app.push(Command::SelectIndicator("U5MR".into()));
    app.push(Command::SetKind(kind));
    harness.run();
    let ws = harness.state().workspace().unwrap();
    assert_eq!(ws.description().ranking().unwrap().bars.len(), 63);
    harness.snapshot(name);
}

/// File → Merge changes… in Vietnamese at 1366×768: a package from Lào Cai with one figure
/// added and one conflict, each of its three values written the Vietnamese way.
#[test]
fn merge_dialog_in_vietnamese() {
    let Some(renderer) = renderer() else { return };
    let (dir, centre) = fixture_db();
    let copy = dir.path().join("lao_cai.db");
    let package = dir.path().join("lao_cai.chisochanges");
    let (c, l, p) = (
        centre.to_str().unwrap(),
        copy.to_str().unwrap(),
        package.to_str().unwrap(),
    );
    let src = "NEWS_VNA_2025_12";
    for args in [
        vec!["copy", c, l, "--for", "Lào Cai"],
        vec![
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
        ],
        vec![
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
        ],
        vec![
            "set",
            c,
            "U5MR",
            "2024",
            "16.8",
            "--area",
            "VNM",
            "--source",
            src,
            "--by",
            "Trung ương",
        ],
        vec!["changes", l, "--out", p, "--by", "Lò Thị Mai"],
    ] {
        let out = common::chiso(&args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            common::text(&out.stderr)
        );
    }
    let state = chiso::ui::app::State {
        language: Language::Vietnamese,
        ..Default::default()
    };
    let mut harness = builder(LAPTOP).renderer(renderer).build_ui_state(
        |ui, app: &mut chiso::ui::ChisoApp| app.ui(ui),
        chiso::ui::ChisoApp::new(state, Some(centre), None),
    );
    harness.run();
    harness
        .state_mut()
        .push(chiso::ui::app::Command::OpenPackage(package));
    harness.run();
    harness.snapshot("merge_dialog_vi");
}
