//! What went wrong, in the window's language. The store, the export and the locale say it as
//! typed values (their `Display` is the command line's English); here each becomes the
//! sentence of the translation files, with what to do about it.

use crate::export::ExportError;
use crate::locale::{Arg, Language, Messages, NumberError};
use crate::workspace::editing::Warning;
use crate::workspace::{
    DeckError, GenerateRefusal, ImportNote as Note, ImportOutcome, ImportSkip as Skip, OpenError,
    ReadOnlyReason, RecordRefusal, Refusal, RevertRefusal, SlideError, StoreError, ViewRefusal,
};
use crate::workspace::{Reason, WbApiShape};

fn path(p: &std::path::Path) -> Arg<'static> {
    Arg::from(p.display().to_string())
}

/// Why a file could not be opened.
pub fn open(t: &Messages, e: &OpenError) -> String {
    use OpenError as E;
    match e {
        E::Missing { path: p } => t.with("open-missing", &[("path", path(p))]),
        E::Directory { path: p } => t.with("open-directory", &[("path", path(p))]),
        E::NotAFile { path: p } => t.with("open-not-a-file", &[("path", path(p))]),
        E::Empty { path: p } => t.with("open-empty", &[("path", path(p))]),
        E::NotSqlite {
            path: p,
            looks_like,
        } => t.with(
            "open-not-sqlite",
            &[("path", path(p)), ("looks-like", (*looks_like).into())],
        ),
        E::Foreign { path: p, tables } => t.with(
            "open-foreign",
            &[("path", path(p)), ("tables", tables.into())],
        ),
        E::Corrupt {
            path: p,
            detail,
            backup,
        } => t.with(
            "open-corrupt",
            &[
                ("path", path(p)),
                ("detail", detail.into()),
                ("advice", backup_advice(t, backup.as_deref()).into()),
            ],
        ),
        E::Locked { path: p } => t.with("open-locked", &[("path", path(p))]),
        E::Interrupted {
            path: p,
            read_only_file,
        } => t.with(
            if *read_only_file {
                "open-interrupted-read-only"
            } else {
                "open-interrupted"
            },
            &[("path", path(p))],
        ),
        E::Unreadable { path: p, detail } => t.with(
            "open-unreadable",
            &[("path", path(p)), ("detail", detail.into())],
        ),
        E::AlreadyExists { path: p } => t.with("open-exists", &[("path", path(p))]),
        E::Sqlite { path: p, detail } => t.with(
            "open-sqlite",
            &[("path", path(p)), ("detail", detail.into())],
        ),
    }
}

/// What to do with a damaged file: its newest good backup, by name, or that there is none.
fn backup_advice(t: &Messages, backup: Option<&std::path::Path>) -> String {
    match backup.and_then(|b| b.file_name()) {
        Some(name) => t.with(
            "backup-advice-newest",
            &[("backup", name.to_string_lossy().into_owned().into())],
        ),
        None => t.get("backup-advice-none"),
    }
}

/// Why the open file can be looked at but not changed.
pub fn read_only(t: &Messages, reason: &ReadOnlyReason) -> String {
    match reason {
        ReadOnlyReason::FileReadOnly => t.get("read-only-file"),
        ReadOnlyReason::NewerSchema { found, known } => t.with(
            "read-only-newer",
            &[("found", (*found).into()), ("known", (*known).into())],
        ),
        ReadOnlyReason::Requested => t.get("read-only-requested"),
        ReadOnlyReason::ReadOnlyMedium { unread_log: false } => t.get("read-only-medium"),
        ReadOnlyReason::ReadOnlyMedium { unread_log: true } => t.get("read-only-medium-log"),
        ReadOnlyReason::Damaged { detail, backup } => t.with(
            "read-only-damaged",
            &[
                ("detail", detail.into()),
                ("advice", backup_advice(t, backup.as_deref()).into()),
            ],
        ),
        ReadOnlyReason::ForeignSchemaObjects { objects } => {
            const SHOWN: usize = 5;
            let listed: Vec<&str> = objects.iter().take(SHOWN).map(String::as_str).collect();
            t.with(
                "read-only-foreign-objects",
                &[
                    ("objects", listed.join(", ").into()),
                    ("more", objects.len().saturating_sub(SHOWN).into()),
                ],
            )
        }
    }
}

