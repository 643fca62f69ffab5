//! Resolution: a parsed time placed on the time line with its date (written or from
//! context) and its zone (written or a default), with DST gaps and folds refused, and
//! the season check of abbreviations (`CET` written in July).

use std::fmt;

use jiff::{
    Timestamp,
    civil::{Date, DateTime},
    tz::{AmbiguousOffset, Offset, TimeZone},
};

use crate::{Abbreviation, ParsedTime, Zone, format_offset};

/// The resolved instant of a parsed time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The instant.
    pub timestamp: Timestamp,
    /// The civil date the time was on (as written, or from context).
    pub date: Date,
    /// The UTC offset that applied.
    pub offset: Offset,
    /// Set when an abbreviation did not fit the season in its region.
    pub season_mismatch: Option<SeasonMismatch>,
}

/// An abbreviation written for the wrong season (`CET` in July).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeasonMismatch {
    /// The abbreviation as written, e.g. CET.
    pub written: &'static Abbreviation,
    /// What the region actually used at that time, e.g. `"CEST"` (the tz
    /// database's abbreviation, which may be numeric such as `"-02"`).
    pub in_use: String,
    /// The offset the region actually used, e.g. +02:00.
    pub in_use_offset: Offset,
}

/// Why a parsed time could not be resolved to an instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// A time without a date, and no date context.
    NoDate,
    /// No zone written and no default zone.
    NoZone,
    /// The zone is an ambiguous abbreviation.
    Ambiguous {
        /// The abbreviation as written.
        text: String,
        /// Its possible meanings.
        meanings: &'static [&'static str],
    },
    /// The zone is not one we know.
    UnknownZone(String),
    /// The civil time does not exist (DST gap) or is out of range; the
    /// string is a complete message.
    Nonexistent(String),
    /// The civil time occurs twice (clocks went back, a fold): no instant is
    /// chosen.
    Repeated {
        /// A complete message naming both readings.
        message: String,
        /// How to say which one was meant (the offsets and abbreviations).
        help: String,
    },
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::NoDate => {
                f.write_str("the time has no date, and no date is known from context")
            }
            ResolveError::NoZone => {
                f.write_str("the time has no time zone, and no default time zone is configured")
            }
            ResolveError::Ambiguous { text, meanings } => {
                write!(f, "time zone `{text}` is ambiguous: it can mean ")?;
                for (i, m) in meanings.iter().enumerate() {
                    if i > 0 {
                        f.write_str(if i + 1 == meanings.len() {
                            " or "
                        } else {
                            ", "
                        })?;
                    }
                    f.write_str(m)?;
                }
                Ok(())
            }
            ResolveError::UnknownZone(z) => write!(f, "unknown time zone `{z}`"),
            ResolveError::Nonexistent(msg) | ResolveError::Repeated { message: msg, .. } => {
                f.write_str(msg)
            }
        }
    }
}

impl std::error::Error for ResolveError {}

fn out_of_range(dt: DateTime, what: &str) -> ResolveError {
    ResolveError::Nonexistent(format!(
        "{} {} in {what} is outside the range of instants retrospec computes with \
         ({} to {} UTC, so that every UTC offset stays within the years -9999 to 9999)",
        dt.date(),
        dt.time(),
        Timestamp::MIN.strftime("%Y-%m-%d %H:%M:%S"),
        Timestamp::MAX.strftime("%Y-%m-%d %H:%M:%S"),
    ))
}

