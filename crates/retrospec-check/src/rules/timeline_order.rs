use std::sync::LazyLock;

use jiff::Unit;
use regex::Regex;

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::parse::Format;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};
use crate::span::Span;
use crate::suggest::display_path;
use crate::time;
use crate::times::Times;

mod note;

declare_rule! {
    /// A timeline entry is earlier than the entry before it.
    ///
    /// ## Why
    /// A timeline is read top to bottom; an entry out of place makes readers
    /// misjudge what caused what, and usually means a wrong date, zone or typo.
    /// Times are compared as instants, across zones, date changes and midnight.
    /// An entry written as approximate (`~10:50`, `about 10:50`) may be up to 15
    /// minutes out of order with its neighbour without a finding.
    ///
    /// An entry dated a year off every other entry of a short timeline (`2024-02-11`
    /// among `2025-02-11` entries), whose day with their year falls among theirs, is
    /// a year typo: reported even first or last in the list, where no neighbour
    /// shows it out of order.
    ///
    /// A note right above or below the timeline that says its entries are not in
    /// time order ("Rows are grouped by system, not in time order") leaves them
    /// unreported; one that says an entry was put there knowingly ("The 09:10 row
    /// was added later from the logs") makes that entry's finding an info.
    ///
    /// A timeline listed newest first (three or more entries, each earlier than
    /// the one above) is one finding on the timeline, with every entry as a label,
    /// not one finding per entry: it has one cause and one fix. A status page's
    /// updates (three or more labelled `Investigating`, `Identified`, `Monitoring`,
    /// `Resolved`, `Update`...) are listed newest first by convention and are not
    /// reported.
    ///
    /// In a timeline none of whose times the report dates, an entry a few minutes
    /// before the one above it is out of order; more than twelve hours back is
    /// the next day.
    ///
    /// In a report without a timeline, updates appended each on a line led by a
    /// status word and a dated time (`EDIT 12.03.2025 at 21:20 UTC:`, `UPDATE @
    /// 8th April 2025, 16:05 UTC - ...`) are checked too: of three or more, listed
    /// oldest first or newest first as most of them are, the one dated out of that
    /// order (an `EDIT` dated the day before the outage it closes) is reported,
    /// in retrospec's own form as in a report read as written.
    ///
    /// ## Example
    /// ```markdown
    /// ## Timeline
    /// - 2024-06-10 16:10 CEST Alert fires
    /// - 2024-06-10 16:05 CEST Deploy starts
    /// ```
    /// Use instead: put the entries in the order they happened.
    ///
    /// ## Fix
    /// When every entry is written with its own date, `retrospec check --fix`
    /// sorts the entries by time (equal times keep their order), moving each entry
    /// exactly as written. A timeline with a time written without a date gets no
    /// fix: its day comes from the entries around it, so its place is part of what
    /// it says. The fix needs review (is not applied by `--fix`) when comments or
    /// other text sit between the entries.
    pub struct TimelineOrder = "RS201", "timeline-order", Error, fix: Sometimes;
}

impl Rule for TimelineOrder {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        match newest_first(cx) {
            Some(Listed::Diagnostic(diagnostic)) => {
                out.push(*diagnostic);
                return;
            }
            // A status page's updates, newest first as status pages list them.
            Some(Listed::Updates) => return,
            None => {}
        }
        let mut fix: Option<Option<Fix>> = None;
        let mut previous: Option<(&str, jiff::Timestamp, bool)> = None;
        let first_order = out.len();
        let mut written: Vec<&str> = Vec::new();
        for value in cx.times.timeline.iter().flatten() {
            let Some(now) = value.instant() else { continue };
            let approximate = value.is_approximate();
            if let Some((prev_pointer, prev, prev_approximate)) = previous
                && now.timestamp < prev
                && !((approximate || prev_approximate)
                    && prev.as_second() - now.timestamp.as_second()
                        <= crate::time::APPROXIMATE_TOLERANCE_SECONDS)
            {
                let back = prev
                    .since(now.timestamp)
                    .ok()
                    .and_then(|s| {
                        s.round(
                            jiff::SpanRound::new()
                                .largest(Unit::Hour)
                                .smallest(Unit::Minute),
                        )
                        .ok()
                    })
                    .map_or_else(String::new, |s| format!(" ({s:#} earlier)"));
                let fix = fix.get_or_insert_with(|| sort_fix(cx)).clone();
                let path = display_path(&value.pointer).replace(".time", "");
                let mut diagnostic = Diagnostic::new(
                    &Self::INFO,
                    cx.span(&value.pointer),
                    format!("`{path}` is earlier than the entry before it{back}"),
                )
                .with_label(cx.span(prev_pointer), "the entry before it")
                .with_help(
                    "put the timeline in the order things happened, or correct the date, time or zone",
                );
                // Every finding carries the same fix: applying it from any of them sorts the whole timeline.
                diagnostic.fix = fix;
                out.push(diagnostic);
                written.push(&value.text);
            }
            previous = Some((&value.pointer, now.timestamp, approximate));
        }
        wall_order(cx, out, &mut written);
        explained(cx, out, first_order, &written);
        year_typos(cx, out);
        // In retrospec's form too: `import` keeps the updates where they stood
        // (in the summary), and their order is the same fact.
        if cx.model.timeline.is_empty() {
            lead_order(cx, out);
        }
    }
}

