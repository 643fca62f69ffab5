use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::rules::{Context, Rule, declare_rule};
use crate::span::Span;
use crate::suggest::display_path;
use crate::time::ResolveError;
use crate::times::TimeValue;

declare_rule! {
    /// A time has no zone, and the report has no `timezone` to take it from.
    ///
    /// ## Why
    /// `16:05` means a different instant in every zone. Readers in other zones,
    /// and every computed duration, depend on knowing which one.
    ///
    /// ## Example
    /// ```yaml
    /// milestones:
    ///   started: 2024-06-10 16:05
    /// ```
    /// Use instead: `2024-06-10 16:05 CEST`, `2024-06-10T16:05:00+02:00`, or set
    /// `timezone: Europe/Paris` once for the whole report.
    ///
    /// Every time without a zone has the same cause, so they are one finding: the
    /// first time, with the others as labels. When every time that has a zone is
    /// written in the same one, the fix (to review) writes it after each.
    ///
    /// A report with no timeline times (an email, a short note, or what `retrospec
    /// import` writes from one) is read too: times of day in its prose ("read-only
    /// at 09:20", "restored at 10:05") with no zone on any of them and none stated
    /// for the report are one finding; not in a draft in retrospec's own form,
    /// where a report without times is a choice.
    ///
    /// A report read as written (not retrospec's own form) that states no zone
    /// for its times but names one anywhere is read the way a reviewer reads it:
    /// the author meant it. Every zone the text names outside code, logs and
    /// links (`PST` on a time, "All times are Eastern." wrapped over two lines,
    /// `CEST (Berlin)` in a closing line, "Berlin time", "local time in Oslo") is
    /// grouped by region (`PST`, `PDT` and "Pacific" are one). One region named:
    /// the times take it, with no finding here (RS203 still checks the name as
    /// written against the date). Several: the one a timeline heading names is
    /// taken (or a `Times:` label names, or a plain-text heading over a dashed
    /// underline, or a sentence that puts the times below in it: "I put everything
    /// in Pacific below"); with none, the finding is an info
    /// that names them and asks which.
    /// A time with no date (RS206) and no zone is reported here too: they are two
    /// gaps. Where the report calls its times "local time" and names no place
    /// (`## Timeline (local time)`), the finding says so: whose local time is not
    /// known.
    ///
    /// A city alone, "local time" and an ambiguous `IST` or `CST` name no zone, and
    /// nor do the headers a pasted mail opens with: the `+0100` of its `Date:` is
    /// the clock the sender's mail program runs on, not the zone of the report's
    /// times.
    ///
    /// When such a report states its zone with an abbreviation that has more than
    /// one reading (`All times IST.`: India, Irish or Israel), the finding is on
    /// that statement and names the readings.
    ///
    /// In retrospec's own form a zone stated in prose ("All times UTC.") applies
    /// to the times too, and an ambiguous one is the cause there as well; a zone
    /// merely named in the text is not taken, but when the text names several the
    /// finding (still an error) names them and asks which, as it does for the
    /// report `retrospec import` read it from.
    pub struct MissingZone = "RS202", "missing-zone", Error, fix: Sometimes;
}

