use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule};
use crate::time::{ParsedTime, Zone};
use crate::times::TimeValue;

declare_rule! {
    /// The report writes its times in more than one zone or offset.
    ///
    /// ## Why
    /// A reader who meets `05:30 NZT` in the milestones and `17:30 UTC` in the
    /// timeline has to convert before they can tell what happened first, and
    /// conversions are where timelines go wrong. One zone for every time (the
    /// team's local zone, or UTC) makes the report readable top to bottom.
    ///
    /// Only times with a written zone count; a time without one takes the report's
    /// `timezone` and is not a second zone. Spellings of the same zone count once:
    /// `Z`, `UTC`, `GMT` and `+00:00` are one zone, and so are the two seasons of
    /// one region (`CET` and `CEST`) and an IANA name with the abbreviation its
    /// clocks showed (`Europe/Berlin` with `CEST`). An ambiguous abbreviation
    /// (`CST`) or a numeric offset (`+02:00`) is not called a second zone when it
    /// is (or may be) the offset another zone of the report showed at the time. The zone most times use is taken as the
    /// report's zone (the first one written on a tie); the first time of each other
    /// zone is reported.
    ///
    /// ## Example
    /// ```yaml
    /// title: Syncing downtime
    /// status: draft
    /// milestones:
    ///   started: 2022-05-19 05:30 +12:00
    ///   resolved: 2022-05-19 08:40 +12:00
    /// timeline:
    ///   - time: 2022-05-18 17:30 UTC
    ///     text: Posted "Syncing not working"
    /// ```
    /// Use instead: `2022-05-19 05:30 +12:00` in the timeline too, or every time in UTC.
    pub struct MixedZones = "RS209", "mixed-zones", Info;
}

/// A zone as written: how it is grouped with other spellings, and how it reads.
struct Written<'v> {
    /// Spellings of one zone share a key.
    key: String,
    /// The zone as written (`CEST`, `UTC`, `+02:00`).
    text: String,
    value: &'v TimeValue,
}

/// The grouping key of a written zone: the same key means the same clocks. `None`
/// for a zone that cannot be placed at all (an unknown name, reported by RS204).
fn zone_key(zone: &Zone) -> Option<String> {
    Some(match zone {
        Zone::Utc => "UTC".into(),
        Zone::Offset(o) if o.seconds() == 0 => "UTC".into(),
        Zone::Offset(o) => crate::time::format_offset(*o),
        Zone::Iana(tz, name) => tz.iana_name().unwrap_or(name).to_string(),
        Zone::Abbrev(a) => a.region.to_string(),
        Zone::Ambiguous { text, .. } => text.clone(),
        Zone::Unknown(_) => return None,
    })
}

/// The offsets an ambiguous abbreviation may stand for, from its meanings
/// (`US Central Standard Time (-06:00)`).
fn candidate_offsets(meanings: &[&str]) -> Vec<String> {
    static OFFSET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\(([+-][0-9]{2}:[0-9]{2})\)").expect("the offset pattern is valid")
    });
    meanings
        .iter()
        .flat_map(|m| OFFSET.captures_iter(m))
        .filter_map(|c| c.get(1).map(|o| o.as_str().to_string()))
        .collect()
}

fn written<'v>(value: &'v TimeValue) -> Option<Written<'v>> {
    let parsed: &ParsedTime = value.parsed.as_ref().ok()?;
    let zone = parsed.zone.as_ref()?;
    let text = value.text.get(parsed.zone_range.clone()?)?.to_string();
    // An IANA zone whose clocks showed an abbreviation of the table is that
    // abbreviation's region (`Europe/Berlin` showing CEST is `Europe/Paris`).
    let region = match (zone, value.instant()) {
        (Zone::Iana(tz, _), Some(r)) => {
            crate::time::abbreviation(tz.to_offset_info(r.timestamp).abbreviation())
                .map(|a| a.region.to_string())
        }
        _ => None,
    };
    Some(Written {
        key: region.or_else(|| zone_key(zone))?,
        text,
        value,
    })
}

