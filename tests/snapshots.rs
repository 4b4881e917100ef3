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

/// Two indicators of two units at 1024×768: small multiples, each panel named above it.
#[test]
fn small_multiples_at_1024() {
    let Some(renderer) = renderer() else { return };
    let (_dir, db) = fixture_db();
    let app = chiso::ui::ChisoApp::new(Default::default(), Some(db), None);
    let mut harness = builder([1024.0, 768.0])
        .renderer(renderer)
        .build_ui_state(|ui, app: &mut chiso::ui::ChisoApp| app.ui(ui), app);
    harness.run();
    harness
        .state_mut()
        .push(chiso::ui::app::Command::SelectIndicator("U5MR".into()));
    harness.run();
    harness
        .state_mut()
        .push(chiso::ui::app::Command::AddIndicator(
            "INTERNET_USERS".into(),
        ));
    harness.run();
    harness.run();
    harness.snapshot("small_multiples_1024");
}
