//! A chart description drawn with egui_plot, the controls above it and the legend below.

use egui::RichText;
use egui_plot::{
    GridInput, GridMark, HLine, Line, LineStyle, MarkerShape, Plot, PlotPoint, Points, Text, VLine,
};

use super::actions::Action;
use super::app::Command;
use super::style;
use crate::chart::style::{self as chart_style, Dash, Marker};
use crate::chart::{ChartDescription, Panel, Transform, axis, hover_text};
use crate::export::words;
use crate::locale::{Messages, Numbers};
use crate::workspace::Workspace;

/// Dashes on screen, against their length in a 1920 × 1080 export.
pub(super) const SCREEN_DASH: f32 = 0.66;

/// Series choice, relative mode, log scale and year range.
pub fn controls_ui(ui: &mut egui::Ui, ws: &Workspace, commands: &mut Vec<Command>) {
    let t = Messages::of(ws.language());
    let spec = ws.spec();
    ui.horizontal_wrapped(|ui| {
        super::ranking_view::kind_ui(ui, ws, commands);
        ui.separator();
        if spec.kind.by_province() {
            super::ranking_view::controls_ui(ui, ws, commands);
            ui.separator();
            if ui.button(Action::ExportChart.label(t)).clicked() {
                commands.push(Action::ExportChart.command());
            }
            return;
        }
        super::series_picker::button(ui, t);
        ui.separator();
        let bounds = ws.year_bounds();
        let first_year = spec
            .years
            .map(|y| y.0)
            .or(bounds.map(|b| b.0))
            .unwrap_or(2000);
        let base_year = match spec.transform {
            Transform::Index { base_year } | Transform::PercentChange { base_year } => base_year,
            Transform::Absolute => first_year,
        };
        for (transform, name) in [
            (Transform::Absolute, "chart-values"),
            (Transform::Index { base_year }, "chart-index"),
            (Transform::PercentChange { base_year }, "chart-change"),
        ] {
            let name = t.get(name);
            let current =
                std::mem::discriminant(&spec.transform) == std::mem::discriminant(&transform);
            if ui.selectable_label(current, name).clicked() && !current {
                commands.push(Command::SetTransform(transform));
            }
        }
        if spec.transform != Transform::Absolute {
            let label = ui.label(t.get("chart-base-year"));
            let mut year = base_year;
            if ui
                .add(egui::DragValue::new(&mut year).range(1000..=9999))
                .labelled_by(label.id)
                .changed()
            {
                commands.push(Command::SetTransform(match spec.transform {
                    Transform::Index { .. } => Transform::Index { base_year: year },
                    _ => Transform::PercentChange { base_year: year },
                }));
            }
        }
        ui.separator();
        let mut log = spec.log_scale;
        if ui.checkbox(&mut log, t.get("chart-log-scale")).changed() {
            commands.push(Command::SetLogScale(log));
        }
        ui.separator();
        if let Some((lo, hi)) = spec.years.or(bounds) {
            let (mut from, mut to) = (lo, hi);
            let label = ui.label(t.get("chart-years"));
            let a = ui
                .add(egui::DragValue::new(&mut from).range(1000..=to))
                .labelled_by(label.id);
            let dash = ui.label(t.get("chart-years-to"));
            let b = ui
                .add(egui::DragValue::new(&mut to).range(from..=9999))
                .labelled_by(dash.id);
            if a.changed() || b.changed() {
                commands.push(Command::SetYears(Some((from, to))));
            }
            if spec.years.is_some() && ui.button(t.get("chart-all-years")).clicked() {
                commands.push(Command::SetYears(None));
            }
        }
        // In the same wrapping row: on a narrow window it goes to the next line, not off
        // the edge.
        if ui.button(Action::ExportChart.label(t)).clicked() {
            commands.push(Action::ExportChart.command());
        }
    });
    super::series_picker::window(ui.ctx(), ws, commands);
}

/// The chart: one plot per panel (small multiples), then the legend.
pub fn ui(ui: &mut egui::Ui, ws: &Workspace, dark: bool, commands: &mut Vec<Command>) {
    let description = ws.description();
    ui.label(RichText::new(&description.title).size(17.0).strong());
    if !description.subtitle.is_empty() {
        ui.label(RichText::new(&description.subtitle).weak());
    }
    if description.panels().is_empty() {
        ui.label(description.messages().get("chart-nothing-to-plot"));
        return;
    }
    let legend_height = 28.0 * legend_rows(description) as f32 + 8.0;
    let panels = description.panels().len();
    // Small multiples name each panel above it, across: turned along a short plot's side, the
    // names ran past it over the subtitle and the controls.
    let title_height = if panels > 1 { 20.0 } else { 0.0 };
    let plot_height =
        ((ui.available_height() - legend_height) / panels as f32 - title_height).max(120.0);
    for (i, panel) in description.panels().iter().enumerate() {
        if panels > 1 {
            ui.label(RichText::new(&panel.y_label).weak());
        }
        panel_ui(
            ui,
            i,
            panel,
            (description, panels > 1),
            ws,
            dark,
            plot_height,
        );
    }
    legend_ui(ui, description, dark, commands);
}