/// A timeline none of whose times the report dates (no date anywhere, or a day
/// without its year), all on one written zone or none: read on the wall clock,
/// an entry more than twelve hours back is the next day (as the times' own
/// reading has it), and one a little back (`7:52 AM`, then `7:40 AM`) is out of
/// order. No fix: the entries' days are the order's reading.
fn wall_order<'a>(cx: &Context<'a>, out: &mut Vec<Diagnostic>, written: &mut Vec<&'a str>) {
    let values: Vec<&crate::times::TimeValue> = cx.times.timeline.iter().flatten().collect();
    if values.len() < 3 || values.iter().any(|v| v.instant().is_some()) {
        return;
    }
    fn zone_of(v: &crate::times::TimeValue) -> Option<&str> {
        let p = v.parsed.as_ref().ok()?;
        Some(
            p.zone_range
                .clone()
                .and_then(|r| v.text.get(r))
                .unwrap_or(""),
        )
    }
    let Some(zone) = values.first().and_then(|v| zone_of(v)) else {
        return;
    };
    if values
        .iter()
        .any(|v| zone_of(v) != Some(zone) || v.parsed.as_ref().is_ok_and(|p| p.date.is_some()))
    {
        return;
    }
    // On the wall clock ([`crate::times::Times::wall_clock`]): more than twelve
    // hours back is already the next day there, so any step back is out of order.
    let wall = cx.times.wall_clock();
    let mut previous: Option<(&crate::times::TimeValue, i64)> = None;
    for (v, t) in cx.times.timeline.iter().zip(wall) {
        let (Some(v), Some(t)) = (v.as_ref(), t) else {
            continue;
        };
        if let Some((prev, before)) = previous
            && t < before
            && !((v.is_approximate() || prev.is_approximate())
                && before - t <= crate::time::APPROXIMATE_TOLERANCE_SECONDS)
        {
            let path = display_path(&v.pointer).replace(".time", "");
            let minutes = (before - t) / 60;
            let back = if minutes >= 60 {
                format!("{}h {}m", minutes / 60, minutes % 60)
            } else {
                format!("{minutes}m")
            };
            out.push(
                Diagnostic::new(
                    &TimelineOrder::INFO,
                    cx.span(&v.pointer),
                    format!(
                        "`{path}` is earlier than the entry before it ({back} earlier on the clock; the report gives no date to tell a day later)"
                    ),
                )
                .with_label(cx.span(&prev.pointer), "the entry before it")
                .with_help("put the timeline in the order things happened, or correct the time"),
            );
            written.push(&v.text);
        }
        previous = Some((v, t));
    }
}

/// The entries out of order (`out[first..]`, written as `written`) that a note
/// right above or below the timeline explains: none when it says the entries
/// are not in time order ("rows are grouped by system"); an info, not an error,
/// for an entry it says was put there knowingly ("the 09:10 row was added later
/// from the logs").
fn explained(cx: &Context<'_>, out: &mut Vec<Diagnostic>, first: usize, written: &[&str]) {
    if out.len() == first {
        return;
    }
    match note::order_note(cx) {
        Some(note::OrderNote::NotChronological) => out.truncate(first),
        Some(note::OrderNote::Explains(clocks)) => {
            for (d, written) in out[first..].iter_mut().zip(written) {
                if note::names_entry(&clocks, written) {
                    d.severity = crate::diagnostic::Severity::Info;
                    d.message.push_str(", as the note beside the timeline says");
                }
            }
        }
        None => {}
    }
}

