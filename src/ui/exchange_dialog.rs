//! File → Make a copy for…, Send my changes… and Merge changes…: copies of the open file and
//! the packages of changes they exchange. A package is shown before it is applied: what it
//! adds, changes and deletes, and each conflict cell by cell (the value the sender started
//! from, theirs, ours), each decided by the user ("Use theirs" / "Keep ours", or all at once).

use std::collections::HashMap;

use egui::{Color32, RichText};

use super::app::Command;
use super::dialogs::FileRequest;
use crate::chart::{qualifier_prefix, status_word};
use crate::locale::{Messages, Numbers, local_time};
use crate::model::{Qualifier, Status};
use crate::workspace::Workspace;
use crate::workspace::exchange::{
    Change, ChangeAction, Choice, ConflictKind, Decisions, Package, Peer, Plan, RowKind, Since,
    Value, value_text,
};

/// The window open, if any.
pub enum ExchangeWindow {
    /// Whom the copy is for; then where it goes.
    Copy { name: String },
    /// Which file the changes go to and since when; then where the package goes.
    Send {
        peers: Vec<Peer>,
        to: usize,
        since: Since,
    },
    /// A package read, and what it would do here.
    Merge(Box<MergeDialog>),
}

/// A package and its plan, with the user's choices.
pub struct MergeDialog {
    pub package: Package,
    pub plan: Plan,
    pub choices: HashMap<String, Choice>,
    /// Each change's and conflict's row named in the window's language, made once.
    change_names: Vec<String>,
    conflict_names: Vec<String>,
}

/// How many changes the dialog lists (conflicts are always all listed).
const LISTED: usize = 200;

impl MergeDialog {
    pub fn new(package: Package, plan: Plan, ws: &Workspace, t: &Messages) -> Self {
        let name = |row: RowKind, key: &[Value]| {
            let names = ws.row_names(row, key, t.language()).join(" · ");
            format!("{} {names}", row_word(t, row))
        };
        let change_names = plan
            .changes
            .iter()
            .take(LISTED)
            .map(|c| name(c.row, &c.key))
            .collect();
        let conflict_names = plan.conflicts.iter().map(|c| name(c.row, &c.key)).collect();
        MergeDialog {
            package,
            plan,
            choices: HashMap::new(),
            change_names,
            conflict_names,
        }
    }

    pub fn decisions(&self) -> Decisions {
        Decisions {
            all: None,
            each: self.choices.clone(),
        }
    }

    fn undecided(&self) -> usize {
        self.plan
            .conflicts
            .iter()
            .filter(|c| !self.choices.contains_key(&c.id))
            .count()
    }
}

fn row_word(t: &Messages, row: RowKind) -> String {
    t.get(match row {
        RowKind::Figure => "exchange-row-figure",
        RowKind::Target => "exchange-row-target",
        RowKind::Source => "exchange-row-source",
        RowKind::View => "exchange-row-view",
    })
}

/// A column's name in the window's language (a column without a message keeps its name).
fn column_word(t: &Messages, column: &str) -> String {
    crate::workspace::exchange::column_message(column)
        .map_or_else(|| column.to_owned(), |id| t.get(id))
}

/// A value as the reader writes it: numbers their language's way, statuses in words.
fn value_word(t: &Messages, column: &str, value: Option<&Value>) -> String {
    let Some(value) = value else {
        return t.get("exchange-no-row");
    };
    let numbers = Numbers::of(t.language());
    match (column, value) {
        (_, Value::Real(x)) => numbers.format_exact(*x),
        ("status", Value::Text(s)) => {
            Status::from_word(s).map_or_else(|| s.clone(), |status| status_word(t, status))
        }
        ("qualifier", Value::Text(s)) => match Qualifier::from_word(s) {
            Some(Qualifier::Exact) => t.get("qualifier-exact"),
            Some(q) => qualifier_prefix(t, q).trim_end().to_owned(),
            None => s.clone(),
        },
        (_, v) => {
            let text = value_text(v);
            if text.is_empty() {
                "—".to_owned()
            } else {
                crate::text::clip(text, 60)
            }
        }
    }
}

