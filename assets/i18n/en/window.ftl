# The window's words, in English. Every message here is in vi/window.ftl too
# (tests/translations.rs). Numbers given to a message ($count…) are written the
# language's way by Chiso; Vietnamese terms follow docs/GLOSSARY.md.

## The commands (menus, buttons, shortcuts)

action-open = Open…
action-backups = Backups…
action-import = Import…
action-export-chart = Export chart…
action-export-chart-data = Export chart data…
action-export-all-data = Export all data…
action-export-deck = Export deck…
action-quit = Quit
action-manage-lists = Manage lists…
action-present = Present
action-undo = Undo
action-redo = Redo

## The menu bar

menu-file = File
menu-open-recent = Open recent
menu-no-recent-files = No recent files
menu-editor = Editor
menu-view = View
menu-language = Language
menu-light-theme = Light theme
menu-dark-theme = Dark theme
menu-read-only = read-only
editor-name = Your name, for the audit trail
editor-keep-name = Keep this name

## The main window

window-title = { $file } — Chiso
window-title-read-only = { $file } (read-only) — Chiso
no-database = No database open
no-database-hint = Use File, Open…, or drop a Chiso database onto this window
conflict-use-mine = Use my value
conflict-keep-theirs = Keep theirs
read-only-because = Read-only: { $reason }
dismiss = Dismiss
tab-chart = Chart
tab-table = Table
tab-edit = Edit
tab-audit = Audit trail
file-chart-stem = chart

## Files and file dialogs

pick-open-database = Open a Chiso database
pick-import = Import figures
pick-save-chart = Export chart
pick-save-chart-data = Export chart data
pick-save-all-data = Export all data
pick-deck-folder = Export deck into a folder
pick-deck-pdf = Export the deck as a PDF
file-deck-stem = deck
deck-as-pdf = { $language }: one PDF (title page, a page a slide)…
deck-as-pictures = { $language }: PNG pictures in a folder…
deck-pdf-written = Wrote the deck, { $count } pages, to { $path }
file-chart-data = chart-data
file-all-data = all-data
file-deck-folder = deck
filter-database = Chiso database
filter-figures = Figures (CSV, JSON, Excel)
filter-all-files = All files
filter-csv = CSV (Excel reads it)
filter-workbook = Excel workbook
prompt-no-dialog = No file dialog can open on this desktop (it needs the XDG desktop portal or zenity). Type the path instead.
prompt-several-files = Several files: separate them with ;
prompt-path = Path
ok = OK
cancel = Cancel
close = Close

## What the last action did

chart-saved = Chart saved to { $path }
chart-copied = Chart copied: paste it into your slides
data-written = Wrote { $count ->
    [one] one figure
   *[other] { $count } figures
  } to { $path }
deck-written = { $count ->
    [one] One slide
   *[other] { $count } slides
  } written to { $path }
record-saved = Saved
import-refused = Cannot import: { $reason }

## The catalogue

catalogue-filter = Filter
catalogue-filter-hint = name or code, accents optional
catalogue-no-match = No indicator matches “{ $filter }”
catalogue-other-theme = Other
catalogue-no-figures = no figures
catalogue-add-to-chart = Add to chart

## The headline card

card-no-figures = No figures yet
progress-unmeasurable = progress cannot be measured

## The deck of saved views

deck-heading = Deck ({ $count ->
    [one] one view
   *[other] { $count } views
  })
deck-new-name = New name
deck-show-view = Show this view
deck-move-up = Move up
deck-move-down = Move down
deck-rename = Rename
deck-delete = Delete
deck-view-menu = Move, rename or delete
deck-view-name = View name
deck-save-view = Save view

## The chart's controls

chart-count-provinces = { $count ->
    [one] 1 province
   *[other] { $count } provinces
  }
chart-count-regions = { $count ->
    [one] 1 region
   *[other] { $count } regions
  }
chart-count-areas = { $count ->
    [one] 1 area
   *[other] { $count } areas
  }
legend-muted = { $count ->
    [one] 1 more series, in grey
   *[other] { $count } more series, in grey
  }