/// Updates appended to a report that has no timeline, each on a line led by its
/// status word and its dated time (`EDIT 12.03.2025 at 21:20 UTC:`, `UPDATE @
/// 8th April 2025, 16:05 UTC - ...`, `[resolved] 5 June 2025 11:15 - ...`): three
/// or more, listed oldest first or newest first as most of them are, one dated
/// out of that order (an `EDIT` dated the day before the others, before the
/// incident it closes) is reported on its date. Leads on other zones than the
/// first's are left out. Read in retrospec's own form as well, where a report
/// without a timeline (an imported issue) keeps such updates in its text.
fn lead_order(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    use crate::parse::freeform::updates;
    if !cx.text.contains(':') {
        return;
    }
    let mut leads: Vec<(Span, jiff::civil::DateTime)> = Vec::new();
    let mut zone: Option<&str> = None;
    let mut fence = false;
    let mut at = 0;
    for raw in cx.text.split_inclusive('\n') {
        let start = at;
        at += raw.len();
        let t = raw.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            continue;
        }
        let line = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("* "))
            .unwrap_or(t);
        if fence || line.len() > 300 {
            continue;
        }
        let Some(lead) = updates::lead(line) else {
            continue;
        };
        if lead.status.is_none() {
            continue;
        }
        let clock = &line[lead.clock.clone()];
        let this_zone = clock.split_once(' ').map_or("", |(_, z)| z.trim());
        if *zone.get_or_insert(this_zone) != this_zone {
            continue;
        }
        let offset = start + (raw.len() - raw.trim_start().len()) + (t.len() - line.len());
        let end = offset + lead.clock.end;
        leads.push((Span::new(offset, end), lead.date.to_datetime(lead.time)));
    }
    if leads.len() < 3 {
        return;
    }
    let down = leads.windows(2).filter(|w| w[0].1 > w[1].1).count();
    let up = leads.windows(2).filter(|w| w[0].1 < w[1].1).count();
    let (oldest_first, breaks) = if up >= down {
        (true, down)
    } else {
        (false, up)
    };
    // One update out of place among others in order.
    if breaks != 1 || up.max(down) < 2 {
        return;
    }
    let Some(i) = leads.windows(2).position(|w| {
        if oldest_first {
            w[0].1 > w[1].1
        } else {
            w[0].1 < w[1].1
        }
    }) else {
        return;
    };
    // The one out of place: the one whose neighbours are in order without it;
    // the later of the two when both or neither are.
    let fits = |k: usize| {
        let before = k.checked_sub(1).map(|j| leads[j].1);
        let after = leads.get(k + 1).map(|l| l.1);
        let ordered = |a: jiff::civil::DateTime, b: jiff::civil::DateTime| {
            if oldest_first { a <= b } else { a >= b }
        };
        match (before, after) {
            (Some(a), Some(b)) => ordered(a, b),
            _ => true,
        }
    };
    let (odd, other) = if fits(i) && !fits(i + 1) {
        (i, i + 1)
    } else {
        (i + 1, i)
    };
    let (span, when) = leads[odd];
    let written = span.slice(cx.text);
    out.push(
        Diagnostic::new(
            &TimelineOrder::INFO,
            span,
            format!(
                "`{written}` is dated {} {}, out of the order of the updates around it ({})",
                when.date(),
                when.time().strftime("%H:%M"),
                if oldest_first {
                    "oldest first"
                } else {
                    "newest first"
                }
            ),
        )
        .with_label(leads[other].0, "the update beside it")
        .with_help("correct the update's date or time, or move it to its place"),
    );
}

/// An entry dated in another year than every other entry of a short timeline,
/// whose date with their year falls within theirs: `2024-02-11 14:19` among
/// `2025-02-11` entries. A year typo puts it a year out of order even where no
/// neighbour shows it (first or last in the list), so it is reported unless the
/// order check above already points at the entry. Needs three or more other
/// entries, all in one year and spanning at most a month; an entry that lies
/// outside their times with their year (more than half an hour before the first) (`2024-12-31 23:50` before a night into
/// 2025) is not one.
fn year_typos(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let dated: Vec<(&str, Span, jiff::civil::DateTime)> = cx
        .times
        .timeline
        .iter()
        .flatten()
        .filter(|v| v.instant().is_some())
        .filter_map(|v| {
            let parsed = v.parsed.as_ref().ok()?;
            let at = parsed.date?.to_datetime(parsed.time);
            Some((v.pointer.as_str(), cx.span(&v.pointer), at))
        })
        .collect();
    if dated.len() < 4 {
        return;
    }
    // Only an entry whose year no other entry has, all the others sharing one,
    // can be a typo: found in one pass (a loop over each entry's others was
    // quadratic, 260 M instructions on a 2,500-entry timeline).
    let first_year = dated[0].2.year();
    let Some(other_year) = dated.iter().map(|d| d.2.year()).find(|y| *y != first_year) else {
        return;
    };
    let count = |y: i16| dated.iter().filter(|d| d.2.year() == y).count();
    let single = match (count(first_year), count(other_year)) {
        (1, n) if n == dated.len() - 1 => first_year,
        (n, 1) if n == dated.len() - 1 => other_year,
        _ => return,
    };
    for (i, (_, span, date)) in dated.iter().enumerate() {
        if date.year() != single {
            continue;
        }
        let others: Vec<jiff::civil::DateTime> = dated
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, (_, _, d))| *d)
            .collect();
        let year = others[0].year();
        let (Some(first), Some(last)) = (others.iter().min(), others.iter().max()) else {
            continue;
        };
        if first
            .date()
            .until(last.date())
            .map_or(true, |s| s.get_days() > 31)
        {
            continue;
        }
        let Ok(moved) = date.with().year(year).build() else {
            continue;
        };
        // Among them, or less than half an hour before the first (the entries
        // just before it may not have been read as the timeline): `2024-02-11
        // 09:00 certificate issued` before a 2025-02-11 expiry at 14:05 is a year
        // before, as written.
        let slack = jiff::Span::new().minutes(30);
        if first.checked_sub(slack).map_or(true, |f| moved <= f) || moved >= *last {
            continue;
        }
        // The order check already points at it (as the entry or the one before).
        if out.iter().any(|d| {
            d.code == TimelineOrder::INFO.code
                && (d.span == *span || d.labels.iter().any(|l| l.span == *span))
        }) {
            continue;
        }
        let written = span.slice(cx.text).trim();
        out.push(
            Diagnostic::new(
                &TimelineOrder::INFO,
                *span,
                format!(
                    "`{written}` is dated {}, but every other timeline entry is in {year} ({} to {}): a year typo puts it {} out of order",
                    date.year(),
                    first.date(),
                    last.date(),
                    if date.year() < year { "a year or more before the incident," } else { "a year or more after the incident," }
                ),
            )
            .with_help(format!("check the year; with {year} it is {}, among the entries around it", moved.date())),
        );
    }
}

