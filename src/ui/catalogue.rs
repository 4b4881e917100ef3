//! The catalogue: indicators by theme, filtered as you type, each with its latest figure.

use egui::{RichText, Sense, Stroke, Vec2, pos2};

use super::app::Command;
use super::style;
use crate::chart::headline::verdict;
use crate::chart::qualifier_prefix;
use crate::locale::Messages;
use crate::workspace::{CatalogueRow, Workspace};

pub fn ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    filter: &mut String,
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let t = Messages::of(ws.language());
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label(t.get("catalogue-filter"));
        ui.add(
            egui::TextEdit::singleline(filter)
                .hint_text(t.get("catalogue-filter-hint"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    ui.add_space(4.0);
    let rows = ws.filtered_catalogue(filter);
    if rows.is_empty() {
        ui.label(t.with("catalogue-no-match", &[("filter", (&*filter).into())]));
        return;
    }
    // Theme headings between the rows, then only the items in view are laid out: a file of
    // hundreds of indicators costs the same per frame as one of twenty.
    let mut items: Vec<Item> = Vec::with_capacity(rows.len() + 16);
    let other = t.get("catalogue-other-theme");
    let mut theme: Option<&str> = None;
    for row in rows {
        let this_theme = row.entry.indicator.theme.get(ws.language());
        if theme != Some(this_theme) {
            theme = Some(this_theme);
            items.push(Item::Heading(if this_theme.is_empty() {
                &other
            } else {
                this_theme
            }));
        }
        items.push(Item::Row(row));
    }
    // Heights as last drawn (the font and spacing decide them); a first guess until then.
    let heights_id = egui::Id::unique("catalogue item heights");
    let [heading_height, row_height] = ui
        .ctx()
        .data(|d| d.get_temp::<[f32; 2]>(heights_id))
        .unwrap_or([24.0, 44.0]);
    let height = |item: &Item| match item {
        Item::Heading(_) => heading_height,
        Item::Row(_) => row_height,
    };
    let total: f32 = items.iter().map(height).sum();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let top = ui.cursor().top();
            let mut measured = [heading_height, row_height];
            let mut y = 0.0;
            for item in &items {
                let h = height(item);
                if y + h < viewport.min.y || y > viewport.max.y {
                    y += h;
                    continue;
                }
                // Place the item where the heights say it is, and learn its real height.
                let offset = top + y - ui.cursor().top();
                if offset > 0.0 {
                    ui.add_space(offset);
                }
                let before = ui.cursor().top();
                match item {
                    Item::Heading(text) => {
                        ui.add_space(6.0);
                        ui.label(RichText::new(*text).strong().small());
                    }
                    Item::Row(row) => row_ui(ui, ws, row, dark, commands),
                }
                let drawn = ui.cursor().top() - before;
                measured[usize::from(matches!(item, Item::Row(_)))] = drawn;
                y += h;
            }
            let rest = top + total - ui.cursor().top();
            if rest > 0.0 {
                ui.add_space(rest);
            }
            if measured != [heading_height, row_height] {
                ui.ctx().data_mut(|d| d.insert_temp(heights_id, measured));
                ui.ctx().request_repaint();
            }
        });
}

enum Item<'a> {
    Heading(&'a str),
    Row(&'a CatalogueRow),
}

fn row_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    row: &CatalogueRow,
    dark: bool,
    commands: &mut Vec<Command>,
) {
    let t = Messages::of(ws.language());
    let indicator = &row.entry.indicator;
    let selected = ws.selected() == Some(indicator.code.as_str());
    let width = ui.available_width();
    // Long names are cut to the panel's width; the full name shows on hover.
    let response = ui
        .add(
            egui::Button::selectable(selected, indicator.name.get(ws.language()))
                .truncate()
                .min_size(Vec2::new(width, 0.0)),
        )
        .on_hover_text(format!(
            "{} ({})",
            indicator.name.get(ws.language()),
            indicator.code
        ));
    ui.horizontal(|ui| {
        ui.add_space(12.0);
        let detail = match &row.entry.latest {
            Some(latest) => format!(
                "{}{} {} · {}",
                qualifier_prefix(t, latest.qualifier),
                ws.numbers().format(latest.value, indicator.decimals),
                indicator.unit.symbol.get(ws.language()),
                latest.period
            ),
            None => t.get("catalogue-no-figures"),
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
                .on_hover_text(t.with(
                    "change-since",
                    &[("year", previous.period.to_string().into())],
                ));
            }
            sparkline(ui, &row.entry.headline, dark);
        });
    });
    // Ctrl+click, or the context menu, adds the indicator beside what is shown, to compare.
    let add =
        |commands: &mut Vec<Command>| commands.push(Command::AddIndicator(indicator.code.clone()));
    response.context_menu(|ui| {
        if ui.button(t.get("catalogue-add-to-chart")).clicked() {
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
    let color = style::color(crate::chart::style::sparkline_color(dark));
    ui.painter()
        .add(egui::Shape::line(points, Stroke::new(1.2, color)));
}