chart-series-menu = Series…
chart-kind-trend = Over time
chart-kind-ranking = Ranking of provinces
chart-kind-map = Map
map-widget = Map of the provinces
map-beside = Beside it
chart-kind-ranking-none = This indicator has no figures by province to rank
ranking-year = Year
ranking-since = Change since
ranking-since-none = none
ranking-boundaries = Boundaries
ranking-boundaries-of-year = of that year
ranking-colour-region = Colour by region
ranking-colour-nation = Better or worse than the nation
series-picker-title = Series of this indicator
series-picker-find = Find
series-picker-search = area, region, subgroup or source; accents optional
series-picker-chosen = { $count } chosen
series-picker-tick-all = Tick all shown ({ $count })
series-picker-untick-all = Untick all shown ({ $count })
series-picker-none = No series matches the search
series-picker-estimates = estimates from the provinces it was made of
series-picker-offer-estimates = Also list the { $count } series of units made on { $date }, estimated for earlier years from the provinces they were made of
series-picker-outside-years = { $count ->
    [one] One series with no figures in { $from }–{ $to } is not listed: widen the years to see it.
   *[other] { $count } series with no figures in { $from }–{ $to } are not listed: widen the years to see them.
}
chart-values = Values
chart-index = Index
chart-change = % change
chart-base-year = base year
chart-log-scale = Log scale
chart-years = Years
chart-years-to = to
chart-all-years = All years
chart-nothing-to-plot = Nothing to plot: choose series with “Series…”

## The sources panel and the table

sources-heading = Sources
sources-none = No figures on screen
sources-licence = Licence: { $licence }
table-period = Period
table-change = Change
table-change-percent = Change %

## The Edit tab

grid-choose-indicator = Choose an indicator to edit its figures
grid-add-column-first = Add a column (area, subgroup, source) to enter this indicator's figures
grid-add-year = Add year
grid-keys-hint = Enter or Tab moves on · Esc cancels · paste a block from a spreadsheet · Ctrl+Z undoes
grid-check = Check: { $reason }
grid-open-warnings = Open warnings ({ $count })
grid-year = Year
grid-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
  }
grid-status = Status
grid-qualifier = Qualifier
grid-footnote = Footnote
grid-apply-flags = Apply flags
area-valid-until = until { $date }
area-valid-from = from { $date }
area-valid-between = { $from } to { $until }
grid-add-column = Add a column
grid-area = Area
grid-subgroup = Subgroup
grid-source = Source
grid-add-column-button = Add column
grid-refused = Refused “{ $typed }”: { $reason }
check-implausible = { $value } is outside the plausible range of { $indicator } ({ $low } to { $high }): saved, please check it
check-jump = { $value } differs from { $previous } in { $year } by more than 50%: saved, please check it

## The audit trail

audit-only-this = Only this indicator
audit-editor = Editor
audit-anyone = anyone
audit-when = When (local time)
audit-who = Who
audit-what = What
audit-year = Year
audit-values = Old value, new value
audit-change = { $action } { $table } #{ $row }
# A figure's change, named: “changed: Under-five mortality rate · Hà Giang · Total · GSO, Sep 2018”.
audit-change-figure = { $action }: { $figure }
audit-insert = added
audit-update = changed
audit-delete = deleted
audit-table-observation = figure
audit-table-indicator = indicator
audit-table-unit = unit
audit-table-area = area
audit-table-subgroup = subgroup
audit-table-source = source
audit-table-target = target
audit-table-saved_view = saved view
audit-old-new = { $old }, then { $new }
audit-revert = Revert
audit-revert-tip = Take back change #{ $id }

## Export chart

export-title = Export chart
export-preview = Preview of the file
export-language = Language
export-chart-title = Title
export-note = Note under the chart
export-value-labels = Figures written on the chart
export-subtitle = Subtitle
export-format = Format
export-svg = SVG (editable text)
export-size = Size
export-preset-wide = 16:9 ({ $size })
export-preset-standard = 4:3 ({ $size })
export-preset-square = Square ({ $size })
export-scale = Scale
export-background = Background
export-light = Light (projectors)
export-dark = Dark
export-save = Save…
export-copy = Copy chart

## Import