/// A status page's update labels, each as a label: `**Resolved** -`, `## Monitoring`,
/// `15:05 UTC — Monitoring`, `Identified:`.
static UPDATE_LABEL: LazyLock<crate::lean::Lean> = LazyLock::new(|| {
    crate::lean::Lean::new(
        r"(?im)(?:^|[—–-]\s|\*\*\s?|#\s|\s)(?P<s>investigating|identified|monitoring|resolved|update|verifying|postmortem)\b(?:\*\*)?[ \t]*(?:[-–—:(]|$)",
    )
    .expect("the pattern is valid")
});

/// Whether `section` is a status page's list of updates, which status pages list
/// newest first by convention: three or more different update labels.
fn is_update_list(section: &str) -> bool {
    let mut seen: Vec<String> = Vec::new();
    for caps in UPDATE_LABEL.captures_iter(section) {
        if let Some(s) = caps.name("s") {
            let s = s.as_str().to_ascii_lowercase();
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
    }
    seen.len() >= 3
}

/// A timeline listed newest first: a finding, or a status page's updates.
enum Listed {
    Diagnostic(Box<Diagnostic>),
    Updates,
}

/// One finding for a timeline listed newest first: three or more entries with
/// instants, each earlier than (or as early as) the one before it and at least one
/// strictly earlier. One cause, one finding: the entries are its labels, and its
/// fix (when the timeline is fully dated) sorts them.
fn newest_first(cx: &Context<'_>) -> Option<Listed> {
    let entries: Vec<(&str, jiff::Timestamp)> = cx
        .times
        .timeline
        .iter()
        .flatten()
        .filter_map(|v| Some((v.pointer.as_str(), v.instant()?.timestamp)))
        .collect();
    let n = entries.len();
    if n < 3
        || entries.windows(2).any(|w| w[1].1 > w[0].1)
        || entries.windows(2).all(|w| w[1].1 == w[0].1)
    {
        return None;
    }
    // The section from its heading to a little past its last entry's time (an
    // update's label may stand after its time).
    let start = cx.key_span("/timeline").start;
    let end = entries
        .iter()
        .map(|(p, _)| cx.span(p).end)
        .max()
        .unwrap_or(start);
    let mut end = (end + 200).min(cx.text.len());
    while !cx.text.is_char_boundary(end) {
        end -= 1;
    }
    if start < end && is_update_list(&cx.text[start..end]) {
        return Some(Listed::Updates);
    }
    let written = |pointer: &str| cx.span(pointer).slice(cx.text).trim().to_string();
    let (newest, oldest) = (entries[0].0, entries[n - 1].0);
    let mut diagnostic = Diagnostic::new(
        &TimelineOrder::INFO,
        cx.key_span("/timeline"),
        format!(
            "the timeline is listed newest first: its {n} entries go back from `{}` to `{}`",
            written(newest),
            written(oldest)
        ),
    )
    .with_help("list the timeline oldest first, in the order things happened");
    for (i, (pointer, _)) in entries.iter().enumerate() {
        let label = match i {
            0 => "newest, listed first".to_string(),
            i if i == n - 1 => "oldest, listed last".to_string(),
            _ => "earlier than the entry above".to_string(),
        };
        diagnostic = diagnostic.with_label(cx.span(pointer), label);
    }
    diagnostic.fix = sort_fix(cx);
    Some(Listed::Diagnostic(Box::new(diagnostic)))
}

/// Text between two timeline entries that a reorder may leave in place: blank
/// space, list markers (`-`, `*`, `+`, `1.`), table pipes and JSON commas.
/// Anything else (a comment, a date heading, a paragraph, an item that is not an
/// entry) belongs to the entries around it, so moving them is not certain.
static PLAIN_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s|[-*+|,]|[0-9]+[.)])*$").expect("the gap pattern is valid")
});

