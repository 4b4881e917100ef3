//! The grid: the figures of the selected indicator, years as rows and a column per series on
//! the chart, typed into directly. Enter or Tab moves on, Esc cancels the cell, a block pasted
//! from a spreadsheet lands at the cursor as one edit, Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y
//! redoes. Every change is in the file at once.

use egui::{Key, RichText};

use super::actions::Action;
use super::app::Command;
use super::errors;
use crate::chart::{qualifier_prefix, status_word};
use crate::locale::{Messages, Numbers};
use crate::model::{Qualifier, Status};
use crate::workspace::Workspace;
use crate::workspace::editing::{CellInput, cell_figures, cell_values, cell_warnings, parse_block};

/// The cell being typed into, and where the cursor goes next.
#[derive(Default)]
pub struct GridState {
    /// (column, year, text typed, text it started from)
    editing: Option<(usize, i32, String, String)>,
    focus_next: Option<(usize, i32)>,
    extra_years: i32,
    /// The cell last entered, whose flags the side panel edits: (column, year, status,
    /// qualifier, footnote as being edited).
    flags: Option<(usize, i32, Status, Qualifier, String)>,
    /// The cell whose flags the panel should show next.
    focus_flags: Option<(usize, i32)>,
    /// The area, subgroup and source of a column to add.
    new_column: (String, String, String),
    /// The last value refused: its cell, what was typed and why.
    pub refused: Option<(crate::chart::SeriesKey, i32, String, String)>,
    /// Put the refused text back in its cell, the cursor there, at the next frame.
    pub reopen_refused: bool,
}

