//! A large, realistic database for measuring Chiso at scale (`chiso gen-sample`).
//!
//! The shape is a provincial statistics office's: indicators by theme, the country, its six
//! socio-economic regions and 63 provinces, subgroups by sex, residence, ethnicity and income
//! quintile, several sources for the national series, forty years. Values follow smooth trends
//! with noise, inside each indicator's plausible range, from a fixed seed: the same request
//! gives the same file.

use std::path::Path;

use rusqlite::{Transaction, params};

use super::edit::now_stamp;
use super::import::{audit_bulk_inserts, max_audited_ids};
use super::sample::SampleError;
use super::{GenerateRefusal, Store, StoreError};

/// The editor the audit log names for generated figures.
pub const GENERATOR_EDITOR: &str = "chiso gen-sample";

const FIRST_YEAR: i32 = 1985;
const YEARS: i32 = 40;

/// What to generate.
#[derive(Clone, Debug)]
pub struct GenerateOptions {
    pub observations: u64,
    pub indicators: usize,
    pub seed: u64,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            observations: 1_000_000,
            indicators: 200,
            seed: 1,
        }
    }
}

/// What was generated.
#[derive(Clone, Debug, PartialEq)]
pub struct GenerateReport {
    pub observations: u64,
    pub indicators: usize,
    pub areas: usize,
    pub subgroups: usize,
    pub sources: usize,
}

/// (code, name, unit, decimals, direction, plausible low, plausible high, theme)
type IndicatorKind = (
    &'static str,
    &'static str,
    &'static str,
    u8,
    &'static str,
    f64,
    f64,
    &'static str,
);

#[rustfmt::skip]
const KINDS: &[IndicatorKind] = &[
    ("U5MR", "Under-five mortality rate", "PER_1000", 1, "lower_is_better", 5.0, 80.0, "Health"),
    ("IMR", "Infant mortality rate", "PER_1000", 1, "lower_is_better", 4.0, 60.0, "Health"),
    ("MMR", "Maternal mortality ratio", "PER_100K", 0, "lower_is_better", 20.0, 250.0, "Health"),
    ("STUNTING", "Stunting among children under five", "PERCENT", 1, "lower_is_better", 5.0, 45.0, "Health"),
    ("IMMUNISED", "Children fully immunised", "PERCENT", 1, "higher_is_better", 60.0, 99.0, "Health"),
    ("HEALTH_INSURANCE", "Population covered by health insurance", "PERCENT", 1, "higher_is_better", 20.0, 95.0, "Health"),
    ("LIFE_EXPECTANCY", "Life expectancy at birth", "YEARS", 1, "higher_is_better", 60.0, 78.0, "Health"),
    ("NET_ENROL_PRIMARY", "Net enrolment rate, primary", "PERCENT", 1, "higher_is_better", 80.0, 99.5, "Education"),
    ("NET_ENROL_LOWER_SEC", "Net enrolment rate, lower secondary", "PERCENT", 1, "higher_is_better", 50.0, 96.0, "Education"),
    ("NET_ENROL_UPPER_SEC", "Net enrolment rate, upper secondary", "PERCENT", 1, "higher_is_better", 30.0, 80.0, "Education"),
    ("LITERACY", "Literacy rate, 15 and over", "PERCENT", 1, "higher_is_better", 80.0, 99.0, "Education"),
    ("TRAINED_LABOUR", "Trained workers among the employed", "PERCENT", 1, "higher_is_better", 5.0, 30.0, "Labour"),
    ("UNEMPLOYMENT", "Unemployment rate", "PERCENT", 2, "lower_is_better", 1.0, 6.0, "Labour"),
    ("INFORMAL_WORK", "Informal employment", "PERCENT", 1, "lower_is_better", 50.0, 80.0, "Labour"),
    ("MONTHLY_INCOME", "Monthly income per head", "THOUSAND_VND", 0, "higher_is_better", 200.0, 6000.0, "Living standards"),
    ("MPI_RATE", "Multidimensional poverty rate", "PERCENT", 1, "lower_is_better", 1.0, 40.0, "Poverty and social protection"),
    ("NEAR_POOR", "Near-poor households", "PERCENT", 1, "lower_is_better", 2.0, 15.0, "Poverty and social protection"),
    ("SOCIAL_INSURANCE", "Labour force with social insurance", "PERCENT", 1, "higher_is_better", 5.0, 40.0, "Poverty and social protection"),
    ("SOCIAL_ASSISTANCE", "People receiving monthly social assistance", "THOUSAND_PEOPLE", 1, "neutral", 10.0, 300.0, "Poverty and social protection"),
    ("HOUSES_BUILT", "Houses built or repaired for poor households", "HOUSES", 0, "higher_is_better", 100.0, 20000.0, "Housing"),
    ("SOLID_HOUSING", "Households in solid housing", "PERCENT", 1, "higher_is_better", 20.0, 98.0, "Housing"),
    ("CLEAN_WATER", "Households using clean water", "PERCENT", 1, "higher_is_better", 40.0, 99.0, "Water and sanitation"),
    ("SANITATION", "Households with hygienic latrines", "PERCENT", 1, "higher_is_better", 20.0, 95.0, "Water and sanitation"),
    ("ELECTRICITY", "Households with electricity", "PERCENT", 1, "higher_is_better", 50.0, 100.0, "Living standards"),
    ("INTERNET_USERS", "Individuals using the Internet", "PERCENT", 1, "higher_is_better", 0.1, 85.0, "Digital"),
    ("MOBILE_PHONE", "Individuals owning a mobile phone", "PERCENT", 1, "higher_is_better", 1.0, 95.0, "Digital"),
    ("CHILD_MARRIAGE", "Women married before 18", "PERCENT", 1, "lower_is_better", 3.0, 25.0, "Gender"),
    ("WOMEN_COUNCILS", "Women among people's council members", "PERCENT", 1, "higher_is_better", 15.0, 35.0, "Gender"),
    ("POPULATION", "Population", "THOUSAND_PEOPLE", 1, "neutral", 300.0, 9000.0, "Population"),
    ("SEX_RATIO_BIRTH", "Sex ratio at birth", "BOYS_PER_100_GIRLS", 1, "neutral", 104.0, 116.0, "Population"),
];

