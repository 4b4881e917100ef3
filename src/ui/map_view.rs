//! The map shown in the window: the provinces of the boundary set as egui meshes (triangulated
//! once, `chart::map::geometry`), filled by class, thin borders in the panel's colour; the
//! province under the pointer outlined, with its name, value, status, source and rank; a click
//! shows that province over time beside the nation; ← and → step through the years with
//! figures. Quần đảo Hoàng Sa and Quần đảo Trường Sa are drawn and named, as on every export.

use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, vec2};

use super::app::Command;
use super::style;
use crate::chart::map::{Map, NO_DATA, Placement, Shape, geometry};
use crate::chart::{ChartDescription, ranking};
use crate::export::words;
use crate::workspace::Workspace;

/// The legend's width, in points.
const LEGEND: f32 = 250.0;

/// How far the user zoomed (1: the whole country) and moved the map, kept between frames.
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    zoom: f32,
    pan: egui::Vec2,
}

impl Default for View {
    fn default() -> Self {
        View {
            zoom: 1.0,
            pan: egui::Vec2::ZERO,
        }
    }
}

/// Where the map's points go on the screen (the same placement as the export's).
struct Fit(Placement);

impl Fit {
    fn new(rect: Rect, view: View) -> Fit {
        let corners = [rect.left(), rect.top(), rect.right(), rect.bottom()];
        Fit(Placement::fit(corners, view.zoom, [view.pan.x, view.pan.y]))
    }

    fn screen(&self, p: [f32; 2]) -> Pos2 {
        let [x, y] = self.0.place(p);
        Pos2::new(x, y)
    }

    fn projected(&self, p: Pos2) -> [f32; 2] {
        self.0.unplace([p.x, p.y])
    }
}

pub fn ui(ui: &mut egui::Ui, ws: &Workspace, commands: &mut Vec<Command>) {
    let d = ws.description();
    ui.label(RichText::new(&d.title).size(17.0).strong());
    if !d.subtitle.is_empty() {
        ui.label(RichText::new(&d.subtitle).weak());
    }
    let Some(m) = d.map() else {
        return;
    };
    if m.ranking.bars.is_empty() {
        ui.label(d.messages().get("chart-nothing-to-plot"));
        return;
    }
    years_by_keys(ui, ws, m, commands);
    let size = ui.available_size();
    ui.horizontal(|ui| {
        let map_size = vec2((size.x - LEGEND).max(200.0), size.y.max(200.0));
        map_ui(ui, ws, (d, m), map_size, commands);
        ui.vertical(|ui| legend_ui(ui, d, m));
    });
}

/// ← and → step to the previous and next year with figures (unless a text field has the keys).
fn years_by_keys(ui: &egui::Ui, ws: &Workspace, m: &Map, commands: &mut Vec<Command>) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let (back, on) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::ArrowLeft),
            i.key_pressed(egui::Key::ArrowRight),
        )
    });
    let years = &m.ranking.years;
    let Some(at) = m
        .ranking
        .year
        .and_then(|y| years.iter().position(|x| *x == y))
    else {
        return;
    };
    let next = match (back, on) {
        (true, false) => at.checked_sub(1),
        (false, true) => (at + 1 < years.len()).then_some(at + 1),
        _ => None,
    };
    if let Some(i) = next {
        let mut spec = ws.spec().ranking.clone();
        spec.year = Some(years[i]);
        commands.push(Command::SetRanking(spec));
    }
}

