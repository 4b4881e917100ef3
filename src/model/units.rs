//! Units and the size of figures: what a unit's name means as a symbol, how to convert between
//! units that differ by a power of ten, and how large a figure can be.

/// The largest magnitude a Chiso file stores (its schema checks it).
pub const MAX_VALUE: f64 = 1e300;

/// The symbol a unit is written with: ‰ for "per 1,000 …", % for "% of …" or "per cent".
pub fn symbol_of(unit: &str) -> String {
    let u = unit.trim().to_lowercase();
    if u.starts_with("per 1,000") || u.starts_with("per 1000") || u == "‰" {
        "‰".into()
    } else if u.starts_with('%')
        || u.starts_with("per cent")
        || u.starts_with("percent")
        || u.starts_with("per 100 ")
        || u == "per 100"
    {
        "%".into()
    } else {
        String::new()
    }
}

/// The factor that turns a value in unit `from` into unit `to`, for the units Chiso knows to
/// convert (%, ‰); `None` when they cannot be converted.
pub fn conversion(from_symbol: &str, to_symbol: &str) -> Option<f64> {
    match (from_symbol, to_symbol) {
        (a, b) if a == b => Some(1.0),
        ("%", "‰") => Some(10.0),
        ("‰", "%") => Some(0.1),
        _ => None,
    }
}
