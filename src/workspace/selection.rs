//! What the user chooses to see: an indicator and its series, other indicators beside it,
//! the transform, the log scale and the years; and what `chiso export` asks to draw.

use super::{SeriesInfo, Workspace};
use crate::chart::{ChartDescription, ChartKind, ChartSpec, SeriesKey, Transform};
use crate::model::selection::RankingSpec;
use crate::store::StoreError;

/// What `chiso export` asks to draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartRequest {
    pub indicator: String,
    /// Defaults: the headline series' area and subgroup, and every source.
    pub area: Option<String>,
    pub subgroup: Option<String>,
    pub source: Option<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// Index, first year shown = 100.
    pub relative: bool,
    pub log: bool,
    pub title: Option<String>,
    pub kind: ChartKind,
    /// The year, earlier year, boundaries and colours of a ranking (and of a map).
    pub ranking: RankingSpec,
    /// A map's colour classes.
    pub map: crate::model::selection::MapSpec,
}

impl Workspace {
    /// Shows `code`: every source's series for its headline area and subgroup, side by side.
    pub fn select_indicator(&mut self, code: &str) -> Result<(), StoreError> {
        let available = self.series_of(code)?;
        let headline = self
            .catalogue
            .iter()
            .find(|r| r.entry.indicator.code == code)
            .and_then(|r| r.entry.latest.clone());
        let series = match headline {
            Some(latest) => available
                .iter()
                .filter(|s| s.area == latest.area_code && s.subgroup == latest.subgroup_code)
                .map(|s| key(code, s))
                .collect(),
            None => Vec::new(),
        };
        self.selected = Some(code.to_owned());
        self.available = available;
        self.spec.series = series;
        self.spec.hidden.clear();
        self.spec.title = None;
        // A saved view's note is about that view's indicator.
        self.spec.note.clear();
        // A ranking stays a ranking for the next indicator when it has provinces to rank.
        if self.spec.kind.by_province() {
            match self.ranking_series(None, None) {
                Some(key) => self.spec.series = vec![key],
                None => self.spec.kind = ChartKind::TimeSeries,
            }
        }
        self.refresh_chart()
    }

    /// Shows what `request` asks for and returns its description, as `chiso export` draws it.
    pub fn chart_for(&mut self, request: &ChartRequest) -> Result<ChartDescription, StoreError> {
        self.select_indicator(&request.indicator)?;
        if request.kind.by_province() {
            return self.ranking_for(request);
        }
        let Some(first) = self
            .spec
            .series
            .first()
            .cloned()
            .or_else(|| self.available.first().map(|s| key(&request.indicator, s)))
        else {
            return Err(StoreError::NothingToDraw {
                indicator: request.indicator.clone(),
                series: None,
            });
        };
        let area = request.area.clone().unwrap_or(first.area);
        let subgroup = request.subgroup.clone().unwrap_or(first.subgroup);
        let series: Vec<SeriesKey> = self
            .available
            .iter()
            .filter(|s| s.area == area && s.subgroup == subgroup)
            .filter(|s| request.source.as_ref().is_none_or(|src| *src == s.source))
            .map(|s| key(&request.indicator, s))
            .collect();
        if series.is_empty() {
            let source = request
                .source
                .as_ref()
                .map_or(String::new(), |s| format!(", source {s}"));
            return Err(StoreError::NothingToDraw {
                indicator: request.indicator.clone(),
                series: Some(format!("area {area}, subgroup {subgroup}{source}")),
            });
        }
        let bounds = self
            .data_years(&series)
            .unwrap_or((request.from.unwrap_or(2000), request.to.unwrap_or(2000)));
        let years = (request.from.is_some() || request.to.is_some()).then(|| {
            (
                request.from.unwrap_or(bounds.0),
                request.to.unwrap_or(bounds.1),
            )
        });
        let first_year = years.map_or(bounds.0, |y| y.0);
        self.spec = ChartSpec {
            series,
            transform: if request.relative {
                Transform::Index {
                    base_year: first_year,
                }
            } else {
                Transform::Absolute
            },
            log_scale: request.log,
            years,
            hidden: Default::default(),
            title: request.title.clone(),
            ..Default::default()
        };
        self.refresh_chart()?;
        Ok(self.description.clone())
    }

