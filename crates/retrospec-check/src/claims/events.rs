//! The report's events beyond its timeline and its sentences: one list a claim's
//! anchors are looked up in, each event with its time, its words and where it was
//! stated (its provenance).
//!
//! [`super::anchor`] reads the timeline's entries and the prose's clauses with one
//! clock time. This module reads the other places a report states when
//! something happened:
//!
//! - **status-update posts**: a heading with a status word (`## Update - 10:09
//!   UTC`, `## Resolved` over a `Posted Jul 09, 2025 - 12:15 EDT` line) or a bold
//!   line with a status word and a time (`**Update 2025-11-04 13:05 CEST**`),
//!   newest first or oldest first. The post is the status page being updated;
//!   its status word says which milestone it marks;
//! - **front matter** of another tool, kept as `x-` fields: `created_at`,
//!   `start`, `started`, `end`, `ended`, `date` with a time;
//! - **labelled fields** on their own line: `Start:`, `Start (UTC):`, `Impact
//!   began:`, `Detected:`, `End:`, `Resolved:`, `Mitigated:` with one clock time.
//!
//! Every event is an [`Clause`] (its words and a [`super::anchor::Stamp`]) whose
//! `source` names its place; its [`Event::confidence`] says how sure the reading
//! is (a labelled field or a marked status beats words in a sentence). These
//! places are read only when the timeline and the sentences name nothing, and
//! two of them that name an event at different times leave the claim not
//! compared: more places never turn a silent claim into a guess.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lean::Lean;
use crate::tree::Value;

use super::Inputs;
use super::anchor::{Clause, Stamp};

/// Which kind of place states an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    StatusPost,
    FrontMatter,
    Field,
}

impl Source {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Source::StatusPost => "status_post",
            Source::FrontMatter => "front_matter",
            Source::Field => "field",
        }
    }
}

/// One event read from a place [`super::anchor`] does not read.
#[derive(Debug, Clone)]
pub(crate) struct Event {
    /// Its words (what anchors are matched on) and its time.
    pub(super) clause: Clause,
    /// The milestone its label or status word marks: `started`, `detected`,
    /// `acknowledged`, `identified`, `mitigated`, `resolved`, `impact_ended`.
    pub(super) kind: Option<&'static str>,
    pub(super) source: Source,
    /// The front matter's `created_at`: when someone opened the record, which
    /// is the impact's start only as a guess.
    weak: bool,
}

impl Event {
    /// How sure the reading is, higher is surer: a labelled field, then a status
    /// post or a front matter's `start`/`end`, then a record's `created_at`
    /// (it may be when someone opened it rather than when the impact began).
    pub(super) fn confidence(&self) -> u8 {
        match self.source {
            Source::Field => 3,
            Source::StatusPost => 2,
            Source::FrontMatter if self.weak => 1,
            Source::FrontMatter => 2,
        }
    }
}

fn re(pattern: &str) -> Lean {
    Lean::new(pattern).expect("the pattern is valid")
}

/// A clock time: "10:09 UTC", "9:31 EDT", "10:58 a.m.".
static CLOCK: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*(?:[ap]\.m\.|[ap]\.?m\b))?(?-i:\s+[A-Z]{2,5}\b)?",
    )
});
/// A Markdown heading line, or a line wholly in bold.
static HEAD: LazyLock<Lean> = LazyLock::new(|| {
    re(r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]+(?P<h>[^\n]*)|(?:\*\*|__)(?P<b>[^\n]*?)(?:\*\*|__)[ \t]*)$")
});
/// A status word opening a post's head: "Update - 10:09 UTC", "Resolved".
static STATUS: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^[\s*_]*(?P<w>updated?|investigating|identified|monitoring|resolved|mitigated)\b[\s*_.:,-]*(?:[-–—]|$|\d|\(|(?:on|at)\s+[a-z]{3,9}\.?\s+\d|(?:on|at)\s+\d)",
    )
});
/// "Posted Jul 09, 2025 - 12:15 EDT", "Posted at 10:09 UTC".
static POSTED: LazyLock<Lean> = LazyLock::new(|| re(r"(?im)^[ \t]*[*_]*posted\b[^\n]{0,60}$"));