pub fn ui(ui: &mut egui::Ui, ws: &Workspace, state: &mut GridState, commands: &mut Vec<Command>) {
    let t = Messages::of(ws.language());
    let Some(indicator) = ws.selected_indicator() else {
        ui.label(t.get("grid-choose-indicator"));
        return;
    };
    let keys: Vec<_> = ws
        .spec()
        .series
        .iter()
        .filter(|k| k.indicator == indicator.code)
        .cloned()
        .collect();
    let read_only = ws.read_only().is_some();
    if !read_only {
        add_column_ui(ui, ws, state, commands);
    }
    if keys.is_empty() {
        ui.label(t.get("grid-add-column-first"));
        return;
    }
    if !read_only {
        // Redo first: Ctrl+Shift+Z also matches Ctrl+Z's keys.
        for action in [Action::Redo, Action::Undo] {
            if action.pressed(ui.ctx()) {
                commands.push(action.command());
                break;
            }
        }
    }
    let values = cell_values(ws.chart_observations());
    let warnings = cell_warnings(indicator, &values);
    // A refused value goes back into its cell for correction: the cursor stays there rather
    // than moving on with the value lost.
    if std::mem::take(&mut state.reopen_refused)
        && let Some((key, year, typed, _)) = &state.refused
        && let Some(col) = keys.iter().position(|k| k == key)
    {
        let shown = values
            .get(&(key.clone(), *year))
            .map(|v| ws.numbers().format_exact(*v))
            .unwrap_or_default();
        state.editing = Some((col, *year, typed.clone(), shown));
        state.focus_next = Some((col, *year));
    }
    let years_with_data = values
        .keys()
        .filter(|(k, _)| keys.contains(k))
        .map(|(_, y)| *y);
    let (first, last) = match (years_with_data.clone().min(), years_with_data.max()) {
        (Some(a), Some(b)) => (a, b),
        _ => (2024, 2024),
    };
    let last = last + state.extra_years;

    // A block pasted into a cell spreads over the cells right and down of it, as one edit.
    if let Some((col, year, _, _)) = &state.editing {
        let pasted = ui.input_mut(|i| {
            let mut block = None;
            i.events.retain(|e| match e {
                egui::Event::Paste(text) if text.contains(['\t', '\n']) => {
                    block = Some(text.clone());
                    false
                }
                _ => true,
            });
            block
        });
        if let Some(text) = pasted {
            let block = parse_block(&text);
            // A block that is unambiguous about its convention (from a spreadsheet of the other
            // language) is read in it; otherwise in the window's language.
            let written_in =
                crate::locale::convention_of_block(block.iter().flatten().map(String::as_str));
            let mut inputs = Vec::new();
            for (r, row) in block.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    if let Some(key) = keys.get(col + c) {
                        inputs.push(CellInput {
                            key: key.clone(),
                            year: year + r as i32,
                            text: cell.clone(),
                            flags: None,
                            based_on: None,
                            written_in,
                        });
                    }
                }
            }
            let rows = block.len() as i32;
            if year + rows - 1 > last {
                state.extra_years += year + rows - 1 - last;
            }
            commands.push(Command::EditCells(inputs));
            state.editing = None;
        }
    }

    // Wrapped: on a small screen the keys' hint goes to the next line rather than off the edge.
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(!read_only, egui::Button::new(t.get("grid-add-year")))
            .clicked()
        {
            state.extra_years += 1;
        }
        if ui
            .add_enabled(
                ws.history().can_undo(),
                egui::Button::new(Action::Undo.label(t)),
            )
            .clicked()
        {
            commands.push(Command::Undo);
        }
        if ui
            .add_enabled(
                ws.history().can_redo(),
                egui::Button::new(Action::Redo.label(t)),
            )
            .clicked()
        {
            commands.push(Command::Redo);
        }
        ui.label(RichText::new(t.get("grid-keys-hint")).weak());
    });
    for warning in ws.warnings() {
        let text = errors::warning(t, warning);
        let text = t.with("grid-check", &[("reason", text.into())]);
        ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
    }
    // Worded once a frame here, not once per cell.
    let warnings: std::collections::BTreeMap<_, String> = warnings
        .into_iter()
        .map(|(cell, ws)| (cell, errors::warnings(t, &ws)))
        .collect();
    if !warnings.is_empty() {
        let heading = t.with("grid-open-warnings", &[("count", warnings.len().into())]);
        ui.collapsing(heading, |ui| {
            for ((key, year), reason) in &warnings {
                ui.label(format!("{year}, {}: {reason}", series_name(ws, key)));
            }
        });
    }
    flags_ui(ui, ws, state, &keys, commands, read_only);
    let labels: Vec<String> = ws
        .description()
        .series()
        .filter(|s| keys.contains(&s.key))
        .map(|s| s.label.clone())
        .collect();
    // The header and the years stay in view while the rows scroll.
    let widths: Vec<f32> = std::iter::once(YEAR_WIDTH)
        .chain(keys.iter().map(|_| CELL_WIDTH))
        .collect();
    let years: Vec<i32> = (first..=last).collect();
    super::sticky::table(
        ui,
        egui::Id::unique("edit grid"),
        &widths,
        |cells| {
            cells.cell(|ui| ui.label(RichText::new(t.get("grid-year")).strong()));
            for (c, _) in keys.iter().enumerate() {
                let name = labels.get(c).cloned().unwrap_or_default();
                cells.cell(|ui| {
                    ui.add(egui::Label::new(RichText::new(&name).strong()).truncate())
                        .on_hover_text(&name)
                });
            }
        },
        years.len(),
        |cells, i| {
            let year = years[i];
            cells.cell(|ui| ui.label(year.to_string()));
            for (col, key) in keys.iter().enumerate() {
                let cell = (key.clone(), year);
                cells.cell(|ui| {
                    let response = cell_ui(
                        ui,
                        state,
                        commands,
                        (col, year),
                        key,
                        (values.get(&cell).copied(), ws.numbers()),
                        labels.get(col),
                        read_only,
                    );
                    mark_cell(ui, t, &response, state, (&cell, warnings.get(&cell)));
                });
            }
        },
    );
}

/// The width of the year column and of a figure's column, in points.
const YEAR_WIDTH: f32 = 52.0;
const CELL_WIDTH: f32 = 150.0;