/// A store's error, as the window says it.
pub fn store(t: &Messages, e: &StoreError) -> String {
    use StoreError as E;
    match e {
        E::ReadOnly(reason) => t.with(
            "store-read-only",
            &[("reason", read_only(t, reason).into())],
        ),
        E::UnknownIndicator(code) => t.with("store-unknown-indicator", &[("code", code.into())]),
        E::UnknownArea(code) => t.with("store-unknown-area", &[("code", code.into())]),
        E::UnknownSubgroup(code) => t.with("store-unknown-subgroup", &[("code", code.into())]),
        E::UnknownSource(code) => t.with("store-unknown-source", &[("code", code.into())]),
        E::Refused(refusal) => refused(t, refusal),
        E::Revert(refusal) => revert(t, refusal),
        E::Record(refusal) => record(t, refusal),
        E::View(refusal) => view(t, refusal),
        E::NothingToDraw { indicator, .. } => {
            t.with("store-nothing-to-draw", &[("indicator", indicator.into())])
        }
        E::AtLine { file, line, source } => t.with(
            "store-at-line",
            &[
                ("file", file.into()),
                ("line", (*line).into()),
                ("error", store(t, source).into()),
            ],
        ),
        E::Generate(refusal) => generate(t, refusal),
        E::Busy => t.get("store-busy"),
        E::Cancelled => t.get("store-cancelled"),
        E::Write { path: p, detail } => t.with(
            "store-write",
            &[
                ("path", p.as_deref().map_or(Arg::from(""), path)),
                ("detail", detail.into()),
            ],
        ),
        E::Conflict { expected, current } => {
            let value = |v: &Option<f64>| v.map_or(Arg::from(t.get("value-missing")), Arg::from);
            t.with(
                "store-conflict",
                &[("current", value(current)), ("expected", value(expected))],
            )
        }
        E::Corrupt(detail) => t.with("store-corrupt", &[("detail", detail.to_string().into())]),
        E::WrongType(detail) => t.with("store-wrong-type", &[("detail", detail.into())]),
        E::Sqlite(detail) => t.with("store-sqlite", &[("detail", detail.to_string().into())]),
        E::Backup(detail) => t.with("store-backup", &[("detail", detail.to_string().into())]),
        E::Exchange(e) => exchange(t, e),
    }
}

/// A copy or a package that was not made or applied.
pub fn exchange(t: &Messages, e: &crate::workspace::exchange::ExchangeError) -> String {
    use crate::workspace::exchange::ExchangeError as X;
    match e {
        X::Exists(p) => t.with("exchange-error-exists", &[("path", path(p))]),
        X::NotAPackage { path: p, why } => t.with(
            "exchange-error-not-a-package",
            &[("path", path(p)), ("why", why.into())],
        ),
        X::Checksum { path: p } => t.with("exchange-error-checksum", &[("path", path(p))]),
        X::OtherDatabase {
            from_name,
            to_name,
            package_db,
            here_db,
        } => t.with(
            "exchange-error-other-database",
            &[
                ("from", from_name.into()),
                ("to", to_name.into()),
                ("theirs", package_db.into()),
                ("ours", here_db.into()),
            ],
        ),
        X::OwnPackage { to_name } => {
            t.with("exchange-error-own-package", &[("to", to_name.into())])
        }
        X::NoPeer => t.get("exchange-error-no-peer"),
        X::WhichPeer { names } => t.with("exchange-error-which-peer", &[("names", names.into())]),
        X::UnknownPeer { name, names } => t.with(
            "exchange-error-unknown-peer",
            &[("name", name.into()), ("names", names.into())],
        ),
        X::Missing { list } => t.with("exchange-error-missing", &[("list", list.into())]),
        X::Undecided { count } => t.with("exchange-error-undecided", &[("count", (*count).into())]),
        X::Unreadable(detail) => t.with("exchange-error-unreadable", &[("detail", detail.into())]),
    }
}