/// The milestone a status word marks.
fn status_kind(word: &str) -> Option<&'static str> {
    match word.to_ascii_lowercase().as_str() {
        "investigating" => Some("acknowledged"),
        "identified" => Some("identified"),
        "monitoring" | "mitigated" => Some("mitigated"),
        "resolved" => Some("resolved"),
        _ => None,
    }
}

/// A stamp for the one clock time `written`, stated at `range` of the file.
fn stamp(
    written: &str,
    label: String,
    source: Source,
    range: Range<usize>,
    zone: Option<&str>,
) -> Option<Stamp> {
    let parsed = crate::time::parse_time(written.trim()).ok()?;
    let mut s = Stamp::written(written.trim(), &parsed);
    s.label = label;
    s.source = source.as_str();
    if s.zone.is_none() {
        s.zone = zone.map(str::to_ascii_lowercase);
    }
    s.zone = s.zone.map(|z| match z.as_str() {
        "z" | "gmt" => "utc".to_string(),
        _ => z,
    });
    // A place of its own, so two events are never taken for one.
    s.place = Some((format!("@{}", source.as_str()), range));
    Some(s)
}

/// A status post written as a timeline entry, its status word leading.
static ENTRY_POST: LazyLock<Lean> = LazyLock::new(|| {
    re(r"(?i)^\W*(?P<w>investigating|identified|monitoring|update|resolved|mitigated)\s+[-–—]\s")
});

/// The posts of a timeline that is a status-update stream, written as its
/// entries with their status word leading (`Investigating - We are looking into
/// ...`), as the streams' reader writes them and `import` keeps them: the same
/// posts [`status_posts`] reads from their heads in the original.
fn entry_posts(inputs: &Inputs<'_>) -> Vec<Event> {
    let timeline = &inputs.model.timeline;
    if !crate::parse::freeform::updates::is_stream(timeline.iter().map(|e| e.text.as_str())) {
        return Vec::new();
    }
    timeline
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let word = ENTRY_POST.captures(&e.text)?.name("w")?.as_str();
            let v = inputs.times.timeline.get(i)?.as_ref()?;
            let label = format!("status post `{word}` at `{}`", v.text.trim());
            let mut s = stamp(&v.text, label, Source::StatusPost, i..i + 1, None)?;
            s.place = Some(("@entry_post".to_string(), i..i + 1));
            Some(Event {
                clause: Clause {
                    text: format!("status update: {word}"),
                    stamp: s,
                },
                kind: status_kind(word),
                source: Source::StatusPost,
                weak: false,
            })
        })
        .collect()
}

