//! The arguments of every subcommand (clap), and the conversions of their text.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::export::Preset;

#[derive(Debug, Parser)]
#[command(
    name = "chiso",
    version,
    about = "Offline dashboard for social-welfare indicators"
)]
pub struct Args {
    /// The Chiso database to open in the window (default: your copy of the sample database)
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty Chiso database, or a copy of the sample with --sample
    New {
        file: PathBuf,
        /// Fill it with the sample data (Viet Nam's headline indicators and their sources)
        #[arg(long)]
        sample: bool,
    },
    /// Create a large generated database for measuring (not real figures): the country, 6
    /// regions and 63 provinces, subgroups, several sources, 40 years
    GenSample {
        file: PathBuf,
        /// How many figures in all
        #[arg(long, default_value_t = 1_000_000)]
        observations: u64,
        /// How many indicators they are spread over
        #[arg(long, default_value_t = 200)]
        indicators: usize,
        /// The same seed makes the same figures
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Schema version, counts, sources and an integrity check
    Info { file: PathBuf },
    /// SQLite's full integrity check, without changing the file; exits non-zero on damage
    Check { file: PathBuf },
    /// The automatic backups of a database (taken before the first change of each session),
    /// newest first
    Backups {
        file: PathBuf,
        /// Where backups go from now on: data (your data folder, the default), beside (a
        /// folder beside each database), off, or a folder
        #[arg(long, value_name = "data|beside|off|FOLDER")]
        keep: Option<String>,
    },
    /// Put a backup back as the database; the file as it is now is backed up first
    Restore {
        file: PathBuf,
        /// A backup's name as `chiso backups FILE` lists it, or its path
        backup: PathBuf,
    },
    /// Each indicator with its latest value, year, unit and source
    List {
        file: PathBuf,
        /// Numbers written this language's way: vi (0,766, 334.000) or en (0.766, 334,000);
        /// default: the window's language, else the system's
        #[arg(long, value_name = "vi|en", value_parser = ["vi", "en"])]
        lang: Option<String>,
    },
    /// Import figures from publishers' files (World Bank CSV, Excel or API JSON, UNDP HDR, OWID,
    /// GSO PX-Web, SDMX-CSV, ILOSTAT, WHO GHO, workbooks) or Chiso's CSV
    Import {
        file: PathBuf,
        /// The files to import, in any of the formats Chiso reads (detected from their content)
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Show what would be added, changed and skipped, and every problem; write nothing
        #[arg(long)]
        dry_run: bool,
        /// Areas to bring in, by code, created if missing (default: those already in the database)
        #[arg(long, value_delimiter = ',')]
        areas: Option<Vec<String>>,
        /// Indicators to bring in, by the file's code (hdi, le, SH.DYN.MORT), created if missing
        /// (default: those that match indicators already in the database)
        #[arg(long, value_delimiter = ',')]
        indicators: Option<Vec<String>>,
        /// Map a file's indicator onto an existing one: --map le=LIFE_EXPECTANCY (repeatable)
        #[arg(long = "map", value_parser = parse_mapping)]
        mappings: Vec<(String, String)>,
        /// Overwrite figures that differ from those already stored for the same source
        #[arg(long)]
        replace: bool,
        /// Write the good rows even when some rows have problems (default: all or nothing)
        #[arg(long)]
        skip_problems: bool,
        /// The unit of figures whose file does not say it (an Our World in Data CSV without its
        /// metadata): --unit "%" or --unit "per 1,000 live births"
        #[arg(long)]
        unit: Option<String>,
        /// The sheet of a workbook to import, by name or number (default: the first sheet in a
        /// layout Chiso reads)
        #[arg(long)]
        sheet: Option<String>,
        /// The editor named in the audit log (default: the operating-system user)
        #[arg(long)]
        by: Option<String>,
    },
    /// An Excel entry form a province fills without Chiso, for one indicator: a row per area
    /// and year, the file's figures filled in and locked, checks on the cells to fill;
    /// `chiso import` reads it back
    Template {
        file: PathBuf,
        /// Indicator code
        #[arg(long)]
        indicator: String,
        /// A row for every area of this level valid in each year
        #[arg(long, default_value = "province")]
        area_level: String,
        /// One area only (a province's own form), by code
        #[arg(long)]
        area: Option<String>,
        /// Years, FIRST-LAST or one year (default: last year)
        #[arg(long, value_parser = parse_years)]
        years: Option<(i32, i32)>,
        /// Subgroup code (default: T, the total)
        #[arg(long)]
        subgroup: Option<String>,
        /// Source the figures will be filed under (default: that of the indicator's latest)
        #[arg(long)]
        source: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write figures as Chiso's long CSV (to standard output unless --out is given)
    ExportData {
        file: PathBuf,
        /// Only this indicator
        #[arg(long)]
        indicator: Option<String>,
        /// Write to this file instead of standard output (required for xlsx)
        #[arg(long)]
        out: Option<PathBuf>,
        /// csv: Chiso's long CSV; xlsx: an Excel workbook with a sheet per indicator (years
        /// as rows, series as columns), every figure in long form, and the sources
        #[arg(long, value_name = "csv|xlsx", value_parser = ["csv", "xlsx"], default_value = "csv")]
        format: String,
        /// Start the CSV with a byte-order mark, so that Excel on Windows reads Việt Nam right
        #[arg(long)]
        excel: bool,
        /// The workbook's words: vi or en (default: the window's language, else the system's)
        #[arg(long, value_name = "vi|en", value_parser = ["vi", "en"])]
        lang: Option<String>,
    },
    /// Draw a chart to a PNG or SVG file, with no window (or every indicator with --all)
    Export(ExportCommand),
    /// Write one figure, through the same checks and audit as the window
    Set(SetCommand),
    /// Make a copy of a database for a province (or anyone) that records where it came from,
    /// so that the two exchange packages of changes (`chiso changes`, `chiso apply`)
    Copy {
        file: PathBuf,
        /// The new file (must not exist)
        copy: PathBuf,
        /// Whom the copy is for, as packages will name it (e.g. "Lào Cai")
        #[arg(long = "for", value_name = "NAME")]
        for_name: String,
        /// The editor named in the audit log (default: the operating-system user)
        #[arg(long)]
        by: Option<String>,
    },
    /// Write the changes made in a file (figures, their flags, targets, sources, saved views)
    /// as one package for the file it exchanges with
    Changes {
        file: PathBuf,
        /// The package file to write
        #[arg(long)]
        out: PathBuf,
        /// The file it is for, by the name its copy was made for (needed in a file with several
        /// copies; a copy sends to the file it came from)
        #[arg(long, value_name = "NAME")]
        to: Option<String>,
        /// copy: every change since the copy was made; last: since the last package for the same
        /// file (the default)
        #[arg(long, value_name = "copy|last", default_value = "last")]
        since: String,
        /// The editor the package names (default: the operating-system user)
        #[arg(long)]
        by: Option<String>,
    },
    /// Apply a package of changes: lists what it adds, changes and deletes and every conflict,
    /// then applies all of it or nothing
    Apply {
        file: PathBuf,
        package: PathBuf,
        /// Show what would change and every conflict; write nothing
        #[arg(long)]
        dry_run: bool,
        /// How conflicts are decided: package (the package's value) or centre (this file's
        /// value). Without it, a package with conflicts is not applied
        #[arg(long, value_name = "package|centre")]
        prefer: Option<String>,
        /// How many changes to list (conflicts are always all listed)
        #[arg(long, default_value_t = 40)]
        show: usize,
    },
    /// The latest changes recorded in the audit log, newest first
    Audit {
        file: PathBuf,
        /// How many changes to show
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// The figures of one indicator, as CSV on standard output
    Series {
        file: PathBuf,
        /// Indicator code, as `chiso list` shows it (e.g. U5MR)
        code: String,
        /// Only this area (code, e.g. VNM)
        #[arg(long)]
        area: Option<String>,
        /// Only this subgroup (code, e.g. T for total)
        #[arg(long)]
        subgroup: Option<String>,
        /// Only this source (code, as `chiso info` lists them)
        #[arg(long)]
        source: Option<String>,
    },
}

fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let preset = match text.to_ascii_lowercase().as_str() {
        "wide" | "16:9" => Some(Preset::Wide),
        "standard" | "4:3" => Some(Preset::Standard),
        "square" => Some(Preset::Square),
        _ => None,
    };
    if let Some(p) = preset {
        return Ok(p.size());
    }
    text.split_once(['x', 'X', '×'])
        .and_then(|(w, h)| Some((w.trim().parse().ok()?, h.trim().parse().ok()?)))
        .ok_or_else(|| {
            format!("{text:?}: write WIDTHxHEIGHT, e.g. 1920x1080, or wide, standard, square")
        })
}

fn parse_day(text: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| format!("{text:?}: write a day as YYYY-MM-DD, e.g. 2025-07-01"))
}

fn parse_mapping(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((from, to)) if !from.trim().is_empty() && !to.trim().is_empty() => {
            Ok((from.trim().to_owned(), to.trim().to_owned()))
        }
        _ => Err(format!(
            "{text:?}: write FILE_CODE=CHISO_CODE, e.g. le=LIFE_EXPECTANCY"
        )),
    }
}