fn resolve_in_zone(
    tz: &TimeZone,
    name: &str,
    dt: DateTime,
) -> Result<(Timestamp, Offset), ResolveError> {
    let amb = tz.to_ambiguous_timestamp(dt);
    if let AmbiguousOffset::Gap { before, after } = amb.offset() {
        return Err(ResolveError::Nonexistent(format!(
            "{} on {} does not exist in {name}: clocks jumped from {} to {} \
             (a daylight saving time change)",
            dt.time(),
            dt.date(),
            format_offset(before),
            format_offset(after)
        )));
    }
    if let AmbiguousOffset::Fold { before, after } = amb.offset() {
        let abbreviation = |o: Offset| {
            o.to_timestamp(dt)
                .ok()
                .map(|ts| tz.to_offset_info(ts).abbreviation().to_string())
                .filter(|a| a.bytes().all(|c| c.is_ascii_alphabetic()))
        };
        let (first, second) = (format_offset(before), format_offset(after));
        let names = match (abbreviation(before), abbreviation(after)) {
            (Some(a), Some(b)) => format!(" ({a} or {b})"),
            _ => String::new(),
        };
        return Err(ResolveError::Repeated {
            message: format!(
                "{} on {} happened twice in {name}: clocks went back from {first} to {second}{names}, \
                 so it is ambiguous which of the two instants is meant",
                dt.time(),
                dt.date(),
            ),
            help: format!(
                "write the offset (`{first}` for the first, `{second}` for the second){}",
                match (abbreviation(before), abbreviation(after)) {
                    (Some(a), Some(b)) => format!(" or the abbreviation (`{a}` or `{b}`)"),
                    _ => String::new(),
                }
            ),
        });
    }
    let ts = amb.compatible().map_err(|_| out_of_range(dt, name))?;
    Ok((ts, tz.to_offset(ts)))
}

fn resolve_abbreviation(
    a: &'static Abbreviation,
    dt: DateTime,
) -> Result<(Timestamp, Offset, Option<SeasonMismatch>), ResolveError> {
    let own = a.offset();
    let ts = own.to_timestamp(dt).map_err(|_| out_of_range(dt, a.name))?;
    let Ok(region) = TimeZone::get(a.region) else {
        return Ok((ts, own, None));
    };
    let info = region.to_offset_info(ts);
    if info.offset() == own {
        return Ok((ts, own, None));
    }
    let wall = region.to_ambiguous_timestamp(dt);
    if matches!(wall.offset(), AmbiguousOffset::Gap { .. }) {
        // Nobody read this off a clock in the region: keep the written offset.
        let mismatch = SeasonMismatch {
            written: a,
            in_use: info.abbreviation().to_string(),
            in_use_offset: info.offset(),
        };
        return Ok((ts, own, Some(mismatch)));
    }
    let wts = wall.compatible().map_err(|_| out_of_range(dt, a.region))?;
    let winfo = region.to_offset_info(wts);
    if info.abbreviation() == a.name || winfo.abbreviation() == a.name {
        // The region used this very name with another offset (MSK was +04:00
        // in 2011-2014): trust the tz database.
        return Ok((wts, winfo.offset(), None));
    }
    let mismatch = SeasonMismatch {
        written: a,
        in_use: winfo.abbreviation().to_string(),
        in_use_offset: winfo.offset(),
    };
    Ok((wts, winfo.offset(), Some(mismatch)))
}