/// A figure that was not written.
pub fn refused(t: &Messages, r: &Refusal) -> String {
    match r {
        Refusal::Year { year } => t.with("refused-year", &[("year", year_arg(*year))]),
        Refusal::NotANumber => t.get("refused-not-a-number"),
        Refusal::Typed {
            indicator,
            year,
            reason,
        } => t.with(
            "refused-typed",
            &[
                ("indicator", indicator.into()),
                ("year", year_arg(*year)),
                ("reason", number(t, reason).into()),
            ],
        ),
        Refusal::TooLarge { value } => t.with("refused-too-large", &[("value", (*value).into())]),
        Refusal::OutsideValidRange {
            value,
            indicator,
            low,
            high,
        } => t.with(
            "refused-outside-range",
            &[
                ("value", (*value).into()),
                ("indicator", indicator.into()),
                ("low", bound(*low, "−∞")),
                ("high", bound(*high, "∞")),
            ],
        ),
        Refusal::NoCountryArea => t.get("refused-no-country"),
        Refusal::NoSource => t.get("refused-no-source"),
        Refusal::AlreadyStored { figure } => {
            t.with("refused-already-stored", &[("figure", figure.into())])
        }
        Refusal::NotAllowed { figure, detail } => t.with(
            "refused-not-allowed",
            &[("figure", figure.into()), ("detail", detail.into())],
        ),
    }
}

/// One end of a range, or `none` (−∞, ∞) where it is open.
fn bound(v: Option<f64>, none: &'static str) -> Arg<'static> {
    v.map_or(Arg::from(none), Arg::from)
}

/// Years are written without grouping in both languages (2024, not 2.024).
fn year_arg(year: i32) -> Arg<'static> {
    Arg::from(year.to_string())
}

fn revert(t: &Messages, r: &RevertRefusal) -> String {
    match r {
        RevertRefusal::NoSuchChange { id } => {
            t.with("revert-no-such-change", &[("id", id.to_string().into())])
        }
        RevertRefusal::NotAFigure => t.get("revert-not-a-figure"),
        RevertRefusal::FigureGone => t.get("revert-figure-gone"),
        RevertRefusal::CellTaken => t.get("revert-cell-taken"),
        RevertRefusal::NotRevertible => t.get("revert-not-revertible"),
    }
}

fn record(t: &Messages, r: &RecordRefusal) -> String {
    let field = |f: &str| Arg::from(field(t, f));
    match r {
        RecordRefusal::NoSuchList { table } => {
            t.with("record-no-such-list", &[("table", table.into())])
        }
        RecordRefusal::Needed { field: f } => t.with("record-needed", &[("field", field(f))]),
        RecordRefusal::Number { field: f, reason } => t.with(
            "record-number",
            &[("field", field(f)), ("reason", number(t, reason).into())],
        ),
        RecordRefusal::NotWhole { field: f, raw } => t.with(
            "record-not-whole",
            &[("field", field(f)), ("text", raw.into())],
        ),
        RecordRefusal::NotAChoice { field: f, choices } => t.with(
            "record-not-a-choice",
            &[("field", field(f)), ("choices", choices.join(", ").into())],
        ),
        RecordRefusal::NoSuchCode {
            field: f,
            table,
            raw,
        } => t.with(
            "record-no-such-code",
            &[
                ("field", field(f)),
                ("table", (*table).into()),
                ("code", raw.into()),
            ],
        ),
        RecordRefusal::CodeTaken => t.get("record-code-taken"),
        RecordRefusal::NotAllowed { detail } => {
            t.with("record-not-allowed", &[("detail", detail.into())])
        }
        RecordRefusal::InUse { count } => t.with("record-in-use", &[("count", (*count).into())]),
        RecordRefusal::StillUsed { detail } => {
            t.with("record-still-used", &[("detail", detail.into())])
        }
    }
}

/// A field of a list's form, named in the window's language: its store label (`Short name`)
/// is the key of its message (`field-short-name`).
pub fn field(t: &Messages, label: &str) -> String {
    t.get(&format!("field-{}", label.to_lowercase().replace(' ', "-")))
}

fn view(t: &Messages, r: &ViewRefusal) -> String {
    match r {
        ViewRefusal::NoName => t.get("view-no-name"),
        ViewRefusal::NameTaken { name } => t.with("view-name-taken", &[("name", name.into())]),
        ViewRefusal::NotSaved { detail } => t.with("view-not-saved", &[("detail", detail.into())]),
    }
}