import-areas = Areas
import-areas-hint = codes, e.g. VNM, THA (empty: those in the database)
import-indicators = Indicators
import-indicators-hint = the file's codes, e.g. hdi, le (empty: those that match)
format-chiso-csv = Chiso long CSV
format-wdi-csv = World Bank WDI bulk CSV
format-wb-api-json = World Bank API v2 JSON
format-undp-hdr-csv = UNDP HDR composite indices CSV
format-owid-csv = Our World in Data grapher CSV
format-px-web = GSO PX-Web table (semicolon-separated)
format-sdmx-csv = SDMX-CSV
format-who-gho-csv = WHO GHO bulk CSV
format-who-gho-json = WHO GHO OData JSON
format-ilostat-csv = ILOSTAT CSV
format-gso-table = GSO statistical table (Biểu)
format-workbook = Excel or OpenDocument workbook
import-sheet = Sheet
import-sheet-first = the first sheet Chiso reads
import-unit = Unit of the figures
import-unit-hint = the file does not say it, e.g. % or per 1,000 live births
import-same-name = “{ $key }” has the name of { $code } in the database, in a unit that agrees: to import onto it, choose { $code } under “or map onto…” below; to keep it apart, tick “Create”
import-replace = Overwrite figures that differ from those stored for the same source
import-checking = Checking…
import-importing = Importing…
import-stale = The options changed since this check: check again before importing.
import-check-again = Check again
import-skip-problems = Leave out the rows with problems
import-again = Import again
import-run = Import
import-would = Would add { $added }, change { $changed }, leave { $unchanged } unchanged; { $skipped } skipped; { $missing } missing values
import-not-read = not read
import-file-source = { $file }: { $format }, source { $source }
import-skipped = Skipped { $count }: { $reason }
import-left-out-problems = { $count } bad cell(s) in rows and columns not imported (areas, aggregates or indicators not chosen), ignored
import-outcome-dry-run = Preview: nothing was written
import-outcome-unreadable = Nothing to import: { $count } file(s) could not be read (see below); the database stays as it is
import-outcome-problems = Nothing imported yet: { $count } problem(s) in the input (fix them, or skip the rows with problems)
import-outcome-only-problems = Nothing imported: every figure had a problem ({ $count }, skipped)
import-outcome-imported = Imported: { $added } added, { $changed } changed
import-outcome-up-to-date = Already up to date: { $count } figures unchanged
import-outcome-all-left-out = Nothing to import: all { $count } figures are left out (most: { $reason })
import-outcome-no-figures = Nothing to import: the files hold no figures
import-skip-not-chosen = indicator `{ $key }` not chosen
import-skip-not-in-database = indicator not in the database and not chosen (choose it to create it, or map it onto an existing one)
import-skip-unconvertible = `{ $key }` is in { $from } but { $code } is in { $to }, and Chiso cannot convert between them
import-skip-no-area-code = no ISO3 code (a region or group without one)
import-skip-aggregate = aggregate (region or income group) not chosen
import-skip-area = area not in the database and not chosen
import-skip-area-name-unknown = the database has no area of that name (listed below)
import-unknown-areas = { $count } area name(s) match no area of the database (add them, or import with codes): { $names }
import-skip-area-name-ambiguous = two areas of the database are named `{ $name }`: import with codes
import-note-no-figures = { $file }: no figures in the file (only a header?); nothing was taken from it
import-note-converted = { $file }: values of `{ $key }` converted from { $from } to { $to } (×{ $factor }) to match { $code }
import-note-imported-as = { $file }: `{ $key }` imported as { $code }
import-note-not-numeric = { $file }: column `{ $column }` is not an indicator (its metadata calls it { $kind }, not a numeric variable)
import-note-not-described = { $file }: column `{ $column }` is not an indicator (its metadata does not describe it)
import-note-new-indicator = new indicator { $code }: { $name }
import-note-new-area = new area { $code }: { $name }
import-note-new-source = new source { $code }: { $publisher } — { $title } ({ $edition })
import-unmatched = Indicators not in the database ({ $count })
import-create = Create { $code }: { $name }
import-map-onto = or map onto…
import-no-mapping = (no mapping)
import-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
  }
import-copy-problems = Copy problems
sort-ascending = a–z
sort-descending = z–a
problem-file = File
problem-line = Line
problem-column = Column
problem-value = Value
problem-reason = Reason

## Manage lists