fn map_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    (d, m): (&ChartDescription, &Map),
    size: egui::Vec2,
    commands: &mut Vec<Command>,
) {
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    // Named for screen readers and tests: the map is one widget, its provinces its parts.
    let name = d.messages().get("map-widget");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, &name));
    let painter = ui.painter_at(rect);
    let view = zoom_and_pan(ui, &response, rect);
    // Small multiples: the earlier years first, each in its own part of the rectangle,
    // zoomed and moved together.
    let maps: Vec<&Map> = m.also.iter().chain(std::iter::once(m)).collect();
    let width = rect.width() / maps.len() as f32;
    let caption = if maps.len() > 1 { 20.0 } else { 0.0 };
    let mut hovered = None;
    for (i, one) in maps.iter().enumerate() {
        let part = Rect::from_min_size(
            rect.min + vec2(width * i as f32, caption),
            vec2(width, rect.height() - caption),
        );
        if let (true, Some(year)) = (maps.len() > 1, one.ranking.year) {
            painter.text(
                egui::pos2(part.center().x, rect.top() + 2.0),
                egui::Align2::CENTER_TOP,
                year.to_string(),
                egui::FontId::proportional(15.0),
                ui.visuals().strong_text_color(),
            );
        }
        let painter = painter.with_clip_rect(part.intersect(rect));
        // The islands are the map's eastern edge: their names need room beyond it, on one
        // line where the map is wide, on two ("Quần đảo" / "Trường Sa") where it is not.
        let fit = Fit::new(part, view);
        let two_lines = names_on_two_lines(ui, &fit, part.right());
        let pointer = response.hover_pos().filter(|p| part.contains(*p));
        let under = one_map(ui, &painter, one, (&fit, two_lines), pointer);
        // The provinces picked with Ctrl+click, outlined until a click shows them.
        picked_outlines(ui, &painter, one, &fit, &ws.picked_areas());
        hovered = hovered.or(under.map(|shape| (shape, *one)));
    }
    if let Some((shape, one)) = hovered {
        let text = match bar_of(one, &shape.code) {
            Some(bar) => ranking::hover_text(&one.ranking, bar, ws.sources(), ws.language()),
            None => {
                let name = ws
                    .areas()
                    .iter()
                    .find(|a| a.code == shape.code)
                    .map_or(shape.code.as_str(), |a| a.name.get(ws.language()));
                format!("{name}\n{}", d.messages().get("map-no-data"))
            }
        };
        let response = response.clone().on_hover_text_at_pointer(text);
        if response.clicked() {
            // Ctrl (⌘ on a Mac) picks it to show with the next; a plain click shows them.
            // The button's own event says which keys were held when it was let go.
            let held = ui.input(|i| {
                i.modifiers.command
                    || i.events.iter().any(|e| {
                        matches!(e, egui::Event::PointerButton { pressed: false, modifiers, .. } if modifiers.command)
                    })
            });
            let command = if held {
                Command::PickArea(shape.code.clone())
            } else {
                Command::ShowAreaOverTime(shape.code.clone())
            };
            commands.push(command);
        }
    }
}

/// One year's provinces and islands placed by `fit`; the province under `pointer`, outlined,
/// is returned.
fn one_map<'g>(
    ui: &egui::Ui,
    painter: &egui::Painter,
    m: &Map,
    (fit, two_lines): (&Fit, bool),
    pointer: Option<Pos2>,
) -> Option<&'g Shape> {
    let set = geometry().set_on(&m.set_day)?;
    let background = ui.visuals().panel_fill;
    let border = Stroke::new(0.8, background);
    let hovered = pointer.and_then(|p| set.shapes.iter().find(|s| s.contains(fit.projected(p))));
    for shape in &set.shapes {
        let fill = m
            .class_of
            .get(&shape.code)
            .and_then(|c| m.classes.get(*c))
            .map_or(style::color(NO_DATA), |c| style::color(c.color));
        painter.add(mesh(shape, fit, fill));
        let rings: Vec<Vec<Pos2>> = shape
            .polygons
            .iter()
            .flatten()
            .map(|ring| ring.iter().map(|p| fit.screen(*p)).collect())
            .collect();
        // Hatched as the export hatches them: an estimate on new boundaries over its colour,
        // no figure at all over pale grey.
        let estimate = bar_of(m, &shape.code).is_some_and(|b| b.estimate.is_some());
        if estimate || !m.class_of.contains_key(&shape.code) {
            let ink = if estimate {
                ui.visuals().text_color()
            } else {
                ui.visuals().weak_text_color()
            };
            for (a, b) in hatch(&rings, 6.0) {
                painter.line_segment([a, b], Stroke::new(0.8, ink));
            }
        }
        for points in rings {
            painter.add(egui::Shape::closed_line(points, border));
        }
    }
    islands(painter, (fit, two_lines), ui);
    if let Some(shape) = hovered {
        let strong = Stroke::new(2.0, ui.visuals().strong_text_color());
        for ring in shape.polygons.iter().flatten() {
            let points: Vec<Pos2> = ring.iter().map(|p| fit.screen(*p)).collect();
            painter.add(egui::Shape::closed_line(points, strong));
        }
    }
    hovered
}