#[allow(clippy::too_many_arguments)]
fn cell_ui(
    ui: &mut egui::Ui,
    state: &mut GridState,
    commands: &mut Vec<Command>,
    (col, year): (usize, i32),
    key: &crate::chart::SeriesKey,
    (value, numbers): (Option<f64>, &Numbers),
    label: Option<&String>,
    read_only: bool,
) -> egui::Response {
    let id = ui.scope_id().with(("cell", col, year));
    // The full value, written the reader's way, so that what is shown reads back exactly.
    let shown = value.map(|v| numbers.format_exact(v)).unwrap_or_default();
    let editing_here = matches!(&state.editing, Some((c, y, _, _)) if *c == col && *y == year);
    let mut scratch = shown.clone();
    let buffer = match &mut state.editing {
        Some((_, _, text, _)) if editing_here => text,
        _ => &mut scratch,
    };
    let name = format!(
        "{} {year}",
        label.map_or(key.source.as_str(), String::as_str)
    );
    let response = ui.add_enabled(
        !read_only,
        egui::TextEdit::singleline(buffer)
            .id(id)
            .desired_width(CELL_WIDTH - 16.0),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
    if state.focus_next == Some((col, year)) {
        response.request_focus();
        // The cell the cursor moved to is brought into view, as in a spreadsheet.
        response.scroll_to_me(None);
        state.focus_next = None;
    }
    if response.gained_focus() && !editing_here {
        state.editing = Some((col, year, shown.clone(), shown));
        if state
            .flags
            .as_ref()
            .is_none_or(|f| (f.0, f.1) != (col, year))
        {
            state.flags = None; // read afresh from the figure by the side panel
            state.focus_flags = Some((col, year));
        }
    }
    // Up and Down move between years, committing the cell, as in a spreadsheet.
    if editing_here && response.has_focus() {
        let step = ui.input(|i| {
            if i.key_pressed(Key::ArrowDown) {
                1
            } else if i.key_pressed(Key::ArrowUp) {
                -1
            } else {
                0
            }
        });
        if step != 0 {
            commit(state.editing.take(), (key, year), numbers, commands);
            state.focus_next = Some((col, year + step));
            response.surrender_focus();
        }
    }
    if editing_here && response.lost_focus() {
        let cancelled = ui.input(|i| i.key_pressed(Key::Escape));
        let typed = state.editing.take();
        if cancelled
            && state
                .refused
                .as_ref()
                .is_some_and(|(k, y, ..)| k == key && *y == year)
        {
            state.refused = None;
        }
        if !cancelled {
            commit(typed, (key, year), numbers, commands);
        }
        if !cancelled && ui.input(|i| i.key_pressed(Key::Enter)) {
            state.focus_next = Some((col, year + 1));
        }
    }
    response
}

/// Status, qualifier and footnote of the cell last entered; applied as one undoable edit.
fn flags_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    state: &mut GridState,
    keys: &[crate::chart::SeriesKey],
    commands: &mut Vec<Command>,
    read_only: bool,
) {
    let t = Messages::of(ws.language());
    let figures = cell_figures(ws.chart_observations());
    if let Some((col, year)) = state.focus_flags.take()
        && let Some(key) = keys.get(col)
    {
        let figure = figures.get(&(key.clone(), year));
        state.flags = Some((
            col,
            year,
            figure.map_or(Status::Normal, |f| f.status),
            figure.map_or(Qualifier::Exact, |f| f.qualifier),
            figure.map(|f| f.footnote.clone()).unwrap_or_default(),
        ));
    }
    let Some((col, year, status, qualifier, footnote)) = &mut state.flags else {
        return;
    };
    let Some(key) = keys.get(*col) else { return };
    let Some(figure) = figures.get(&(key.clone(), *year)) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{year}, {}:", series_name(ws, key))).strong());
        egui::ComboBox::from_label(t.get("grid-status"))
            .selected_text(status_word(t, *status))
            .show_ui(ui, |ui| {
                for s in Status::ALL {
                    ui.selectable_value(status, *s, status_word(t, *s));
                }
            });
        let qualifier_word = |q: Qualifier| match q {
            Qualifier::Exact => t.get("qualifier-exact"),
            q => qualifier_prefix(t, q).trim_end().to_owned(),
        };
        egui::ComboBox::from_label(t.get("grid-qualifier"))
            .selected_text(qualifier_word(*qualifier))
            .show_ui(ui, |ui| {
                for q in Qualifier::ALL {
                    ui.selectable_value(qualifier, *q, qualifier_word(*q));
                }
            });
        let label = ui.label(t.get("grid-footnote"));
        ui.add(egui::TextEdit::singleline(footnote).desired_width(260.0))
            .labelled_by(label.id);
        let changed = *status != figure.status
            || *qualifier != figure.qualifier
            || *footnote != figure.footnote;
        if ui
            .add_enabled(
                changed && !read_only,
                egui::Button::new(t.get("grid-apply-flags")),
            )
            .clicked()
        {
            commands.push(Command::EditCells(vec![CellInput {
                key: key.clone(),
                year: *year,
                text: ws.numbers().format_exact(figure.value),
                flags: Some((*status, *qualifier, footnote.clone())),
                based_on: Some(Some(figure.value)),
                written_in: None,
            }]));
        }
    });
}