/// The width small multiples' value axes share, in points: room for "120,000".
const SHARED_AXIS_WIDTH: f32 = 56.0;

fn legend_rows(description: &ChartDescription) -> usize {
    let series = description.series().count();
    series.div_ceil(3).max(1)
}

fn panel_ui(
    ui: &mut egui::Ui,
    index: usize,
    panel: &Panel,
    (description, titled): (&ChartDescription, bool),
    ws: &Workspace,
    dark: bool,
    height: f32,
) {
    let log = panel.log_scale;
    let language = description.language;
    let series_for_hover = panel.series.clone();
    let sources = ws.sources().to_vec();
    let y_label = if titled {
        String::new()
    } else {
        panel.y_label.clone()
    };
    let mut plot = Plot::new(("chart", index))
        .height(height)
        .y_axis_label(y_label)
        // Small multiples: one width for every panel's value axis, so that their years stand
        // one above the other (it grows where a panel's numbers need more).
        .y_axis_min_width(if titled { SHARED_AXIS_WIDTH } else { 0.0 })
        .x_grid_spacer(year_marks)
        .y_grid_spacer(move |input| value_marks(input, log, Numbers::of(language)))
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 {
                format!("{}", mark.value as i64)
            } else {
                String::new()
            }
        })
        .y_axis_formatter(move |mark, _| value_label(mark, log, Numbers::of(language)))
        .allow_scroll(false)
        .label_formatter(move |position| {
            let egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } = position
            else {
                return None;
            };
            let series = series_for_hover.iter().find(|s| s.label == *plot_name)?;
            let point = series
                .points
                .iter()
                .find(|p| f64::from(p.year) == position.x && p.y == position.y)?;
            Some(hover_text(series, point, &sources, language))
        });
    if let Some((from, to)) = description.years() {
        plot = plot
            .include_x(f64::from(from) - 0.5)
            .include_x(f64::from(to) + 0.5);
    }
    if let Some((lo, hi)) = panel.y_range() {
        plot = plot.include_y(lo).include_y(hi);
    }
    // A grey series the pointer was near in the last frame is drawn last, in the text's
    // colour: among 60 grey lines, the one under the pointer must be readable.
    let hovered_key = egui::Id::unique(("hovered grey series", index));
    let hovered: Option<String> = ui.data(|d| d.get_temp(hovered_key));
    let forward = |s: &&crate::chart::SeriesDescription| {
        s.color == chart_style::MUTED && hovered.as_ref() == Some(&s.label)
    };
    let order: Vec<&crate::chart::SeriesDescription> = panel
        .drawing_order()
        .filter(|s| !forward(s))
        .chain(panel.drawing_order().filter(forward))
        .collect();
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let y_top = panel.y_range().map(|(_, hi)| hi);
    let response = plot.show(ui, |plot_ui| {
        for series in order {
            let (color, width) = if forward(&series) {
                (strong, 3.5)
            } else {
                (style::series_color(series.color, dark), 2.5)
            };
            for run in &series.runs {
                let style = line_style(chart_style::run_dash(run.dashed));
                plot_ui.line(
                    Line::new(series.label.clone(), run.points.clone())
                        .color(color)
                        .width(width)
                        .style(style)
                        .allow_hover(false),
                );
            }
            for marker in [
                Marker::Filled,
                Marker::Hollow,
                Marker::Diamond,
                Marker::Square,
            ] {
                let (shape, filled) = match marker {
                    Marker::Filled => (MarkerShape::Circle, true),
                    Marker::Hollow => (MarkerShape::Circle, false),
                    Marker::Diamond => (MarkerShape::Diamond, false),
                    Marker::Square => (MarkerShape::Square, true),
                };
                let points: Vec<[f64; 2]> = series
                    .points
                    .iter()
                    .filter(|p| chart_style::marker(p.status) == marker)
                    .map(|p| [f64::from(p.year), p.y])
                    .collect();
                if !points.is_empty() {
                    plot_ui.points(
                        Points::new(series.label.clone(), points)
                            .shape(shape)
                            .filled(filled)
                            .radius(if filled { 3.5 } else { 4.5 })
                            .color(color),
                    );
                }
            }
        }
        // Labels sit at the left end, the target's above its line and the baseline's below,
        // so the two never overlap.
        let x_start = description.years().map_or(0.0, |(from, _)| f64::from(from));
        for line in &panel.reference_lines {
            let look = chart_style::reference_style(line.kind, dark);
            let (color, style) = (style::color(look.color), line_style(look.dash));
            plot_ui.hline(
                HLine::new(line.label.clone(), line.y)
                    .color(color)
                    .width(1.5)
                    .style(style),
            );
            plot_ui.text(
                Text::new(
                    line.label.clone(),
                    PlotPoint::new(x_start, line.y),
                    RichText::new(&line.label).color(color),
                )
                .anchor(if look.label_above {
                    egui::Align2::LEFT_BOTTOM
                } else {
                    egui::Align2::LEFT_TOP
                }),
            );
        }
        for mark in description.breaks() {
            plot_ui.vline(
                VLine::new(mark.label.clone(), mark.x)
                    .color(weak)
                    .width(1.5)
                    .style(line_style(chart_style::BREAK_DASH))
                    .allow_hover(false),
            );
            // The words once, on the top panel, left of the line: a reform is recent, so
            // the mark sits near the right end of most charts.
            if index == 0
                && let Some(y) = y_top
            {
                plot_ui.text(
                    Text::new(
                        mark.label.clone(),
                        PlotPoint::new(mark.x, y),
                        RichText::new(format!("{} ", mark.label))
                            .color(weak)
                            .small(),
                    )
                    .anchor(egui::Align2::RIGHT_TOP)
                    .allow_hover(false),
                );
            }
        }
    });
    let now = response
        .hovered_plot_item
        .and_then(|id| {
            panel
                .series
                .iter()
                .find(|s| egui_plot::ItemId::new(&s.label) == id)
        })
        .filter(|s| s.color == chart_style::MUTED)
        .map(|s| s.label.clone());
    if now != hovered {
        ui.data_mut(|d| d.insert_temp(hovered_key, now));
        ui.ctx().request_repaint();
    }
}