forms-title = Manage lists
forms-confirm-delete = { $count } figures or indicators use this record. Delete it and them?
forms-delete-all = Delete all of it
forms-keep = Keep it
forms-save = Save
forms-new = New
forms-edit = Edit
forms-edit-record = Edit { $name }
forms-delete = Delete
forms-delete-record = Delete { $name }
forms-code-of-unit = unit code
forms-code-of-area = area code
forms-code-of-subgroup = subgroup code
forms-code-of-indicator = indicator code
list-indicator = Indicators
list-unit = Units
list-area = Areas
list-subgroup = Subgroups
list-source = Sources
list-target = Targets
field-code = Code
field-name-in-vietnamese = Name in Vietnamese
field-name-in-english = Name in English
field-symbol = Symbol
field-symbol-in-vietnamese = Symbol in Vietnamese
field-short-name-in-vietnamese = Short name in Vietnamese
field-short-name-in-english = Short name in English
field-unit = Unit
field-decimals = Decimals
field-direction = Direction
field-valid-from = Valid from
field-valid-to = Valid to
field-plausible-from = Plausible from
field-plausible-to = Plausible to
field-theme-in-vietnamese = Theme in Vietnamese
field-theme-in-english = Theme in English
field-sdg-target = SDG target
field-description-in-vietnamese = Description in Vietnamese
field-description-in-english = Description in English
field-parent = Parent
field-level = Level
field-gso-code = GSO code
field-area-valid-from = In use from (YYYY-MM-DD)
field-area-valid-until = In use until (YYYY-MM-DD)
field-dimension = Dimension
field-publisher-in-vietnamese = Publisher in Vietnamese
field-publisher-in-english = Publisher in English
field-title-in-vietnamese = Title in Vietnamese
field-title-in-english = Title in English
field-edition-in-vietnamese = Edition in Vietnamese
field-edition-in-english = Edition in English
field-published = Published
field-url = URL
field-citation = Citation
field-licence = Licence
field-indicator = Indicator
field-area = Area
field-subgroup = Subgroup
field-baseline-year = Baseline year
field-baseline-value = Baseline value
field-target-year = Target year
field-target-value = Target value
field-reference = Reference
choice-by-unit = as its unit suggests
choice-sum = sum (counts: houses, people)
choice-weighted-mean = weighted mean (rates and shares)
choice-none = none (indices such as HDI, ranks)
field-aggregation = Figures of merged provinces
field-weighted-by = Weighted by
choice-higher-is-better = higher is better
choice-lower-is-better = lower is better
choice-neutral = neutral
choice-world = world
choice-aggregate = aggregate
choice-country = country
choice-region = region
choice-province = province
choice-district = district
choice-commune = commune

## What went wrong: opening a file

open-missing = { $path }: no such file. Check the path, or create a database with `chiso new FILE`
open-directory = { $path }: is a folder, not a database file. Choose a file inside it
open-not-a-file = { $path }: is not a regular file (a pipe, socket or device), so not a database. Open a database file
open-empty = { $path }: the file is empty, not a Chiso database. Create one with `chiso new FILE`
open-not-sqlite = { $path }: not a SQLite database ({ $looks-like }). Open a Chiso database instead, or create one with `chiso new FILE`
open-foreign = { $path }: a SQLite database of another application (tables: { $tables }), not a Chiso file. It was not changed. Open a Chiso database, or create one with `chiso new FILE`
open-corrupt = { $path }: the database is damaged ({ $detail }). It was not changed. { $advice }
open-interrupted = { $path }: another program was writing to the database when it stopped, and its unfinished change is still in the -journal file beside it. Open it for editing once and SQLite undoes that change
open-interrupted-read-only = { $path }: another program was writing to the database when it stopped, and its unfinished change is still in the -journal file beside it. SQLite undoes that change when the file can be written: make it writable (or copy it with its -journal to a folder you can write) and open it again
open-locked = { $path }: the database is locked by another program. Close the other program (or wait for it to finish) and try again
open-unreadable = { $path }: cannot be read ({ $detail }). Check the path and the file's permissions
open-exists = { $path }: already exists. Chiso will not overwrite it: choose another name
open-sqlite = { $path }: { $detail }

## What went wrong: a file open for viewing only

read-only-file = the file is read-only, so it is open for viewing only. To edit it, make it writable (or save a copy) and open it again
read-only-newer = the file was written by a newer Chiso (schema version { $found }; this Chiso knows up to { $known }), so it is open for viewing only. Update Chiso to edit it
read-only-medium = the file is on a disk that cannot be written (a CD, or a read-only mount), so it is open for viewing only. To edit it, copy it to a folder you can write
read-only-medium-log = the file is on a disk that cannot be written (a CD, or a read-only mount), so it is open for viewing only, and the latest changes in its -wal file cannot be read there. Copy both files to a folder you can write to see and edit them
read-only-requested = opened for viewing only
read-only-damaged = SQLite finds the file damaged ({ $detail }), so it is open for viewing only and nothing can be written into it. { $advice }
backup-advice-newest = Its newest good backup is { $backup }: File › Backups… puts it back (the damaged file is kept as a backup too)
backup-advice-none = No backup of it was found: restore it from a copy you keep
read-only-foreign-objects = the file holds triggers, views, indexes or planner statistics that Chiso did not create ({ $objects }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
  }); they could change or delete figures whenever the file is written, or slow every read, so it is open for viewing only, with them kept from running. To edit it, look at them with `sqlite3 FILE .schema` and drop them if they are not needed, or copy the figures into a new file with `chiso export-data` and `chiso import`