/// The fix that sorts the timeline by time, moving each entry's text as written.
///
/// It exists only when the order is certain: every entry resolves to an instant
/// and is written with its own date. A time written without a date takes its day
/// from the entry above it, a date line above it, or the incident start (see
/// `times.rs`), so moving it can change which day it is read on; and its being
/// "out of order" may itself be a misread day (23:50 then 00:10 is a night, not a
/// mistake). Such timelines get no fix. The entries are stable-sorted, so equal
/// times keep their order. The fix is safe when the text between entries is only
/// list or table syntax and every entry starts in the same column (so the lines
/// of a multi-line entry keep their indentation); otherwise it is offered for
/// review. As a last check the reordered text is parsed again and must give the
/// same instants in order.
fn sort_fix(cx: &Context<'_>) -> Option<Fix> {
    let n = cx.model.timeline.len();
    let mut entries = Vec::with_capacity(n);
    for i in 0..n {
        let value = cx.times.timeline.get(i)?.as_ref()?;
        let at = value.instant()?.timestamp;
        let dated = match cx.format {
            // The model's time carries the date of a date line; the file may not.
            Format::Markdown => {
                let written = cx.span(&value.pointer).slice(cx.text).trim();
                time::parse_time(written).ok()?.date.is_some()
            }
            Format::Yaml | Format::Json => value.parsed.as_ref().ok()?.date.is_some(),
        };
        if !dated {
            return None;
        }
        let span = cx.node(&Ptr::timeline_entry(i).whole())?.span;
        let span = match cx.format {
            Format::Markdown => whole_table_row(cx.text, span),
            Format::Yaml | Format::Json => span,
        };
        entries.push((span, at));
    }
    if entries.windows(2).any(|w| w[0].0.end > w[1].0.start) {
        return None;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| entries[i].1);
    if order.iter().enumerate().all(|(slot, &i)| slot == i) {
        return None;
    }
    let column = |span: Span| {
        let line_start = cx.text[..span.start].rfind('\n').map_or(0, |p| p + 1);
        span.start - line_start
    };
    let multi_line = entries.iter().any(|(s, _)| s.slice(cx.text).contains('\n'));
    let same_column = entries
        .iter()
        .all(|(s, _)| column(*s) == column(entries[0].0));
    if multi_line && !same_column {
        return None; // moved lines would land at another indentation
    }
    let plain_gaps = entries
        .windows(2)
        .all(|w| PLAIN_GAP.is_match(&cx.text[w[0].0.end..w[1].0.start]));
    let edits: Vec<Edit> = order
        .iter()
        .enumerate()
        .filter(|(slot, i)| slot != *i)
        .map(|(slot, &i)| Edit {
            span: entries[slot].0,
            replacement: entries[i].0.slice(cx.text).to_string(),
        })
        .collect();
    let mut expected: Vec<jiff::Timestamp> = entries.iter().map(|e| e.1).collect();
    expected.sort();
    if reordered_instants(cx, &edits)? != expected {
        return None;
    }
    Some(Fix {
        message: "sort the timeline by time".into(),
        edits,
        safe: plain_gaps,
    })
}

/// A Markdown table row's entry spans its cells, from the first to the last; its
/// outer pipes and padding belong to it too, so it is moved as the whole line
/// (an empty last cell would otherwise lose or gain a space). A list item's span
/// starts after its marker and is left as it is.
fn whole_table_row(text: &str, span: Span) -> Span {
    let line_start = text[..span.start].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[span.end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |p| span.end + p);
    let row = |s: &str| s.chars().all(|c| c == '|' || c == ' ' || c == '\t');
    let before = &text[line_start..span.start];
    if !span.slice(text).contains('\n')
        && before.contains('|')
        && row(before)
        && row(&text[span.end..line_end])
    {
        Span::new(line_start, line_end)
    } else {
        span
    }
}