/// Spellings that may name the clocks of a named zone of the report take its key:
/// a numeric offset that zone showed at the time (`+02:00` beside `CEST`), and an
/// ambiguous abbreviation one of whose meanings is such an offset (`CST` beside
/// `America/Chicago` in November). Neither needs converting, so neither is called
/// a second zone.
fn merge_offsets(times: &mut [Written<'_>]) {
    let named: Vec<(String, String)> = times
        .iter()
        .filter_map(|w| {
            let parsed = w.value.parsed.as_ref().ok()?;
            if !matches!(parsed.zone, Some(Zone::Abbrev(_) | Zone::Iana(..))) {
                return None;
            }
            let offset = crate::time::format_offset(w.value.instant()?.offset);
            Some((offset, w.key.clone()))
        })
        .collect();
    for w in times.iter_mut() {
        let candidates = match &w.value.parsed {
            Ok(ParsedTime {
                zone: Some(Zone::Ambiguous { meanings, .. }),
                ..
            }) => candidate_offsets(meanings),
            Ok(ParsedTime {
                zone: Some(Zone::Offset(o)),
                ..
            }) if o.seconds() != 0 => vec![crate::time::format_offset(*o)],
            _ => continue,
        };
        if let Some((_, key)) = named.iter().find(|(o, _)| candidates.contains(o)) {
            w.key = key.clone();
        }
    }
}

impl Rule for MixedZones {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // An organisation's name after a clock (`10:40 IST staff restarted the
        // hosts`) is no zone of the report's. A span lookup walks the tree: once
        // per time, not once per comparison.
        let all: Vec<Written<'_>> = cx.times.all().filter_map(written).collect();
        // One zone before the filters below: one after them too (they drop times
        // and merge keys, never add one), so the span lookups are skipped. Most
        // reports, and every long timeline in one zone, end here.
        if all.iter().all(|w| w.key == all[0].key) {
            return;
        }
        let mut names = crate::time::NameUses::new(cx.text);
        let mut placed: Vec<(usize, Written<'_>)> = all
            .into_iter()
            .map(|w| (cx.span_within(&w.value.pointer, &w.text), w))
            .filter(|(at, _)| !names.is_name(at.start..at.end))
            .map(|(at, w)| (at.start, w))
            .collect();
        placed.sort_by_key(|(at, _)| *at);
        let mut times: Vec<Written<'_>> = placed.into_iter().map(|(_, w)| w).collect();
        merge_offsets(&mut times);
        // Zones in the order first written, with how often each is used.
        let mut zones: Vec<(&str, usize, &Written<'_>)> = Vec::new();
        for w in &times {
            match zones.iter_mut().find(|(k, _, _)| *k == w.key) {
                Some((_, n, _)) => *n += 1,
                None => zones.push((&w.key, 1, w)),
            }
        }
        if zones.len() < 2 {
            return;
        }
        let main = zones
            .iter()
            .enumerate()
            .max_by_key(|(i, (_, n, _))| (*n, std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
            .unwrap_or(0);
        let (main_key, _, main_first) = zones[main];
        let spellings = |key: &str| {
            let mut names: Vec<&str> = Vec::new();
            for w in times.iter().filter(|w| w.key == key) {
                if !names.contains(&w.text.as_str()) {
                    names.push(&w.text);
                }
            }
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(" and ")
        };
        let main_names = spellings(main_key);
        // Never suggest a zone that cannot be placed: `NZT` is itself a finding (RS204).
        let placeable = main_first.value.instant().is_some();
        let help = if placeable {
            format!(
                "write every time in one zone, for example {}, or in UTC",
                main_names.split(" and ").next().unwrap_or("UTC")
            )
        } else {
            format!(
                "write every time in one zone: UTC, or an offset or IANA name for local time ({main_names} cannot be placed, see RS204)"
            )
        };
        for (key, count, first) in zones.iter().filter(|(k, _, _)| *k != main_key) {
            let times_word = if *count == 1 { "time" } else { "times" };
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    cx.span_within(&first.value.pointer, &first.text),
                    format!(
                        "{count} {times_word} in this report {} written in {}, the others in {main_names}",
                        if *count == 1 { "is" } else { "are" },
                        spellings(key),
                    ),
                )
                .with_label(
                    cx.span_within(&main_first.value.pointer, &main_first.text),
                    format!("`{}` is used first here", main_first.text),
                )
                .with_help(help.clone()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Format, check};

    fn found(text: &str) -> Vec<String> {
        check(text, Format::Yaml)
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS209")
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn spellings_of_one_zone_count_once() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 10:00 Z\n  detected: 2024-06-10 10:05 UTC\n  acknowledged: 2024-06-10T10:06:00+00:00\n  mitigated: 2024-06-10 10:07 GMT\n";
        assert!(found(text).is_empty());
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-01-10 10:00 CET\n  resolved: 2024-06-10 10:05 CEST\ntimeline:\n  - time: 2024-06-10 10:05 Europe/Berlin\n    text: x\n";
        assert!(found(text).is_empty());
    }

    #[test]
    fn the_minority_zone_is_reported_once() {
        let text = "title: t\nstatus: draft\ntimezone: Europe/Paris\nmilestones:\n  started: 2024-06-10 10:00 UTC\n  resolved: 2024-06-10 12:05 CEST\ntimeline:\n  - time: 2024-06-10 12:00 CEST\n    text: x\n  - time: 2024-06-10 12:05\n    text: no zone, not counted\n";
        assert_eq!(
            found(text),
            ["1 time in this report is written in `UTC`, the others in `CEST`"]
        );
    }

    #[test]
    fn an_ambiguous_abbreviation_that_may_be_the_other_zone_is_not_a_second_zone() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-11-12 10:05 CST\n  resolved: 2024-11-12 10:55 America/Chicago\n";
        assert!(found(text).is_empty());
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 10:05 CEST\n  resolved: 2024-06-10T10:55:00+02:00\n";
        assert!(found(text).is_empty());
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2022-05-19 05:30 NZT\n  resolved: 2022-05-18 20:40 UTC\n  mitigated: 2022-05-18 20:00 XYZT\n";
        assert_eq!(
            found(text),
            ["1 time in this report is written in `UTC`, the others in `NZT`"]
        );
    }
}
