//! A table whose header row stays in view while its rows scroll (the Edit and Table tabs):
//! columns of fixed widths, the header above a vertical scroll area of the rows, both inside
//! one horizontal scroll area so that they move sideways together and stay aligned.

use egui::{Align, Layout, Ui};

/// Draws `header` and then `rows` rows (each by `row`, given its index) in columns of
/// `widths`, alternate rows shaded. Each cell is laid out in its column's width.
pub fn table(
    ui: &mut Ui,
    id: egui::Id,
    widths: &[f32],
    header: impl FnOnce(&mut Cells<'_>),
    rows: usize,
    mut row: impl FnMut(&mut Cells<'_>, usize),
) {
    egui::ScrollArea::horizontal()
        .id_salt(id.with(0))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical(|ui| {
                ui.horizontal(|ui| header(&mut Cells::new(ui, widths)));
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt(id.with(1))
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        for i in 0..rows {
                            let shade = ui.painter().add(egui::Shape::Noop);
                            let response = ui.horizontal(|ui| row(&mut Cells::new(ui, widths), i));
                            if i % 2 == 1 {
                                let rect = response.response.rect.expand2(egui::vec2(2.0, 1.0));
                                let color = ui.visuals().faint_bg_color;
                                ui.painter()
                                    .set(shade, egui::Shape::rect_filled(rect, 2.0, color));
                            }
                        }
                    });
            });
        });
}

/// The cells of one row, each given the next column's width.
pub struct Cells<'u> {
    ui: &'u mut Ui,
    widths: &'u [f32],
    next: usize,
}

impl<'u> Cells<'u> {
    fn new(ui: &'u mut Ui, widths: &'u [f32]) -> Cells<'u> {
        Cells {
            ui,
            widths,
            next: 0,
        }
    }

    /// Lays out the next cell in its column's width and returns what `add` returned.
    pub fn cell<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> R {
        let width = self.widths.get(self.next).copied().unwrap_or(100.0);
        self.next += 1;
        let height = self.ui.spacing().interact_size.y;
        self.ui
            .allocate_ui_with_layout(
                egui::vec2(width, height),
                Layout::left_to_right(Align::Center),
                |ui| {
                    ui.set_width(width);
                    add(ui)
                },
            )
            .inner
    }
}
