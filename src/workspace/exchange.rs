//! Copies of the open file and the packages of changes they exchange, for the window
//! (File → Make a copy for…, Send my changes…, Merge changes…).

use std::path::Path;

pub use crate::store::exchange::{
    Change, ChangeAction, Choice, Conflict, ConflictCell, ConflictKind, Decisions, ExchangeError,
    Identity, PACKAGE_EXTENSION, Package, PackageHeader, Peer, Plan, RowKind, Since, value_text,
};
/// A value of a package's row, as SQLite holds it.
pub use rusqlite::types::Value;

use super::{StoreError, Workspace};

impl Workspace {
    /// Who the open file is among the copies of its database.
    pub fn identity(&self) -> Result<Identity, StoreError> {
        self.store.identity()
    }

    /// Makes a copy of the open file for `name` at `path`.
    pub fn make_copy(
        &mut self,
        path: &Path,
        name: &str,
        editor: &str,
    ) -> Result<Identity, StoreError> {
        self.store.make_copy(path, name, editor)
    }

    /// Writes the changes made here for `to` (`None`: the only file this one exchanges with).
    pub fn send_changes(
        &mut self,
        path: &Path,
        to: Option<&str>,
        since: Since,
        editor: &str,
    ) -> Result<PackageHeader, StoreError> {
        self.store.make_package(path, to, since, editor)
    }

    /// Reads a package and what applying it would do, conflicts undecided.
    pub fn plan_package(&self, path: &Path) -> Result<(Package, Plan), StoreError> {
        let package = Package::read(path)?;
        let plan = self.store.plan(&package, &Decisions::default())?;
        Ok((package, plan))
    }

    /// Applies a package with every conflict decided, then reads the file again.
    pub fn apply_package(
        &mut self,
        package: &Package,
        decisions: &Decisions,
    ) -> Result<Plan, StoreError> {
        let plan = self.store.apply_package(package, decisions)?;
        self.reload()?;
        Ok(plan)
    }
}

/// The message that names a column of a package's rows in the window.
pub fn column_message(column: &str) -> Option<&'static str> {
    Some(match column {
        "value" => "exchange-col-value",
        "status" => "exchange-col-status",
        "qualifier" => "exchange-col-qualifier",
        "footnote" => "exchange-col-footnote",
        "baseline_year" => "exchange-col-baseline-year",
        "baseline_value" => "exchange-col-baseline-value",
        "target_value" => "exchange-col-target-value",
        "reference" => "exchange-col-reference",
        "position" => "exchange-col-position",
        "spec" => "exchange-col-spec",
        "short_name" | "short_name_vi" => "exchange-col-short-name",
        "publisher" | "publisher_vi" => "exchange-col-publisher",
        "title" | "title_vi" => "exchange-col-title",
        "edition" | "edition_vi" => "exchange-col-edition",
        "published" => "exchange-col-published",
        _ => return None,
    })
}

impl Workspace {
    /// The names of a package's row in `language`, from its natural key: a figure's indicator,
    /// area, subgroup and source names and its year; a code this file does not know stays a
    /// code.
    pub fn row_names(
        &self,
        row: RowKind,
        key: &[Value],
        language: crate::model::Language,
    ) -> Vec<String> {
        let code = |i: usize| key.get(i).map(value_text).unwrap_or_default();
        let indicator = |c: String| {
            self.catalogue
                .iter()
                .find(|r| r.entry.indicator.code == c)
                .map_or(c, |r| r.entry.indicator.short_label(language).to_owned())
        };
        let area = |c: String| {
            self.areas
                .iter()
                .find(|a| a.code == c)
                .map_or(c, |a| a.name.get(language).to_owned())
        };
        let subgroup = |c: String| {
            self.subgroups
                .iter()
                .find(|s| s.code == c)
                .map_or(c, |s| s.name.get(language).to_owned())
        };
        let source = |c: String| {
            self.sources
                .iter()
                .find(|s| s.code == c)
                .map_or(c, |s| s.short_name.get(language).to_owned())
        };
        let mut names = match row {
            RowKind::Figure | RowKind::Target => {
                let mut names = vec![indicator(code(0)), area(code(1)), subgroup(code(2))];
                if row == RowKind::Figure {
                    names.push(source(code(3)));
                    names.push(code(4));
                    names.push(code(5));
                } else {
                    names.push(code(3));
                }
                names
            }
            RowKind::Source => vec![source(code(0))],
            RowKind::View => vec![code(0)],
        };
        names.retain(|n| !n.is_empty());
        names
    }
}