/// The status-update posts of `masked` (the whole file, code masked), in file order.
pub(super) fn status_posts(masked: &str) -> Vec<Event> {
    if !masked.contains("**") && !masked.contains('#') {
        return Vec::new();
    }
    // Every heading ends a post; a bold line ends one when it is a post's head
    // itself (a status word and a time).
    let heads: Vec<(Range<usize>, &str, bool)> = HEAD
        .captures_iter(masked)
        .filter_map(|c| {
            let whole = c.get(0)?;
            match (c.name("h"), c.name("b")) {
                (Some(h), _) => Some((whole.range(), h.as_str(), true)),
                (None, Some(b)) if STATUS.is_match(b.as_str()) && CLOCK.is_match(b.as_str()) => {
                    Some((whole.range(), b.as_str(), false))
                }
                _ => None,
            }
        })
        .collect();
    let mut out = Vec::new();
    for (k, (range, head, _)) in heads.iter().enumerate() {
        let Some(status) = STATUS.captures(head) else {
            continue;
        };
        let word = status.name("w").map_or("update", |w| w.as_str());
        let end = heads.get(k + 1).map_or(masked.len(), |h| h.0.start);
        let body = &masked[range.end..end];
        // The post's time: the first in its head ("13:05 CEST (07:05 AM EST)"),
        // else the one on its "Posted ..." line.
        let (written, at) = match CLOCK.find(head) {
            Some(t) => (t.as_str(), range.clone()),
            None => {
                let Some(line) = POSTED.find(body) else {
                    continue;
                };
                let mut times = CLOCK.find_iter(line.as_str());
                let (Some(t), None) = (times.next(), times.next()) else {
                    continue;
                };
                let at = range.end + line.start()..range.end + line.end();
                (t.as_str(), at)
            }
        };
        let label = format!(
            "status post `{}` at `{}`",
            head.trim().trim_matches(['*', '_']).trim(),
            written.trim()
        );
        let Some(stamp) = stamp(written, label, Source::StatusPost, at, None) else {
            continue;
        };
        out.push(Event {
            clause: Clause {
                // The post is the status page updated; its status word is its
                // milestone. Its body says what was known then, not when it
                // happened: it is not the words an event is matched on.
                text: format!("status update: {word}"),
                stamp,
            },
            kind: status_kind(word),
            source: Source::StatusPost,
            weak: false,
        });
    }
    out
}

/// A labelled field on its own line: `Start (UTC): 09:58`, `- **Detected:** 10:09`.
static FIELD: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?im)^[ \t]*(?:[-*+][ \t]+)?[*_]*(?P<label>start(?:ed)?|start\s+time|impact\s+(?:start(?:ed)?|began)|end(?:ed)?|end\s+time|impact\s+ended|(?:first\s+)?detected|detection\s+time|mitigated|resolved)(?:[ \t]*\((?P<zone>[A-Za-z]{2,5})\))?[*_]*[ \t]*:[*_]*[ \t]*(?P<value>[^\n|]{4,60}?)[ \t]*$",
    )
});

/// The words and milestone of a field's label.
fn field_words(label: &str) -> (&'static str, &'static str) {
    let l = label.to_ascii_lowercase();
    if l.contains("detect") {
        ("the problem was detected", "detected")
    } else if l.starts_with("start") || l.contains("began") || l.contains("impact start") {
        ("the impact began", "started")
    } else if l.starts_with("mitigated") {
        ("the impact was mitigated", "mitigated")
    } else if l.starts_with("resolved") {
        ("the incident was resolved", "resolved")
    } else {
        ("the impact ended", "impact_ended")
    }
}

/// The labelled time fields of `masked` (its body: a front matter is read as
/// fields of its own), each with one clock time.
pub(super) fn fields(masked: &str) -> Vec<Event> {
    if !masked.contains(':') {
        return Vec::new();
    }
    let body = body_start(masked);
    let mut out = Vec::new();
    for c in FIELD.captures_iter(&masked[body..]) {
        let (Some(label), Some(value)) = (c.name("label"), c.name("value")) else {
            continue;
        };
        let v = value.as_str();
        // A whole stamp ("2025-01-28T10:05:00Z", "09:58 UTC"), else one clock time
        // with at most its date around it.
        let whole = crate::time::parse_time(v.trim()).ok().filter(|p| {
            !matches!(p.zone, Some(crate::time::Zone::Unknown(_)))
                && CLOCK.find_iter(v).count() <= 1
        });
        let t = match whole {
            Some(_) => {
                let lead = v.len() - v.trim_start().len();
                lead..lead + v.trim().len()
            }
            None => {
                let mut times = CLOCK.find_iter(v);
                let (Some(t), None) = (times.next(), times.next()) else {
                    continue;
                };
                // A time inside a longer stamp ("10:05:00Z" read from its minutes) is none.
                if v[..t.start()].ends_with(|c: char| c.is_ascii_alphanumeric() || c == ':') {
                    continue;
                }
                // "Start: 09:58, when the deploy began" is a sentence.
                let rest = format!("{}{}", &v[..t.start()], &v[t.end()..]);
                if rest.split_whitespace().count() > 4
                    || (rest.contains(['.', ';']) && !rest.contains('-'))
                {
                    continue;
                }
                t.range()
            }
        };
        let written = &v[t.clone()];
        let (words, kind) = field_words(label.as_str());
        let at = body + value.start() + t.start..body + value.start() + t.end;
        let name = format!("field `{}` at `{}`", label.as_str(), written.trim());
        let zone = c.name("zone").map(|z| z.as_str());
        let Some(stamp) = stamp(written, name, Source::Field, at, zone) else {
            continue;
        };
        out.push(Event {
            clause: Clause {
                text: words.to_string(),
                stamp,
            },
            kind: Some(kind),
            source: Source::Field,
            weak: false,
        });
    }
    out
}