const UNITS: &[(&str, &str, &str)] = &[
    ("PER_1000", "Deaths per 1,000 live births", "‰"),
    ("PER_100K", "Deaths per 100,000 live births", "per 100,000"),
    ("PERCENT", "Per cent", "%"),
    ("YEARS", "Years", "years"),
    ("THOUSAND_VND", "Thousand đồng", "thousand VND"),
    ("THOUSAND_PEOPLE", "Thousand people", "thousand"),
    ("HOUSES", "Houses", "houses"),
    (
        "BOYS_PER_100_GIRLS",
        "Boys per 100 girls",
        "boys per 100 girls",
    ),
];

/// (code, name, region index)
const PROVINCES: &[(&str, &str, usize)] = &[
    ("VN-HN", "Hà Nội", 1),
    ("VN-HG", "Hà Giang", 0),
    ("VN-CB", "Cao Bằng", 0),
    ("VN-BK", "Bắc Kạn", 0),
    ("VN-TQ", "Tuyên Quang", 0),
    ("VN-LCA", "Lào Cai", 0),
    ("VN-DB", "Điện Biên", 0),
    ("VN-LCH", "Lai Châu", 0),
    ("VN-SL", "Sơn La", 0),
    ("VN-YB", "Yên Bái", 0),
    ("VN-HB", "Hoà Bình", 0),
    ("VN-TN", "Thái Nguyên", 0),
    ("VN-LS", "Lạng Sơn", 0),
    ("VN-QNI", "Quảng Ninh", 1),
    ("VN-BG", "Bắc Giang", 0),
    ("VN-PT", "Phú Thọ", 0),
    ("VN-VP", "Vĩnh Phúc", 1),
    ("VN-BN", "Bắc Ninh", 1),
    ("VN-HD", "Hải Dương", 1),
    ("VN-HP", "Hải Phòng", 1),
    ("VN-HY", "Hưng Yên", 1),
    ("VN-TB", "Thái Bình", 1),
    ("VN-HNA", "Hà Nam", 1),
    ("VN-ND", "Nam Định", 1),
    ("VN-NB", "Ninh Bình", 1),
    ("VN-TH", "Thanh Hoá", 2),
    ("VN-NA", "Nghệ An", 2),
    ("VN-HT", "Hà Tĩnh", 2),
    ("VN-QB", "Quảng Bình", 2),
    ("VN-QT", "Quảng Trị", 2),
    ("VN-TTH", "Thừa Thiên Huế", 2),
    ("VN-DN", "Đà Nẵng", 2),
    ("VN-QNA", "Quảng Nam", 2),
    ("VN-QNG", "Quảng Ngãi", 2),
    ("VN-BDI", "Bình Định", 2),
    ("VN-PY", "Phú Yên", 2),
    ("VN-KH", "Khánh Hoà", 2),
    ("VN-NT", "Ninh Thuận", 2),
    ("VN-BTH", "Bình Thuận", 2),
    ("VN-KT", "Kon Tum", 3),
    ("VN-GL", "Gia Lai", 3),
    ("VN-DLK", "Đắk Lắk", 3),
    ("VN-DNO", "Đắk Nông", 3),
    ("VN-LD", "Lâm Đồng", 3),
    ("VN-BP", "Bình Phước", 4),
    ("VN-TNI", "Tây Ninh", 4),
    ("VN-BD", "Bình Dương", 4),
    ("VN-DNA", "Đồng Nai", 4),
    ("VN-BRVT", "Bà Rịa - Vũng Tàu", 4),
    ("VN-HCM", "TP. Hồ Chí Minh", 4),
    ("VN-LA", "Long An", 5),
    ("VN-TG", "Tiền Giang", 5),
    ("VN-BTR", "Bến Tre", 5),
    ("VN-TV", "Trà Vinh", 5),
    ("VN-VL", "Vĩnh Long", 5),
    ("VN-DT", "Đồng Tháp", 5),
    ("VN-AG", "An Giang", 5),
    ("VN-KG", "Kiên Giang", 5),
    ("VN-CT", "Cần Thơ", 5),
    ("VN-HGI", "Hậu Giang", 5),
    ("VN-ST", "Sóc Trăng", 5),
    ("VN-BL", "Bạc Liêu", 5),
    ("VN-CM", "Cà Mau", 5),
];