## What went wrong: reading and writing

store-read-only = cannot change this database: { $reason }
store-unknown-indicator = no indicator with code `{ $code }`
store-unknown-area = no area with code `{ $code }`
store-unknown-subgroup = no subgroup with code `{ $code }`
store-unknown-source = no source with code `{ $code }`
store-nothing-to-draw = { $indicator } has no figures to draw
store-at-line = { $file }, line { $line }: { $error }
store-busy = the database is busy: another program is writing to it. Try again in a moment
store-cancelled = import cancelled: nothing was changed
store-write = cannot write { $path }: { $detail }
store-conflict = conflict: the figure is { $current } now, not { $expected } as expected; someone changed it meanwhile. Nothing was written: look at both values and set it again
value-missing = missing
store-corrupt = the database is damaged ({ $detail }). Nothing was changed. File › Backups… lists its backups and puts one back
store-backup = the database could not be backed up before this change ({ $detail }). Nothing was changed. Free some space, or choose another place for backups in File › Backups…
store-wrong-type = a value in the file is not of the kind Chiso keeps there ({ $detail }): another program changed the file without Chiso's checks. Nothing was changed. Correct that row with `sqlite3 FILE`, or restore the file from a backup
store-sqlite = database error: { $detail }

## What went wrong: a figure not written

refused-year = { $year } is not a year Chiso keeps (1000 to 9999); nothing was written
refused-not-a-number = not a number
refused-typed = { $indicator } { $year }: { $reason }
refused-too-large = { $value } is too large: Chiso keeps values between -1e300 and 1e300; nothing was written
refused-outside-range = { $value } is outside the valid range of { $indicator } ({ $low } to { $high }); nothing was written
refused-no-country = the file has no country area, so the figure's area must be named
refused-no-source = every figure needs a source, and none was named or used before
refused-already-stored = { $figure }: a figure is already stored for this cell and source
refused-not-allowed = { $figure }: { $detail }
revert-no-such-change = no change #{ $id } in the audit log
revert-not-a-figure = only changes of figures can be reverted here
revert-figure-gone = the figure no longer exists: nothing to revert
revert-cell-taken = a figure for that cell exists again: edit it instead
revert-not-revertible = this change cannot be reverted
record-no-such-list = no list called { $table }
record-needed = { $field } is needed
record-number = { $field }: { $reason }
record-not-whole = { $field }: “{ $text }” is not a whole number
record-not-a-choice = { $field }: use one of { $choices }
record-no-such-code = { $field }: no { $table } with code “{ $code }”
record-code-taken = another record has this code already
record-not-allowed = a value is not allowed here ({ $detail })
record-in-use = { $count } figures or indicators use it: nothing was deleted
record-still-used = cannot delete it: other records still use it ({ $detail })
view-no-name = a view needs a name
view-name-taken = a view named “{ $name }” exists already
view-not-saved = the view cannot be saved ({ $detail })
generate-no-indicators = at least one indicator is needed
generate-too-many = { $count } figures do not fit the indicators, series and years asked for: ask for more indicators

## What went wrong: a number typed

numbers-way-en = English
numbers-way-vi = Vietnamese
number-empty = no number given
number-other-convention = “{ $text }” is not a number written the { $way } way ({ $example }); write it as { $expected }
number-not-in-convention = “{ $text }” is not a number written the { $way } way ({ $example })
number-not-plain = “{ $text }” is not a plain number: write it with a point and no grouping (0.77, 334000)
number-invalid = “{ $text }” is not a number
number-too-large = “{ $text }” is too large: Chiso keeps values between -1e300 and 1e300

## What went wrong: exports

export-write = cannot write { $detail }
export-too-small = the size { $width } × { $height } is too small for a chart: use at least 320 × 240
export-too-large = the size { $width } × { $height } is too large: use at most 16,000 pixels a side
export-raster = cannot draw the PNG: { $detail }
export-pdf = cannot make the PDF: { $detail }
deck-empty = The deck has no saved views: save a view of each chart to present first.
deck-folder = cannot make the folder { $path }: { $detail }
deck-slide = slide { $number } ({ $name }): { $error }