/// Where the body of `text` starts: after a front matter (`---` or `+++` lines).
fn body_start(text: &str) -> usize {
    for fence in ["---", "+++"] {
        if let Some(rest) = text.strip_prefix(fence).and_then(|r| r.strip_prefix('\n'))
            && let Some(end) = rest.find(&format!("\n{fence}"))
        {
            return text.len() - rest.len() + end + 1 + fence.len();
        }
    }
    0
}

/// The words and milestone of another tool's time field, kept as `x-<key>`.
fn front_words(key: &str) -> Option<(&'static str, Option<&'static str>)> {
    let k: String = key
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .collect::<String>()
        .to_ascii_lowercase();
    Some(match k.as_str() {
        // A status page's incident record is opened when the impact is seen begun.
        "createdat" | "created" | "openedat" => (
            "the incident record was created; the impact began",
            Some("started"),
        ),
        "start" | "starttime" | "startedat" | "started" | "startat" | "begin" => {
            ("the impact began", Some("started"))
        }
        "end" | "endtime" | "endedat" | "ended" | "endat" => {
            ("the impact ended", Some("impact_ended"))
        }
        "date" => ("the incident's date", None),
        _ => return None,
    })
}

/// The times of another tool's front matter (its `x-` fields with a date and time).
pub(super) fn front_matter(inputs: &Inputs<'_>) -> Vec<Event> {
    let Value::Map(entries) = &inputs.tree.value else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries {
        let Some(key) = e.key.strip_prefix("x-") else {
            continue;
        };
        let Some((words, kind)) = front_words(key) else {
            continue;
        };
        let Some(value) = e.value.as_str() else {
            continue;
        };
        let Ok(parsed) = crate::time::parse_time(value.trim()) else {
            continue;
        };
        if parsed.date.is_none() {
            continue;
        }
        let written = value.trim();
        let zone = written
            .ends_with('Z')
            .then_some("utc")
            .or_else(|| parsed.zone_range.clone().and_then(|r| written.get(r)));
        let mut s = Stamp::written(written, &parsed);
        s.label = format!("front matter `{key}: {written}`");
        s.source = Source::FrontMatter.as_str();
        // Named by its label: the field is no time of the report's times.
        s.zone = zone.map(|z| match z.to_ascii_lowercase().as_str() {
            "z" | "gmt" => "utc".to_string(),
            z => z.to_string(),
        });
        s.place = Some((
            "@front_matter".to_string(),
            e.value.span.start..e.value.span.end,
        ));
        // `date: 2025-01-28` alone is a day, not an event's time.
        if key == "date" && !written.contains(':') {
            continue;
        }
        out.push(Event {
            clause: Clause {
                text: words.to_string(),
                stamp: s,
            },
            kind,
            source: Source::FrontMatter,
            weak: key.to_ascii_lowercase().starts_with("created")
                || key.to_ascii_lowercase().starts_with("opened"),
        });
    }
    out
}