/// A column for figures not entered yet; the source defaults to the one last used here.
fn add_column_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    state: &mut GridState,
    commands: &mut Vec<Command>,
) {
    let t = Messages::of(ws.language());
    let (area, subgroup, source) = &mut state.new_column;
    if area.is_empty() {
        *area = ws
            .areas()
            .iter()
            .find(|a| a.level == "country")
            .map(|a| a.code.clone())
            .unwrap_or_default();
    }
    if subgroup.is_empty() {
        *subgroup = "T".into();
    }
    if source.is_empty() {
        *source = ws.last_used_source().unwrap_or_default().to_owned();
    }
    ui.collapsing(t.get("grid-add-column"), |ui| {
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_label(t.get("grid-area"))
                .selected_text(area.clone())
                .show_ui(ui, |ui| {
                    for a in ws.areas() {
                        let name = a.name.get(ws.language());
                        let dates = validity(t, a);
                        let label = format!("{} {name}{dates}", a.code);
                        ui.selectable_value(area, a.code.clone(), label);
                    }
                });
            egui::ComboBox::from_label(t.get("grid-subgroup"))
                .selected_text(subgroup.clone())
                .show_ui(ui, |ui| {
                    for g in ws.subgroups() {
                        ui.selectable_value(
                            subgroup,
                            g.code.clone(),
                            format!("{} {}", g.code, g.name.get(ws.language())),
                        );
                    }
                });
            egui::ComboBox::from_label(t.get("grid-source"))
                .selected_text(source.clone())
                .show_ui(ui, |ui| {
                    for s in ws.sources() {
                        ui.selectable_value(
                            source,
                            s.code.clone(),
                            format!("{} ({})", s.code, s.short_name.get(ws.language())),
                        );
                    }
                });
            let ready = !area.is_empty() && !subgroup.is_empty() && !source.is_empty();
            if ui
                .add_enabled(ready, egui::Button::new(t.get("grid-add-column-button")))
                .clicked()
            {
                commands.push(Command::AddColumn(
                    area.clone(),
                    subgroup.clone(),
                    source.clone(),
                ));
            }
        });
    });
}

/// " (until 30/6/2025)", " (from 1/7/2025)": when an area was valid, for one that was only
/// for a time (the provinces before and after the 2025 reform share names).
pub(super) fn validity(t: &Messages, area: &crate::model::Area) -> String {
    let day = |iso: &str| crate::locale::iso_date(t.language(), iso);
    match (area.valid_from.as_str(), area.valid_until.as_str()) {
        ("", "") => String::new(),
        ("", until) => format!(
            " ({})",
            t.with("area-valid-until", &[("date", day(until).into())])
        ),
        (from, "") => format!(
            " ({})",
            t.with("area-valid-from", &[("date", day(from).into())])
        ),
        (from, until) => format!(
            " ({})",
            t.with(
                "area-valid-between",
                &[("from", day(from).into()), ("until", day(until).into())]
            )
        ),
    }
}

/// A series as its legend names it (its source, and area or subgroup where they differ), not
/// by its codes.
fn series_name(ws: &Workspace, key: &crate::chart::SeriesKey) -> String {
    ws.description()
        .series()
        .find(|s| s.key == *key)
        .map_or_else(|| key.source.clone(), |s| s.label.clone())
}

/// Marks a cell whose typed value was refused (red) or whose saved figure is worth a second
/// look (amber), with the reason on hover.
fn mark_cell(
    ui: &egui::Ui,
    t: &Messages,
    response: &egui::Response,
    state: &GridState,
    (cell, warning): (&(crate::chart::SeriesKey, i32), Option<&String>),
) {
    let refused = state
        .refused
        .as_ref()
        .filter(|(k, y, _, _)| *k == cell.0 && *y == cell.1);
    let (color, text) = match (refused, warning) {
        (Some((_, _, typed, why)), _) => (
            ui.visuals().error_fg_color,
            t.with(
                "grid-refused",
                &[("typed", typed.into()), ("reason", why.into())],
            ),
        ),
        (None, Some(reason)) => (
            ui.visuals().warn_fg_color,
            t.with("grid-check", &[("reason", reason.into())]),
        ),
        (None, None) => return,
    };
    ui.painter().rect_stroke(
        response.rect.expand(1.0),
        2.0,
        egui::Stroke::new(2.0, color),
        egui::StrokeKind::Outside,
    );
    response.clone().on_hover_text(text);
}

/// Sends what was typed in a cell, if it changed, as an edit based on the value first shown.
fn commit(
    typed: Option<(usize, i32, String, String)>,
    (key, year): (&crate::chart::SeriesKey, i32),
    numbers: &Numbers,
    commands: &mut Vec<Command>,
) {
    if let Some((_, _, text, original)) = typed
        && text.trim() != original
    {
        commands.push(Command::EditCells(vec![CellInput {
            key: key.clone(),
            year,
            text,
            flags: None,
            based_on: Some(numbers.parse(&original).ok()),
            written_in: None,
        }]));
    }
}
