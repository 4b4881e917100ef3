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
note-style-break = Square marker: break in series
note-new-boundaries = New boundaries from { $date }: the figures of provinces before and after it are of different areas
note-log-drops = Zero and negative values cannot be shown on a log scale and are left out
footer-source = Source: { $citation }
footer-licence = Licensed under { $licence }
footer-note = Note: { $text }
footer-more-notes = … and { $count } more notes in Chiso
hover-source = Source: { $source }
hover-note = Note: { $note }
