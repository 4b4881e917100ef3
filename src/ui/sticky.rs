//! A table whose header row and first column stay in view while the rest scrolls (the Edit
//! and Table tabs: the series' names above, the years at the left).
//!
//! Columns have fixed widths and rows one height, so that four parts line up: the corner, the
//! header (scrolled sideways with the body, by the body's offset of the frame before), the
//! first column (scrolled up and down with the body, in the same vertical scroll area) and the
//! body.

use egui::scroll_area::{ScrollBarVisibility, ScrollSource};
use egui::{Align, Layout, Ui};

/// The height of a row, in points: a text field's, with room.
const ROW_HEIGHT: f32 = 24.0;

/// Draws `header` and then `rows` rows (each by `row`, given its index) in columns of
/// `widths`, alternate rows shaded. `header` and `row` are called twice each, once for the
/// first column and once for the others; a cell of the other part is skipped (its closure
/// not run), so each cell is laid out once.
pub fn table(
    ui: &mut Ui,
    id: egui::Id,
    widths: &[f32],
    mut header: impl FnMut(&mut Cells<'_>),
    rows: usize,
    mut row: impl FnMut(&mut Cells<'_>, usize),
) {
    let offset_id = id.with(0);
    let across: f32 = ui.data(|d| d.get_temp(offset_id)).unwrap_or(0.0);
    ui.horizontal(|ui| {
        header(&mut Cells::new(ui, widths, Part::First));
        egui::ScrollArea::horizontal()
            .id_salt(id.with(1))
            .scroll_source(ScrollSource::NONE)
            .scroll_bar_visibility(ScrollBarVisibility::AlwaysHidden)
            .horizontal_scroll_offset(across)
            .show(ui, |ui| {
                ui.horizontal(|ui| header(&mut Cells::new(ui, widths, Part::Rest)));
            });
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt(id.with(2))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    for i in 0..rows {
                        shaded(ui, i, |ui| row(&mut Cells::new(ui, widths, Part::First), i));
                    }
                });
                let body = egui::ScrollArea::horizontal()
                    .id_salt(id.with(3))
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        ui.vertical(|ui| {
                            for i in 0..rows {
                                shaded(ui, i, |ui| row(&mut Cells::new(ui, widths, Part::Rest), i));
                            }
                        });
                    });
                let offset = body.state.clamped_offset().x;
                if (offset - across).abs() > 0.5 {
                    ui.data_mut(|d| d.insert_temp(offset_id, offset));
                    ui.ctx().request_repaint();
                }
            });
        });
}

/// One row of cells in a horizontal line, shaded when odd.
fn shaded(ui: &mut Ui, i: usize, add: impl FnOnce(&mut Ui)) {
    let shade = ui.painter().add(egui::Shape::Noop);
    let response = ui.horizontal(add);
    if i % 2 == 1 {
        let rect = response.response.rect.expand2(egui::vec2(2.0, 0.0));
        let color = ui.visuals().faint_bg_color;
        ui.painter()
            .set(shade, egui::Shape::rect_filled(rect, 0.0, color));
    }
}

/// Which columns a pass over a row lays out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    First,
    Rest,
}

/// The cells of one row, each given the next column's width.
pub struct Cells<'u> {
    ui: &'u mut Ui,
    widths: &'u [f32],
    part: Part,
    next: usize,
}

impl<'u> Cells<'u> {
    fn new(ui: &'u mut Ui, widths: &'u [f32], part: Part) -> Cells<'u> {
        Cells {
            ui,
            widths,
            part,
            next: 0,
        }
    }

    /// Lays out the next cell in its column's width, when it is of this pass's part.
    pub fn cell<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) {
        let column = self.next;
        self.next += 1;
        let ours = match self.part {
            Part::First => column == 0,
            Part::Rest => column > 0,
        };
        if !ours {
            return;
        }
        let width = self.widths.get(column).copied().unwrap_or(100.0);
        self.ui.allocate_ui_with_layout(
            egui::vec2(width, ROW_HEIGHT),
            Layout::left_to_right(Align::Center),
            |ui| {
                ui.set_width(width);
                ui.set_min_height(ROW_HEIGHT);
                add(ui);
            },
        );
    }
}
