use std::sync::LazyLock;

use crate::diagnostic::Diagnostic;
use crate::lean::Lean;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};
use crate::time::{self, Zone};

declare_rule! {
    /// One moment written in two zones whose two clocks do not agree.
    ///
    /// The pairs a report writes for readers in two places: `2:40am GMT+1 /
    /// 07:40am PST`, `14:32 UTC (17:32 CEST)`, `**12:40 CEST / 04:40 PDT**`.
    ///
    /// ## Why
    /// A report for readers in two places often gives each time twice. The second
    /// clock is worked out by hand, and a slip there (an hour for summer time, a
    /// day's offset counted the wrong way) leaves the reader with two different
    /// times and no way to tell which is right. A reviewer converts one and asks.
    ///
    /// Only a pair written next to each other counts (joined by `/`, `|`, `=` or
    /// set in parentheses), and only zones whose offset is fixed by what is
    /// written: `UTC`, `GMT`, offsets (`GMT+1`, `+02:00`) and the abbreviations of
    /// [format.md](../format.md#33-abbreviations). An abbreviation of the wrong
    /// season is RS203's finding: a pair that agrees under either season of the
    /// region is not reported again. Pairs in code blocks are evidence, not read.
    /// Pairs off by the same amount between the same zones are one slip made
    /// again (a wrong offset used all through): one finding, the others as labels.
    ///
    /// ## Example
    /// ```markdown
    /// - 14:32 UTC (17:32 CEST) the primary stops accepting writes
    /// ```
    /// Use instead: `- 14:32 UTC (16:32 CEST) ...`, or one clock only.
    pub struct PairedClocks = "RS219", "paired-clocks", Warning;
}

/// Two clocks with zones, next to each other. A clock is `H:MM` or `H.MM`, with
/// an optional am/pm, then a zone word or offset.
static PAIR: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?x)
        \b(?P<a>[0-2]?[0-9][:.][0-5][0-9](?:\s*(?i:[ap]\.?m\.?))?\s*(?:UTC|GMT)?(?:[+-][0-9]{1,2}(?::?[0-9]{2})?|\s*[A-Z]{2,5})?)
        \s*(?:/|\||=|\(|,\s*or)\s*
        (?P<b>[0-2]?[0-9][:.][0-5][0-9](?:\s*(?i:[ap]\.?m\.?))?\s*(?:UTC|GMT)?(?:[+-][0-9]{1,2}(?::?[0-9]{2})?|\s*[A-Z]{2,5})?)\b",
    )
    .expect("the pattern is valid")
});

/// The offsets (seconds east of UTC) a written zone can stand for: one for UTC, an
/// offset or an abbreviation, both seasons of an abbreviation's region (the wrong
/// season is RS203's), none for a zone whose offset needs a date or a meaning.
fn offsets(zone: &Zone) -> Vec<i32> {
    match zone {
        Zone::Utc => vec![0],
        Zone::Offset(o) => vec![o.seconds()],
        Zone::Abbrev(a) => {
            let mut out = vec![a.offset_seconds];
            if let Some(other) = a.counterpart.and_then(time::abbreviation) {
                out.push(other.offset_seconds);
            }
            out
        }
        _ => Vec::new(),
    }
}

/// A clock as written, read: minutes after midnight in UTC for each offset its
/// zone can stand for.
fn read(written: &str) -> Option<(i32, Vec<i32>)> {
    let normal = written.replace('.', ":").replace(":m", ".m");
    let parsed = time::parse_time(normal.trim()).ok()?;
    if parsed.date.is_some() {
        return None;
    }
    let zone = parsed.zone.as_ref()?;
    let minutes = i32::from(parsed.time.hour()) * 60 + i32::from(parsed.time.minute());
    let offs = offsets(zone);
    (!offs.is_empty()).then_some((minutes, offs))
}

/// Whether `text` may hold a pair: a separator (`/`, `|`, `=`, `(`) with a clock
/// (`14:32`, `7.40`) at most two blanks after it. A byte scan: a report without
/// one compiles no pattern here. (The clock before the separator may be a
/// field away, as an entry's time is from its text in YAML and JSON.)
fn may_pair(text: &str) -> bool {
    let b = text.as_bytes();
    // The separators found with memchr: a byte-by-byte walk of a long report
    // cost more than the rest of the rule (3 M instructions on 5,000 lines).
    let pairs_at = |i: usize| {
        let at = i
            + 1
            + b[i + 1..]
                .iter()
                .take(2)
                .take_while(|&&x| x == b' ')
                .count();
        let digits = b[at..]
            .iter()
            .take(2)
            .take_while(|x| x.is_ascii_digit())
            .count();
        digits > 0
            && matches!(b.get(at + digits), Some(b':' | b'.'))
            && b.get(at + digits + 1).is_some_and(u8::is_ascii_digit)
    };
    memchr::memchr3_iter(b'/', b'|', b'=', b).any(pairs_at)
        || memchr::memchr_iter(b'(', b).any(pairs_at)
}