const REGIONS: &[(&str, &str)] = &[
    ("VN-R1", "Trung du và miền núi phía Bắc"),
    ("VN-R2", "Đồng bằng sông Hồng"),
    ("VN-R3", "Bắc Trung Bộ và duyên hải miền Trung"),
    ("VN-R4", "Tây Nguyên"),
    ("VN-R5", "Đông Nam Bộ"),
    ("VN-R6", "Đồng bằng sông Cửu Long"),
];

/// (code, name, dimension)
const SUBGROUPS: &[(&str, &str, &str)] = &[
    ("T", "Total", "total"),
    ("M", "Male", "sex"),
    ("F", "Female", "sex"),
    ("URBAN", "Urban", "residence"),
    ("RURAL", "Rural", "residence"),
    ("KINH", "Kinh and Hoa", "ethnicity"),
    ("EM", "Ethnic minorities", "ethnicity"),
    ("Q1", "Poorest quintile", "income quintile"),
    ("Q2", "Second quintile", "income quintile"),
    ("Q3", "Middle quintile", "income quintile"),
    ("Q4", "Fourth quintile", "income quintile"),
    ("Q5", "Richest quintile", "income quintile"),
];

/// (code, short name, publisher, title, published)
#[rustfmt::skip]
const SOURCES: &[(&str, &str, &str, &str, &str)] = &[
    ("GEN_GSO_ADMIN", "GSO statistical yearbook", "General Statistics Office", "Statistical Yearbook of Viet Nam (generated)", "2025-06-30"),
    ("GEN_GSO_VHLSS", "GSO living standards survey", "General Statistics Office", "Viet Nam Household Living Standards Survey (generated)", "2025-03-31"),
    ("GEN_WB_WDI", "World Bank WDI", "World Bank", "World Development Indicators (generated)", "2025-07-01"),
    ("GEN_UNICEF_MICS", "UNICEF MICS", "UNICEF", "Multiple Indicator Cluster Survey (generated)", "2024-12-15"),
];