/// A heading over the posts a team made on the day, copied in: "What we posted
/// on the day", "Our updates", "Status updates", "Posts on the service channel".
static POSTS_HEADING: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?im)^[ \t]{0,3}#{1,6}[ \t]+[^\n]*\b(?:we\s+posted|(?:our|status|public|customer)\s+(?:updates|posts)|posts\s+(?:on|to)\b|updates\s+we\s+(?:posted|sent))[^\n]*$",
    )
});
/// A post under such a heading, led by its time in bold, quoted or not
/// (`> **07:41** — We know some of you ...`).
static LED_POST: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?m)^[ \t]*(?:>[ \t]*)?(?:[-*][ \t]+)?\*\*(?P<t>(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]*[ap]\.?m\.?)?(?-i:[ \t]+[A-Z]{2,5})?)\*\*",
    )
});

/// The posts copied under a heading that says they are the team's posts of the
/// day, each led by its time in bold: the status page updated, at that time.
/// Read in the original text (the posts are often quoted, which the mask
/// hides), up to the next heading.
fn section_posts(text: &str) -> Vec<Event> {
    // Most reports have no such heading: its words, and a bold time's marks.
    if !text.contains("**")
        || !(text.contains("posted") || text.contains("pdates") || text.contains("osts"))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for heading in POSTS_HEADING.find_iter(text) {
        let body_start = heading.end();
        let body_end = text[body_start..]
            .match_indices("\n#")
            .next()
            .map_or(text.len(), |(i, _)| body_start + i);
        for post in LED_POST.captures_iter(&text[body_start..body_end]) {
            let Some(t) = post.name("t") else { continue };
            let at = body_start + t.start()..body_start + t.end();
            let label = format!("post at `{}`", t.as_str());
            let Some(stamp) = stamp(t.as_str(), label, Source::StatusPost, at, None) else {
                continue;
            };
            out.push(Event {
                clause: Clause {
                    text: "status update: post".to_string(),
                    stamp,
                },
                kind: None,
                source: Source::StatusPost,
                weak: false,
            });
        }
    }
    out
}

/// Every event of the report from these places, surest first.
pub(super) fn list(inputs: &Inputs<'_>) -> Vec<Event> {
    let masked = super::mask(inputs.text);
    let mut all = fields(&masked);
    all.extend(status_posts(&masked));
    all.extend(section_posts(inputs.text));
    all.extend(entry_posts(inputs));
    all.extend(front_matter(inputs));
    // The milestone a label or status word marks is part of its name for a reader.
    for e in &mut all {
        if let Some(kind) = e.kind {
            e.clause.stamp.label = format!("{} ({kind})", e.clause.stamp.label);
        }
    }
    all.sort_by_key(|e| std::cmp::Reverse(e.confidence()));
    all
}

#[cfg(test)]
mod tests {
    use super::{fields, status_posts};

    fn posts(text: &str) -> Vec<(String, i64, Option<&'static str>)> {
        status_posts(text)
            .into_iter()
            .map(|e| {
                (
                    e.clause.text,
                    e.clause.stamp.clock.unwrap_or(-1) / 60,
                    e.kind,
                )
            })
            .collect()
    }

    /// Posts copied under a heading that says they were posted, quoted and led
    /// by a bold time, are the status page updated; a bold time under another
    /// heading is not.
    #[test]
    fn posts_copied_under_their_heading() {
        let text = "## What we posted on the day\n\n> **07:41** — We know tickets do not open.\n\n> **08:05** — Show the email.\n\n## What went wrong\n\n**09:00** a log line\n";
        let posts = super::section_posts(text);
        let at: Vec<&str> = posts
            .iter()
            .map(|p| &text[p.clause.stamp.place.as_ref().expect("place").1.clone()])
            .collect();
        assert_eq!(at, ["07:41", "08:05"]);
        assert!(super::section_posts("## Timeline\n\n> **07:41** — Tickets fail.\n").is_empty());
    }