/// Lines inside fenced code blocks: evidence, not the author's statement.
fn fenced(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            match open.take() {
                Some(start) => out.push(start..pos + line.len()),
                None => open = Some(pos),
            }
        }
        pos += line.len();
    }
    if let Some(start) = open {
        out.push(start..text.len());
    }
    out
}

/// A clock that opens a timeline entry's text as the pair of the entry's own time:
/// `- 14:32 UTC (17:32 CEST) writes stop`, whose text is `(17:32 CEST) writes stop`
/// in every form.
static LEAD: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"^\s*(?:/|\||=|\()\s*(?P<b>[0-2]?[0-9][:.][0-5][0-9](?:\s*(?i:[ap]\.?m\.?))?\s*(?:UTC|GMT)?(?:[+-][0-9]{1,2}(?::?[0-9]{2})?|\s*[A-Z]{2,5})?)\b",
    )
    .expect("the pattern is valid")
});

/// The finding for two clocks read as (minutes, offsets), when no reading of
/// their zones gives one instant; `None` when they agree or are one zone twice.
fn disagreement(a: &(i32, Vec<i32>), b: &(i32, Vec<i32>)) -> Option<i32> {
    let ((ma, oa), (mb, ob)) = (a, b);
    // One zone twice is not a conversion (`10:00 UTC / 11:00 UTC` is a window).
    if oa == ob {
        return None;
    }
    // Within the day: the pair carries no date.
    let utc = |m: i32, o: i32| (m - o / 60).rem_euclid(24 * 60);
    if oa
        .iter()
        .any(|&x| ob.iter().any(|&y| utc(*ma, x) == utc(*mb, y)))
    {
        return None;
    }
    let d = (utc(*mb, ob[0]) - utc(*ma, oa[0])).rem_euclid(24 * 60);
    Some(d.min(24 * 60 - d))
}

/// One finding per way of being off: pairs off by the same gap between the same
/// zones are one slip made again (a wrong offset used all through), reported at
/// the first with the others as labels.
#[derive(Default)]
struct Found {
    groups: Vec<(Slip, Diagnostic)>,
}

/// How a pair is off: the gap, and the offsets each side's zone can stand for.
type Slip = (i32, Vec<i32>, Vec<i32>);

impl Found {
    fn add(&mut self, span: crate::Span, a: (&str, &[i32]), b: (&str, &[i32]), gap: i32) {
        let key = (gap, a.1.to_vec(), b.1.to_vec());
        if let Some((_, first)) = self.groups.iter_mut().find(|(k, _)| *k == key) {
            if first.span != span {
                first.labels.push(crate::diagnostic::Label {
                    span,
                    message: "off the same way".to_string(),
                });
            }
            return;
        }
        let d = Diagnostic::new(
            &PairedClocks::INFO,
            span,
            format!(
                "`{}` and `{}` are written for one moment, but they are {}h {:02}m apart",
                a.0.trim(),
                b.0.trim(),
                gap / 60,
                gap % 60
            ),
        )
        .with_help(
            "convert one from the other again and correct it, or write the time in one zone only",
        );
        self.groups.push((key, d));
    }

    fn into_diagnostics(self, out: &mut Vec<Diagnostic>) {
        let mut all: Vec<Diagnostic> = self.groups.into_iter().map(|(_, d)| d).collect();
        all.sort_by_key(|d| d.span.start);
        for mut d in all {
            d.labels.sort_by_key(|l| l.span.start);
            match d.labels.len() {
                0 => {}
                1 => d.message.push_str(" (and one more pair off the same way)"),
                n => d
                    .message
                    .push_str(&format!(" (and {n} more pairs off the same way)")),
            }
            out.push(d);
        }
    }
}

