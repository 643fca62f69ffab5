//! RS207's reading of one event at the same clock time in two zones (kept apart
//! so `summary_times.rs` stays a file a person can hold).

use super::*;

/// A fixed zone's offset in seconds: UTC, a numeric offset, an abbreviation
/// (`CEST`, +02:00); `None` for a region (`Pacific`, an IANA name), whose offset
/// depends on the date, and for an ambiguous or unknown name.
fn fixed_offset(zone: &time::Zone) -> Option<i32> {
    match zone {
        time::Zone::Utc => Some(0),
        time::Zone::Offset(o) => Some(o.seconds()),
        time::Zone::Abbrev(a) => Some(a.offset_seconds),
        _ => None,
    }
}

/// The same event at the same clock time in two zones: the summary says the
/// impact started at `10:14 (CEST)` while the timeline, all in UTC, has an entry at
/// `10:14` and none at 08:14, the CEST time in UTC. One of the two zone statements
/// is wrong, whatever the date; this is read only when no time can be placed (no
/// date anywhere), where the comparison of instants above cannot run. Both zones
/// must be fixed (an abbreviation, UTC, an offset) and differ; a summary time that
/// is the right conversion of an entry keeps the whole field quiet.
pub(super) fn same_clock_other_zone(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // The timeline's clocks, all on one fixed zone.
    let mut offset: Option<i32> = None;
    let mut clocks: Vec<(i32, &crate::times::TimeValue)> = Vec::new();
    for v in cx.times.timeline.iter().flatten() {
        let Ok(p) = &v.parsed else { continue };
        let Some(o) = p.zone.as_ref().and_then(fixed_offset) else {
            return;
        };
        if offset.is_some_and(|x| x != o) {
            return;
        }
        offset = Some(o);
        clocks.push((
            i32::from(p.time.hour()) * 60 + i32::from(p.time.minute()),
            v,
        ));
    }
    let Some(timeline_offset) = offset else {
        return;
    };
    for (field, prose, all) in stated_fields(cx) {
        let masked = prose.masked.as_str();
        let mut clash: Option<(std::ops::Range<usize>, i32, &crate::times::TimeValue)> = None;
        let mut converted = false;
        for st in all {
            let Some(zone) = st.zone.clone().or(st.shared_zone.clone()) else {
                continue;
            };
            let written = format!(
                "{} {}",
                normalise(&masked[st.time.clone()]),
                &masked[zone.clone()]
            );
            let Ok(p) = time::parse_time(written.trim()) else {
                continue;
            };
            let Some(o) = p.zone.as_ref().and_then(fixed_offset) else {
                continue;
            };
            if o == timeline_offset {
                continue;
            }
            let clock = i32::from(p.time.hour()) * 60 + i32::from(p.time.minute());
            let shifted = (clock - (o - timeline_offset) / 60).rem_euclid(24 * 60);
            let near = |a: i32, b: i32| {
                let d = (a - b).rem_euclid(24 * 60);
                d.min(24 * 60 - d) <= 5
            };
            if clocks.iter().any(|(c, _)| near(*c, shifted)) {
                converted = true;
            } else if clash.is_none()
                && let Some((_, v)) = clocks.iter().find(|(c, _)| *c == clock)
            {
                let close = usize::from(
                    masked[..zone.start].ends_with('(') && masked[zone.end..].starts_with(')'),
                );
                clash = Some((st.time.start..zone.end + close, o, *v));
            }
        }
        let (Some((range, o, entry)), false) = (clash, converted) else {
            continue;
        };
        let text = masked[range.clone()].to_string();
        let span = prose.span(range);
        let name = entry
            .pointer
            .strip_prefix("/timeline/")
            .and_then(|rest| rest.split('/').next()?.parse::<usize>().ok())
            .map_or_else(
                || format!("`{}`", crate::suggest::display_path(&entry.pointer)),
                |i| format!("timeline entry {}", i + 1),
            );
        out.push(
            Diagnostic::new(
                &SummaryTimes::INFO,
                span,
                format!(
                    "{field} says `{text}`, but {name} gives the same clock in another zone (`{}`), \
                     {} hours apart: one of the two zones is wrong",
                    entry.text,
                    f64::from((o - timeline_offset).abs()) / 3600.0,
                ),
            )
            .with_label(cx.span(&entry.pointer), format!("{name} is here"))
            .with_help("correct whichever zone is wrong, so the summary and the timeline name one instant"),
        );
    }
}