# Why an import could not read a row or a file.
reason-bad-csv = not valid CSV: { $detail }
reason-bad-json = not valid JSON: { $detail }
reason-no-header = the file has no header row
reason-no-wdi-header = no header row starting with "Country Name" was found
reason-column-twice = the header names the `{ $column }` column twice; keep one, so that it is clear which one holds the figures
reason-no-column = no `{ $column }` column; the header must name { $required }
reason-no-period-column = no `period` (or `year`) column
reason-not-a-period = not a year (2023) or a range of years (2021-2025)
reason-not-a-year = not a year
reason-not-a-yearly-date = observation { $at }: not a year (quarterly and monthly figures are not imported)
reason-not-a-number = not a number
reason-in-observation = observation { $at }: { $reason }
reason-too-small = too small to keep exactly (below 2.2e-308, the number would become 0 or lose digits): write it in a larger unit
reason-past-header = { $count } cell(s) past the header's last column: the row does not line up with the header, so none of it is read. Quote values that hold a comma, or write decimals with a point
reason-past-header-comma = { $count } cell(s) past the header's last column; looks like a decimal comma: `{ $split }`. The row does not line up with the header, so none of it is read. Quote values that hold a comma, or write decimals with a point
reason-stray-byte = the byte 0x{ $byte } is not UTF-8 (the rest of the file is): retype the character shown as �, or save the file as UTF-8
reason-too-large = too large: Chiso keeps values between -1e300 and 1e300
reason-short-row = the row has { $cells } cells and ends before this column (the header has { $header }): a separator or a quote may be missing
reason-too-long = { $chars } characters long; Chiso keeps up to { $limit } here: shorten it
reason-not-utf8 = not valid UTF-8 text: save the file as UTF-8
reason-unknown-status = unknown status; use one of { $detail }
reason-unknown-qualifier = unknown qualifier; leave it empty or use { $detail }
reason-no-code = empty: a code is needed
reason-hidden-in-name = the name holds a control or invisible character (shown escaped), which would garble lists and terminals: retype it
reason-hidden-character = the code holds a control or invisible character (shown escaped): retype it
reason-missing-value = a value is missing
reason-no-iso3-column = no iso3 column
reason-wb-api-not-a-list = not a World Bank API v2 response (expected a list)
reason-wb-api-empty-list = not a World Bank API v2 response (the response is an empty list)
reason-wb-api-data-not-a-list = not a World Bank API v2 response (its data part is not a list)
reason-wb-api-error = the World Bank API answered with an error instead of figures: { $detail }. The indicator code may be retired or archived: look up its replacement on data.worldbank.org and download it again. Nothing was imported from this file
reason-wb-api-page = this is page { $page } of { $pages } of the API's answer: only its figures are imported. Download with per_page=20000 to get them all
reason-wb-api-empty = the response holds no figures (its data part is empty)
reason-not-gho-odata = it is OData JSON but not an answer of the WHO GHO API (no `value` list of figures)
reason-owid-metadata-unreadable = its metadata file { $file } cannot be read ({ $detail }): units and citation are unknown; download the chart's metadata again
reason-owid-no-metadata = no .metadata.json beside the file: units and citation are unknown; download the chart's metadata too, or give the unit of the figures
reason-table-without-year = the table's title names no year (its reference date, as in "…, 01/4/2019"): add the year to the title cell
reason-no-such-sheet = the workbook has no sheet `{ $sheet }`; its sheets are { $sheets }
reason-factor-against = { $value } is about { $factor } times the figure of { $source } for the same cell ({ $other }): the unit given may be wrong (per cent or per 1,000? thousands or units?); check it, or map the figures onto another indicator
reason-refused-by-constraints = refused by the database's constraints
reason-duplicate-row = duplicate row in the file: the same indicator, area, subgroup and period again
reason-differs-from-stored = differs from the figure already stored for this source ({ $stored }); import with replace to overwrite it
reason-flags-differ-from-stored = differs from the figure already stored for this source only in its flags ({ $status } { $qualifier }); import with replace to overwrite it
reason-unknown-area = unknown area `{ $code }`: add it first, or give its name in an area_name column
reason-unknown-subgroup = unknown subgroup `{ $code }`
reason-unknown-source = unknown source `{ $code }`: add it first, or describe it in source_* columns
reason-outside-valid-range = outside the valid range ({ $low } to { $high })
reason-unknown-format = not a format Chiso imports ({ $detail }). Chiso reads its long CSV, World Bank CSV, Excel and API JSON, UNDP HDR, Our World in Data, GSO PX-Web, SDMX-CSV, ILOSTAT and WHO GHO files