/// The arguments of `chiso export`.
#[derive(Debug, clap::Args)]
pub struct ExportCommand {
    pub file: PathBuf,
    /// Indicator code
    #[arg(long, required_unless_present_any = ["all", "deck"])]
    pub indicator: Option<String>,
    /// Area code (default: the headline area)
    #[arg(long)]
    pub area: Option<String>,
    /// Subgroup code (default: the headline subgroup)
    #[arg(long)]
    pub subgroup: Option<String>,
    /// Only this source (default: every source, side by side)
    #[arg(long)]
    pub source: Option<String>,
    /// First year shown (1000 to 9999, the years a Chiso file keeps)
    #[arg(long, value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub from: Option<i32>,
    /// Last year shown (1000 to 9999)
    #[arg(long, value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub to: Option<i32>,
    /// As an index, the first year shown = 100
    #[arg(long)]
    pub relative: bool,
    /// Logarithmic value axis
    #[arg(long)]
    pub log: bool,
    /// The kind of chart: time-series (years along the axis), ranking (every province of one
    /// year, sorted) or map (the same provinces in colour classes, on the boundaries of the day)
    #[arg(long, default_value = "time-series", value_parser = ["time-series", "ranking", "map"])]
    pub kind: String,
    /// The year a ranking ranks (default: the latest year with the most provinces)
    #[arg(long, value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub year: Option<i32>,
    /// An earlier year, drawn as a second mark on each bar of a ranking
    #[arg(long, value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub since: Option<i32>,
    /// Rank the areas valid on this day, YYYY-MM-DD (default: those valid in --year); for a
    /// year before a reform, its new units get estimates from their predecessors
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub boundaries: Option<String>,
    /// What a ranking's colours say: region, or nation (better or worse than the national
    /// figure)
    #[arg(long, default_value = "region", value_parser = ["region", "nation"])]
    pub colour: String,
    /// A map's colour classes: quantiles (five of as many provinces each), equal (five of
    /// equal width), or your own breaks, lowest first: 15,20,25,30
    #[arg(long, value_name = "quantiles|equal|B1,B2,…", value_parser = parse_classes)]
    pub classes: Option<crate::model::selection::MapClasses>,
    /// Earlier years drawn beside a map's --year, in the same classes (one or two): 2010,2013
    #[arg(long, value_delimiter = ',', value_parser = clap::value_parser!(i32).range(1000..=9999))]
    pub also_years: Vec<i32>,
    /// png, svg or pdf (default: from the file name, else png); a deck as pdf is one
    /// document, a page a slide, written to --out
    #[arg(long, value_parser = ["png", "svg", "pdf"])]
    pub format: Option<String>,
    /// WIDTHxHEIGHT in px, or wide (1920x1080), standard (1600x1200), square (1080x1080)
    #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
    pub size: (u32, u32),
    /// PNG pixels per px, for high-DPI screens
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// Dark background (the default is light, for projectors)
    #[arg(long)]
    pub dark: bool,
    /// Replace the chart's title
    #[arg(long)]
    pub title: Option<String>,
    /// The file to write
    #[arg(long, required_unless_present_any = ["all", "deck"])]
    pub out: Option<PathBuf>,
    /// One chart per indicator, named by code, into --out-dir
    #[arg(long, requires = "out_dir", conflicts_with = "deck")]
    pub all: bool,
    /// The deck of saved views: one slide per file numbered in deck order into --out-dir,
    /// or with --format pdf one document to --out (--title names it)
    #[arg(long)]
    pub deck: bool,
    /// A first page with the deck's title, the date and its slides (PDF decks)
    #[arg(long, requires = "deck")]
    pub title_page: bool,
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// The language of the chart's words and numbers: vi or en (default: the window's, else
    /// the system's)
    #[arg(long, value_name = "vi|en", value_parser = ["vi", "en"])]
    pub lang: Option<String>,
}