/// The wheel zooms about the pointer (1× to 12×), a drag moves the map, a double click puts
/// the whole country back.
fn zoom_and_pan(ui: &egui::Ui, response: &egui::Response, rect: Rect) -> View {
    let id = egui::Id::unique("map view");
    let mut view: View = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    if response.double_clicked() {
        view = View::default();
    }
    if response.dragged() {
        view.pan += response.drag_delta();
    }
    if let Some(pointer) = response.hover_pos() {
        let scroll = ui.input(|i| i.smooth_scroll_delta.y);
        if scroll != 0.0 {
            let zoom = (view.zoom * (scroll * 0.004).exp()).clamp(1.0, 12.0);
            // The point under the pointer stays under it.
            let about = pointer - rect.center() - view.pan;
            view.pan -= about * (zoom / view.zoom - 1.0);
            view.zoom = zoom;
        }
    }
    if view.zoom <= 1.0 {
        view.pan = egui::Vec2::ZERO;
    }
    ui.data_mut(|d| d.insert_temp(id, view));
    view
}

/// A thick outline round each picked province.
fn picked_outlines(ui: &egui::Ui, painter: &egui::Painter, m: &Map, fit: &Fit, picked: &[&str]) {
    let Some(set) = geometry().set_on(&m.set_day) else {
        return;
    };
    let stroke = Stroke::new(2.5, ui.visuals().selection.stroke.color);
    for shape in set
        .shapes
        .iter()
        .filter(|s| picked.contains(&s.code.as_str()))
    {
        for ring in shape.polygons.iter().flatten() {
            let points: Vec<Pos2> = ring.iter().map(|p| fit.screen(*p)).collect();
            painter.add(egui::Shape::closed_line(points, stroke));
        }
    }
}

/// Diagonal lines `spacing` apart across the inside of `rings` (even-odd): each line x − y = c
/// is cut where it crosses the rings' edges, and the pieces inside are kept.
fn hatch(rings: &[Vec<Pos2>], spacing: f32) -> Vec<(Pos2, Pos2)> {
    let along = |p: Pos2| p.x - p.y;
    let (lo, hi) = rings
        .iter()
        .flatten()
        .fold((f32::MAX, f32::MIN), |(lo, hi), p| {
            (lo.min(along(*p)), hi.max(along(*p)))
        });
    let mut lines = Vec::new();
    let mut c = (lo / spacing).ceil() * spacing;
    while c < hi {
        let mut cuts: Vec<Pos2> = Vec::new();
        for ring in rings {
            for i in 0..ring.len() {
                let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
                let (ua, ub) = (along(a) - c, along(b) - c);
                if (ua < 0.0) != (ub < 0.0) {
                    cuts.push(a + (b - a) * (ua / (ua - ub)));
                }
            }
        }
        cuts.sort_by(|p, q| (p.x + p.y).total_cmp(&(q.x + q.y)));
        lines.extend(cuts.chunks_exact(2).map(|pair| (pair[0], pair[1])));
        c += spacing;
    }
    lines
}

/// The province's figure on the map, if it has one.
fn bar_of<'m>(m: &'m Map, code: &str) -> Option<&'m ranking::Bar> {
    m.ranking.bars.iter().find(|b| b.area == code)
}