/// A series: (area index, subgroup index, source index). Areas: 0 the country, 1..=6 the
/// regions, then the provinces.
type SeriesSlot = (usize, usize, usize);

/// Series in the order an office would fill them: the national total from every source, the
/// national breakdowns, the regions, then the provinces by total and breakdowns.
fn series_order() -> Vec<SeriesSlot> {
    let provinces = 1 + REGIONS.len()..1 + REGIONS.len() + PROVINCES.len();
    let mut order: Vec<SeriesSlot> = (0..SOURCES.len()).map(|s| (0, 0, s)).collect();
    order.extend((1..SUBGROUPS.len()).map(|g| (0, g, 0)));
    order.extend((1..=REGIONS.len()).map(|a| (a, 0, 0)));
    order.extend(provinces.clone().map(|a| (a, 0, 0)));
    for g in 1..SUBGROUPS.len() {
        order.extend((1..=REGIONS.len()).map(|a| (a, g, 0)));
        order.extend(provinces.clone().map(|a| (a, g, 0)));
    }
    for s in 1..SOURCES.len() {
        order.extend(provinces.clone().map(|a| (a, 0, s)));
    }
    order
}

/// The most figures [`generate`] can make for one indicator.
pub fn max_per_indicator() -> u64 {
    series_order().len() as u64 * YEARS as u64
}

/// SplitMix64: small, fast and fixed, so a seed means the same file on every machine.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Creates a new file at `path` with `options.observations` generated figures.
pub fn generate(path: &Path, options: &GenerateOptions) -> Result<GenerateReport, SampleError> {
    let build_error = |source: StoreError| SampleError::Build {
        path: path.into(),
        source,
    };
    if options.indicators == 0 {
        return Err(build_error(StoreError::Generate(
            GenerateRefusal::NoIndicators,
        )));
    }
    let most = max_per_indicator() * options.indicators as u64;
    if options.observations > most {
        return Err(build_error(StoreError::Generate(
            GenerateRefusal::TooManyFigures {
                observations: options.observations,
                indicators: options.indicators,
                series: series_order().len(),
                years: YEARS,
                most,
            },
        )));
    }
    let mut store = Store::create(path)?;
    let result = store.without_triggers(|store| {
        let tx = store
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let report = fill(&tx, options)?;
        tx.commit()?;
        Ok(report)
    });
    match result {
        Ok(report) => Ok(report),
        Err(e) => {
            drop(store);
            super::remove_database_files(path);
            Err(build_error(e))
        }
    }
}

