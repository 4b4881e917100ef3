//! The catalogue: indicators by theme, filtered as you type, each with its latest figure.

use egui::{Color32, RichText, Sense, Stroke, Vec2, pos2};

use super::app::Command;
use super::style;
use crate::chart::headline::verdict;
use crate::cli::latest_text;
use crate::workspace::{CatalogueRow, Workspace};

pub fn ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    filter: &mut String,
    dark: bool,
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(filter)
                .hint_text("name or code, accents optional")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    ui.add_space(4.0);
    let rows = ws.filtered_catalogue(filter);
    if rows.is_empty() {
        ui.label(format!("No indicator matches “{filter}”"));
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut theme: Option<&str> = None;
            for row in rows {
                let this_theme = row.entry.indicator.theme.as_str();
                if theme != Some(this_theme) {
                    theme = Some(this_theme);
                    ui.add_space(6.0);
                    let heading = if this_theme.is_empty() {
                        "Other"
                    } else {
                        this_theme
                    };
                    ui.label(RichText::new(heading).strong().small());
                }
                row_ui(ui, ws, row, dark, commands);
            }
        });
}

fn row_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    row: &CatalogueRow,
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let indicator = &row.entry.indicator;
    let selected = ws.selected() == Some(indicator.code.as_str());
    let width = ui.available_width();
    // Long names are cut to the panel's width; the full name shows on hover.
    let response = ui
        .add(
            egui::Button::selectable(selected, indicator.name.as_str())
                .truncate()
                .min_size(Vec2::new(width, 0.0)),
        )
        .on_hover_text(format!("{} ({})", indicator.name, indicator.code));
    ui.horizontal(|ui| {
        ui.add_space(12.0);
        let detail = match &row.entry.latest {
            Some(latest) => format!(
                "{} {} · {}",
                latest_text(&row.entry),
                indicator.unit.symbol,
                latest.period
            ),
            None => "no figures".to_owned(),
        };
        ui.label(RichText::new(detail).small().weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let (Some(latest), Some(previous)) = (&row.entry.latest, &row.entry.previous) {
                let v = verdict(indicator.direction, previous.value, latest.value);
                style::arrow(
                    ui,
                    previous.value,
                    latest.value,
                    style::verdict_color(v, dark),
                )
                .on_hover_text(format!("Since {}", previous.period));
            }
            sparkline(ui, &row.sparkline, dark);
        });
    });
    // Ctrl+click, or the context menu, adds the indicator beside what is shown, to compare.
    let add =
        |commands: &mut Vec<Command>| commands.push(Command::AddIndicator(indicator.code.clone()));
    response.context_menu(|ui| {
        if ui.button("Add to chart").clicked() {
            add(commands);
        }
    });
    if response.clicked() && ui.input(|i| i.modifiers.command) {
        add(commands);
    } else if response.clicked() && !selected {
        commands.push(Command::SelectIndicator(indicator.code.clone()));
    }
}

/// A small line of the headline series, for the shape of the trend at a glance.
fn sparkline(ui: &mut egui::Ui, values: &[(i32, f64)], dark: bool) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(56.0, 18.0), Sense::hover());
    if values.len() < 2 {
        return;
    }
    let (min_x, max_x) = (values[0].0 as f64, values[values.len() - 1].0 as f64);
    let (min_y, max_y) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (_, v)| {
            (lo.min(*v), hi.max(*v))
        });
    let span_x = (max_x - min_x).max(1.0);
    let span_y = if max_y > min_y { max_y - min_y } else { 1.0 };
    let points: Vec<_> = values
        .iter()
        .map(|(year, v)| {
            pos2(
                rect.left() + ((*year as f64 - min_x) / span_x) as f32 * rect.width(),
                rect.bottom() - ((v - min_y) / span_y) as f32 * rect.height(),
            )
        })
        .collect();
    let color = if dark {
        Color32::from_gray(190)
    } else {
        Color32::from_gray(90)
    };
    ui.painter()
        .add(egui::Shape::line(points, Stroke::new(1.2, color)));
}