impl Rule for MissingZone {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if cx.model.timezone.is_some() {
            // A `timezone` that is not a zone is reported by RS204, once.
            return;
        }
        // A time with no date fails on that first (RS206): it has no zone either
        // when none is written on it and the report states or names none (not
        // even one with several readings, `times CST`, which is the report's
        // answer, if not a clear one).
        let unstated = std::cell::OnceCell::new();
        let unstated = || {
            *unstated.get_or_init(|| {
                cx.times.default_zone.is_none()
                    && cx.times.report_zone.is_none()
                    && cx
                        .parsed
                        .freeform
                        .as_ref()
                        .is_none_or(|r| r.stated_zone.is_none() && r.ambiguous_zone.is_none())
                    && crate::parse::freeform::zone::stated_zone(cx.text).is_none()
                    && crate::times::named_regions(cx.text, &|at| cx.masks().covers(at))
                        .0
                        .is_empty()
                    && !names_an_ambiguous_zone(cx)
            })
        };
        let no_zone_either = |v: &TimeValue| {
            v.report_zone.is_none()
                && v.parsed.as_ref().is_ok_and(|p| p.zone.is_none())
                && unstated()
        };
        let missing: Vec<&TimeValue> = cx
            .times
            .all()
            .filter(|v| match &v.resolved {
                Some(Err(ResolveError::NoZone)) => true,
                Some(Err(ResolveError::NoDate)) => no_zone_either(v),
                _ => false,
            })
            .collect();
        let Some(first) = missing.first() else {
            if cx.times.all().next().is_none() {
                out.extend(prose_clocks(cx));
            }
            return;
        };
        let help = "add a zone (`UTC`, `+02:00`, `Europe/Paris`, `CEST`), or set `timezone:` for the whole report";
        // The report states a zone with more than one reading ("All times IST."): the
        // cause is the statement, so the finding is there, with the readings.
        // In retrospec's own form too: its prose statement ("All times UTC") applies
        // to its times, so an ambiguous one is the cause there as well.
        let ambiguous = match cx.parsed.freeform.as_ref() {
            Some(r) => r.ambiguous_zone,
            None => crate::parse::freeform::zone::ambiguous_zone(cx.text)
                .filter(|at| !cx.masks().covers(at.start)),
        };
        if let Some(at) = ambiguous
            && let Some(meanings) = crate::time::ambiguous_abbreviation(at.slice(cx.text))
        {
            let written = at.slice(cx.text);
            let mut d = Diagnostic::new(
                &Self::INFO,
                at,
                format!(
                    "the report's times are stated to be in `{written}`, which names more than one zone ({}): {} time(s) cannot be placed",
                    meanings.join(", "),
                    missing.len()
                ),
            )
            .with_help(format!(
                "write the zone so it has one reading: a region (`Asia/Kolkata`, `Europe/Dublin`, `Asia/Jerusalem`) or an offset (`+05:30`) instead of `{written}`"
            ));
            for v in &missing {
                d = d.with_label(cx.span(&v.pointer), "no time zone but the stated one");
            }
            out.push(d);
            return;
        }
        // A free-form report that names several zones and says of none that its
        // times are in it: not an error, a question.
        if cx.times.named.regions.len() > 1 {
            out.push(several_named(
                cx,
                &cx.times.named.regions,
                missing.len(),
                cx.span(&first.pointer),
                missing[1..].iter().map(|v| cx.span(&v.pointer)),
            ));
            return;
        }
        // In retrospec's own form the times take no zone from the text, but a
        // text that names several is asked the same question (still an error):
        // what `import` writes from a report as written keeps its finding.
        if cx.parsed.freeform.is_none() && !cx.text.is_empty() {
            let regions: Vec<Span> =
                crate::times::named_regions(cx.text, &|at| cx.masks().covers(at))
                    .0
                    .into_iter()
                    .map(|(at, _)| at)
                    .collect();
            if regions.len() > 1 {
                let mut d = several_named(
                    cx,
                    &regions,
                    missing.len(),
                    cx.span(&first.pointer),
                    missing[1..].iter().map(|v| cx.span(&v.pointer)),
                );
                d.severity = crate::diagnostic::Severity::Error;
                out.push(d);
                return;
            }
        }
        // One cause, one finding: every time without a zone is one finding, with the
        // others as labels.
        let mut d = if missing.len() == 1 {
            Diagnostic::new(
                &Self::INFO,
                cx.span(&first.pointer),
                format!("`{}` has no time zone", display_path(&first.pointer)),
            )
        } else {
            let names: Vec<String> = missing
                .iter()
                .take(3)
                .map(|v| format!("`{}`", display_path(&v.pointer)))
                .collect();
            let more = if missing.len() > 3 { ", ..." } else { "" };
            let mut d = Diagnostic::new(
                &Self::INFO,
                cx.span(&first.pointer),
                format!(
                    "{} times have no time zone: {}{more}",
                    missing.len(),
                    names.join(", ")
                ),
            );
            for v in &missing[1..] {
                d = d.with_label(cx.span(&v.pointer), "no time zone either");
            }
            d
        };
        // "Local time" with no place says whose clock it is not: the zone is
        // still unknown, and the finding says why the words were not taken.
        if let Some(at) = local_time_without_place(cx) {
            d.message.push_str(&format!(
                " (`{}` names no place, so which zone is not known)",
                at.slice(cx.text)
            ));
            d = d.with_label(at, "whose local time?");
        }
        d = d.with_help(help);
        if let Some(zone) = only_written_zone(cx) {
            let edits: Vec<Edit> = missing
                .iter()
                .filter_map(|v| {
                    let p = v.parsed.as_ref().ok()?;
                    let clock = v.text.get(p.time_range.start..p.range().end)?;
                    let at = cx.span_within(&v.pointer, clock);
                    (at.slice(cx.text) == clock).then(|| Edit {
                        span: Span::new(at.end, at.end),
                        replacement: format!(" {zone}"),
                    })
                })
                .collect();
            if edits.len() == missing.len() {
                d = d.with_fix(Fix {
                    message: format!(
                        "write `{zone}`, the zone of the report's other times, after each"
                    ),
                    edits,
                    safe: false,
                });
            }
        }
        out.push(d);
    }
}