impl Rule for PairedClocks {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // A cheap gate before any pattern is compiled: a pair needs a clock, a
        // separator, then another clock's digit (`14:32 UTC (1`, `2:40am GMT+1/0`).
        if !may_pair(cx.text) {
            return;
        }
        let mut found = Found::default();
        // Pairs inside one value (a sentence, an entry's text), in every form alike.
        for (pointer, node, _) in cx.strings.of(&cx.parsed.tree) {
            let Some(value) = node.as_str() else {
                continue;
            };
            let code = fenced(value);
            for caps in PAIR.captures_iter(value) {
                let (Some(a), Some(b)) = (caps.name("a"), caps.name("b")) else {
                    continue;
                };
                if code.iter().any(|r| r.contains(&a.start())) {
                    continue;
                }
                let (Some(ra), Some(rb)) = (read(a.as_str()), read(b.as_str())) else {
                    continue;
                };
                if let Some(gap) = disagreement(&ra, &rb) {
                    let whole = &value[a.start()..b.end()];
                    found.add(
                        cx.span_within(pointer, whole),
                        (a.as_str(), &ra.1),
                        (b.as_str(), &rb.1),
                        gap,
                    );
                }
            }
        }
        // An entry's time and the clock that opens its text.
        for (i, entry) in cx.model.timeline.iter().enumerate() {
            let lead = entry.text.trim_start();
            if !lead.starts_with(['(', '/', '|', '=']) {
                continue;
            }
            let Some(caps) = LEAD.captures(&entry.text) else {
                continue;
            };
            let Some(b) = caps.name("b") else {
                continue;
            };
            let entry_ptr = Ptr::timeline_entry(i);
            let pointer = entry_ptr.time();
            let Some(value) = cx.times.all().find(|v| v.pointer == pointer.as_str()) else {
                continue;
            };
            let Ok(parsed) = &value.parsed else {
                continue;
            };
            let Some(zone) = parsed.zone.as_ref() else {
                continue;
            };
            let offs = offsets(zone);
            if offs.is_empty() {
                continue;
            }
            let minutes = i32::from(parsed.time.hour()) * 60 + i32::from(parsed.time.minute());
            let Some(rb) = read(b.as_str()) else {
                continue;
            };
            if let Some(gap) = disagreement(&(minutes, offs.clone()), &rb) {
                let written = value
                    .text
                    .get(parsed.time_range.start..)
                    .unwrap_or(&value.text);
                let span = cx.span_within(&entry_ptr.text(), b.as_str());
                found.add(span, (written, &offs), (b.as_str(), &rb.1), gap);
            }
        }
        found.into_diagnostics(out);
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::Format;

    fn rs219(text: &str) -> Vec<String> {
        crate::check(text, Format::Markdown)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "RS219")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn two_clocks_for_one_moment_that_disagree() {
        let text = "# Mail delayed\n\nDate: 2015-07-20. Times are given twice.\n\n## Timeline\n\n\
                    - 2:40am GMT+1/07:40am PST queues grow\n- 14:32 UTC (17:32 CEST) writes stop\n";
        let found = rs219(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].contains("`2:40am GMT+1` and `07:40am PST`"),
            "{found:?}"
        );
        assert!(found[1].ends_with("1h 00m apart"), "{found:?}");
    }

    #[test]
    fn pairs_off_the_same_way_are_one_finding() {
        let text = "# Mail delayed\n\nDate: 2015-07-20.\n\n## Timeline\n\n\
                    - 2:40am GMT+1/07:40am PST queues grow\n- 4:20am GMT+1/09:20am PST still growing\n\
                    - 7:13am GMT+1/12:14pm PST drained\n";
        let checked = crate::check(text, Format::Markdown);
        let found: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS219")
            .collect();
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].labels.len(), 1, "{:?}", found[0]);
        assert!(
            found[0]
                .message
                .ends_with("(and one more pair off the same way)")
        );
        assert!(found[1].labels.is_empty() && found[1].message.contains("`7:13am GMT+1`"));
    }

    #[test]
    fn clocks_that_agree_or_cannot_be_placed_are_not_reported() {
        for pair in [
            "14:32 UTC (16:32 CEST)",
            "**12:40 CEST / 03:40 PDT**",
            // The wrong season is RS203's: under the other season it agrees.
            "12:40 CEST / 04:40 PST",
            "9:30 a.m. PT / 12:30 p.m. ET",
            "10:00 CST / 16:00 UTC",
            "14:05-14:45 UTC",
            "7:13am GMT+1/7:13am GMT+1",
            "Start/End: 10:00 UTC / 11:00 UTC",
        ] {
            let text = format!("# Mail delayed\n\n## Timeline\n\n- {pair} queues grow\n");
            assert!(rs219(&text).is_empty(), "{pair}");
        }
        let code = "# Mail delayed\n\n```\n14:32 UTC (17:32 CEST) log line\n```\n";
        assert!(rs219(code).is_empty());
    }
}