    /// A ranking of what `request` asks for: the provinces' figures of its subgroup and
    /// source (by default those with the most provinces), against its area (the nation).
    fn ranking_for(&mut self, request: &ChartRequest) -> Result<ChartDescription, StoreError> {
        let Some(key) = self.ranking_series(request.subgroup.as_deref(), request.source.as_deref())
        else {
            let mut named = vec!["provinces".to_owned()];
            named.extend(request.subgroup.as_ref().map(|s| format!("subgroup {s}")));
            named.extend(request.source.as_ref().map(|s| format!("source {s}")));
            return Err(StoreError::NothingToDraw {
                indicator: request.indicator.clone(),
                series: Some(named.join(", ")),
            });
        };
        let key = SeriesKey {
            area: request.area.clone().unwrap_or(key.area),
            ..key
        };
        self.spec = ChartSpec {
            kind: request.kind,
            series: vec![key.clone()],
            title: request.title.clone(),
            ranking: request.ranking.clone(),
            map: request.map.clone(),
            ..Default::default()
        };
        self.spec.keep_within_bounds();
        self.refresh_chart()?;
        let ranking = self.description.ranking();
        if ranking.is_some_and(|r| r.bars.is_empty()) {
            let years = ranking.map_or(&[][..], |r| r.years.as_slice());
            let when = match (years.first(), years.last()) {
                (Some(a), Some(b)) => format!(" (years with figures: {a}–{b})"),
                _ => String::new(),
            };
            let year = ranking
                .and_then(|r| r.year)
                .map_or(String::new(), |y| format!(" in {y}"));
            return Err(StoreError::NothingToDraw {
                indicator: request.indicator.clone(),
                series: Some(format!(
                    "provinces, subgroup {}, source {}{year}{when}",
                    key.subgroup, key.source
                )),
            });
        }
        Ok(self.description.clone())
    }

    /// The series a ranking of the selected indicator compares provinces in: the subgroup and
    /// source asked for, else those with the most provincial series (the latest figures
    /// first), with the nation as its area. `None` when no province has a figure.
    pub fn ranking_series(
        &self,
        subgroup: Option<&str>,
        source: Option<&str>,
    ) -> Option<SeriesKey> {
        let indicator = self.selected.as_deref()?;
        let level = |code: &str| {
            self.areas
                .iter()
                .find(|a| a.code == code)
                .map(|a| a.level.as_str())
        };
        let mut counts: std::collections::BTreeMap<(&str, &str), (usize, i32)> = Default::default();
        let available = &self.available;
        for s in available
            .iter()
            .filter(|s| level(&s.area) == Some("province"))
        {
            if subgroup.is_some_and(|g| g != s.subgroup) || source.is_some_and(|x| x != s.source) {
                continue;
            }
            let entry = counts.entry((&s.subgroup, &s.source)).or_default();
            entry.0 += 1;
            entry.1 = entry.1.max(s.last_year);
        }
        let (&(subgroup, source), _) = counts.iter().max_by_key(|(_, count)| **count)?;
        // The country the provinces are in: their region's parent.
        let parent = |code: &str| {
            self.areas
                .iter()
                .find(|a| a.code == code)
                .and_then(|a| a.parent_code.clone())
        };
        let province = available
            .iter()
            .find(|s| level(&s.area) == Some("province"))?;
        let region = parent(&province.area);
        let nation = region.as_deref().and_then(parent).or_else(|| {
            self.areas
                .iter()
                .find(|a| a.level == "country")
                .map(|a| a.code.clone())
        });
        Some(SeriesKey {
            indicator: indicator.to_owned(),
            area: nation.unwrap_or_default(),
            subgroup: subgroup.to_owned(),
            source: source.to_owned(),
        })
    }

    fn data_years(&self, series: &[SeriesKey]) -> Option<(i32, i32)> {
        let years = self.available.iter().filter(|s| {
            series
                .iter()
                .any(|k| k.area == s.area && k.subgroup == s.subgroup && k.source == s.source)
        });
        let first = years.clone().map(|s| s.first_year).min()?;
        Some((first, years.map(|s| s.last_year).max()?))
    }

