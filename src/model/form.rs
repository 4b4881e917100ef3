//! The layout of a province's entry form, which `export::form` writes and `import::form`
//! reads back: one place for what both must agree on.

/// The very hidden sheet that says what the form is for.
pub const KEY_SHEET: &str = "chiso_form";
/// The value of its `form` row: a workbook with a sheet of that name by chance is no form.
pub const MARK: &str = "chiso entry form";
/// The version of the layout: a later Chiso reads older forms, never newer ones.
pub const VERSION: u32 = 1;
/// The 0-based row of the figures' header; the figures start on the next (row 7 in Excel).
pub const HEADER_ROW: u32 = 5;
/// The 0-based column of the value (D); before it the year, the area's name and its code,
/// after it the status and the note.
pub const VALUE_COLUMN: u16 = 3;