/// The arguments of `chiso set`.
#[derive(Debug, clap::Args)]
pub struct SetCommand {
    pub file: PathBuf,
    /// Indicator code
    pub code: String,
    pub year: i32,
    pub value: String,
    /// Area code (default: the country)
    #[arg(long)]
    pub area: Option<String>,
    /// Subgroup code (default: T, the total)
    #[arg(long)]
    pub subgroup: Option<String>,
    /// Source code (default: the source of your last figure)
    #[arg(long)]
    pub source: Option<String>,
    /// normal, estimated, provisional, forecast or break
    #[arg(long, default_value = "normal")]
    pub status: String,
    /// about, more_than, less_than, at_least or at_most
    #[arg(long, default_value = "")]
    pub qualifier: String,
    #[arg(long)]
    pub footnote: Option<String>,
    /// Refuse unless the stored value is this one (`none`: unless there is none)
    #[arg(long)]
    pub expect: Option<String>,
    /// The editor named in the audit log (default: the operating-system user)
    #[arg(long)]
    pub by: Option<String>,
    /// Read VALUE and --expect written this language's way: vi (0,77 or 334.000) or en
    /// (0.77 or 334,000). Without it, they must be plain: 0.77, 334000
    #[arg(long, value_name = "vi|en")]
    pub lang: Option<String>,
}

