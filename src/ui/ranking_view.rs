//! A ranking drawn in the window: a row per province (rank and name, bar, value), the nation
//! and its target as lines across the rows, the legend and notes below. The rows scroll when
//! 63 provinces do not fit; each is a widget a screen reader (and a test) reads in order.

use egui::{Align2, Color32, FontId, RichText, Sense, Stroke, vec2};

use super::app::Command;
use super::chart_view::SCREEN_DASH;
use super::style;
use crate::chart::ranking::{self, Bar, Fill, Ranking};
use crate::chart::style::{self as chart_style, Dash};
use crate::chart::{ChartDescription, ReferenceKind};
use crate::export::words;
use crate::locale::Messages;
use crate::model::selection::{ChartKind, RankingColour, RankingSpec};
use crate::workspace::Workspace;

/// A row's height: the type with room between, as in the exported chart.
const ROW: f32 = 19.0;

/// Asks for the ranking (or map) shown with `f` applied to its spec.
fn set(ws: &Workspace, commands: &mut Vec<Command>, f: &dyn Fn(&mut RankingSpec)) {
    let mut next = ws.spec().ranking.clone();
    f(&mut next);
    commands.push(Command::SetRanking(next));
}

/// The ranking's own controls: the year, the earlier year, the boundaries and the colours.
pub fn controls_ui(ui: &mut egui::Ui, ws: &Workspace, commands: &mut Vec<Command>) {
    let t = Messages::of(ws.language());
    let Some(r) = ws.description().ranking() else {
        return;
    };
    let label = ui.label(t.get("ranking-year"));
    let year_text = r.year.map_or_else(String::new, |y| y.to_string());
    egui::ComboBox::from_id_salt("ranking year")
        .selected_text(year_text)
        .show_ui(ui, |ui| {
            for year in r.years.iter().rev() {
                if ui
                    .selectable_label(r.year == Some(*year), year.to_string())
                    .clicked()
                {
                    set(ws, commands, &|s| s.year = Some(*year));
                }
            }
        })
        .response
        .labelled_by(label.id);
    if ws.spec().kind == ChartKind::Map {
        map_years_ui(ui, ws, r, commands);
    } else {
        since_ui(ui, ws, r, commands);
    }
    boundaries_ui(ui, ws, commands);
}