    /// Replaces what is shown, as a saved view or a restored session would.
    pub fn set_spec(&mut self, mut spec: ChartSpec) -> Result<(), StoreError> {
        spec.keep_within_bounds();
        if let Some(first) = spec.series.first()
            && self.selected.as_deref() != Some(&first.indicator)
        {
            self.available = self.series_of(&first.indicator)?;
            self.selected = Some(first.indicator.clone());
        }
        self.spec = spec;
        self.refresh_chart()
    }

    /// Shows the selected indicator as `kind`: a ranking of the provinces in the subgroup and
    /// source shown when they have provincial figures (else those with the most), or the
    /// headline series over time. Nothing changes when the indicator has no provincial figures
    /// to rank ([`Workspace::can_rank`] says so first).
    pub fn set_kind(&mut self, kind: ChartKind) -> Result<(), StoreError> {
        if kind == self.spec.kind {
            return Ok(());
        }
        match kind {
            // From a ranking to its map and back, the figures stay those shown.
            ChartKind::Ranking | ChartKind::Map if self.spec.kind.by_province() => {
                self.spec.kind = kind;
                self.refresh_chart()
            }
            ChartKind::Ranking | ChartKind::Map => {
                let shown = self.spec.series.first();
                let key = shown
                    .and_then(|k| self.ranking_series(Some(&k.subgroup), Some(&k.source)))
                    .or_else(|| self.ranking_series(None, None));
                let Some(key) = key else {
                    return Ok(());
                };
                self.spec.kind = kind;
                self.spec.series = vec![key];
                self.spec.hidden.clear();
                self.refresh_chart()
            }
            ChartKind::TimeSeries => {
                self.spec.kind = ChartKind::TimeSeries;
                match self.selected.clone() {
                    Some(code) => self.select_indicator(&code),
                    None => self.refresh_chart(),
                }
            }
        }
    }

    /// Picks `area` on a map or a ranking (Ctrl+click), or unpicks it: the provinces a click
    /// then shows over time together. They follow the chart's first series, which a map or a
    /// ranking draws; they draw nothing themselves.
    pub fn pick_area(&mut self, area: &str) -> Result<(), StoreError> {
        if !self.spec.kind.by_province() {
            return Ok(());
        }
        let Some(first) = self.spec.series.first().cloned() else {
            return Ok(());
        };
        let key = SeriesKey {
            area: area.to_owned(),
            ..first
        };
        match self.spec.series[1..].iter().position(|k| *k == key) {
            Some(at) => {
                self.spec.series.remove(at + 1);
            }
            None => self.spec.series.push(key),
        }
        Ok(())
    }

    /// The provinces picked on the map (Ctrl+click), by area code.
    pub fn picked_areas(&self) -> Vec<&str> {
        if !self.spec.kind.by_province() {
            return Vec::new();
        }
        self.spec
            .series
            .iter()
            .skip(1)
            .map(|k| k.area.as_str())
            .collect()
    }

    /// A map's classes and the earlier years drawn beside it.
    pub fn set_map(&mut self, map: crate::model::selection::MapSpec) -> Result<(), StoreError> {
        self.spec.map = map;
        self.spec.keep_within_bounds();
        self.refresh_chart()
    }

    /// Shows `area` over time, after the provinces picked on the map (Ctrl+click) and beside
    /// the chart's own area (the nation of a map or a ranking), in the indicator, subgroup and
    /// source shown: what a click on a province asks.
    pub fn show_area_over_time(&mut self, area: &str) -> Result<(), StoreError> {
        let Some(first) = self.spec.series.first().cloned() else {
            return Ok(());
        };
        let mut series: Vec<SeriesKey> = self.spec.series[1..].to_vec();
        let clicked = SeriesKey {
            area: area.to_owned(),
            ..first.clone()
        };
        if !series.contains(&clicked) {
            series.push(clicked);
        }
        if first.area != area {
            series.push(first);
        }
        self.spec = ChartSpec {
            kind: ChartKind::TimeSeries,
            series,
            ..Default::default()
        };
        self.refresh_chart()
    }

    /// Whether the selected indicator has provincial figures to rank (asked by every frame:
    /// found when the chart is described, not then).
    pub fn can_rank(&self) -> bool {
        self.rankable
    }