/// Resolves `p` to an instant.
///
/// The date is `p.date` or else `date_context`; the zone is `p.zone` or else
/// `default_zone`. Offsets and UTC are exact; IANA zones (and the default
/// zone) interpret the civil time in that zone, with
/// [`ResolveError::Nonexistent`] for a time in a DST gap and
/// [`ResolveError::Repeated`] for a repeated one (clocks went back). An abbreviation that fits the season in its
/// region uses its own offset; one that does not (CET written in July) is
/// read as wall-clock time in the region's zone and reported in
/// [`Resolved::season_mismatch`]; see the module documentation for why.
pub fn resolve(
    p: &ParsedTime,
    date_context: Option<Date>,
    default_zone: Option<&TimeZone>,
) -> Result<Resolved, ResolveError> {
    let date = p.date.or(date_context).ok_or(ResolveError::NoDate)?;
    let dt = if p.end_of_day {
        // `24:00` is midnight at the end of the written day.
        let next = date.tomorrow().map_err(|_| {
            ResolveError::Nonexistent(format!(
                "24:00 on {date} is outside the range of dates retrospec computes with"
            ))
        })?;
        next.to_datetime(p.time)
    } else {
        date.to_datetime(p.time)
    };
    let (timestamp, offset, season_mismatch) = match (&p.zone, default_zone) {
        (Some(Zone::Utc), _) => {
            let ts = Offset::UTC
                .to_timestamp(dt)
                .map_err(|_| out_of_range(dt, "UTC"))?;
            (ts, Offset::UTC, None)
        }
        (Some(Zone::Offset(o)), _) => {
            let ts = o
                .to_timestamp(dt)
                .map_err(|_| out_of_range(dt, &format_offset(*o)))?;
            (ts, *o, None)
        }
        (Some(Zone::Iana(tz, name)), _) => {
            let (ts, o) = resolve_in_zone(tz, name, dt)?;
            (ts, o, None)
        }
        (Some(Zone::Abbrev(a)), _) => resolve_abbreviation(a, dt)?,
        (Some(Zone::Ambiguous { text, meanings }), _) => {
            return Err(ResolveError::Ambiguous {
                text: text.clone(),
                meanings,
            });
        }
        (Some(Zone::Unknown(z)), _) => return Err(ResolveError::UnknownZone(z.clone())),
        (None, Some(tz)) => {
            let name = tz.iana_name().unwrap_or("the default time zone");
            let (ts, o) = resolve_in_zone(tz, name, dt)?;
            (ts, o, None)
        }
        (None, None) => return Err(ResolveError::NoZone),
    };
    Ok(Resolved {
        timestamp,
        date,
        offset,
        season_mismatch,
    })
}

/// Resolves the end of a range (`02:00-04:30 UTC`) given the resolved start:
/// the end is on the start's date, or on the next day when it would come
/// before the start (`23:00-01:00`). `None` when `p` is not a range or the
/// end cannot be resolved.
pub fn resolve_until(
    p: &ParsedTime,
    start: &Resolved,
    default_zone: Option<&TimeZone>,
) -> Option<Timestamp> {
    let until = p.until.as_ref()?;
    let mut end = p.clone();
    end.time = until.time;
    end.end_of_day = until.end_of_day;
    end.until = None;
    end.date = None;
    let first = resolve(&end, Some(start.date), default_zone).ok()?;
    if first.timestamp >= start.timestamp {
        return Some(first.timestamp);
    }
    let next = start.date.tomorrow().ok()?;
    resolve(&end, Some(next), default_zone)
        .ok()
        .map(|r| r.timestamp)
}
#[cfg(test)]
mod tests {
    // Panicking on unexpected values is how these tests fail.
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::testing::*;

    #[test]
    fn cest_in_summer_fits() {
        let r = resolve_str("2024-06-10 16:05 CEST").unwrap();
        assert_eq!(r.timestamp, ts("2024-06-10T14:05:00Z"));
        assert_eq!(r.offset, Offset::from_hours(2).unwrap());
        assert_eq!(r.date, date(2024, 6, 10));
        assert_eq!(r.season_mismatch, None);
    }

    #[test]
    fn cet_in_summer_is_a_season_mismatch_read_as_wall_clock() {
        let (p, _) = scan("10:52 CET: first alert");
        let r = resolve(&p, Some(date(2023, 7, 1)), None).unwrap();
        assert_eq!(r.timestamp, ts("2023-07-01T08:52:00Z"));
        assert_eq!(r.offset, Offset::from_hours(2).unwrap());
        assert_eq!(r.date, date(2023, 7, 1));
        let m = r.season_mismatch.unwrap();
        assert_eq!(m.written.name, "CET");
        assert_eq!(m.in_use, "CEST");
        assert_eq!(m.in_use_offset, Offset::from_hours(2).unwrap());
    }

    #[test]
    fn cet_in_winter_fits_and_cest_in_winter_mismatches() {
        let r = resolve_str("2024-01-15 10:00 CET").unwrap();
        assert_eq!(r.timestamp, ts("2024-01-15T09:00:00Z"));
        assert_eq!(r.season_mismatch, None);

        let r = resolve_str("2024-01-15 10:00 CEST").unwrap();
        assert_eq!(r.timestamp, ts("2024-01-15T09:00:00Z"));
        let m = r.season_mismatch.unwrap();
        assert_eq!((m.written.name, m.in_use.as_str()), ("CEST", "CET"));
    }