/// Words after which a number with a colon is a time of day: "at 09:20",
/// "restored by 10:05", "between 09:20 and 10:05".
const CLOCK_LEADS: &[&str] = &[
    "at", "by", "until", "till", "from", "to", "since", "around", "about", "before", "after",
    "between", "and",
];

/// A report with no timeline times and no zone anywhere whose prose gives times
/// of day ("went read-only at 09:20", "restored at 10:05"): one finding for them
/// all, in a report as written and in retrospec's own form alike (what `import`
/// writes from an email with no timeline is such a report), except a draft in
/// retrospec's form, where a report without times is a choice.
/// Only clocks after a word that makes them a time of day are read, outside code;
/// nothing is said when any of them, or the report, states a zone.
fn prose_clocks(cx: &Context<'_>) -> Option<Diagnostic> {
    let freeform = cx.parsed.freeform.as_ref();
    if freeform.is_none() && cx.model.status == retrospec_model::Status::Draft
        || cx.times.default_zone.is_some()
        || cx.times.report_zone.is_some()
        || freeform.is_some_and(|r| r.stated_zone.is_some())
        // With no timeline the reading never looked for a stated zone.
        || crate::parse::freeform::zone::stated_zone(cx.text).is_some()
        || crate::time::scan_report_zone(cx.text).is_some()
    {
        return None;
    }
    let text = cx.text;
    let b = text.as_bytes();
    let mut clocks: Vec<Span> = Vec::new();
    for (colon, _) in text.match_indices(':') {
        // `09:20`, `9:20`: one or two digits before the colon, two after.
        let digits = b[..colon]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let start = colon - digits;
        if !(1..=2).contains(&digits)
            || !b
                .get(colon + 1..colon + 3)
                .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
            || start > 0 && !b[start - 1].is_ascii_whitespace()
        {
            continue;
        }
        let lead = text[..start]
            .trim_end()
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if !CLOCK_LEADS.contains(&lead.as_str()) || cx.masks().covers(start) {
            continue;
        }
        let Ok(Some((parsed, end))) = crate::time::scan_leading_time(&text[start..]) else {
            continue;
        };
        if parsed.zone.is_some() {
            return None;
        }
        clocks.push(Span::new(start, start + end));
    }
    let (first, rest) = clocks.split_first()?;
    // The fallback: the zones the text names anywhere. One region: the author
    // meant it. Several: a question, not an error.
    let (regions, tied) = crate::times::named_regions(text, &|at| cx.masks().covers(at));
    if regions.len() == 1 || tied.is_some() {
        return None;
    }
    if regions.len() > 1 {
        let spans: Vec<Span> = regions.iter().map(|(s, _)| *s).collect();
        return Some(several_named(
            cx,
            &spans,
            clocks.len(),
            *first,
            rest.iter().copied(),
        ));
    }
    let message = if rest.is_empty() {
        format!(
            "`{}` has no time zone, and the report states none",
            first.slice(text)
        )
    } else {
        format!(
            "{} times in the text have no time zone, and the report states none",
            clocks.len()
        )
    };
    let mut d = Diagnostic::new(&MissingZone::INFO, *first, message).with_help(
        "say once which zone the times are in (\"All times UTC\"), or write it after each time",
    );
    for at in rest {
        d = d.with_label(*at, "no time zone either");
    }
    Some(d)
}

/// The finding when the report names zones of several regions and states none
/// for its times: an info that names them and asks which one the times are in.
fn several_named(
    cx: &Context<'_>,
    regions: &[Span],
    count: usize,
    first: Span,
    rest: impl Iterator<Item = Span>,
) -> Diagnostic {
    let lines = crate::span::LineIndex::new(cx.text);
    let names: Vec<String> = regions
        .iter()
        .map(|s| {
            format!(
                "`{}` on line {}",
                s.slice(cx.text),
                lines.line_of(s.start) + 1
            )
        })
        .collect();
    let what = if count == 1 {
        format!("`{}` has no time zone", first.slice(cx.text))
    } else {
        format!("{count} times have no time zone")
    };
    let mut d = Diagnostic::new(
        &MissingZone::INFO,
        first,
        format!(
            "{what}, and the report names more than one zone ({}): which one are they in?",
            names.join(", ")
        ),
    )
    .with_help(
        "say once which zone the times are in (\"All times UTC\"), or write it after each time",
    );
    d.severity = crate::diagnostic::Severity::Info;
    for at in rest {
        d = d.with_label(at, "no time zone either");
    }
    for at in regions {
        d = d.with_label(*at, "a zone the report names");
    }
    d
}