fn generate(t: &Messages, r: &GenerateRefusal) -> String {
    // `chiso gen-sample` only: the window never generates, but a message is never English
    // in a Vietnamese window.
    match r {
        GenerateRefusal::NoIndicators => t.get("generate-no-indicators"),
        GenerateRefusal::TooManyFigures { observations, .. } => {
            t.with("generate-too-many", &[("count", (*observations).into())])
        }
    }
}

/// A figure saved but worth a second look.
pub fn warning(t: &Messages, w: &Warning) -> String {
    match w {
        Warning::Implausible {
            indicator,
            value,
            low,
            high,
        } => t.with(
            "check-implausible",
            &[
                ("value", (*value).into()),
                ("indicator", indicator.into()),
                ("low", bound(*low, "−∞")),
                ("high", bound(*high, "∞")),
            ],
        ),
        Warning::Jump {
            value,
            previous,
            previous_year,
        } => t.with(
            "check-jump",
            &[
                ("value", (*value).into()),
                ("previous", (*previous).into()),
                ("year", previous_year.to_string().into()),
            ],
        ),
    }
}

/// The warnings of a cell, in one line.
pub fn warnings(t: &Messages, ws: &[Warning]) -> String {
    ws.iter()
        .map(|w| warning(t, w))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A typed number that could not be read, with the form expected.
pub fn number(t: &Messages, e: &NumberError) -> String {
    let way = |l: &Language| Arg::from(t.get(&format!("numbers-way-{}", l.code())));
    match e {
        NumberError::Empty => t.get("number-empty"),
        NumberError::OtherConvention {
            text,
            language,
            expected,
        } => t.with(
            "number-other-convention",
            &[
                ("text", text.into()),
                ("way", way(language)),
                ("example", language.example().into()),
                ("expected", expected.into()),
            ],
        ),
        NumberError::NotANumber { text, language } => t.with(
            "number-not-in-convention",
            &[
                ("text", text.into()),
                ("way", way(language)),
                ("example", language.example().into()),
            ],
        ),
        NumberError::NotPlain { text } => t.with("number-not-plain", &[("text", text.into())]),
        NumberError::Invalid { text } => t.with("number-invalid", &[("text", text.into())]),
        NumberError::TooLarge { text } => t.with("number-too-large", &[("text", text.into())]),
    }
}

/// An entry form that could not be made or read.
pub fn form(t: &Messages, e: &crate::workspace::entry_form::FormError) -> String {
    use crate::workspace::entry_form::FormError as E;
    match e {
        E::Store(e) => store(t, e),
        E::Export(e) => export(t, e),
        E::Read(e) => t.with("form-unreadable", &[("detail", e.to_string().into())]),
        E::NoAreas(level) => t.with("form-no-areas", &[("level", level.into())]),
        E::NoSource(code) => t.with("form-no-source", &[("code", code.into())]),
    }
}

/// A workbook or CSV of figures that could not be written.
pub fn workbook(t: &Messages, e: &crate::workspace::WorkbookError) -> String {
    use crate::workspace::WorkbookError as E;
    match e {
        E::Store(e) => store(t, e),
        E::Export(e) => export(t, e),
        E::Empty(_) => t.get("workbook-empty"),
    }
}

/// A chart that could not be drawn or written.
pub fn export(t: &Messages, e: &ExportError) -> String {
    match e {
        ExportError::Write(detail) => t.with("export-write", &[("detail", detail.into())]),
        ExportError::TooSmall(w, h) => t.with(
            "export-too-small",
            &[("width", (*w).into()), ("height", (*h).into())],
        ),
        ExportError::TooLarge(w, h, _) => t.with(
            "export-too-large",
            &[("width", (*w).into()), ("height", (*h).into())],
        ),
        ExportError::Raster(detail) => t.with("export-raster", &[("detail", detail.into())]),
        ExportError::Pdf(detail) => t.with("export-pdf", &[("detail", detail.into())]),
    }
}

/// A deck that could not be written whole.
pub fn deck(t: &Messages, e: &DeckError) -> String {
    match e {
        DeckError::Folder { path: p, source } => t.with(
            "deck-folder",
            &[("path", path(p)), ("detail", source.to_string().into())],
        ),
        DeckError::Empty => t.get("deck-empty"),
        DeckError::Pdf(e) => export(t, e),
        DeckError::Slide {
            number,
            name,
            source,
        } => {
            let error = match source {
                SlideError::Store(e) => store(t, e),
                SlideError::Export(e) => export(t, e),
            };
            t.with(
                "deck-slide",
                &[
                    ("number", (*number).into()),
                    ("name", name.into()),
                    ("error", error.into()),
                ],
            )
        }
    }
}

/// A file format as the import report names it (the command line's English), in the window's
/// language.
pub fn import_format(t: &Messages, name: &str) -> String {
    match crate::workspace::ImportFormat::named(name) {
        Some(format) => t.get(&format!("format-{}", format.key())),
        None => name.to_owned(),
    }
}

/// Why a cell, a row or a file of an import could not be read.
pub fn import_reason(t: &Messages, reason: &Reason) -> String {
    use Reason as R;
    let said = |id: &str, detail: &String| t.with(id, &[("detail", detail.into())]);
    match reason {
        R::BadCsv(detail) => said("reason-bad-csv", detail),
        R::BadJson(detail) => said("reason-bad-json", detail),
        R::NoHeader => t.get("reason-no-header"),
        R::NoWdiHeader => t.get("reason-no-wdi-header"),
        R::ColumnTwice(column) => t.with("reason-column-twice", &[("column", column.into())]),
        R::NoColumn { column, required } => t.with(
            "reason-no-column",
            &[
                ("column", (&**column).into()),
                ("required", (&**required).into()),
            ],
        ),
        R::NoPeriodColumn => t.get("reason-no-period-column"),
        R::NotAPeriod => t.get("reason-not-a-period"),
        R::NotAYear => t.get("reason-not-a-year"),
        R::NotAYearlyDate(at) => t.with("reason-not-a-yearly-date", &[("at", (*at).into())]),
        R::NotANumber => t.get("reason-not-a-number"),
        R::InObservation { at, reason } => t.with(
            "reason-in-observation",
            &[
                ("at", (*at).into()),
                ("reason", import_reason(t, reason).into()),
            ],
        ),
        R::TooLarge => t.get("reason-too-large"),
        R::TooSmall => t.get("reason-too-small"),
        R::PastHeader { count, split } => match split {
            Some(split) => t.with(
                "reason-past-header-comma",
                &[("count", (*count).into()), ("split", split.into())],
            ),
            None => t.with("reason-past-header", &[("count", (*count).into())]),
        },
        R::StrayByte { byte } => t.with(
            "reason-stray-byte",
            &[("byte", format!("{byte:02X}").into())],
        ),
        R::ShortRow { cells, header } => t.with(
            "reason-short-row",
            &[("cells", (*cells).into()), ("header", (*header).into())],
        ),
        R::TooLong { chars, limit } => t.with(
            "reason-too-long",
            &[("chars", (*chars).into()), ("limit", (*limit).into())],
        ),
        R::NotUtf8 => t.get("reason-not-utf8"),
        R::UnknownStatus(words) => said("reason-unknown-status", words),
        R::UnknownQualifier(words) => said("reason-unknown-qualifier", words),
        R::NoCode => t.get("reason-no-code"),
        R::HiddenCharacter => t.get("reason-hidden-character"),
        R::HiddenInName => t.get("reason-hidden-in-name"),
        R::MissingValue => t.get("reason-missing-value"),
        R::NoIso3Column => t.get("reason-no-iso3-column"),
        R::NotWbApi(shape) => t.get(match shape {
            WbApiShape::NotAList => "reason-wb-api-not-a-list",
            WbApiShape::EmptyList => "reason-wb-api-empty-list",
            WbApiShape::DataNotAList => "reason-wb-api-data-not-a-list",
        }),
        R::WbApiError(detail) => said("reason-wb-api-error", detail),
        R::WbApiPage { page, pages } => t.with(
            "reason-wb-api-page",
            &[("page", (*page).into()), ("pages", (*pages).into())],
        ),
        R::WbApiEmpty => t.get("reason-wb-api-empty"),
        R::NotGhoOdata => t.get("reason-not-gho-odata"),
        R::OwidMetadataUnreadable { file, why } => t.with(
            "reason-owid-metadata-unreadable",
            &[("file", (&**file).into()), ("detail", (&**why).into())],
        ),
        R::OwidNoMetadata => t.get("reason-owid-no-metadata"),
        R::TableWithoutYear => t.get("reason-table-without-year"),
        R::NoSuchSheet { sheet, sheets } => t.with(
            "reason-no-such-sheet",
            &[("sheet", (&**sheet).into()), ("sheets", (&**sheets).into())],
        ),
        R::FactorAgainst(mismatch) => t.with(
            "reason-factor-against",
            &[
                ("value", mismatch.value.into()),
                ("factor", mismatch.factor.into()),
                ("source", mismatch.against.as_str().into()),
                ("other", mismatch.other.into()),
            ],
        ),
        R::RefusedByConstraints => t.get("reason-refused-by-constraints"),
        R::DuplicateRow => t.get("reason-duplicate-row"),
        R::DiffersFromStored { stored } => {
            t.with("reason-differs-from-stored", &[("stored", stored.into())])
        }
        R::FlagsDifferFromStored { status, qualifier } => t.with(
            "reason-flags-differ-from-stored",
            &[
                ("status", (&**status).into()),
                ("qualifier", (&**qualifier).into()),
            ],
        ),
        R::UnknownArea(code) => t.with("reason-unknown-area", &[("code", code.into())]),
        R::UnknownSubgroup(code) => t.with("reason-unknown-subgroup", &[("code", code.into())]),
        R::UnknownSource(code) => t.with("reason-unknown-source", &[("code", code.into())]),
        R::OutsideValidRange { low, high } => t.with(
            "reason-outside-valid-range",
            &[("low", (&**low).into()), ("high", (&**high).into())],
        ),
        R::UnknownFormat(detail) => said("reason-unknown-format", detail),
        // The system's or a parser's own words, as they come.
        R::Said(detail) => detail.clone(),
    }
}

/// How an import ended, or would end.
pub fn import_outcome(t: &Messages, outcome: &ImportOutcome) -> String {
    match outcome {
        ImportOutcome::DryRun => t.get("import-outcome-dry-run"),
        ImportOutcome::Unreadable { files } => {
            t.with("import-outcome-unreadable", &[("count", (*files).into())])
        }
        ImportOutcome::Problems { count } => {
            t.with("import-outcome-problems", &[("count", (*count).into())])
        }
        ImportOutcome::OnlyProblems { count } => t.with(
            "import-outcome-only-problems",
            &[("count", (*count).into())],
        ),
        ImportOutcome::Imported { added, changed } => t.with(
            "import-outcome-imported",
            &[("added", (*added).into()), ("changed", (*changed).into())],
        ),
        ImportOutcome::UpToDate { unchanged } => t.with(
            "import-outcome-up-to-date",
            &[("count", (*unchanged).into())],
        ),
        ImportOutcome::AllLeftOut { skipped, reason } => t.with(
            "import-outcome-all-left-out",
            &[
                ("count", (*skipped).into()),
                ("reason", import_skip(t, reason).into()),
            ],
        ),
        ImportOutcome::NoFigures => t.get("import-outcome-no-figures"),
    }
}

/// Why an import left figures out.
pub fn import_skip(t: &Messages, skip: &Skip) -> String {
    match skip {
        Skip::IndicatorNotChosen { key } => {
            t.with("import-skip-not-chosen", &[("key", key.into())])
        }
        Skip::IndicatorNotInDatabase => t.get("import-skip-not-in-database"),
        Skip::Unconvertible {
            key,
            from,
            to,
            code,
        } => t.with(
            "import-skip-unconvertible",
            &[
                ("key", key.into()),
                ("from", from.into()),
                ("to", to.into()),
                ("code", code.into()),
            ],
        ),
        Skip::NoAreaCode => t.get("import-skip-no-area-code"),
        Skip::AggregateNotChosen => t.get("import-skip-aggregate"),
        Skip::AreaNotChosen => t.get("import-skip-area"),
        Skip::AreaNameUnknown => t.get("import-skip-area-name-unknown"),
        Skip::AreaNameAmbiguous { name } => {
            t.with("import-skip-area-name-ambiguous", &[("name", name.into())])
        }
    }
}

/// What else an import tells.
pub fn import_note(t: &Messages, note: &Note) -> String {
    match note {
        Note::NoFigures { file } => t.with("import-note-no-figures", &[("file", file.into())]),
        Note::Converted {
            file,
            key,
            from,
            to,
            factor,
            code,
        } => t.with(
            "import-note-converted",
            &[
                ("file", file.into()),
                ("key", key.into()),
                ("from", from.into()),
                ("to", to.into()),
                ("factor", (*factor).into()),
                ("code", code.into()),
            ],
        ),
        Note::NotAnIndicator { file, column, kind } => match kind {
            Some(kind) => t.with(
                "import-note-not-numeric",
                &[
                    ("file", file.into()),
                    ("column", column.into()),
                    ("kind", kind.into()),
                ],
            ),
            None => t.with(
                "import-note-not-described",
                &[("file", file.into()), ("column", column.into())],
            ),
        },
        Note::ImportedAs { file, key, code } => t.with(
            "import-note-imported-as",
            &[
                ("file", file.into()),
                ("key", key.into()),
                ("code", code.into()),
            ],
        ),
        Note::NewIndicator { code, name } => t.with(
            "import-note-new-indicator",
            &[("code", code.into()), ("name", name.into())],
        ),
        Note::NewArea { code, name } => t.with(
            "import-note-new-area",
            &[("code", code.into()), ("name", name.into())],
        ),
        Note::NewSource {
            code,
            publisher,
            title,
            edition,
        } => t.with(
            "import-note-new-source",
            &[
                ("code", code.into()),
                ("publisher", publisher.into()),
                ("title", title.into()),
                ("edition", edition.into()),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_number_reads_in_the_windows_language_with_the_form_expected() {
        let e = NumberError::OtherConvention {
            text: "0,770".into(),
            language: Language::English,
            expected: "0.77".into(),
        };
        let en = number(Messages::of(Language::English), &e);
        assert!(en.contains("0,770") && en.contains("0.77"), "{en}");
        let vi = number(Messages::of(Language::Vietnamese), &e);
        assert!(
            vi.contains("0,770") && vi.contains("0.77") && vi.contains("tiếng Anh"),
            "{vi}"
        );
    }

    #[test]
    fn a_conflict_shows_both_values_the_languages_way() {
        let e = StoreError::Conflict {
            expected: Some(334000.0),
            current: Some(0.5),
        };
        let vi = store(Messages::of(Language::Vietnamese), &e);
        assert!(vi.contains("334.000") && vi.contains("0,5"), "{vi}");
        let en = store(Messages::of(Language::English), &e);
        assert!(en.contains("334,000") && en.contains("0.5"), "{en}");
    }

    #[test]
    fn an_import_reads_its_problems_skips_and_notes_in_the_windows_language() {
        let (en, vi) = (
            Messages::of(Language::English),
            Messages::of(Language::Vietnamese),
        );
        let row = Reason::ShortRow {
            cells: 3,
            header: 9,
        };
        // The window's English is the command line's.
        assert_eq!(import_reason(en, &row), row.to_string());
        assert!(
            import_reason(vi, &row).starts_with("dòng có 3 ô"),
            "{}",
            import_reason(vi, &row)
        );
        assert_eq!(import_reason(vi, &Reason::NotANumber), "không phải một số");
        let skip = Skip::AreaNotChosen;
        assert_eq!(import_skip(en, &skip), skip.to_string());
        assert!(import_skip(vi, &skip).contains("địa bàn"));
        let note = Note::Converted {
            file: "u5mr.csv".into(),
            key: "SH.DYN.MORT".into(),
            from: "%".into(),
            to: "‰".into(),
            factor: 10.0,
            code: "U5MR".into(),
        };
        assert_eq!(import_note(en, &note), note.to_string());
        assert!(
            import_note(vi, &note).contains("quy đổi từ % sang ‰ (×10)"),
            "{}",
            import_note(vi, &note)
        );
    }
}