/// A shape's triangles on the screen, in one colour.
fn mesh(shape: &Shape, fit: &Fit, fill: Color32) -> egui::Mesh {
    let mut mesh = egui::Mesh::default();
    mesh.vertices = shape
        .mesh
        .points
        .iter()
        .map(|p| egui::epaint::Vertex {
            pos: fit.screen(*p),
            uv: egui::epaint::WHITE_UV,
            color: fill,
        })
        .collect();
    mesh.indices.clone_from(&shape.mesh.indices);
    mesh
}

/// The archipelagos: their islands, a ring around each and its name to the east.
/// The font of the archipelagos' names.
fn island_font() -> egui::FontId {
    egui::FontId::proportional(12.0)
}

/// Whether the archipelagos' names must go on two lines to end before `right`.
fn names_on_two_lines(ui: &egui::Ui, fit: &Fit, right: f32) -> bool {
    geometry().islands.iter().any(|i| {
        let width = ui.fonts_mut(|f| {
            f.layout_no_wrap(i.name.clone(), island_font(), Color32::WHITE)
                .size()
                .x
        });
        fit.screen(i.label).x + 12.0 + width > right
    })
}

fn islands(painter: &egui::Painter, (fit, two_lines): (&Fit, bool), ui: &egui::Ui) {
    let weak = ui.visuals().weak_text_color();
    for island in &geometry().islands {
        for ring in island.polygons.iter().flatten() {
            let points: Vec<Pos2> = ring.iter().map(|p| fit.screen(*p)).collect();
            painter.add(egui::Shape::convex_polygon(points, weak, Stroke::NONE));
        }
        let at = fit.screen(island.label);
        painter.circle_stroke(at, 8.0, Stroke::new(1.0, weak));
        let name = match island.name.splitn(3, ' ').collect::<Vec<_>>().as_slice() {
            [a, b, rest] if two_lines => format!("{a} {b}\n{rest}"),
            _ => island.name.clone(),
        };
        painter.text(
            at + vec2(12.0, 0.0),
            egui::Align2::LEFT_CENTER,
            name,
            island_font(),
            ui.visuals().text_color(),
        );
    }
}

/// The unit, the classes (highest at the top) with the nation's figure beside its own, no
/// data and estimates, then the chart's notes.
fn legend_ui(ui: &mut egui::Ui, d: &ChartDescription, m: &Map) {
    ui.label(RichText::new(&m.ranking.value_label).strong());
    let breaks = m.breaks();
    let national = m.ranking.national.as_ref();
    let swatch = |ui: &mut egui::Ui, fill: Color32| {
        let (rect, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
        ui.painter().rect_filled(rect, 2.0, fill);
        ui.painter().rect_stroke(
            rect,
            2.0,
            Stroke::new(1.0, ui.visuals().weak_text_color()),
            egui::StrokeKind::Inside,
        );
    };
    for (i, class) in m.classes.iter().enumerate().rev() {
        ui.horizontal(|ui| {
            swatch(ui, style::color(class.color));
            ui.label(&class.label);
        });
        if let Some(n) = national
            && crate::chart::map::class_of(n.value, &breaks) == Some(i)
        {
            // Under the class it falls in (the bundled font has no arrow to point with).
            ui.label(RichText::new(format!("      {}", n.label)).strong());
        }
    }
    let t = d.messages();
    if !m.ranking.no_data.is_empty() {
        ui.horizontal(|ui| {
            swatch(ui, style::color(NO_DATA));
            ui.label(t.get("map-no-data"));
        });
    }
    if m.ranking.bars.iter().any(|b| b.estimate.is_some()) {
        let year = m.ranking.boundaries.get(..4).unwrap_or_default();
        ui.label(RichText::new(t.with("ranking-estimate-legend", &[("year", year.into())])).weak());
    }
    ui.add_space(8.0);
    for note in &d.notes {
        ui.label(RichText::new(words::note(t, note)).small().weak());
    }
}