/// Whether the text writes an abbreviation with several readings (`CST`, `IST`)
/// anywhere outside code: a report whose clocks may be in it (`(oldest first,
/// times CST)`) has given an answer, if not a clear one.
fn names_an_ambiguous_zone(cx: &Context<'_>) -> bool {
    let mut at = 0;
    cx.text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| {
            let start = at;
            at += w.len() + 1;
            w.len() >= 3
                && w.bytes().all(|b| b.is_ascii_uppercase())
                && crate::time::ambiguous_abbreviation(w).is_some()
                && !cx.masks().covers(start)
        })
}

/// Where the report says its times are "local time" without a place (`## Timeline
/// (local time)`, "All times are local time."), outside code: the first such
/// words. "Local time in Oslo" and "Oslo local time" name a place and are read
/// as a zone where it is known ([`crate::times::named_regions`]), so they are
/// not this.
fn local_time_without_place(cx: &Context<'_>) -> Option<Span> {
    if !cx.lowercase.contains("local time") {
        return None;
    }
    cx.lowercase
        .match_indices("local time")
        .map(|(i, m)| Span::new(i, i + m.len()))
        .find(|at| {
            let after = &cx.lowercase[at.end..];
            let before = cx.lowercase[..at.start].trim_end();
            let placed_after = after.trim_start().starts_with("in ")
                || after.trim_start().starts_with("at ")
                || after.trim_start().starts_with("of ");
            // `Oslo local time`, `the office's local time`: a place or an owner before it.
            let word_before = before
                .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
                .next()
                .unwrap_or("");
            let placed_before = !word_before.is_empty()
                && !matches!(
                    word_before,
                    "are"
                        | "is"
                        | "in"
                        | "all"
                        | "times"
                        | "the"
                        | "our"
                        | "your"
                        | "as"
                        | "of"
                        | "to"
                        | "on"
                );
            !placed_after && !placed_before && !cx.masks().covers(at.start)
        })
}

