//! Abbreviations a second region keeps all year. `MST` is America/Denver's winter
//! name, and the name Arizona (America/Phoenix, which has not changed its clocks
//! since 1968) uses in every season: `10:00 MST` in June is wrong in Denver and
//! right in Phoenix. Which one a report means is the report's to say: a report
//! that writes `MDT` elsewhere, spells Mountain Daylight Time, or names Denver's
//! zone or a place on it means the region that changes; otherwise the summer
//! `MST` is taken at its own offset, as Arizona's clocks show it, and is no
//! wrong-season finding.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::zone::Abbreviation;

/// Each abbreviation a second region keeps all year, that region, and the places
/// and zones that say the report means the abbreviation's own region, which
/// changes its clocks.
const KEPT_ALL_YEAR: &[(&str, &str, &[&str])] = &[(
    "MST",
    "America/Phoenix",
    &[
        "America/Denver",
        "America/Boise",
        "America/Edmonton",
        "US/Mountain",
        "Canada/Mountain",
        "Denver",
        "Colorado",
        "Utah",
        "Salt Lake",
        "Boise",
        "Idaho",
        "Montana",
        "Wyoming",
        "New Mexico",
        "Albuquerque",
        "El Paso",
        "Calgary",
        "Edmonton",
        "Alberta",
    ],
)];

/// The region that keeps `abbr` at its own offset all year, on `date` (`MST` on
/// 10 June 2025: `America/Phoenix`), when the tz database agrees that it shows
/// that offset on that day; `None` for any other abbreviation.
pub fn kept_all_year_in(abbr: &Abbreviation, date: Date) -> Option<&'static str> {
    let (_, region, _) = KEPT_ALL_YEAR
        .iter()
        .find(|(name, _, _)| *name == abbr.name)?;
    let tz = TimeZone::get(region).ok()?;
    let noon = date.at(12, 0, 0, 0).to_zoned(tz.clone()).ok()?;
    (tz.to_offset_info(noon.timestamp()).offset() == abbr.offset()).then_some(*region)
}

/// Whether `text` says its clocks are `abbr`'s own region's, the one that changes
/// its clocks: it writes the other season's name as a word (`MDT`), spells it
/// (`Mountain Daylight Time`, any case), or names that region's zone or a place
/// on it (`America/Denver`, `Denver`, `Calgary`).
pub fn names_seasonal_region(abbr: &Abbreviation, text: &str) -> bool {
    let Some((_, _, places)) = KEPT_ALL_YEAR.iter().find(|(name, _, _)| *name == abbr.name) else {
        return false;
    };
    // A whole word: not part of a name such as `MDTX` or a host `MDT-2`.
    let joined = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
    let word = |w: &str| {
        text.match_indices(w).any(|(i, _)| {
            !joined(text[..i].chars().next_back()) && !joined(text[i + w.len()..].chars().next())
        })
    };
    if abbr.counterpart.is_some_and(word) || places.iter().any(|p| word(p)) {
        return true;
    }
    let spelled = format!(
        "{} daylight",
        match abbr.name {
            "MST" => "mountain",
            _ => return false,
        }
    );
    text.to_ascii_lowercase().contains(&spelled)
}

#[cfg(test)]
mod tests {
    // Panicking on unexpected values is how these tests fail.
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::zone::abbreviation;

    #[test]
    fn mst_is_kept_all_year_in_arizona() {
        let mst = abbreviation("MST").unwrap();
        let june = Date::new(2025, 6, 10).unwrap();
        let january = Date::new(2025, 1, 10).unwrap();
        assert_eq!(kept_all_year_in(mst, june), Some("America/Phoenix"));
        assert_eq!(kept_all_year_in(mst, january), Some("America/Phoenix"));
        // Other abbreviations have no such region.
        for name in ["CET", "PST", "EST", "MDT"] {
            assert_eq!(kept_all_year_in(abbreviation(name).unwrap(), june), None);
        }
    }

    #[test]
    fn the_report_names_the_region_that_changes() {
        let mst = abbreviation("MST").unwrap();
        for text in [
            "Deploy at 10:00 MST, rollback at 11:00 MDT.",
            "All times are Mountain Daylight Time.",
            "The Denver office saw it first.",
            "timezone: America/Denver",
        ] {
            assert!(names_seasonal_region(mst, text), "{text}");
        }
        for text in [
            "Deploy at 10:00 MST from the Phoenix office.",
            "Our MDTX cluster (a name) and the MDT-2 host.",
            "Mountain time (MT) applies.",
        ] {
            assert!(!names_seasonal_region(mst, text), "{text}");
        }
        assert!(!names_seasonal_region(abbreviation("CET").unwrap(), "CEST"));
    }
}