    #[test]
    fn other_abbreviations() {
        let r = resolve_str("2024-07-04 12:00 EDT").unwrap();
        assert_eq!(r.timestamp, ts("2024-07-04T16:00:00Z"));
        assert_eq!(r.season_mismatch, None);
        let r = resolve_str("2024-07-04 12:00 EST").unwrap();
        assert_eq!(r.timestamp, ts("2024-07-04T16:00:00Z"));
        assert_eq!(r.season_mismatch.unwrap().in_use, "EDT");
        let r = resolve_str("2024-01-10 12:00 BST").unwrap();
        assert_eq!(r.timestamp, ts("2024-01-10T12:00:00Z"));
        assert_eq!(r.season_mismatch.unwrap().in_use, "GMT");
        // Southern hemisphere: AEDT in January fits, AEST in January does not.
        let r = resolve_str("2024-01-10 12:00 AEDT").unwrap();
        assert_eq!(r.timestamp, ts("2024-01-10T01:00:00Z"));
        assert_eq!(r.season_mismatch, None);
        assert!(
            resolve_str("2024-01-10 12:00 AEST")
                .unwrap()
                .season_mismatch
                .is_some()
        );
        let r = resolve_str("2024-01-10 12:00 ACST").unwrap();
        assert!(r.season_mismatch.is_some());
        assert_eq!(r.timestamp, ts("2024-01-10T01:30:00Z"));
        // No DST in the region: never a mismatch.
        for s in [
            "2024-01-10 12:00 JST",
            "2024-07-10 12:00 JST",
            "2024-07-10 12:00 AWST",
            "2024-07-10 12:00 HST",
            "2024-07-10 12:00 SGT",
            "2024-07-10 12:00 MSK",
        ] {
            assert_eq!(resolve_str(s).unwrap().season_mismatch, None, "{s}");
        }
        let r = resolve_str("2024-07-10 12:00 JST").unwrap();
        assert_eq!(r.timestamp, ts("2024-07-10T03:00:00Z"));
        // Moscow was on +04:00 in 2012 and called it MSK: trust the tz database.
        let r = resolve_str("2012-07-10 12:00 MSK").unwrap();
        assert_eq!(r.timestamp, ts("2012-07-10T08:00:00Z"));
        assert_eq!(r.season_mismatch, None);
    }

    #[test]
    fn abbreviation_written_inside_the_gap_keeps_its_offset() {
        // 02:30 did not exist on Paris clocks on 2024-03-31, so "CET" is taken
        // literally (01:30 UTC), but the region was already on CEST.
        let r = resolve_str("2024-03-31 02:30 CET").unwrap();
        assert_eq!(r.timestamp, ts("2024-03-31T01:30:00Z"));
        assert_eq!(r.offset, Offset::from_hours(1).unwrap());
        assert_eq!(r.season_mismatch.unwrap().in_use, "CEST");
        // In the fold, the abbreviation picks the instant.
        let r = resolve_str("2024-10-27 02:30 CEST").unwrap();
        assert_eq!(r.timestamp, ts("2024-10-27T00:30:00Z"));
        assert_eq!(r.season_mismatch, None);
        let r = resolve_str("2024-10-27 02:30 CET").unwrap();
        assert_eq!(r.timestamp, ts("2024-10-27T01:30:00Z"));
        assert_eq!(r.season_mismatch, None);
    }