    #[test]
    fn status_posts_are_read_from_their_heads() {
        let text = "## Summary\n\nCards failed.\n\n## Update - 11:15 UTC\n\n**Monitoring.** Back to normal.\n\n## Update - 10:09 UTC\n\n**Investigating.** We see failures.\n";
        assert_eq!(
            posts(text),
            [
                ("status update: Update".to_string(), 675, None),
                ("status update: Update".to_string(), 609, None),
            ]
        );
        // A status heading over a "Posted" line.
        let text = "## Resolved\n\nAll good now.\n\nPosted Jul 09, 2025 - 12:15 EDT\n\n## Investigating\n\nLooking.\n\nPosted Jul 09, 2025 - 9:31 EDT\n";
        let p = posts(text);
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].1, p[0].2), (735, Some("resolved")));
        assert_eq!((p[1].1, p[1].2), (571, Some("acknowledged")));
        // A bold line with a status word, a date and a time.
        let text = "**Update 2025-11-04 13:05 CEST (07:05 AM EST)**\n\nFixed.\n\n**Update 2025-11-04 10:40 CEST**\n\nLooking.\n";
        assert_eq!(
            posts(text).iter().map(|p| p.1).collect::<Vec<_>>(),
            [785, 640]
        );
        // Near misses: a heading without a status word, a status heading without
        // any time, a bold run-in label inside a post, "updated" in a sentence.
        for text in [
            "## Postmortem - January 30, 16:40 UTC\n\nText.\n",
            "## Resolved\n\nAll good now.\n",
            "**Resolved.** The backlog was delivered at 12:05.\n",
            "## Timeline\n\nWe updated the status page at 10:09 UTC.\n",
            "## Update on the database migration\n\nAt 10:09 it failed.\n",
        ] {
            assert!(posts(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn labelled_fields_are_read() {
        let got: Vec<_> = fields(
            "Start (UTC): 09:58\n- **Detected:** 10:09 UTC\n**End:** 2025-01-28 11:12\nResolved: 12:05\nEnded: 2025-01-28T12:30:00Z\n",
        )
        .into_iter()
        .map(|e| (e.kind, e.clause.stamp.clock.unwrap_or(-1) / 60, e.clause.stamp.zone))
        .collect();
        assert_eq!(
            got,
            [
                (Some("started"), 598, Some("utc".to_string())),
                (Some("detected"), 609, Some("utc".to_string())),
                (Some("impact_ended"), 672, None),
                (Some("resolved"), 725, None),
                (Some("impact_ended"), 750, Some("utc".to_string())),
            ]
        );
        for text in [
            "---\ntitle: X\nstart: 2025-01-28T10:05:00Z\n---\n\nText.\n",
            "Start: we began at 09:58 when the deploy went out and then rolled back.\n",
            "Start: 09:58 to 10:40\n",
            "The end: nobody knew.\n",
        ] {
            assert!(fields(text).is_empty(), "{text}");
        }
    }

    use crate::claims::{Verdict, verdict_of};

    /// The claim's verdict, and where its two events were stated.
    fn read(report: &str, text: &str) -> (Verdict, Option<i64>, Option<(String, String)>) {
        let claims = crate::check(report, crate::Format::Markdown).claims;
        let c = claims
            .iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("no claim `{text}` in {claims:?}"));
        let (v, m) = verdict_of(report, text);
        (
            v,
            m,
            c.provenance.map(|p| (p.from.to_string(), p.to.to_string())),
        )
    }

    fn posts_report(claim: &str, first_post: &str) -> String {
        format!(
            "# Card payments failed\n\n## Postmortem\n\nThe first alert fired at 10:15 UTC. {claim}\n\n## Update - 11:30 UTC\n\n**Resolved.** All good.\n\n## Update - {first_post} UTC\n\n**Investigating.** We see failures.\n"
        )
    }

    #[test]
    fn a_claim_anchored_on_a_status_post() {
        let claim = "Our status page was updated 25 minutes after the first alert.";
        let (v, m, p) = read(&posts_report(claim, "10:40"), "25 minutes");
        assert_eq!((v, m), (Verdict::Agrees, Some(25)));
        assert_eq!(
            p,
            Some(("prose_clause".to_string(), "status_post".to_string()))
        );
        assert_eq!(
            read(&posts_report(claim, "10:55"), "25 minutes").0,
            Verdict::Contradicts
        );
        // A sentence that says when the page was updated, at another time than
        // the posts: the sentence is read, the posts are not a second opinion.
        let claim = "We updated the status page at 10:40 UTC, 25 minutes after the first alert.";
        assert_eq!(
            read(&posts_report(claim, "10:55"), "25 minutes").0,
            Verdict::Agrees
        );
        // A sentence that names the update and a post that disagrees with it:
        // the sources disagree, the claim is not compared; when they agree it is.
        let claim = "We posted to the status page at 10:40 UTC. Our status page was updated 25 minutes after the first alert.";
        let (v, _, _) = read(&posts_report(claim, "10:55"), "25 minutes");
        assert_eq!(v, Verdict::NotCompared);
        let claim = "We posted to the status page at 10:40 UTC. Our status page was updated 20 minutes after the first alert.";
        assert_eq!(
            read(&posts_report(claim, "10:40"), "20 minutes").0,
            Verdict::Contradicts
        );
    }

    fn stream(entries: &str, claim: &str) -> String {
        format!(
            "# Partner bookings\n\n## Summary\n\nBetween 08:55 and 12:40 CEST, partner bookings did not appear. {claim}\n\n## Timeline\n\n{entries}"
        )
    }

    /// A status post written as an entry of an update stream (after import) is
    /// the status page updated, as its heading was in the original; an entry of
    /// a timeline that is no stream is not a post for its lead.
    #[test]
    fn a_status_post_written_as_an_entry() {
        let posts = "- 2025-08-11 09:41 CEST Investigating - We are looking into missing bookings.\n- 2025-08-11 11:20 CEST Identified - The booking worker restarts in a loop.\n- 2025-08-11 12:55 CEST Resolved - Bookings are created again.\n";
        let claim = "We posted the first update about 15 minutes after the first bookings failed.";
        assert_eq!(
            read(&stream(posts, claim), "about 15 minutes").0,
            Verdict::Contradicts
        );
        let claim = "We posted the first update about 45 minutes after the first bookings failed.";
        assert_eq!(
            read(&stream(posts, claim), "about 45 minutes").0,
            Verdict::Agrees
        );
        let notes = "- 2025-08-11 09:41 CEST The worker is restarted by hand.\n- 2025-08-11 11:20 CEST Update - the team moves the worker to a larger server.\n- 2025-08-11 12:55 CEST Bookings are created again.\n";
        let claim = "We posted the first update about 15 minutes after the first bookings failed.";
        assert_eq!(
            read(&stream(notes, claim), "about 15 minutes").0,
            Verdict::NotCompared
        );
    }

    fn front(fields: &str, claim: &str) -> String {
        format!(
            "---\ntitle: Card payment failures\nstatus: resolved\n{fields}---\n\n## What happened\n\nThe routing change went out at 09:58. {claim}\n"
        )
    }

    #[test]
    fn a_claim_anchored_on_front_matter() {
        let at = "created_at: 2025-01-28T10:02:00Z\n";
        let (v, m, p) = read(
            &front(
                at,
                "Our alert paged the on-call engineer at 10:09, two minutes after failures started.",
            ),
            "two minutes",
        );
        assert_eq!((v, m), (Verdict::Contradicts, Some(7)));
        assert_eq!(p, Some(("front_matter".to_string(), "written".to_string())));
        assert_eq!(
            read(
                &front(at, "Our alert paged the on-call engineer at 10:09, seven minutes after failures started."),
                "seven minutes",
            )
            .0,
            Verdict::Agrees
        );
        // A record's `created_at` and a front matter's `start`: the start is surer.
        let (v, m, _) = read(
            &front(
                "created_at: 2025-01-28T10:02:00Z\nstart: 2025-01-28T10:05:00Z\n",
                "Our alert paged the on-call engineer at 10:09, ten minutes after failures started.",
            ),
            "ten minutes",
        );
        assert_eq!((v, m), (Verdict::Contradicts, Some(4)));
        // Two firm places that disagree on the start: not compared.
        let report = front(
            "start: 2025-01-28T10:05:00Z\n",
            "Our alert paged the on-call engineer at 10:09, two minutes after failures started.",
        )
        .replace("## What happened", "Start: 09:40 UTC\n\n## What happened");
        assert_eq!(read(&report, "two minutes").0, Verdict::NotCompared);
        // ... that agree: one anchor.
        let report = front(
            "start: 2025-01-28T10:05:00Z\n",
            "Our alert paged the on-call engineer at 10:09, two minutes after failures started.",
        )
        .replace("## What happened", "Start: 10:05 UTC\n\n## What happened");
        let (v, m, _) = read(&report, "two minutes");
        assert_eq!((v, m), (Verdict::Agrees, Some(4)));
    }

    #[test]
    fn a_claim_anchored_on_a_dated_sentence() {
        let report = |first: &str, claim: &str| {
            format!("# Search outage\n\n## What happened\n\n{first} {claim}\n")
        };
        let claim =
            "We paged the on-call engineer at 10:40 a.m., ten minutes after the first errors.";
        for first in [
            "On March 3 at 10:30 a.m. the first errors reached the search page.",
            "The first errors reached the search page at 10:30 on 2025-03-03.",
        ] {
            let (v, m, p) = read(&report(first, claim), "ten minutes");
            assert_eq!((v, m), (Verdict::Agrees, Some(10)), "{first}");
            assert_eq!(p, Some(("prose_clause".to_string(), "written".to_string())));
        }
        let first = "On March 3 at 10:05 a.m. the first errors reached the search page.";
        assert_eq!(
            read(&report(first, claim), "ten minutes").0,
            Verdict::Contradicts
        );
        // A numeric day-month is not a plain date: not read.
        let first = "On 3/4 at 10:05 a.m. the first errors reached the search page.";
        assert_eq!(
            read(&report(first, claim), "ten minutes").0,
            Verdict::NotCompared
        );
    }

    #[test]
    fn a_claim_anchored_at_noon() {
        let report = |claim: &str| {
            format!(
                "# Search outage\n\n## What happened\n\nThe latency alert fired at noon. {claim}\n"
            )
        };
        let claim = "We updated the status page at 12:25, 25 minutes after the alert fired.";
        assert_eq!(read(&report(claim), "25 minutes").0, Verdict::Agrees);
        let claim = "We updated the status page at 12:25, 10 minutes after the alert fired.";
        assert_eq!(read(&report(claim), "10 minutes").0, Verdict::Contradicts);
        // "afternoon" is no time.
        let report = "# Search outage\n\n## What happened\n\nThe latency alert fired in the afternoon. We updated the status page at 12:25, 10 minutes after the alert fired.\n";
        assert_eq!(read(report, "10 minutes").0, Verdict::NotCompared);
    }

    fn field_report(fields: &str, claim: &str) -> String {
        format!(
            "# Search outage\n\n{fields}\n\n## What happened\n\nThe index rebuild went out in the morning. {claim}\n"
        )
    }

    #[test]
    fn a_claim_anchored_on_a_labelled_field() {
        let claim = "The incident was declared at 10:30, 20 minutes after detection.";
        let _ = claim;
        let claim = "The incident was declared 20 minutes after the problem was detected.";
        let _ = claim;
        let claim =
            "We declared the incident at 10:30 UTC, about 20 minutes after the impact began.";
        let (v, m, _) = read(
            &field_report("**Start (UTC):** 10:10", claim),
            "about 20 minutes",
        );
        assert_eq!((v, m), (Verdict::Agrees, Some(20)));
        assert_eq!(
            read(
                &field_report("**Start (UTC):** 09:40", claim),
                "about 20 minutes"
            )
            .0,
            Verdict::Contradicts
        );
    }
}