/// The timeline's instants after applying `edits`, read as a fresh report.
fn reordered_instants(cx: &Context<'_>, edits: &[Edit]) -> Option<Vec<jiff::Timestamp>> {
    let mut text = String::with_capacity(cx.text.len());
    let mut pos = 0;
    for edit in edits {
        text.push_str(cx.text.get(pos..edit.span.start)?);
        text.push_str(&edit.replacement);
        pos = edit.span.end;
    }
    text.push_str(cx.text.get(pos..)?);
    let parsed = crate::parse::parse(&text, cx.format, &mut Vec::new())?;
    let model = crate::model::lenient(parsed.tree.to_json(), &[]);
    Times::new(&model)
        .timeline
        .iter()
        .map(|v| v.as_ref()?.instant().map(|r| r.timestamp))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::fix::apply_safe;
    use crate::{Format, check};

    /// The text after the safe fixes, and the RS201 fix's safety.
    fn fixed(text: &str, format: Format) -> (Option<String>, Option<bool>) {
        let diagnostics = check(text, format).diagnostics;
        let safe = diagnostics
            .iter()
            .find(|d| d.code == "RS201")
            .and_then(|d| d.fix.as_ref())
            .map(|f| f.safe);
        (apply_safe(text, &diagnostics), safe)
    }

    fn rs201_spans(text: &str) -> Vec<String> {
        let text = text.to_string();
        check(&text, Format::Markdown)
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS201")
            .map(|d| d.span.slice(&text).trim().to_string())
            .collect()
    }

    /// An entry a year off the others' year, its day among theirs, is a year
    /// typo, wherever it stands; a timeline over New Year, one in two years, or
    /// an entry on another day of the other year is not.
    #[test]
    fn an_entry_dated_in_another_year_is_a_typo() {
        let entries = [
            "2025-02-11 14:05 UTC Failed builds reported",
            "2025-02-11 14:19 UTC Rotated token found",
            "2025-02-11 14:31 UTC Incident declared",
            "2025-02-11 15:03 UTC Builds green",
        ];
        let timeline = |typo: usize, year: &str| {
            let mut lines: Vec<String> = entries.iter().map(|e| format!("- {e}\n")).collect();
            lines[typo] = lines[typo].replacen("2025", year, 1);
            format!("# Builds failing\n\n## Timeline\n\n{}", lines.concat())
        };
        // Listed first or last (as when the entries before it were not read as
        // the timeline), its time among the others': reported once, on the typo.
        let listed = |at_end: bool, year: &str| {
            let typo = format!("- {year}-02-11 14:20 UTC Token rotation found\n");
            let rest: String = entries.iter().map(|e| format!("- {e}\n")).collect();
            let lines = if at_end { rest + &typo } else { typo + &rest };
            format!("# Builds failing\n\n## Timeline\n\n{lines}")
        };
        for (at_end, year) in [(false, "2024"), (true, "2024"), (true, "2026")] {
            let found = rs201_spans(&listed(at_end, year));
            assert_eq!(found.len(), 1, "{at_end} {year}: {found:?}");
            assert!(found[0].starts_with(year), "{found:?}");
        }
        // A certificate issued a year before its expiry, hours before the time
        // the incident starts: outside the incident's times, as written.
        let issued = "# Certificate expired\n\n## Timeline\n\n- 2024-02-11 09:12 UTC Certificate issued for a year\n- 2025-02-11 14:05 UTC Certificate expires, logins fail\n- 2025-02-11 14:31 UTC Declared\n- 2025-02-11 15:03 UTC Renewed\n";
        assert!(rs201_spans(issued).is_empty());
        // In the middle, or first and after the others, the order check reports it, once.
        assert_eq!(rs201_spans(&timeline(2, "2024")).len(), 1);
        assert_eq!(rs201_spans(&timeline(0, "2026")).len(), 1);
        // Quiet: all in one year, a night over New Year, a context entry months before.
        assert!(rs201_spans(&timeline(0, "2025")).is_empty());
        let new_year = "# Builds failing\n\n## Timeline\n\n- 2024-12-31 23:40 UTC Deploy\n- 2024-12-31 23:55 UTC Errors\n- 2025-01-01 00:10 UTC Paged\n- 2025-01-01 00:40 UTC Fixed\n- 2025-01-01 01:00 UTC Closed\n";
        assert!(rs201_spans(new_year).is_empty());
        let context = "# Builds failing\n\n## Timeline\n\n- 2024-06-02 10:00 UTC Token created\n- 2025-02-11 14:05 UTC Failed builds\n- 2025-02-11 14:31 UTC Declared\n- 2025-02-11 15:03 UTC Green\n";
        assert!(rs201_spans(context).is_empty());
    }

    #[test]
    fn an_approximate_time_may_be_a_little_out_of_order() {
        let text = |second: &str| {
            format!(
                "---\ntitle: t\nstatus: draft\ntimezone: UTC\n---\n## Timeline\n### 2024-06-10\n- 10:50 Alert fires\n- {second} A customer had reported errors\n"
            )
        };
        let rs201 = |t: &str| {
            check(t, Format::Markdown)
                .diagnostics
                .iter()
                .filter(|d| d.code == "RS201")
                .count()
        };
        assert_eq!(rs201(&text("~10:40")), 0);
        assert_eq!(rs201(&text("about 10:40")), 0);
        assert_eq!(rs201(&text("10:40")), 1);
        assert_eq!(rs201(&text("~10:20")), 1);
    }

    #[test]
    fn sorts_markdown_items_as_written() {
        let text = "---\ntitle: t\nstatus: draft\n---\n## Timeline\n- 2022-05-19 02:13 UTC — Report posted\n- 2022-05-18 17:30 UTC — Syncing not working [started]\n- 2022-05-18 20:40 UTC — Syncing restored\n  after the migration\n";
        let (after, safe) = fixed(text, Format::Markdown);
        assert_eq!(safe, Some(true));
        let after = after.expect("fixed");
        assert_eq!(
            after,
            "---\ntitle: t\nstatus: draft\n---\n## Timeline\n- 2022-05-18 17:30 UTC — Syncing not working [started]\n- 2022-05-18 20:40 UTC — Syncing restored\n  after the migration\n- 2022-05-19 02:13 UTC — Report posted\n"
        );
        assert!(check(&after, Format::Markdown).diagnostics.is_empty());
    }

    #[test]
    fn sorts_yaml_and_json_entries_stably() {
        let yaml = "title: t\nstatus: draft\ntimeline:\n  - time: 2024-06-10 16:10 CEST\n    text: b\n  - time: 2024-06-10T14:05:00Z\n    text: a1\n  - {time: 2024-06-10 16:05 CEST, text: a2}\n";
        let (after, safe) = fixed(yaml, Format::Yaml);
        assert_eq!(safe, Some(true));
        assert_eq!(
            after.as_deref(),
            Some(
                "title: t\nstatus: draft\ntimeline:\n  - time: 2024-06-10T14:05:00Z\n    text: a1\n  - {time: 2024-06-10 16:05 CEST, text: a2}\n  - time: 2024-06-10 16:10 CEST\n    text: b\n"
            )
        );
        let json = "{\"title\": \"t\", \"status\": \"draft\", \"timeline\": [\n  {\"time\": \"2024-06-10 16:10 CEST\", \"text\": \"b\"},\n  {\"time\": \"2024-06-10 16:05 CEST\", \"text\": \"a\"}\n]}\n";
        let (after, _) = fixed(json, Format::Json);
        assert_eq!(
            after.as_deref(),
            Some(
                "{\"title\": \"t\", \"status\": \"draft\", \"timeline\": [\n  {\"time\": \"2024-06-10 16:05 CEST\", \"text\": \"a\"},\n  {\"time\": \"2024-06-10 16:10 CEST\", \"text\": \"b\"}\n]}\n"
            )
        );
    }

    #[test]
    fn sorts_markdown_table_rows_as_whole_lines() {
        let text = "---\ntitle: t\nstatus: draft\n---\n## Timeline\n| Time | Event | Milestone |\n|---|---|---|\n| 2024-06-10 16:20 CEST | Alert fires | |\n| 2024-06-10 16:05 CEST | Deploy | started |\n";
        let (after, safe) = fixed(text, Format::Markdown);
        assert_eq!(safe, Some(true));
        assert_eq!(
            after.as_deref(),
            Some(
                "---\ntitle: t\nstatus: draft\n---\n## Timeline\n| Time | Event | Milestone |\n|---|---|---|\n| 2024-06-10 16:05 CEST | Deploy | started |\n| 2024-06-10 16:20 CEST | Alert fires | |\n"
            )
        );
    }

    #[test]
    fn no_fix_when_a_time_has_no_written_date() {
        // 16:10 after 16:50 under a date line: its day comes from the line, so its
        // place is part of what it says. (00:10 after 23:50 is a night: RS215.)
        let text = "---\ntitle: t\nstatus: draft\ntimezone: UTC\n---\n## Timeline\n### 2024-06-10\n- 16:50 Deploy\n- 16:10 Alert\n";
        let diagnostics = check(text, Format::Markdown).diagnostics;
        let night = "---\ntitle: t\nstatus: draft\ntimezone: UTC\n---\n## Timeline\n### 2024-06-10\n- 23:50 Deploy\n- 00:10 Alert\n";
        let codes: Vec<_> = check(night, Format::Markdown)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        assert_eq!(codes, ["RS215"]);
        let rs201 = diagnostics
            .iter()
            .find(|d| d.code == "RS201")
            .expect("RS201");
        assert_eq!(rs201.fix, None);
        // In YAML a date-less time reads its day from the entry above it.
        let yaml = "title: t\nstatus: draft\ntimeline:\n  - time: 2024-06-10 16:10 UTC\n    text: b\n  - time: 2024-06-10 16:05 UTC\n    text: a\n  - time: 16:20 UTC\n    text: c\n";
        let diagnostics = check(yaml, Format::Yaml).diagnostics;
        assert!(diagnostics.iter().any(|d| d.code == "RS201"));
        assert!(diagnostics.iter().all(|d| d.fix.is_none()));
    }

    #[test]
    fn text_between_entries_makes_the_fix_need_review() {
        let yaml = "title: t\nstatus: draft\ntimeline:\n  - time: 2024-06-10 16:10 UTC\n    text: b\n  # the alert\n  - time: 2024-06-10 16:05 UTC\n    text: a\n";
        let (after, safe) = fixed(yaml, Format::Yaml);
        assert_eq!(safe, Some(false));
        assert_eq!(after, None, "an unsafe fix is not applied");
    }

    #[test]
    fn a_status_page_s_updates_newest_first_are_its_convention() {
        let updates = "# Delayed exports\n\nDate: 2025-07-15\n\n## Updates\n\n\
                       - **15:20 UTC** Resolved: exports are flowing again.\n\
                       - **15:05 UTC** Monitoring: a fix has been applied.\n\
                       - **14:58 UTC** Identified: a full disk on an export host.\n\
                       - **14:12 UTC** Investigating: exports are delayed.\n";
        let codes = |t: &str| -> Vec<&'static str> {
            check(t, Format::Markdown)
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect()
        };
        assert!(!codes(updates).contains(&"RS201"), "{:?}", codes(updates));
        // The same entries without the update labels are a timeline listed backwards.
        let plain = updates
            .replace("Resolved: ", "")
            .replace("Monitoring: ", "")
            .replace("Identified: ", "")
            .replace("Investigating: ", "");
        assert!(codes(&plain).contains(&"RS201"), "{:?}", codes(&plain));
    }

    #[test]
    fn a_newest_first_timeline_is_one_finding_with_one_sort() {
        let text = "---\ntitle: t\nstatus: draft\n---\n## Timeline\n- 2024-06-10 16:40 UTC All clear\n- 2024-06-10 16:20 UTC Rollback done\n- 2024-06-10 16:05 UTC Alert fires\n- 2024-06-10 16:00 UTC Deploy starts\n";
        let diagnostics = check(text, Format::Markdown).diagnostics;
        let rs201: Vec<_> = diagnostics.iter().filter(|d| d.code == "RS201").collect();
        assert_eq!(rs201.len(), 1, "{rs201:#?}");
        assert_eq!(rs201[0].labels.len(), 4);
        assert!(rs201[0].message.contains("newest first"));
        let (after, safe) = fixed(text, Format::Markdown);
        assert_eq!(safe, Some(true));
        assert_eq!(
            after.as_deref(),
            Some(
                "---\ntitle: t\nstatus: draft\n---\n## Timeline\n- 2024-06-10 16:00 UTC Deploy starts\n- 2024-06-10 16:05 UTC Alert fires\n- 2024-06-10 16:20 UTC Rollback done\n- 2024-06-10 16:40 UTC All clear\n"
            )
        );
        // One entry out of place in an otherwise ordered timeline: a finding for it.
        let text = "---\ntitle: t\nstatus: draft\n---\n## Timeline\n- 2024-06-10 16:00 UTC a\n- 2024-06-10 16:20 UTC b\n- 2024-06-10 16:05 UTC c\n- 2024-06-10 16:40 UTC d\n";
        let diagnostics = check(text, Format::Markdown).diagnostics;
        let rs201: Vec<_> = diagnostics.iter().filter(|d| d.code == "RS201").collect();
        assert_eq!(rs201.len(), 1);
        assert!(
            rs201[0]
                .message
                .contains("earlier than the entry before it")
        );
    }

    /// A timeline with no date: an entry a few minutes back is out of order;
    /// one more than twelve hours back is the next morning.
    #[test]
    fn an_undated_entry_a_little_back_is_out_of_order() {
        let text = "Wifi down\n\nAll times Central.\n\n## Timeline\n\n\
                    - 10:30 PM failover changed\n- 6:45 AM first carts fail\n\
                    - 7:52 AM principal texts me\n- 7:40 AM helpdesk queue fills\n- 8:30 AM on site\n";
        let found: Vec<String> = check(text, Format::Markdown)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "RS201")
            .map(|d| d.message)
            .collect();
        assert_eq!(
            found,
            [
                "`timeline[3]` is earlier than the entry before it (12m earlier on the clock; the report gives no date to tell a day later)"
            ]
        );
        let ordered = text.replace("- 7:40 AM helpdesk queue fills\n", "");
        assert!(
            !check(&ordered, Format::Markdown)
                .diagnostics
                .iter()
                .any(|d| d.code == "RS201")
        );
    }

    #[test]
    fn an_appended_update_dated_out_of_order() {
        fn spans(text: &str) -> Vec<&str> {
            crate::rules::spans_of("RS201", text, Format::Markdown)
        }
        let text = "# Server down\n\nSince 12.03.2025 at 21:14 UTC the box hangs.\n\nEDIT 12.03.2025 at 21:20 UTC:\nFound it.\n\nEDIT 12.03.2025 at 21:31 UTC:\nBack in the pool.\n\nEDIT 12.03.2025 at 21:52 UTC:\nJobs run again.\n\nEDIT 11.03.2025 at 22:09 UTC:\nAll good now.\n";
        assert_eq!(spans(text), ["EDIT 11.03.2025 at 22:09 UTC"]);
        assert!(spans(&text.replace("11.03.2025", "12.03.2025")).is_empty());
        // In retrospec's form, as `import` writes such a report (the updates in
        // its summary, no timeline): the same finding.
        let canonical = text.replace(
            "# Server down\n\n",
            "---\ntitle: Server down\nstatus: draft\n---\n\n## Summary\n\n",
        );
        assert_eq!(spans(&canonical), ["EDIT 11.03.2025 at 22:09 UTC"]);
        // Newest first, one out of place in the middle.
        let text = "# Outage\n\nMail was down.\n\n- UPDATE @ 8th April 2025, 16:05 UTC - all back\n- UPDATE @ 6th April 2025, 09:00 UTC - slow\n- UPDATE @ 7th April 2025, 12:15 UTC - fixing\n- UPDATE @ 6th April 2025, 11:50 UTC - looking\n";
        assert_eq!(spans(text), ["UPDATE @ 6th April 2025, 09:00 UTC"]);
        // Two updates, or three with one step each way, say no order.
        let text =
            "# Outage\n\nEDIT 12.03.2025 at 21:20 UTC: a\n\nEDIT 11.03.2025 at 21:31 UTC: b\n";
        assert!(spans(text).is_empty());
    }
}
