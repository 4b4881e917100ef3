//! Chiso: an offline dashboard for national social-welfare indicators.
//!
//! | module      | layer | holds                                                          |
//! |-------------|-------|----------------------------------------------------------------|
//! | `model`     | 0     | plain values: indicators, figures, flags, the user's chart choice, figures as read |
//! | `text`      | 0     | text for people: accent-insensitive matching, clipping, codes  |
//! | `locale`    | 0     | the reader's language; numbers written and read its way (ICU4X) |
//! | `store`     | 1     | the SQLite file: schema, safe opening, queries, edits, audit, imports applied |
//! | `import`    | 1     | readers of figure files (Chiso's long CSV, publishers' formats) |
//! | `chart`     | 1     | pure: figures → chart description, axis, style, headline, table |
//! | `export`    | 2     | chart description → SVG → PNG; figures → long CSV               |
//! | `workspace` | 3     | the open file and the selection; deck, editing, imports, sample |
//! | `ui`        | 4     | egui only: the window, drawing the workspace (feature `gui`)   |
//! | `cli`       | 4     | the command line: what each subcommand prints                  |
//!
//! Layers look down only, and modules of one layer do not use each other: the store knows no
//! reader and no chart, the window reaches the store only through the workspace and never the
//! command line. `tests/layers.rs` fails on an import that breaks this; `docs/ARCHITECTURE.md`
//! says why and where new things go.

pub mod chart;
pub mod cli;
pub mod export;
pub mod import;
pub mod locale;
pub mod model;
pub mod store;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
pub mod workspace;