fn change_values(t: &Messages, change: &Change) -> String {
    change
        .values
        .iter()
        .filter(|(_, v)| !value_text(v).is_empty())
        .map(|(column, v)| {
            let new = value_word(t, column, Some(v));
            match change.before.iter().find(|(c, _)| c == column) {
                Some((_, old)) => {
                    let old = value_word(t, column, Some(old));
                    let values =
                        t.with("audit-old-new", &[("old", old.into()), ("new", new.into())]);
                    format!("{} {values}", column_word(t, column))
                }
                None => format!("{} {new}", column_word(t, column)),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Draws the window; returns false when it is closed.
pub fn ui(
    ctx: &egui::Context,
    t: &Messages,
    window: &mut ExchangeWindow,
    commands: &mut Vec<Command>,
) -> bool {
    let mut open = true;
    let mut close = false;
    let title = t.get(match window {
        ExchangeWindow::Copy { .. } => "exchange-copy-title",
        ExchangeWindow::Send { .. } => "exchange-send-title",
        ExchangeWindow::Merge(_) => "exchange-merge-title",
    });
    egui::Window::new(title)
        .id(egui::Id::unique("exchange window"))
        .open(&mut open)
        .collapsible(false)
        .default_width(620.0)
        .show(ctx, |ui| match window {
            ExchangeWindow::Copy { name } => {
                ui.label(t.get("exchange-copy-what"));
                let label = ui.label(t.get("exchange-copy-for"));
                ui.add(egui::TextEdit::singleline(name).desired_width(260.0))
                    .labelled_by(label.id);
                ui.horizontal(|ui| {
                    let ready = !name.trim().is_empty();
                    if ui
                        .add_enabled(ready, egui::Button::new(t.get("exchange-choose-where")))
                        .clicked()
                    {
                        let request = FileRequest::SaveCopy {
                            name: name.trim().to_owned(),
                        };
                        commands.push(Command::AskFile(request));
                        close = true;
                    }
                    if ui.button(t.get("cancel")).clicked() {
                        close = true;
                    }
                });
            }
            ExchangeWindow::Send { peers, to, since } => {
                if peers.is_empty() {
                    ui.label(t.get("exchange-no-peer"));
                    if ui.button(t.get("close")).clicked() {
                        close = true;
                    }
                    return;
                }
                let peer_name = |p: &Peer| {
                    if p.origin {
                        t.with("exchange-peer-origin", &[("name", p.name.as_str().into())])
                    } else {
                        t.with("exchange-peer-copy", &[("name", p.name.as_str().into())])
                    }
                };
                let label = ui.label(t.get("exchange-send-to"));
                egui::ComboBox::from_id_salt("exchange peer")
                    .selected_text(peer_name(&peers[*to]))
                    .show_ui(ui, |ui| {
                        for (i, p) in peers.iter().enumerate() {
                            ui.selectable_value(to, i, peer_name(p));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.radio_value(since, Since::Last, t.get("exchange-since-last"));
                ui.radio_value(since, Since::Copy, t.get("exchange-since-copy"));
                if let Some(at) = &peers[*to].sent_at {
                    let at = local_time(t.language(), at);
                    ui.label(t.with("exchange-last-sent", &[("at", at.into())]));
                }
                ui.horizontal(|ui| {
                    if ui.button(t.get("exchange-choose-where")).clicked() {
                        let request = FileRequest::SavePackage {
                            to: peers[*to].copy_id.clone(),
                            to_name: peers[*to].name.clone(),
                            since: *since,
                        };
                        commands.push(Command::AskFile(request));
                        close = true;
                    }
                    if ui.button(t.get("cancel")).clicked() {
                        close = true;
                    }
                });
            }
            ExchangeWindow::Merge(dialog) => merge_ui(ui, t, dialog, commands, &mut close),
        });
    open && !close
}

fn merge_ui(
    ui: &mut egui::Ui,
    t: &Messages,
    dialog: &mut MergeDialog,
    commands: &mut Vec<Command>,
    close: &mut bool,
) {
    let h = &dialog.plan.header;
    ui.label(t.with(
        "exchange-merge-what",
        &[
            ("from", h.from_name.as_str().into()),
            ("editor", h.editor.as_str().into()),
            ("made", local_time(t.language(), &h.made_at).into()),
            ("to", h.to_name.as_str().into()),
        ],
    ));
    if let Some(at) = &dialog.plan.applied_before {
        let at = local_time(t.language(), at);
        ui.label(RichText::new(t.with("exchange-applied-before", &[("at", at.into())])).strong());
        if ui.button(t.get("close")).clicked() {
            *close = true;
        }
        return;
    }
    let plan = &dialog.plan;
    ui.label(t.with(
        "exchange-merge-counts",
        &[
            ("added", plan.count(ChangeAction::Add).into()),
            ("changed", plan.count(ChangeAction::Change).into()),
            ("deleted", plan.count(ChangeAction::Delete).into()),
            ("already", plan.already.into()),
            ("conflicts", plan.conflicts.len().into()),
        ],
    ));
    let red = Color32::from_rgb(190, 30, 30);
    for m in &plan.missing {
        ui.colored_label(
            red,
            t.with(
                "exchange-missing",
                &[("what", m.table.into()), ("code", m.code.as_str().into())],
            ),
        );
    }
    egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() * 0.55)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if !plan.conflicts.is_empty() {
                ui.heading(t.get("exchange-conflicts"));
            }
            for (i, conflict) in plan.conflicts.iter().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    let kind = t.get(match conflict.kind {
                        ConflictKind::BothChanged => "exchange-both-changed",
                        ConflictKind::BothAdded => "exchange-both-added",
                        ConflictKind::DeletedHere => "exchange-deleted-here",
                        ConflictKind::DeletedThere => "exchange-deleted-there",
                    });
                    ui.label(RichText::new(&dialog.conflict_names[i]).strong());
                    ui.label(kind);
                    egui::Grid::new(conflict.id.as_str())
                        .striped(true)
                        .show(ui, |ui| {
                            ui.label("");
                            ui.label(t.get("exchange-started-from"));
                            ui.label(t.get("exchange-theirs"));
                            ui.label(t.get("exchange-ours"));
                            ui.end_row();
                            for cell in &conflict.cells {
                                ui.label(column_word(t, cell.column));
                                ui.label(value_word(t, cell.column, cell.base.as_ref()));
                                ui.label(value_word(t, cell.column, cell.package.as_ref()));
                                ui.label(value_word(t, cell.column, cell.here.as_ref()));
                                ui.end_row();
                            }
                        });
                    ui.horizontal(|ui| {
                        let mut choice = dialog.choices.get(&conflict.id).copied();
                        ui.radio_value(
                            &mut choice,
                            Some(Choice::Package),
                            t.get("exchange-use-theirs"),
                        );
                        ui.radio_value(
                            &mut choice,
                            Some(Choice::Here),
                            t.get("exchange-keep-ours"),
                        );
                        if let Some(choice) = choice {
                            dialog.choices.insert(conflict.id.clone(), choice);
                        }
                    });
                });
            }
            if !plan.changes.is_empty() {
                ui.heading(t.get("exchange-changes"));
            }
            for (change, name) in plan.changes.iter().zip(&dialog.change_names) {
                let mark = match change.action {
                    ChangeAction::Add => "+",
                    ChangeAction::Change => "~",
                    ChangeAction::Delete => "−",
                };
                let values = change_values(t, change);
                let line = if values.is_empty() {
                    format!("{mark} {name}")
                } else {
                    format!("{mark} {name}: {values}")
                };
                ui.label(line);
            }
            if plan.changes.len() > LISTED {
                let more = plan.changes.len() - LISTED;
                ui.label(t.with("exchange-more", &[("count", more.into())]));
            }
        });
    ui.separator();
    if !plan.conflicts.is_empty() {
        ui.horizontal(|ui| {
            if ui.button(t.get("exchange-all-theirs")).clicked() {
                for c in &plan.conflicts {
                    dialog.choices.insert(c.id.clone(), Choice::Package);
                }
            }
            if ui.button(t.get("exchange-all-ours")).clicked() {
                for c in &plan.conflicts {
                    dialog.choices.insert(c.id.clone(), Choice::Here);
                }
            }
        });
    }
    let undecided = dialog.undecided();
    if undecided > 0 {
        ui.label(t.with("exchange-undecided", &[("count", undecided.into())]));
    }
    ui.horizontal(|ui| {
        let can = undecided == 0 && dialog.plan.missing.is_empty();
        if ui
            .add_enabled(can, egui::Button::new(t.get("exchange-apply")))
            .clicked()
        {
            commands.push(Command::ApplyPackage);
        }
        if ui.button(t.get("cancel")).clicked() {
            *close = true;
        }
    });
}
