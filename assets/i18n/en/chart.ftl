# The words of a chart, in English: the window's chart, the table, the slides and every
# exported file read them. Every message here is in vi/chart.ftl too.

## Titles and axes

chart-no-indicator = No indicator chosen
chart-no-figures = No figures to show
chart-index-axis = Index, { $base } = 100
chart-change-axis = % change since { $base }
chart-log-axis = { $unit } (log scale)
chart-index-subtitle = index, { $base } = 100
chart-change-subtitle = % change since { $base }
chart-log-subtitle = log scale
chart-target-line = Target { $year }: { $value }
chart-baseline-line = Baseline { $year }: { $value }
# The unit of a change of a percentage.
unit-percentage-points = pp
change-since = since { $year }

## A figure's flags

status-normal = final
status-estimated = estimated
status-provisional = provisional
status-forecast = forecast
status-break = break in series
qualifier-exact = exact
qualifier-about = about
qualifier-more-than = more than
qualifier-less-than = less than
qualifier-at-least = at least
qualifier-at-most = at most

## Progress towards a target (Open SDG's method)

progress-achieved = Target achieved
progress-on-track = On track
progress-moderate = Moderate progress, not on track
progress-limited = Limited progress, not on track
progress-deteriorating = Moving away from the target

## Notes, footer and hover

note-no-such-indicator = { $code }: no such indicator
note-no-base-figure = { $series }: no figure for { $base }, so it cannot be shown relative to it
note-style-tentative = Dashed line, hollow marker: { $status }
note-style-estimated = Dashed line, hollow diamond: estimated
note-style-break = Square marker: break in series
note-new-boundaries = New boundaries from { $date }: the figures of provinces before and after it are of different areas
note-log-drops = Zero and negative values cannot be shown on a log scale and are left out
footer-source = Source: { $citation }
footer-licence = Licensed under { $licence }
footer-note = Note: { $text }
footer-more-notes = … and { $count } more notes in Chiso
hover-source = Source: { $source }
hover-note = Note: { $note }

## Rankings

ranking-better-than-nation = Better than the national figure
ranking-worse-than-nation = Worse than the national figure
ranking-year-since = { $year }, change since { $since }
ranking-boundaries-of = boundaries of { $date }
ranking-national = National figure
estimate-from-parts = Estimate on { $year } boundaries, from { $parts }
note-estimates-on-new-boundaries = { $count ->
    [one] One bar
   *[other] { $count } bars
} hollow and dashed: estimate on the boundaries of { $date }, computed from the provinces each unit was made of
note-no-data = No data: { $areas }
ranking-estimate-legend = Estimate on { $year } boundaries
table-rank = Rank
table-province = Province or city
table-region = Region
table-change-since = Change since { $year }
table-gap-nation = Gap to the national figure
table-gap-target = Gap to the target
table-note = Note
note-tentative-figures = Figures { $status }: { $areas }
note-series-on-new-boundaries = { $series } before { $date }: estimates on the boundaries of { $date } (hollow points, dashed line), computed from the provinces each unit was made of
estimate-on-boundaries = estimate on { $year } boundaries
chart-new-boundaries-mark = new boundaries from { $date }
workbook-title = Figures from Chiso
workbook-comment = One sheet per indicator (years as rows, series as columns), every figure in Chiso's long form, and the sources.
workbook-sheet-long = All figures
workbook-sheet-sources = Sources
workbook-unit = Unit: { $unit }
workbook-sources = Sources: { $sources }
workbook-notes-key = Shaded cells are estimated, provisional, approximate or footnoted figures: their note says which.
workbook-year = Year
workbook-source-code = Code
workbook-source-name = Short name
workbook-source-publisher = Publisher
workbook-source-title = Title
workbook-source-edition = Edition
workbook-source-published = Published
workbook-source-url = Address
workbook-source-citation = Citation
workbook-source-licence = Licence
deck-title-page = { $date } · { $count } slides · made with Chiso
deck-document-title = Indicators: { $file }
form-sheet-instructions = Instructions
form-unit = Unit
form-source = Source
form-subgroup = Subgroup
form-fill = Fill in the yellow cells; the others are locked
form-year = Year
form-area = Area
form-area-code = Area code
form-value = Value
form-status = Status
form-note = Note
form-status-error = Choose a status from the list
form-value-range = Valid values: from { $low } to { $high }
form-instructions-title = How to fill in this form
form-instructions = This form reports the indicator "{ $indicator }" for { $for }, to be imported into the Chiso file { $database }.
    1. On the sheet { $sheet }, type the figures in the "Value" column's yellow cells, one row per area and year. Figures the file already has are filled in and locked.
    2. Type numbers the way your computer's settings write them. Excel takes only values in the indicator's valid range.
    3. If a figure is estimated, provisional or a forecast, choose so in the "Status" column; say where it comes from, or explain it, in the "Note" column.
    4. Do not rename the sheets, add or delete columns, or remove the hidden sheet: Chiso recognises the form by them.
    5. Save the file (.xlsx) and send it to the centre. There, "chiso import" checks every cell as for typed entries: a value outside the valid range is refused and an unlikely one warned about, each with its cell (for example { $sheet }!D7).
map-no-data = No data
map-attribution = Boundaries: geoBoundaries VNM-ADM1-63759600 (geoBoundaries, Wikipedia; public domain; Runfola et al. 2020, PLoS ONE 15(4): e0231866), re-coded and dissolved into the 2025 units by Chiso; Hoàng Sa and Trường Sa: Natural Earth (public domain).
note-estimates-on-map = { $count ->
    [one] One province
   *[other] { $count } provinces
} hatched: estimate on the boundaries of { $date }, computed from the provinces each unit was made of