fn legend_ui(
    ui: &mut egui::Ui,
    description: &ChartDescription,
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let muted = |s: &&crate::chart::SeriesDescription| s.color == chart_style::MUTED;
    let entry = |ui: &mut egui::Ui,
                 series: &crate::chart::SeriesDescription,
                 commands: &mut Vec<Command>| {
        let mut visible = series.visible;
        let color = style::series_color(series.color, dark);
        let label = RichText::new(&series.label).color(color);
        if ui.checkbox(&mut visible, label).changed() {
            commands.push(Command::SetHidden(series.key.clone(), !visible));
        }
        style::swatch(ui, color, false);
        ui.add_space(10.0);
    };
    ui.horizontal_wrapped(|ui| {
        for series in description.series().filter(|s| !muted(s)) {
            entry(ui, series, commands);
        }
    });
    // The grey series fold away, so that the legend never crowds the chart out.
    let grey: Vec<_> = description.series().filter(muted).collect();
    if !grey.is_empty() {
        let t = description.messages();
        egui::CollapsingHeader::new(t.with("legend-muted", &[("count", grey.len().into())]))
            .id_salt("grey series")
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for series in grey {
                        entry(ui, series, commands);
                    }
                });
            });
    }
    for note in &description.notes {
        ui.label(
            RichText::new(words::note(description.messages(), note))
                .small()
                .weak(),
        );
    }
}

/// Grid marks on whole years only, at the steps the exported chart uses.
fn year_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let (from, to) = (lo.ceil() as i32, hi.floor() as i32);
    // As many labels as fit at about 50 px each (egui_plot's minimal step is 8 px).
    let px = (hi - lo) / input.base_step_size * 8.0;
    let room = (px / 50.0).clamp(2.0, 13.0) as i32;
    let step = f64::from(axis::year_step(to - from + 1, room));
    axis::year_ticks(from, to, room)
        .into_iter()
        .map(|year| GridMark {
            value: f64::from(year),
            step_size: step,
        })
        .collect()
}

/// Value marks from `chart::axis`, as the exported chart has them.
fn value_marks(input: GridInput, log: bool, numbers: &Numbers) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let px = (hi - lo) / input.base_step_size * 8.0;
    let ticks = axis::value_ticks(lo, hi, log, axis::label_room(px as f32, 12.0), numbers);
    let step = match ticks.as_slice() {
        [a, b, ..] => b.value - a.value,
        _ => 1.0,
    };
    ticks
        .into_iter()
        .map(|t| GridMark {
            value: t.value,
            step_size: step,
        })
        .collect()
}

fn value_label(mark: GridMark, log: bool, numbers: &Numbers) -> String {
    if log {
        axis::log_label(mark.value, numbers)
    } else {
        axis::tick_label(mark.value, mark.step_size, numbers)
    }
}

fn line_style(dash: Dash) -> LineStyle {
    match dash {
        Dash::Solid => LineStyle::Solid,
        Dash::Dashed { on, .. } => LineStyle::Dashed {
            length: on * SCREEN_DASH,
        },
    }
}