    /// The year, earlier year, boundaries and colours of the ranking shown.
    pub fn set_ranking(&mut self, ranking: RankingSpec) -> Result<(), StoreError> {
        self.spec.ranking = ranking;
        self.spec.keep_within_bounds();
        self.refresh_chart()
    }

    /// The days areas began on (a reform's): the boundaries a ranking can be drawn on, besides
    /// each year's own.
    pub fn boundary_days(&self) -> Vec<String> {
        let mut days: Vec<String> = self
            .areas
            .iter()
            .filter(|a| a.level == "province" && !a.valid_from.is_empty())
            .map(|a| a.valid_from.clone())
            .collect();
        days.sort();
        days.dedup();
        days
    }

    /// Adds a column for figures not entered yet: the selected indicator for `area`,
    /// `subgroup` and `source`, shown even while it has no figures.
    pub fn add_column(
        &mut self,
        area: &str,
        subgroup: &str,
        source: &str,
    ) -> Result<(), StoreError> {
        let Some(code) = self.selected.clone() else {
            return Ok(());
        };
        let key = SeriesKey {
            indicator: code,
            area: area.to_owned(),
            subgroup: subgroup.to_owned(),
            source: source.to_owned(),
        };
        if !self.spec.series.contains(&key) {
            self.spec.series.push(key);
        }
        self.refresh_chart()
    }

    /// Adds a series of the selected indicator to the chart, or takes it off.
    /// Puts a series of indicator `code` (the one selected, or another on the chart) on the
    /// chart, or takes it off.
    pub fn toggle_series(&mut self, code: &str, series: &SeriesInfo) -> Result<(), StoreError> {
        let key = key(code, series);
        if let Some(i) = self.spec.series.iter().position(|k| *k == key) {
            self.spec.series.remove(i);
            self.spec.hidden.remove(&key);
        } else {
            self.spec.series.push(key);
        }
        self.refresh_chart()
    }

    /// Adds another indicator's headline series (for comparing indicators).
    pub fn add_indicator(&mut self, code: &str) -> Result<(), StoreError> {
        let Some(latest) = self
            .catalogue
            .iter()
            .find(|r| r.entry.indicator.code == code)
            .and_then(|r| r.entry.latest.clone())
        else {
            return Ok(());
        };
        // Every source of its headline area and subgroup, as when the indicator is chosen:
        // sources are shown side by side, never one standing for the others.
        let mut keys: Vec<SeriesKey> = self
            .series_of(code)?
            .iter()
            .filter(|s| s.area == latest.area_code && s.subgroup == latest.subgroup_code)
            .map(|s| key(code, s))
            .collect();
        if keys.is_empty() {
            keys.push(SeriesKey::of(&latest));
        }
        for key in keys {
            if !self.spec.series.contains(&key) {
                self.spec.series.push(key);
            }
        }
        self.refresh_chart()
    }

    /// Turns a series on or off without taking it off the chart (the legend's check box).
    pub fn set_hidden(&mut self, key: &SeriesKey, hidden: bool) -> Result<(), StoreError> {
        if hidden {
            self.spec.hidden.insert(key.clone());
        } else {
            self.spec.hidden.remove(key);
        }
        self.refresh_chart()
    }

    pub fn set_transform(&mut self, transform: Transform) -> Result<(), StoreError> {
        self.spec.transform = transform;
        self.refresh_chart()
    }

    pub fn set_log_scale(&mut self, log_scale: bool) -> Result<(), StoreError> {
        self.spec.log_scale = log_scale;
        self.refresh_chart()
    }

    pub fn set_years(&mut self, years: Option<(i32, i32)>) -> Result<(), StoreError> {
        self.spec.years = years.map(|(a, b)| (a.min(b), a.max(b)));
        self.refresh_chart()
    }

    /// The first and last year any figure of the selected series has.
    pub fn year_bounds(&self) -> Option<(i32, i32)> {
        let years = self.data.observations.iter().map(|o| o.period.year);
        Some((years.clone().min()?, years.max()?))
    }
}

pub(super) fn key(indicator: &str, series: &SeriesInfo) -> SeriesKey {
    SeriesKey {
        indicator: indicator.to_owned(),
        area: series.area.clone(),
        subgroup: series.subgroup.clone(),
        source: series.source.clone(),
    }
}
