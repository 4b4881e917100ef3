//! "Series…": the series of the indicator shown, in a window that stays open while several are
//! ticked, with a search (accent-insensitive, over areas, their regions, subgroups and
//! sources), ticking or unticking all the series shown at once, and a count of those chosen.
//! With the 63 provinces a plain list of a few hundred rows was no way to choose.

use super::app::Command;
use crate::locale::{Language, Messages};
use crate::workspace::{SeriesInfo, Workspace};

/// The picker's state, kept in egui's memory between frames.
#[derive(Clone, Debug, Default)]
struct PickerState {
    open: bool,
    query: String,
    /// The rows as last laid out, and what for: (data version, indicator, language). Naming
    /// and sorting a few hundred series in Vietnamese order is done when one of them changes,
    /// not at every frame the window is open.
    rows: Vec<Row>,
    rows_for: Option<(i64, Option<String>, Language)>,
    /// Whose series are listed, when the chart compares indicators (`None`: the selected
    /// indicator's).
    indicator: Option<String>,
    /// Whether the units a reform made are offered for the years before they existed, as
    /// estimates from their parts: off by default, so that ticking all of a region ticks its
    /// provinces of the time, not the same people twice.
    estimates: bool,
}

fn state_id() -> egui::Id {
    egui::Id::unique("series picker")
}

/// The button that opens the picker.
pub fn button(ui: &mut egui::Ui, t: &Messages) {
    if ui.button(t.get("chart-series-menu")).clicked() {
        ui.data_mut(|d| {
            let state = d.get_temp_mut_or_default::<PickerState>(state_id());
            state.open = !state.open;
        });
    }
}

/// One series as the picker lists it, with the words a search looks in.
#[derive(Clone, Debug)]
struct Row {
    info: SeriesInfo,
    label: String,
    search: crate::text::Folded,
}

/// Every series of indicator `code`, named in `language`, in Vietnamese order of names (the
/// chart keeps its own order of series).
fn rows_of(ws: &Workspace, code: &str, language: Language) -> Vec<Row> {
    let t = Messages::of(language);
    let area = |code: &str| ws.areas().iter().find(|a| a.code == code);
    let series = ws.series_of_indicator(code).unwrap_or_default();
    let mut rows: Vec<Row> = series
        .iter()
        .map(|info| {
            let found = area(&info.area);
            let name = found.map_or(info.area.as_str(), |a| a.name.get(language));
            // The provinces before and after the 2025 reform share names.
            let valid = found.map_or_else(String::new, |a| super::grid::validity(t, a));
            let region = found
                .and_then(|a| a.parent_code.as_deref())
                .and_then(area)
                .map_or("", |r| r.name.get(language));
            let subgroup = ws
                .subgroups()
                .iter()
                .find(|g| g.code == info.subgroup)
                .map_or(info.subgroup.as_str(), |g| g.name.get(language));
            let source = ws
                .sources()
                .iter()
                .find(|s| s.code == info.source)
                .map_or(info.source.as_str(), |s| s.short_name.get(language));
            Row {
                info: info.clone(),
                label: if info.figures == 0 {
                    // No figure of its own: years before the unit existed, from its parts.
                    // Which years can be estimated depends on the weights: no years named.
                    format!(
                        "{name}{valid} · {subgroup} · {source} ({})",
                        t.get("series-picker-estimates")
                    )
                } else {
                    format!(
                        "{name}{valid} · {subgroup} · {source} ({}–{})",
                        info.first_year, info.last_year
                    )
                },
                search: crate::text::Folded::of(&[
                    name,
                    &info.area,
                    region,
                    subgroup,
                    source,
                    &info.source,
                ]),
            }
        })
        .collect();
    crate::locale::sort_vietnamese(&mut rows, |r| &r.label);
    rows
}