    #[test]
    fn iana_zones() {
        let r = resolve_str("2024-06-10 16:05 Europe/Paris").unwrap();
        assert_eq!(r.timestamp, ts("2024-06-10T14:05:00Z"));
        assert_eq!(r.offset, Offset::from_hours(2).unwrap());

        let err = resolve_str("2024-03-31 02:30 Europe/Paris").unwrap_err();
        match err {
            ResolveError::Nonexistent(msg) => {
                assert!(msg.contains("does not exist in Europe/Paris"), "{msg}");
                assert!(msg.contains("+01:00 to +02:00"), "{msg}");
            }
            other => panic!("{other:?}"),
        }
        // Fold: both readings, no instant.
        match resolve_str("2024-10-27 02:45 Europe/Paris").unwrap_err() {
            ResolveError::Repeated { message, help } => {
                assert!(message.contains("happened twice"), "{message}");
                assert!(message.contains("+02:00 to +01:00"), "{message}");
                assert!(help.contains("`+02:00` for the first"), "{help}");
                assert!(help.contains("`CEST` or `CET`"), "{help}");
            }
            other => panic!("{other:?}"),
        }
        // The offset or the abbreviation says which one.
        let r = resolve_str("2024-10-27 02:45 CEST").unwrap();
        assert_eq!(r.timestamp, ts("2024-10-27T00:45:00Z"));
        let r = resolve_str("2024-10-27 02:45 CET").unwrap();
        assert_eq!(r.timestamp, ts("2024-10-27T01:45:00Z"));
        let r = resolve_str("2024-10-27 02:45 +01:00").unwrap();
        assert_eq!(r.timestamp, ts("2024-10-27T01:45:00Z"));
    }

    #[test]
    fn default_zone_and_context() {
        let p = parse_time("16:05").unwrap();
        assert_eq!(resolve(&p, None, None), Err(ResolveError::NoDate));
        assert_eq!(
            resolve(&p, Some(date(2024, 6, 10)), None),
            Err(ResolveError::NoZone)
        );
        let paris = TimeZone::get("Europe/Paris").unwrap();
        let r = resolve(&p, Some(date(2024, 6, 10)), Some(&paris)).unwrap();
        assert_eq!(r.timestamp, ts("2024-06-10T14:05:00Z"));
        let gap = parse_time("02:30").unwrap();
        assert!(matches!(
            resolve(&gap, Some(date(2024, 3, 31)), Some(&paris)),
            Err(ResolveError::Nonexistent(_))
        ));
        // A written date wins over the context; a written zone over the default.
        let p = parse_time("2024-01-01 10:00 UTC").unwrap();
        let r = resolve(&p, Some(date(2024, 6, 10)), Some(&paris)).unwrap();
        assert_eq!(r.timestamp, ts("2024-01-01T10:00:00Z"));
        assert_eq!(r.date, date(2024, 1, 1));
    }

    #[test]
    fn unresolvable_zones() {
        match resolve_str("2024-06-10 10:00 NZT") {
            Err(ResolveError::Ambiguous { text, meanings }) => {
                assert_eq!(text, "NZT");
                assert!(meanings[0].contains("NZST"));
            }
            other => panic!("{other:?}"),
        }
        let e = resolve_str("2024-06-10 10:00 CST").unwrap_err();
        assert!(matches!(e, ResolveError::Ambiguous { .. }));
        assert!(e.to_string().contains("China Standard Time"), "{e}");
        let e = resolve_str("2024-06-10 10:00 XYZT").unwrap_err();
        assert_eq!(e, ResolveError::UnknownZone("XYZT".into()));
        assert_eq!(e.to_string(), "unknown time zone `XYZT`");
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        for s in [
            "9999-12-31 23:59:59 -12:00",
            "9999-12-31 23:59 CET",
            "9999-12-31 23:59 Pacific/Auckland",
            "0000-01-01 00:00 +14:00",
            "0000-01-01 00:00 CEST",
            "0000-01-01 00:00 UTC",
            "1900-07-01 10:00 JST",
        ] {
            let _ = resolve_str(s);
        }
        let p = parse_time("23:59:59 -12:00").unwrap();
        let _ = resolve(&p, Some(date(9999, 12, 31)), None);
        let _ = resolve(&p, Some(Date::MIN), None);
        let p = parse_time("00:00").unwrap();
        let _ = resolve(&p, Some(Date::MIN), Some(&TimeZone::UTC));
        let _ = resolve(&p, Some(Date::MAX), Some(&TimeZone::fixed(Offset::MIN)));
    }
}