fn fill(tx: &Transaction, options: &GenerateOptions) -> Result<GenerateReport, StoreError> {
    let max_ids_before = max_audited_ids(tx)?;
    for (code, name, symbol) in UNITS {
        tx.execute(
            "INSERT INTO unit (code, name, symbol) VALUES (?1, ?2, ?3)",
            params![code, name, symbol],
        )?;
    }
    // Every file holds the reference areas of schema 4 (VNM, its regions and provinces); the
    // generated figures have areas of their own, which take over a code they share.
    let area = |code: &str, name: &str, vi: &str, parent: Option<i64>, level: &str| {
        tx.query_row(
            "INSERT INTO area (code, name, name_vi, parent_id, level) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_vi = excluded.name_vi, \
                 parent_id = excluded.parent_id, level = excluded.level \
             RETURNING id",
            params![code, name, vi, parent, level],
            |r| r.get::<_, i64>(0),
        )
    };
    let country = area("VN", "Viet Nam", "Việt Nam", None, "country")?;
    let mut area_ids = vec![country];
    for (code, name) in REGIONS {
        area_ids.push(area(code, name, "", Some(country), "region")?);
    }
    for (code, name, region) in PROVINCES {
        let parent = area_ids[1 + region];
        area_ids.push(area(code, name, "", Some(parent), "province")?);
    }
    let mut subgroup_ids = Vec::new();
    for (code, name, dimension) in SUBGROUPS {
        tx.execute(
            "INSERT INTO subgroup (code, name, dimension) VALUES (?1, ?2, ?3)",
            params![code, name, dimension],
        )?;
        subgroup_ids.push(tx.last_insert_rowid());
    }
    let mut source_ids = Vec::new();
    for (code, short_name, publisher, title, published) in SOURCES {
        tx.execute(
            "INSERT INTO source (code, short_name, publisher, title, edition, published, citation) \
             VALUES (?1, ?2, ?3, ?4, 'generated', ?5, ?6)",
            params![
                code,
                short_name,
                publisher,
                title,
                published,
                format!("Generated by chiso gen-sample for measuring; not real figures ({title})")
            ],
        )?;
        source_ids.push(tx.last_insert_rowid());
    }

    let mut random = Random(options.seed);
    let order = series_order();
    let per_indicator = options.observations / options.indicators as u64;
    let extra = options.observations % options.indicators as u64;
    let stamp = now_stamp();
    let mut insert = tx.prepare(
        "INSERT INTO observation (indicator_id, area_id, subgroup_id, source_id, year, value, \
             status, footnote, updated_at, updated_by) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut written = 0u64;
    for n in 0..options.indicators {
        let (code, name, unit, decimals, direction, low, high, theme) = KINDS[n % KINDS.len()];
        let round = n / KINDS.len();
        let (code, name) = if round == 0 {
            (code.to_owned(), name.to_owned())
        } else {
            (
                format!("{code}_{round}"),
                format!("{name} (series {round})"),
            )
        };
        tx.execute(
            "INSERT INTO indicator (code, name, short_name, unit_id, decimals, direction, \
                 plausible_min, plausible_max, theme, description) \
             VALUES (?1, ?2, ?2, (SELECT id FROM unit WHERE code = ?3), ?4, ?5, ?6, ?7, ?8, \
                 'Generated for measuring Chiso at scale; not a real indicator.')",
            params![code, name, unit, decimals, direction, low, high, theme],
        )?;
        let indicator = tx.last_insert_rowid();
        // Better over time: a falling rate starts near the top of its range.
        let falling = direction == "lower_is_better";
        let mut quota = per_indicator + u64::from((n as u64) < extra);
        for &(area, subgroup, source) in &order {
            if quota == 0 {
                break;
            }
            let years = quota.min(YEARS as u64) as i32;
            quota -= years as u64;
            // Each series its own level and pace, the provinces spread around the country.
            let span = high - low;
            let start = low + span * (0.55 + 0.4 * random.unit());
            let end = low + span * (0.05 + 0.35 * random.unit());
            let (start, end) = if falling { (start, end) } else { (end, start) };
            let scale = 10f64.powi(i32::from(decimals));
            for k in 0..years {
                let year = FIRST_YEAR + YEARS - years + k;
                let t = f64::from(k) / f64::from((years - 1).max(1));
                let noise = (random.unit() - 0.5) * span * 0.02;
                let value =
                    ((start + (end - start) * t + noise).clamp(low, high) * scale).round() / scale;
                let last = year == FIRST_YEAR + YEARS - 1;
                let status = if last { "provisional" } else { "normal" };
                let footnote = if last && source == 1 {
                    "Preliminary survey estimate."
                } else {
                    ""
                };
                insert.execute(params![
                    indicator,
                    area_ids[area],
                    subgroup_ids[subgroup],
                    source_ids[source],
                    year,
                    value,
                    status,
                    footnote,
                    stamp,
                    GENERATOR_EDITOR,
                ])?;
                written += 1;
            }
        }
    }
    drop(insert);
    audit_bulk_inserts(tx, GENERATOR_EDITOR, &max_ids_before)?;
    Ok(GenerateReport {
        observations: written,
        indicators: options.indicators,
        areas: area_ids.len(),
        subgroups: subgroup_ids.len(),
        sources: source_ids.len(),
    })
}