/// The earlier years a map draws beside its own (one or two, in the same classes).
fn map_years_ui(ui: &mut egui::Ui, ws: &Workspace, r: &Ranking, commands: &mut Vec<Command>) {
    let t = Messages::of(ws.language());
    let map = &ws.spec().map;
    let label = ui.label(t.get("map-beside"));
    let none = t.get("ranking-since-none");
    let shown: Vec<String> = map.also_years.iter().map(i32::to_string).collect();
    let text = if shown.is_empty() {
        none.clone()
    } else {
        shown.join(", ")
    };
    egui::ComboBox::from_id_salt("map years beside")
        .selected_text(text)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(map.also_years.is_empty(), &none)
                .clicked()
            {
                let mut next = map.clone();
                next.also_years.clear();
                commands.push(Command::SetMap(next));
            }
            for year in r.years.iter().rev().filter(|y| Some(**y) < r.year) {
                let on = map.also_years.contains(year);
                let full = map.also_years.len() + 1 >= crate::model::selection::MAX_MAP_YEARS;
                let button =
                    ui.add_enabled(on || !full, egui::Button::selectable(on, year.to_string()));
                if button.clicked() {
                    let mut next = map.clone();
                    if on {
                        next.also_years.retain(|y| y != year);
                    } else {
                        next.also_years.push(*year);
                    }
                    commands.push(Command::SetMap(next));
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// The earlier year of a ranking's second mark.
fn since_ui(ui: &mut egui::Ui, ws: &Workspace, r: &Ranking, commands: &mut Vec<Command>) {
    let t = Messages::of(ws.language());
    let label = ui.label(t.get("ranking-since"));
    let none = t.get("ranking-since-none");
    egui::ComboBox::from_id_salt("ranking since")
        .selected_text(r.since.map_or(none.clone(), |y| y.to_string()))
        .show_ui(ui, |ui| {
            if ui.selectable_label(r.since.is_none(), &none).clicked() {
                set(ws, commands, &|s| s.since = None);
            }
            for year in r.years.iter().rev().filter(|y| Some(**y) < r.year) {
                if ui
                    .selectable_label(r.since == Some(*year), year.to_string())
                    .clicked()
                {
                    set(ws, commands, &|s| s.since = Some(*year));
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// The boundaries ranked or mapped: those of the year, or of a reform's day; then, for a
/// ranking, what its colours say.
fn boundaries_ui(ui: &mut egui::Ui, ws: &Workspace, commands: &mut Vec<Command>) {
    let t = Messages::of(ws.language());
    let spec = &ws.spec().ranking;
    let label = ui.label(t.get("ranking-boundaries"));
    let of_year = t.get("ranking-boundaries-of-year");
    let day_text = |day: &str| crate::locale::iso_date(ws.language(), day);
    egui::ComboBox::from_id_salt("ranking boundaries")
        .selected_text(spec.boundaries.as_deref().map_or(of_year.clone(), day_text))
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(spec.boundaries.is_none(), &of_year)
                .clicked()
            {
                set(ws, commands, &|s| s.boundaries = None);
            }
            for day in ws.boundary_days() {
                let chosen = spec.boundaries.as_deref() == Some(day.as_str());
                if ui.selectable_label(chosen, day_text(&day)).clicked() {
                    set(ws, commands, &|s| s.boundaries = Some(day.clone()));
                }
            }
        })
        .response
        .labelled_by(label.id);
    // A map's colours are its classes: the bars' colour choice is the ranking's alone.
    if ws.spec().kind == ChartKind::Map {
        return;
    }
    for (colour, name) in [
        (RankingColour::Region, "ranking-colour-region"),
        (RankingColour::VersusNation, "ranking-colour-nation"),
    ] {
        if ui
            .selectable_label(spec.colour == colour, t.get(name))
            .clicked()
        {
            set(ws, commands, &|s| s.colour = colour);
        }
    }
}

/// The kind of chart: over time, or a ranking of the provinces (when there are some to rank).
pub fn kind_ui(ui: &mut egui::Ui, ws: &Workspace, commands: &mut Vec<Command>) {
    let t = Messages::of(ws.language());
    let kind = ws.spec().kind;
    for (k, name) in [
        (ChartKind::TimeSeries, "chart-kind-trend"),
        (ChartKind::Ranking, "chart-kind-ranking"),
        (ChartKind::Map, "chart-kind-map"),
    ] {
        let enabled = k == ChartKind::TimeSeries || ws.can_rank();
        let button = ui.add_enabled(enabled, egui::Button::selectable(kind == k, t.get(name)));
        let button = button.on_disabled_hover_text(t.get("chart-kind-ranking-none"));
        if button.clicked() && kind != k {
            commands.push(Command::SetKind(k));
        }
    }
}

/// The ranking shown: its title, the rows, the legend and the notes.
pub fn ui(ui: &mut egui::Ui, ws: &Workspace, dark: bool) {
    let d = ws.description();
    ui.label(RichText::new(&d.title).size(17.0).strong());
    if !d.subtitle.is_empty() {
        ui.label(RichText::new(&d.subtitle).weak());
    }
    let Some(r) = d.ranking() else {
        return;
    };
    if r.bars.is_empty() {
        ui.label(d.messages().get("chart-nothing-to-plot"));
        notes_ui(ui, d);
        return;
    }
    let legend_height = 24.0 * (1 + d.notes.len()) as f32 + 12.0;
    let rows_height = (ui.available_height() - legend_height).max(160.0);
    egui::ScrollArea::vertical()
        .id_salt("ranking rows")
        .max_height(rows_height)
        .auto_shrink([false, true])
        .show(ui, |ui| rows_ui(ui, r, ws, dark));
    legend_ui(ui, r, d, dark);
    notes_ui(ui, d);
}

/// Where values fall across the rows.
struct Scale {
    left: f32,
    right: f32,
    lo: f64,
    hi: f64,
}

impl Scale {
    fn x(&self, v: f64) -> f32 {
        self.left + ((v - self.lo) / (self.hi - self.lo)) as f32 * (self.right - self.left)
    }
}

fn rows_ui(ui: &mut egui::Ui, r: &Ranking, ws: &Workspace, dark: bool) {
    let font = FontId::proportional(13.0);
    let text_color = ui.visuals().text_color();
    let width = ui.available_width();
    let ctx = ui.ctx().clone();
    let measure = |text: &str| {
        ctx.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), text_color))
            .size()
            .x
    };
    let name_w = r
        .bars
        .iter()
        .map(|b| measure(&b.row_label()))
        .fold(0.0, f32::max)
        .min(width * 0.4);
    let value_w = r.bars.iter().map(|b| measure(&b.text)).fold(0.0, f32::max);
    // One line above the rows for the labels of the lines across them.
    let (header, _) = ui.allocate_exact_size(vec2(width, ROW), Sense::hover());
    let left = header.left() + name_w + 10.0;
    let (lo, hi) = r.value_range();
    let scale = Scale {
        left,
        right: (header.right() - value_w - 16.0).max(left + 1.0),
        lo,
        hi,
    };
    let mut bottom = header.bottom();
    for bar in &r.bars {
        let (rect, response) = ui.allocate_exact_size(vec2(width, ROW), Sense::hover());
        bar_ui(ui, bar, rect, &scale, (name_w, &font), dark);
        bottom = rect.bottom();
        let label = ranking::spoken(bar);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label.clone()));
        response.on_hover_text(ranking::hover_text(r, bar, ws.sources(), ws.language()));
    }
    let painter = ui.painter();
    let background = ui.visuals().panel_fill;
    // Every line first, then the labels on the panel's colour: the target's line crossed the
    // nation's label.
    for (reference, kind) in references(r) {
        let look = chart_style::reference_style(kind, dark);
        let x = scale.x(reference.value);
        let top = header.top() + 4.0;
        let points = [egui::pos2(x, top), egui::pos2(x, bottom)];
        line(painter, &points, style::color(look.color), look.dash);
    }
    for (reference, kind) in references(r) {
        let color = style::color(chart_style::reference_style(kind, dark).color);
        let x = scale.x(reference.value);
        let (anchor, dx) = if x + 8.0 + measure(&reference.label) <= header.right() {
            (Align2::LEFT_TOP, 6.0)
        } else {
            (Align2::RIGHT_TOP, -6.0)
        };
        let y = if kind == ReferenceKind::Target {
            bottom + 2.0
        } else {
            header.top()
        };
        let galley = painter.layout_no_wrap(reference.label.clone(), font.clone(), color);
        let at = anchor.anchor_size(egui::pos2(x + dx, y), galley.size());
        painter.rect_filled(at, 2.0, background);
        painter.galley(at.min, galley, color);
    }
    if r.target.is_some() {
        ui.add_space(ROW);
    }
}

/// The lines across the rows: the nation's, then its target's.
fn references(r: &Ranking) -> Vec<(&ranking::Reference, ReferenceKind)> {
    [
        r.national.as_ref().map(|n| (n, ReferenceKind::National)),
        r.target.as_ref().map(|t| (t, ReferenceKind::Target)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A line through `points`, dashed as `dash` at the screen's scale.
fn line(painter: &egui::Painter, points: &[egui::Pos2], color: Color32, dash: Dash) {
    let stroke = Stroke::new(1.5, color);
    match dash {
        Dash::Solid => {
            painter.add(egui::Shape::line(points.to_vec(), stroke));
        }
        Dash::Dashed { on, off } => {
            painter.extend(egui::Shape::dashed_line(
                points,
                stroke,
                on * SCREEN_DASH,
                off * SCREEN_DASH,
            ));
        }
    }
}

fn bar_ui(
    ui: &egui::Ui,
    bar: &Bar,
    rect: egui::Rect,
    scale: &Scale,
    (name_w, font): (f32, &FontId),
    dark: bool,
) {
    let painter = ui.painter();
    let text_color = ui.visuals().text_color();
    let name = bar.row_label();
    let middle = rect.center().y;
    painter.text(
        egui::pos2(rect.left() + name_w, middle),
        Align2::RIGHT_CENTER,
        name,
        font.clone(),
        text_color,
    );
    let color = fill_color(bar.fill, dark);
    let (a, b) = (
        scale.x(0.0_f64.clamp(scale.lo, scale.hi)),
        scale.x(bar.value),
    );
    let shape = egui::Rect::from_x_y_ranges(a.min(b)..=a.max(b), middle - 6.5..=middle + 6.5);
    if bar.estimate.is_some() {
        let corners = [
            shape.left_top(),
            shape.right_top(),
            shape.right_bottom(),
            shape.left_bottom(),
            shape.left_top(),
        ];
        line(painter, &corners, color, chart_style::ESTIMATE_DASH);
    } else {
        painter.rect_filled(shape, 0.0, color);
    }
    let mut end = shape.right();
    if let Some(since) = bar.since {
        let x = scale.x(since);
        painter.line_segment(
            [egui::pos2(x, middle), egui::pos2(b, middle)],
            Stroke::new(1.2, text_color),
        );
        painter.circle(
            egui::pos2(x, middle),
            4.0,
            ui.visuals().panel_fill,
            Stroke::new(1.5, text_color),
        );
        end = end.max(x + 4.0);
    }
    painter.text(
        egui::pos2(end + 6.0, middle),
        Align2::LEFT_CENTER,
        &bar.text,
        font.clone(),
        text_color,
    );
}

fn fill_color(fill: Fill, dark: bool) -> Color32 {
    style::color(chart_style::fill_color(fill, dark))
}

fn legend_ui(ui: &mut egui::Ui, r: &Ranking, d: &ChartDescription, dark: bool) {
    let t = d.messages();
    ui.horizontal_wrapped(|ui| {
        for (label, fill) in &r.legend {
            let color = fill_color(*fill, dark);
            let (rect, _) = ui.allocate_exact_size(vec2(14.0, 12.0), Sense::hover());
            ui.painter().rect_filled(rect, 0.0, color);
            ui.label(label);
            ui.add_space(8.0);
        }
        if r.national.is_some() {
            let look = chart_style::reference_style(ReferenceKind::National, dark);
            let (rect, _) = ui.allocate_exact_size(vec2(10.0, 14.0), Sense::hover());
            let points = [rect.center_top(), rect.center_bottom()];
            line(ui.painter(), &points, style::color(look.color), look.dash);
            ui.label(t.get("ranking-national"));
            ui.add_space(8.0);
        }
        if let Some(since) = r.since {
            let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
            let stroke = Stroke::new(1.5, ui.visuals().text_color());
            ui.painter()
                .circle(rect.center(), 4.0, Color32::TRANSPARENT, stroke);
            ui.label(since.to_string());
        }
    });
}

fn notes_ui(ui: &mut egui::Ui, d: &ChartDescription) {
    for note in &d.notes {
        ui.label(
            RichText::new(words::note(d.messages(), note))
                .small()
                .weak(),
        );
    }
}
