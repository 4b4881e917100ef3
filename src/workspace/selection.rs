//! What the user chooses to see: an indicator and its series, other indicators beside it,
//! the transform, the log scale and the years; and what `chiso export` asks to draw.

use super::{SeriesInfo, Workspace};
use crate::chart::{ChartDescription, ChartSpec, SeriesKey, Transform};
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
}

impl Workspace {
    /// Shows `code`: every source's series for its headline area and subgroup, side by side.
    pub fn select_indicator(&mut self, code: &str) -> Result<(), StoreError> {
        let available = self.store.series_list(code)?;
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
        self.refresh_chart()
    }

    /// Shows what `request` asks for and returns its description, as `chiso export` draws it.
    pub fn chart_for(&mut self, request: &ChartRequest) -> Result<ChartDescription, StoreError> {
        self.select_indicator(&request.indicator)?;
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
            self.available = self.store.series_list(&first.indicator)?;
            self.selected = Some(first.indicator.clone());
        }
        self.spec = spec;
        self.refresh_chart()
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
    pub fn toggle_series(&mut self, series: &SeriesInfo) -> Result<(), StoreError> {
        let Some(code) = self.selected.clone() else {
            return Ok(());
        };
        let key = key(&code, series);
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
        let key = SeriesKey::of(&latest);
        if !self.spec.series.contains(&key) {
            self.spec.series.push(key);
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