/// The picker's window, when open.
pub fn window(ctx: &egui::Context, ws: &Workspace, commands: &mut Vec<Command>) {
    let mut state = ctx.data(|d| d.get_temp::<PickerState>(state_id()).unwrap_or_default());
    if !state.open {
        return;
    }
    let language = ws.language();
    let t = Messages::of(language);
    // The indicators on the chart, the selected one first: each one's series can be chosen.
    let mut on_chart: Vec<String> = ws.selected().map(str::to_owned).into_iter().collect();
    for key in &ws.spec().series {
        if !on_chart.contains(&key.indicator) {
            on_chart.push(key.indicator.clone());
        }
    }
    if state
        .indicator
        .as_ref()
        .is_none_or(|c| !on_chart.contains(c))
    {
        state.indicator = on_chart.first().cloned();
    }
    let Some(code) = state.indicator.clone() else {
        return;
    };
    let rows_for = Some((ws.data_version(), Some(code.clone()), language));
    if state.rows_for != rows_for {
        state.rows = rows_of(ws, &code, language);
        state.rows_for = rows_for;
    }
    let chosen = |row: &Row| {
        let info = &row.info;
        ws.spec().series.iter().any(|k| {
            k.indicator == code
                && k.area == info.area
                && k.subgroup == info.subgroup
                && k.source == info.source
        })
    };
    let rows: Vec<(&Row, bool)> = state.rows.iter().map(|r| (r, chosen(r))).collect();
    let mut open = state.open;
    egui::Window::new(t.get("series-picker-title"))
        .id(egui::Id::unique("series picker window"))
        .open(&mut open)
        .default_size([560.0, 480.0])
        .show(ctx, |ui| {
            if on_chart.len() > 1 {
                ui.horizontal_wrapped(|ui| {
                    for indicator in &on_chart {
                        let name = ws
                            .catalogue()
                            .iter()
                            .find(|r| &r.entry.indicator.code == indicator)
                            .map_or(indicator.as_str(), |r| {
                                r.entry.indicator.short_label(language)
                            });
                        if ui
                            .selectable_label(state.indicator.as_ref() == Some(indicator), name)
                            .clicked()
                        {
                            state.indicator = Some(indicator.clone());
                        }
                    }
                });
            }
            let chosen = rows.iter().filter(|(_, on)| *on).count();
            ui.horizontal(|ui| {
                let find = ui.label(t.get("series-picker-find"));
                ui.add(
                    egui::TextEdit::singleline(&mut state.query)
                        .hint_text(t.get("series-picker-search"))
                        .desired_width(280.0),
                )
                .labelled_by(find.id);
                ui.label(t.with("series-picker-chosen", &[("count", chosen.into())]));
            });
            let estimable: Vec<&Row> = rows
                .iter()
                .filter(|(r, _)| r.info.figures == 0)
                .map(|(r, _)| *r)
                .collect();
            // The day the units began, the reform's: from the file, not the code.
            let began = estimable.iter().find_map(|r| {
                let area = ws.areas().iter().find(|a| a.code == r.info.area)?;
                Some(crate::locale::iso_date(language, &area.valid_from))
            });
            if let Some(day) = began {
                ui.checkbox(
                    &mut state.estimates,
                    t.with(
                        "series-picker-offer-estimates",
                        &[("count", estimable.len().into()), ("date", day.into())],
                    ),
                );
            }
            let query = crate::text::fold(&state.query);
            // With years chosen, the series that have nothing in them are not offered (a
            // province dissolved in 2025 has nothing in 2026), but a chosen one stays to untick.
            let years = ws.spec().years;
            let in_years = |r: &Row| {
                years.is_none_or(|(from, to)| r.info.first_year <= to && r.info.last_year >= from)
            };
            let shown: Vec<&(&Row, bool)> = rows
                .iter()
                .filter(|(r, on)| *on || in_years(r))
                .filter(|(r, on)| *on || state.estimates || r.info.figures > 0)
                .filter(|(r, _)| r.search.matches(&query))
                .collect();
            let outside = rows.iter().filter(|(r, on)| !on && !in_years(r)).count();
            if let (Some((from, to)), 1..) = (years, outside) {
                ui.label(
                    egui::RichText::new(t.with(
                        "series-picker-outside-years",
                        &[
                            ("count", outside.into()),
                            // Years as text: a number would be grouped (2.016).
                            ("from", from.to_string().into()),
                            ("to", to.to_string().into()),
                        ],
                    ))
                    .weak(),
                );
            }
            ui.horizontal(|ui| {
                let off = shown.iter().filter(|(_, on)| !on).count();
                let on = shown.len() - off;
                if ui
                    .add_enabled(
                        off > 0,
                        egui::Button::new(
                            t.with("series-picker-tick-all", &[("count", off.into())]),
                        ),
                    )
                    .clicked()
                {
                    for (row, _) in shown.iter().filter(|(_, on)| !on) {
                        commands.push(Command::ToggleSeries(code.clone(), row.info.clone()));
                    }
                }
                if ui
                    .add_enabled(
                        on > 0,
                        egui::Button::new(
                            t.with("series-picker-untick-all", &[("count", on.into())]),
                        ),
                    )
                    .clicked()
                {
                    for (row, _) in shown.iter().filter(|(_, on)| *on) {
                        commands.push(Command::ToggleSeries(code.clone(), row.info.clone()));
                    }
                }
            });
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                if shown.is_empty() {
                    ui.label(t.get("series-picker-none"));
                }
                for (row, on) in shown {
                    let mut on = *on;
                    if ui.checkbox(&mut on, &row.label).changed() {
                        commands.push(Command::ToggleSeries(code.clone(), row.info.clone()));
                    }
                }
            });
        });
    // Escape closes it, as it closed the menu it replaces.
    state.open = open && !ctx.input(|i| i.key_pressed(egui::Key::Escape));
    ctx.data_mut(|d| d.insert_temp(state_id(), state));
}