/// The zone every time that has one is written in, when there is exactly one.
fn only_written_zone(cx: &Context<'_>) -> Option<String> {
    let mut found: Option<&str> = None;
    for v in cx.times.all() {
        let Ok(p) = &v.parsed else { continue };
        let Some(r) = &p.zone_range else { continue };
        let z = v.text.get(r.clone())?;
        match found {
            None => found = Some(z),
            Some(f) if f == z => {}
            Some(_) => return None,
        }
    }
    found.map(str::to_string)
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::parse::Format;

    /// The RS202 findings of `text`.
    fn rs202(text: &str, format: Format) -> Vec<Diagnostic> {
        crate::check(text, format)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "RS202")
            .collect()
    }

    #[test]
    fn every_time_without_a_zone_is_one_finding_with_labels_and_a_fix() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 10:00 UTC\ntimeline:\n  - time: 2024-06-10 10:00\n    text: a\n  - time: '10:05'\n    text: b\n  - time: 10:20\n    text: c\n";
        let found = rs202(text, Format::Yaml);
        assert_eq!(found.len(), 1, "{found:?}");
        let d = &found[0];
        assert!(
            d.message.starts_with("3 times have no time zone"),
            "{}",
            d.message
        );
        assert_eq!(d.span.slice(text), "2024-06-10 10:00");
        assert_eq!(d.labels.len(), 2);
        let fix = d
            .fix
            .as_ref()
            .expect("a fix: the report's other times are in UTC");
        assert_eq!(fix.edits.len(), 3);
        assert!(fix.edits.iter().all(|e| e.replacement == " UTC"));
        assert_eq!(
            text[..fix.edits[1].span.start].rsplit(' ').next(),
            Some("'10:05")
        );
    }

    #[test]
    fn own_form_asks_which_of_the_zones_its_text_names_as_an_error() {
        // What `import` writes from a report that names two zones and states none.
        let text = "---\ntitle: t\nstatus: in-review\n---\n\n## Summary\n\nA reader in Osaka saw it at 6:49 AM JST; the list was back at 9:40 EST.\n\n## Timeline\n\n- 2025-08-13 21:10 list server stops\n- 2025-08-14 09:40 list server back\n";
        let found = rs202(text, Format::Markdown);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.starts_with(
                "2 times have no time zone, and the report names more than one zone (`JST` on line 8, `EST` on line 8)"
            ),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].severity, crate::diagnostic::Severity::Error);
        // One zone named in the text is not taken in retrospec's own form.
        let one = text.replace(" at 9:40 EST", "");
        let d = &rs202(&one, Format::Markdown)[0];
        assert!(
            d.message.starts_with("2 times have no time zone: "),
            "{}",
            d.message
        );
    }

    #[test]
    fn own_form_names_an_ambiguous_stated_zone_as_the_cause() {
        let text = "---\ntitle: t\nstatus: in-review\n---\n\n## Summary\n\nAll times IST.\n\n## Timeline\n\n- 2025-08-13 21:10 settlement file late\n- 2025-08-13 22:40 file delivered\n";
        let d = &rs202(text, Format::Markdown)[0];
        assert!(
            d.message.starts_with(
                "the report's times are stated to be in `IST`, which names more than one zone"
            ),
            "{}",
            d.message
        );
        assert_eq!(d.span.slice(text), "IST");
    }

    #[test]
    fn one_time_without_a_zone_keeps_its_own_message() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 10:00\n  resolved: 2024-06-10 11:00 UTC\n";
        let d = &rs202(text, Format::Yaml)[0];
        assert_eq!(d.message, "`milestones.started` has no time zone");
        assert!(d.labels.is_empty());
    }

    /// An undated timeline without a zone has two gaps: no date (RS206) and no
    /// zone (here). "Local time" with no place is named as why the zone is not
    /// known; a zone stated or named, or a place, is no finding here.
    #[test]
    fn an_undated_timeline_without_a_zone() {
        let report = |heading: &str, extra: &str| {
            format!(
                "# Cache outage\n\nThe cache filled and pages failed for 20 minutes.{extra}\n\n## {heading}\n\n- 10:00 cache fills\n- 10:20 cache restarted\n"
            )
        };
        let rs202 = |text: &str| -> Vec<crate::diagnostic::Diagnostic> {
            crate::check(text, Format::Markdown)
                .diagnostics
                .into_iter()
                .filter(|d| d.code == "RS202")
                .collect()
        };
        let found = rs202(&report("Timeline (local time)", ""));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("`local time` names no place"),
            "{}",
            found[0].message
        );
        let found = rs202(&report("Timeline", " All times are local time."));
        assert!(
            found.len() == 1 && found[0].message.contains("names no place"),
            "{found:?}"
        );
        let found = rs202(&report("Timeline", ""));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            !found[0].message.contains("local time"),
            "{}",
            found[0].message
        );
        for zoned in [
            report("Timeline (UTC)", ""),
            report("Timeline", " All times CST."),
            report("Timeline", " (oldest first, times IST)"),
            report("Timeline", " The Paris team (CET) saw it first."),
            report("Timeline", " All times are Oslo local time."),
            report("Timeline", " All times are local time in Oslo."),
            report("Timeline (CET)", " Times are local time."),
        ] {
            assert!(rs202(&zoned).is_empty(), "{zoned}: {:?}", rs202(&zoned));
        }
    }

    #[test]
    fn times_in_the_prose_of_a_report_without_a_timeline() {
        let text = "Subject: build cache outage\n\nThe build cache stopped answering at 14:10 on 2 June 2025 and was\nback by 14:55. Builds took 3:30 minutes longer meanwhile.\n\n    at 15:00 a log line\n";
        let found = rs202(text, Format::Markdown);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.slice(text), "14:10");
        // `14:55` is a label; a duration and a code block are not times of day.
        assert_eq!(found[0].labels.len(), 1, "{found:?}");
        // A zone anywhere on the times, or stated once: nothing to say.
        for zoned in [
            text.replace("14:55.", "14:55 UTC."),
            format!("{text}\nAll times are UTC.\n"),
            // Phrasings only the free-form reading knows.
            format!("{text}\nAll windows are in UTC.\n"),
            format!("{text}\n| Time zone | IST (UTC+05:30) |\n"),
        ] {
            let checked = crate::check(&zoned, Format::Markdown);
            assert!(
                !checked.diagnostics.iter().any(|d| d.code == "RS202"),
                "{zoned}"
            );
        }
    }
}