/// `2024-2026` or `2025`: first and last year, within 1000–9999.
fn parse_years(text: &str) -> Result<(i32, i32), String> {
    let year = |t: &str| {
        t.trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1000..=9999).contains(y))
            .ok_or_else(|| format!("{t:?} is not a year (1000 to 9999)"))
    };
    let (first, last) = match text.split_once('-') {
        Some((a, b)) => (year(a)?, year(b)?),
        None => (year(text)?, year(text)?),
    };
    if first > last {
        return Err(format!("{first} comes after {last}: write FIRST-LAST"));
    }
    Ok((first, last))
}

/// `quantiles`, `equal`, or breaks written plainly and separated by commas (`15,20,25`).
fn parse_classes(text: &str) -> Result<crate::model::selection::MapClasses, String> {
    use crate::model::selection::MapClasses;
    match text.trim() {
        "quantiles" => Ok(MapClasses::Quantiles),
        "equal" => Ok(MapClasses::EqualIntervals),
        breaks => {
            let values = breaks
                .split(',')
                .map(|b| {
                    crate::locale::parse_plain(b).map_err(|e| {
                        format!("{b:?}: {e}; write breaks as 15,20,25 (a point for decimals)")
                    })
                })
                .collect::<Result<Vec<f64>, String>>()?;
            if values.len() < 2 || values.len() > crate::model::selection::MAX_BREAKS {
                return Err(format!(
                    "give 2 to {} breaks, lowest first",
                    crate::model::selection::MAX_BREAKS
                ));
            }
            if values.windows(2).any(|w| w[0] >= w[1]) {
                return Err("the breaks must rise: 15,20,25".into());
            }
            Ok(MapClasses::Breaks(values))
        }
    }
}
