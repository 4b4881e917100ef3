//! The table tab: the chart's series with years as rows, or a ranking's provinces with their
//! rank, value, change and gaps, sortable by any column and copyable to a spreadsheet.

use egui::RichText;

use super::app::Command;
use super::dialogs::FileRequest;
use crate::chart::table::{RankColumn, province_table, table};
use crate::workspace::Workspace;

pub fn ui(ui: &mut egui::Ui, ws: &Workspace, commands: &mut Vec<Command>) {
    let description = ws.description();
    if description.ranking().is_some() {
        provinces_ui(ui, ws);
        return;
    }
    let t = description.messages();
    let table = table(description);
    if table.rows.is_empty() {
        ui.label(t.get("chart-no-figures"));
        return;
    }
    // The window's words, not the chart's: the button is in the reader's language.
    let words = crate::locale::Messages::of(ws.language());
    if ui.button(words.get("table-export")).clicked() {
        commands.push(Command::AskFile(FileRequest::SaveData {
            selection_only: true,
            workbook: true,
        }));
    }
    // The header and the periods stay in view while the rows scroll.
    let mut widths = vec![PERIOD_WIDTH];
    for _ in &table.series {
        widths.extend([VALUE_WIDTH, CHANGE_WIDTH, CHANGE_WIDTH]);
    }
    super::sticky::table(
        ui,
        egui::Id::unique("figures"),
        &widths,
        |cells| {
            cells.cell(|ui| ui.label(RichText::new(t.get("table-period")).strong()));
            for label in &table.series {
                cells.cell(|ui| {
                    ui.add(egui::Label::new(RichText::new(label).strong()).truncate())
                        .on_hover_text(label)
                });
                cells.cell(|ui| ui.label(RichText::new(t.get("table-change")).strong()));
                cells.cell(|ui| ui.label(RichText::new(t.get("table-change-percent")).strong()));
            }
        },
        table.rows.len(),
        |cells, i| {
            let (period, row) = &table.rows[i];
            cells.cell(|ui| ui.label(period));
            for cell in row {
                let (value, change, percent) = match cell {
                    Some(c) => (
                        c.value.as_str(),
                        c.change.as_str(),
                        c.change_percent.as_str(),
                    ),
                    None => ("", "", ""),
                };
                for text in [value, change, percent] {
                    cells.cell(|ui| ui.label(text));
                }
            }
        },
    );
}

/// Column widths of the table, in points.
const PERIOD_WIDTH: f32 = 80.0;
const VALUE_WIDTH: f32 = 170.0;
const CHANGE_WIDTH: f32 = 90.0;

/// The province table of the ranking shown; a header click sorts by it, a second click turns
/// the order round.
fn provinces_ui(ui: &mut egui::Ui, ws: &Workspace) {
    let description = ws.description();
    let t = description.messages();
    let id = egui::Id::unique("province table order");
    let order: (RankColumn, bool) = ui
        .data(|d| d.get_temp(id))
        .unwrap_or((RankColumn::Rank, false));
    let Some(table) = province_table(description, order) else {
        return;
    };
    if table.rows.is_empty() {
        ui.label(t.get("chart-no-figures"));
        return;
    }
    if ui.button(t.get("table-copy")).clicked() {
        ui.ctx().copy_text(table.to_tsv());
    }
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("provinces")
                .striped(true)
                .spacing([18.0, 4.0])
                .show(ui, |ui| {
                    for (column, header) in &table.columns {
                        let sorted = order.0 == *column;
                        let button =
                            egui::Button::selectable(sorted, RichText::new(header).strong());
                        if ui.add(button).clicked() {
                            let descending = sorted && !order.1;
                            ui.data_mut(|d| d.insert_temp(id, (*column, descending)));
                        }
                    }
                    ui.end_row();
                    for row in &table.rows {
                        for cell in &row.cells {
                            ui.label(cell);
                        }
                        ui.end_row();
                    }
                });
        });
}