# The audit log's name for an editor who gave none.
editor-unnamed = unnamed editor

## File › Backups…

backups-title = Backups of this file
backups-explained = Chiso backs the file up before its first change of each session, and keeps the newest 10 backups and the first of each of the last 12 months.
backups-place = Keep backups:
backups-place-data = in my data folder
backups-place-beside = in a folder beside the file
backups-place-off = nowhere (off)
backups-folder = Folder: { $folder }
backups-off = Backups are off: no copy is taken before changes.
backups-none = No backups yet: the first is taken before the file's first change.
backups-restore = Restore…
backups-confirm = Put back the backup of { $taken }? The file as it is now is backed up first, so you can come back to it the same way.
backups-restore-yes = Restore this backup
backups-size = { $megabytes } MB
backups-restored = Restored the backup { $backup }. The file as it was is kept as a backup.
backups-restore-failed = The backup was not restored, the file was not changed: { $detail }
backups-place-not-saved = The choice of place could not be kept for later sessions: { $detail }
backups-busy-importing = An import is running: restore a backup when it has finished.
backups-take-now = Back up now
backups-taken = Backed up: { $backup }
backups-place-other = another folder (chosen outside this window)
table-copy = Copy the table (for a spreadsheet)
table-export = Export the table as a workbook…
workbook-empty = There are no figures to write.
form-make = Entry form for the provinces…
form-make-hint = An Excel workbook the provinces fill without Chiso: a row per province for last year, the figures the file has locked, checks on the cells to fill. Import it back with File › Import….
pick-save-form = Save the entry form
file-form-stem = entry-form
form-written = Wrote an entry form of { $count } rows to { $path }
form-imported = Imported from the form: { $added } added, { $changed } changed, recorded as “{ $editor }”
form-unreadable = The form cannot be read: { $detail }
form-no-areas = No area of level { $level } was valid in those years.
form-no-source = { $code } has no series to take a source from: show one on the chart first.
form-import-title = Entry form { $file }
form-import-what = { $indicator } for { $for }, source { $source }, made from { $database }
form-import-counts = { $added } would be added, { $changed } changed, { $unchanged } unchanged
form-cell-not-a-number = not a number
form-cell-ambiguous = reads as different numbers the Vietnamese and the English way: type it as a number
form-cell-unknown-status = not a status of the list
form-cell-row-changed = the row's year or area code was changed
form-import-blocked = { $count } cells stop the import: correct them in the form and import it again.
form-import-run = Import these figures
menu-help = Help
help-shortcuts = Keyboard shortcuts
help-about = About Chiso
help-in-grid = { $action } (in the Edit tab's grid)
help-keys-present = In presentation: next and previous slide, first and last, leave
help-keys-present-keys = Left/Right arrows  Space  Home  End  Esc
help-keys-map = On a map: the previous and next year with figures
help-keys-map-keys = Left/Right arrows
help-keys-grid = In the Edit tab's grid: save the cell and go down or right; take the typing back
help-keys-grid-keys = Enter  Tab  Esc
help-about-what = An offline dashboard of social-welfare indicators: every figure with its source, sources side by side, in Vietnamese and English.
help-about-licence = Chiso is free software under the MIT or the Apache 2.0 licence, at your choice.
help-about-fonts = Fonts: Noto Sans (regular and bold), © The Noto Project Authors, under the SIL Open Font License 1.1 (assets/fonts/OFL.txt).
help-about-boundaries = Province boundaries: geoBoundaries (www.geoboundaries.org), boundary VNM-ADM1-63759600 (source: geoBoundaries, Wikipedia; public domain). Runfola, D. et al. (2020) geoBoundaries: A global database of political administrative boundaries. PLoS ONE 15(4): e0231866. Re-coded and dissolved into the units of 1 July 2025 by the Chiso project.
help-about-islands = Quần đảo Hoàng Sa and Quần đảo Trường Sa: Natural Earth 1:10m (public domain), drawn and named on every map as Vietnamese territory.
help-about-data = Each figure's source, edition and licence are named beside the chart and in every export.
help-about-version = Chiso { $version }

## Copies and packages of changes (File › Make a copy for…, Send my changes…, Merge changes…)
menu-make-copy = Make a copy for…
menu-send-changes = Send my changes…
menu-merge-changes = Merge changes…
pick-save-copy = Where the copy goes
pick-save-package = Where the package of changes goes
pick-open-package = A package of changes to merge
filter-package = Chiso change packages
file-package-stem = changes for { $to }
exchange-copy-title = Make a copy for…
exchange-send-title = Send my changes
exchange-merge-title = Merge changes
exchange-copy-what = A copy of this file for a province or an office. It remembers where it came from: its editor sends back a package of changes (File › Send my changes…) and you merge it here (File › Merge changes…).
exchange-copy-for = For whom (a province, an office)
exchange-choose-where = Choose where…
exchange-no-peer = This file exchanges with no other: make a copy first (File › Make a copy for…), or open the copy you were sent.
exchange-peer-origin = { $name } (the file this one was copied from)
exchange-peer-copy = { $name } (a copy of this file)
exchange-send-to = Send to
exchange-since-last = The changes since the last package
exchange-since-copy = Every change since the copy was made
exchange-last-sent = Last package made for it: { $at }
exchange-merge-what = From “{ $from }”, by { $editor }, made { $made }, for “{ $to }”.
exchange-applied-before = This package was merged here on { $at }: nothing more to do.
exchange-merge-counts = Adds { $added }, changes { $changed }, deletes { $deleted }; { $already } already here; { $conflicts ->
    [one] one conflict
   *[other] { $conflicts } conflicts
}.
exchange-missing = Not defined in this file: { $what } “{ $code }”. Define it (same code) and merge again.
exchange-conflicts = Conflicts: changed here and there
exchange-both-changed = Changed on both sides
exchange-both-added = Added on both sides, with different values
exchange-deleted-here = Changed there, deleted here
exchange-deleted-there = Deleted there, changed here
exchange-started-from = They started from
exchange-theirs = Theirs
exchange-ours = Ours (now)
exchange-use-theirs = Use theirs
exchange-keep-ours = Keep ours
exchange-changes = Changes
exchange-more = … and { $count } more
exchange-all-theirs = Use theirs for all
exchange-all-ours = Keep ours for all
exchange-undecided = { $count ->
    [one] One conflict
   *[other] { $count } conflicts
} to decide before merging.
exchange-apply = Merge all
exchange-no-row = (none)
exchange-row-figure = Figure
exchange-row-target = Target
exchange-row-source = Source
exchange-row-view = Saved view
exchange-col-value = value
exchange-col-status = status
exchange-col-qualifier = qualifier
exchange-col-footnote = footnote
exchange-col-baseline-year = baseline year
exchange-col-baseline-value = baseline value
exchange-col-target-value = target
exchange-col-reference = reference
exchange-col-position = place in the deck
exchange-col-spec = chart
exchange-col-short-name = short name
exchange-col-publisher = publisher
exchange-col-title = title
exchange-col-edition = edition
exchange-col-published = published
exchange-copy-made = Copy for “{ $name }” made: { $path }
exchange-sent = Package of { $count ->
    [one] one change
   *[other] { $count } changes
} for “{ $to }” written: { $path }
exchange-applied = Merged { $count ->
    [one] one change
   *[other] { $count } changes
} from “{ $from }”, recorded in the audit log as { $editor }’s.
exchange-error-exists = { $path }: a file is already there. Choose another name; nothing was overwritten.
exchange-error-not-a-package = { $path }: not a Chiso package of changes ({ $why }).
exchange-error-checksum = { $path }: the package is damaged or was altered after it was made (its checksum does not match). Ask its sender for the file again.
exchange-error-other-database = This package is from another database: it was made in “{ $from }”, a copy of database { $theirs }; this file is database { $ours }. Merge it into the file it was made for (“{ $to }”).
exchange-error-own-package = This package was made in this very file: merge it into the file it was made for (“{ $to }”).
exchange-error-no-peer = This file exchanges with no other: make a copy first (File › Make a copy for…).
exchange-error-which-peer = This file has several copies ({ $names }): choose which one the package is for.
exchange-error-unknown-peer = No copy of this file is named “{ $name }” (its copies: { $names }).
exchange-error-missing = The package names what this file does not define: { $list }. A package carries figures, targets, sources and views, not new indicators, areas or subgroups: define them here with the same codes and merge again.
exchange-error-undecided = { $count ->
    [one] One conflict is
   *[other] { $count } conflicts are
} undecided: choose theirs or ours for each. Nothing was changed.
exchange-error-unreadable = The audit log holds a change the package cannot name ({ $detail }); nothing was written.
