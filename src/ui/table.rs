//! The table tab: the chart's series with years as rows.

use egui::RichText;

use crate::chart::table::table;
use crate::workspace::Workspace;

pub fn ui(ui: &mut egui::Ui, ws: &Workspace) {
    let description = ws.description();
    let t = description.messages();
    let table = table(description);
    if table.rows.is_empty() {
        ui.label(t.get("chart-no-figures"));
        return;
    }
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("figures")
                .striped(true)
                .spacing([18.0, 4.0])
                .show(ui, |ui| {
                    ui.label(RichText::new(t.get("table-period")).strong());
                    for label in &table.series {
                        ui.label(RichText::new(label).strong());
                        ui.label(RichText::new(t.get("table-change")).strong());
                        ui.label(RichText::new(t.get("table-change-percent")).strong());
                    }
                    ui.end_row();
                    for (period, cells) in &table.rows {
                        ui.label(period);
                        for cell in cells {
                            match cell {
                                Some(c) => {
                                    ui.label(&c.value);
                                    ui.label(&c.change);
                                    ui.label(&c.change_percent);
                                }
                                None => {
                                    ui.label("");
                                    ui.label("");
                                    ui.label("");
                                }
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}
