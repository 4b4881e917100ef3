//! Chiso: an offline dashboard for national social-welfare indicators.
//!
//! | module   | holds                                                            |
//! |----------|------------------------------------------------------------------|
//! | `model`  | plain values: indicators, figures, flags, periods                |
//! | `store`  | the SQLite file: schema, safe opening, queries, edits, audit     |
//! | `import` | readers of figure files (Chiso's long CSV, publishers' formats)  |
//! | `jobs`   | work beside the window: an import in a thread, with progress     |
//! | `chart`  | pure: figures → chart description, headline card, table          |
//! | `export` | chart description → SVG → PNG, the same on every machine           |
//! | `workspace` | the open file and the selection, as the window shows them     |
//! | `ui`     | egui only: the window, drawing the workspace (feature `gui`)     |
//! | `cli`    | the command line: what each subcommand prints                    |
//!
//! Layers look down only: `store` and `import` know nothing of the command line or the window.

pub mod chart;
pub mod cli;
pub mod editing;
pub mod export;
pub mod import;
pub mod jobs;
pub mod model;
pub mod store;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
pub mod workspace;
