//! The prose of a report as the claims read it: which string values are prose,
//! where each one stands, and its text with code, quotes, comments and URLs
//! blanked (same length, so offsets hold).

use std::fmt::Write as _;
use std::sync::LazyLock;

use crate::lean::Lean;
use retrospec_model::Postmortem;

use super::subject::Place;
use crate::span::Span;
use crate::tree::{Node, Value};

/// Fields that hold no prose: times, identifiers, names, enumerations, URLs.
pub(crate) fn is_prose(pointer: &str) -> bool {
    // The first four segments are all the patterns below tell apart (their
    // longest fixed form has three), kept without a vector per pointer, cut by
    // hand (`split('/').skip(1)` cost about 600 instructions a pointer; every
    // string of every report is tested once).
    let mut segments = [""; 4];
    let mut n = 0;
    let b = pointer.as_bytes();
    if let Some(first) = b.iter().position(|&c| c == b'/') {
        let mut at = first + 1;
        while n < segments.len() {
            let end = b[at..]
                .iter()
                .position(|&c| c == b'/')
                .map_or(b.len(), |k| at + k);
            segments[n] = &pointer[at..end];
            n += 1;
            if end == b.len() {
                break;
            }
            at = end + 1;
        }
    }
    !matches!(
        &segments[..n],
        [
            "$schema" | "id" | "date" | "status" | "owner" | "severity" | "timezone",
            ..
        ] | ["authors" | "services" | "tags" | "milestones", ..]
            | ["timeline", _, "time" | "milestone"]
            | [
                "action_items",
                _,
                "owner" | "due" | "priority" | "type" | "status" | "link"
            ]
            | ["links", _, "url"]
            | ["detection", "method"]
            | ["sections", _, "title"]
    )
}

pub(super) fn place(model: &Postmortem, pointer: &str) -> Place {
    match pointer {
        "/title" | "/summary" | "/impact/description" => Place::Summary,
        _ => {
            // A free section that tells the story in brief ("What happened",
            // "Overview", "Incident summary"), and the opening text of a report
            // that also has a summary heading (its "Preamble": a blog post's
            // first paragraph), are read as the summary is.
            match section_at(model, pointer) {
                Some(s) if SUMMARY_TITLE.is_match(s.title.trim()) => Place::Summary,
                _ => Place::Prose,
            }
        }
    }
}

/// The free section whose body is at `pointer` (`/sections/3/body`).
pub(crate) fn section_at<'m>(
    model: &'m Postmortem,
    pointer: &str,
) -> Option<&'m retrospec_model::Section> {
    pointer
        .strip_prefix("/sections/")
        .and_then(|r| r.strip_suffix("/body"))
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| model.sections.get(i))
}

/// [`place`] of the paragraph at byte `at` of `masked` (the prose of the field at
/// `pointer`): a paragraph that opens with a bold run-in label naming the summary
/// or the impact (`**Impact.** Customers saw errors for roughly half an hour`,
/// `**What happened:**`) in any other prose is read as that field would be.
pub(super) fn place_at(model: &Postmortem, pointer: &str, masked: &str, at: usize) -> Place {
    let place = place(model, pointer);
    if place == Place::Summary {
        return place;
    }
    let start = masked[..at].rfind("\n\n").map_or(0, |i| i + 2);
    let para = masked[start..].trim_start();
    let label = ["**", "__"].iter().find_map(|mark| {
        let inner = para.strip_prefix(mark)?;
        inner.find(mark).map(|end| &inner[..end])
    });
    match label {
        Some(label) if start + para.len() - masked[start..].trim_start().len() <= at => {
            let label = label.trim().trim_end_matches(['.', ':']).trim_end();
            if label.eq_ignore_ascii_case("impact") || SUMMARY_TITLE.is_match(label) {
                Place::Summary
            } else {
                place
            }
        }
        _ => place,
    }
}

/// Whether a free section's title says it tells the story in brief ("What
/// happened", "Overview", "Incident summary", a report's opening text).
pub(crate) fn is_summary_title(title: &str) -> bool {
    SUMMARY_TITLE.is_match(title.trim())
}

/// The opening paragraph of a free section titled "Postmortem", past a one-line
/// dateline (`*Jan 24, 2025 - 16:10 PST*`), as a byte range of `masked` (the
/// section's prose): a status page's postmortem opens with the incident in
/// brief, as a summary would, and goes on with the story. `None` for another
/// title.
pub(crate) fn postmortem_opening(title: &str, masked: &str) -> Option<std::ops::Range<usize>> {
    if !is_postmortem_title(title) {
        return None;
    }
    let lead = masked.len() - masked.trim_start().len();
    let mut start = lead;
    if let Some(end) = masked[start..].find("\n\n")
        && end < 60
        && !masked[start..start + end].contains('\n')
    {
        start += end;
        start += masked[start..].len() - masked[start..].trim_start().len();
    }
    let end = masked[start..]
        .find("\n\n")
        .map_or(masked.len(), |i| start + i);
    Some(start..end)
}

/// Whether a free section's title is "Postmortem" (a status page's).
pub(crate) fn is_postmortem_title(title: &str) -> bool {
    let title = title
        .trim()
        .trim_matches(['#', '*', '_', ' '])
        .to_ascii_lowercase();
    matches!(
        title.as_str(),
        "postmortem" | "post-mortem" | "post mortem" | "incident postmortem"
    )
}

/// Titles of free sections that summarise the incident (a cloud provider's
/// "DETAILED DESCRIPTION OF IMPACT" among them).
static SUMMARY_TITLE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^[#*_\s0-9.]*(?:what\s+happened\??|overview|preamble|(?:incident\s+|issue\s+|problem\s+|outage\s+|event\s+|executive\s+)?summary|tl;?\s*dr|in\s+brief|description|incident\s+description|(?:detailed\s+)?description\s+of\s+(?:the\s+)?(?:customer\s+)?impact|(?:customer\s+)?impact\s+(?:summary|description|details))(?:,?\s+(?:briefly|in\s+brief|in\s+short))?[*_:\s]*(?:\[edit[^\]\n]*\]\s*)?$")
        .expect("the pattern is valid")
});

/// Every string value of a report's tree with its JSON pointer and whether it is
/// prose (`is_prose`): walked once per report, on first use, and shared by the
/// readers that go over every string (the claims, RS-status's status lines), which
/// each walked the tree and tested every pointer before.
#[derive(Debug, Default)]
pub struct Strings<'a> {
    walked: std::sync::OnceLock<Vec<(String, &'a Node, bool)>>,
}

impl<'a> Strings<'a> {
    /// The strings of `tree` (the same tree on every call), in the tree's order.
    pub(crate) fn of(&self, tree: &'a Node) -> &[(String, &'a Node, bool)] {
        self.walked.get_or_init(|| {
            let mut found = Vec::new();
            strings(tree, &mut String::new(), &mut found);
            found
                .into_iter()
                .map(|(pointer, node)| {
                    let prose = is_prose(&pointer);
                    (pointer, node, prose)
                })
                .collect()
        })
    }
}

/// Every string value of the tree with its pointer and the key it is under.
pub(crate) fn strings<'a>(node: &'a Node, pointer: &mut String, out: &mut Vec<(String, &'a Node)>) {
    match &node.value {
        Value::String(_) => out.push((pointer.clone(), node)),
        Value::Map(entries) => {
            for e in entries {
                let len = pointer.len();
                pointer.push('/');
                push_escaped(pointer, &e.key);
                strings(&e.value, pointer, out);
                pointer.truncate(len);
            }
        }
        Value::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                // Every index of an arbitrary tree, not a model path `Ptr` could name.
                // Written in place: no string per index.
                match u8::try_from(i) {
                    Ok(digit) if digit < 10 => {
                        pointer.push('/');
                        pointer.push(char::from(b'0' + digit));
                    }
                    _ => {
                        let _ = write!(pointer, "/{i}");
                    }
                }
                strings(item, pointer, out);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// `key` as a JSON pointer's segment writes it (`~` as `~0`, `/` as `~1`),
/// appended to `pointer` without building the escaped key when nothing is to
/// escape (nearly every key).
fn push_escaped(pointer: &mut String, key: &str) {
    if !key.contains(['~', '/']) {
        pointer.push_str(key);
        return;
    }
    for c in key.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// `source` with code blocks, inline code, quoted lines, HTML comments and URLs
/// blanked (same length, so offsets hold): they are evidence, not claims.
///
/// The word-list rules hide what is not prose with `rules::words::Masks`; this
/// mask uses its patterns for comments, code spans and URLs and its rule for
/// fences, so the two agree on those. They still differ (pinned and printed by
/// this module's tests): this mask hides every quoted line except the author's
/// own fields set in a quote (`> Time to detect: 3 minutes`, in a quote with no
/// log line) and a callout's lines (`> [!summary]`, not `> [!quote]`), `Masks` only quotes of logs (a person's words in a quote are prose
/// to the word rules, while a quoted status bot's "lasted 4 minutes" is no claim
/// of the report's); `Masks`
/// also reads a Markdown report with pulldown-cmark (link targets, code spans of
/// two backticks, indented code) and sees the whole file, where this mask sees
/// one value's text.
pub(crate) fn mask(source: &str) -> String {
    // Nothing to hide without a fence's, a quote's, a comment's or a code span's
    // mark or a URL: most values of a report, read here by several claims.
    if !has_mark(source.as_bytes()) && !may_hold_url(source) {
        return source.to_owned();
    }
    blanked(source)
}

/// Whether `bytes` hold a fence's, a quote's, a comment's or a code span's mark
/// (`` ` ``, `~`, `>`, `<`). Read in blocks without a branch per byte, which the
/// compiler turns into vector compares: every prose value of a report is tested
/// by each reader that reads it (`Prose::of`), and a test per byte was most of
/// what `Prose::of` cost (perf12).
fn has_mark(bytes: &[u8]) -> bool {
    bytes.chunks(32).any(|block| {
        block.iter().fold(false, |hit, &b| {
            hit | matches!(b, b'`' | b'~' | b'>' | b'<')
        })
    })
}

/// [`mask`] without its quick way out for a value with nothing to hide.
fn blanked(source: &str) -> String {
    let mut bytes = source.as_bytes().to_vec();
    let mut blank = |range: std::ops::Range<usize>| {
        for b in &mut bytes[range] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    // A fence (its marker and length) is closed, as `words::Masks` closes it, by a
    // run of its marker at least as long with nothing after it.
    let mut fence: Option<(u8, usize)> = None;
    // The lines of the blockquote being read: (offset, line).
    let mut quote: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        if fence.is_some() || !line.trim_start().starts_with('>') {
            blank_quote(&mut quote, &mut blank);
        }
        let trimmed = line.trim_start();
        let run = |marker: u8| trimmed.bytes().take_while(|b| *b == marker).count();
        let first = trimmed.bytes().next().unwrap_or(b' ');
        match fence {
            Some((marker, len)) => {
                if run(marker) >= len && trimmed[run(marker)..].trim().is_empty() {
                    fence = None;
                }
                blank(at..at + line.len());
            }
            None if matches!(first, b'`' | b'~') && run(first) >= 3 => {
                fence = Some((first, run(first)));
                blank(at..at + line.len());
            }
            None if trimmed.starts_with('>') => quote.push((at, line)),
            None => {}
        }
        at += line.len();
    }
    blank_quote(&mut quote, &mut blank);
    for range in skipped(source) {
        blank(range);
    }
    // The URL pattern has no literal to look for first, so it would try every
    // word; each URL it matches holds `://` or `www.` (any case).
    if may_hold_url(source) {
        for m in crate::rules::words::URL.find_iter(source) {
            blank(m.range());
        }
    }
    // Blanking ASCII bytes only (delimiters and their contents byte by byte) could
    // split a multi-byte character; blank those whole.
    String::from_utf8(bytes).unwrap_or_else(|e| {
        String::from_utf8_lossy(e.as_bytes())
            .chars()
            .map(|c| if c == '\u{FFFD}' { ' ' } else { c })
            .collect()
    })
}

/// What [`crate::rules::words::SKIPPED`] matches (`<!-- ... -->`, a code span
/// of single backticks within a line), found by a byte scan: the same ranges,
/// leftmost first, without the regex engine.
fn skipped(source: &str) -> Vec<std::ops::Range<usize>> {
    let b = source.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(k) = b[at..].iter().position(|c| matches!(c, b'<' | b'`')) {
        let p = at + k;
        at = p + 1;
        if b[p] == b'<' {
            if b[p..].starts_with(b"<!--")
                && let Some(close) = source[p + 4..].find("-->")
            {
                at = p + 4 + close + 3;
                out.push(p..at);
            }
        } else if let Some(q) = b[p + 1..].iter().position(|c| matches!(c, b'`' | b'\n'))
            && b[p + 1 + q] == b'`'
        {
            at = p + 1 + q + 1;
            out.push(p..at);
        }
    }
    out
}

/// Whether `source` may hold what [`crate::rules::words::URL`] matches: a
/// scheme's `://` or a `www.` in any case.
fn may_hold_url(source: &str) -> bool {
    // `://` found from its `:` and `www.` from its `.`, in one byte search
    // (memchr): two `match_indices` walks cost about 500 instructions a value,
    // and every prose value of a report is tested.
    let b = source.as_bytes();
    memchr::memchr2_iter(b':', b'.', b).any(|i| match b[i] {
        b':' => b[i + 1..].starts_with(b"//"),
        _ => i >= 3 && b[i - 3..i].eq_ignore_ascii_case(b"www"),
    })
}

/// A quoted line that is a field of the author's ("> Time to detect: 3 minutes",
/// "> **Duration:** 52 minutes", "> Impact window: 10:05-10:50 UTC", "> - TTR: 2h"
/// in a summary box): a metric, the incident's length or window, its start or end
/// time, each as a label closed by `:` or `|`. Not a status update's phase
/// ("> Resolved: ..."), which is a quote of what was posted.
static QUOTED_FIELD: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?i)^[\s>]*>\s*(?:[-*+]\s+)?[*_]*(?:time[\s_-]+to[\s_-]+(?:the\s+)?(?:detect|identif|acknowledg|first|respon|mitigat|resol|recover|restor)[a-z]*|TT[DAMR]|(?:total\s+|outage\s+|incident\s+|impact\s+)?(?:duration|length|downtime|window)|impact\s+(?:period|start|end)|(?:incident\s+|impact\s+)?(?:start|end)\s+time)(?:\s*\([^()\n]{1,30}\))?[*_]*\s*[:|]",
    )
    .expect("the pattern is valid")
});

/// The first line of a callout: `> [!NOTE]`, `> [!summary]- At a glance`
/// (GitHub's alerts, Obsidian's callouts).
static CALLOUT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"^[ \t]*>[ \t]*\[!(?P<kind>[A-Za-z]+)\][-+]?").expect("the pattern is valid")
});

/// Blanks the blockquote `quote` holds and empties it: all of it, but for the
/// author's own fields ([`QUOTED_FIELD`]) in a quote with no log line in it (a
/// summary box), whose `>` markers alone are blanked, so they are read as the
/// same fields unquoted. A quoted log, message or status update is evidence.
fn blank_quote(quote: &mut Vec<(usize, &str)>, blank: &mut impl FnMut(std::ops::Range<usize>)) {
    let content = |line: &str| {
        line.trim_start()
            .trim_start_matches(['>', ' ', '\t'])
            .trim_end()
            .to_string()
    };
    let log = quote.iter().any(|(_, line)| {
        let c = content(line);
        !c.is_empty() && crate::rules::words::is_log_line(&c)
    });
    // A callout (`> [!NOTE]`, `> [!summary] At a glance`) is the author's own
    // box, read as its lines unquoted: its marker and the `>` blanked.
    let callout = !log
        && quote
            .first()
            .and_then(|(_, line)| CALLOUT.captures(line))
            .is_some_and(|c| {
                c.name("kind").is_some_and(|k| {
                    !matches!(k.as_str().to_ascii_lowercase().as_str(), "quote" | "cite")
                })
            });
    for (i, (at, line)) in quote.drain(..).enumerate() {
        if callout {
            let markers = line.len() - line.trim_start_matches(['>', ' ', '\t']).len();
            let head = match CALLOUT.find(line) {
                Some(m) if i == 0 => m.end(),
                _ => markers,
            };
            blank(at..at + head);
        } else if !log && QUOTED_FIELD.is_match(line) {
            let markers = line.len() - line.trim_start_matches(['>', ' ', '\t']).len();
            blank(at..at + markers);
        } else {
            blank(at..at + line.len());
        }
    }
}

/// The text of a string value to read, with code and quotes masked, and how to
/// place a range of it in the file. Where the file holds the value as written
/// (Markdown, plain YAML) it is read there, so spans are exact; where the file
/// escapes it (a JSON or quoted YAML string with `\n`), the value is read and a
/// range is placed by finding the same words in the file.
#[derive(Debug)]
pub(crate) struct Prose<'a> {
    /// The masked text to search.
    pub(crate) masked: String,
    /// The value's span in the file.
    span: Span,
    /// The file's text of the value, when the value itself was read.
    source: Option<&'a str>,
}

impl<'a> Prose<'a> {
    /// The prose of `node` in `text`.
    pub(crate) fn of(text: &'a str, node: &Node) -> Prose<'a> {
        let (read, source) = Self::read(text, node);
        Prose {
            masked: mask(read),
            span: node.span,
            source,
        }
    }

    /// The text [`Prose::of`] masks: the value where the file escapes it (with
    /// the file's text beside it), else the file's text. Masking only blanks,
    /// so what this text lacks (a digit, a word, a `|`) the masked text lacks
    /// too: a reader may turn a value away here without building its mask.
    pub(crate) fn read<'n>(text: &'a str, node: &'n Node) -> (&'n str, Option<&'a str>)
    where
        'a: 'n,
    {
        let source = node.span.slice(text);
        let value = node.as_str().unwrap_or("");
        if value.contains('\n') && !source.contains('\n') {
            (value, Some(source))
        } else {
            (source, None)
        }
    }

    /// The file span of `range` of [`Prose::masked`].
    pub(crate) fn span(&self, range: std::ops::Range<usize>) -> Span {
        let Some(source) = self.source else {
            return Span::new(self.span.start + range.start, self.span.start + range.end);
        };
        let Some(needle) = self
            .masked
            .get(range.clone())
            .filter(|n| !n.trim().is_empty())
        else {
            return self.span;
        };
        let nth = self.masked[..range.start].matches(needle).count();
        match source.match_indices(needle).nth(nth) {
            Some((i, _)) => Span::new(self.span.start + i, self.span.start + i + needle.len()),
            None => self.span,
        }
    }
}

#[cfg(test)]
mod tests {
    //! Two masks hide what is not prose: [`mask`] here (the claims, RS207 and the
    //! rules that read a value through [`Prose`]) and `rules::words::Masks` (the
    //! word-list rules, through `words::find_in`). They differ, on purpose or not
    //! yet decided (issue 14); these tests pin each difference, and
    //! `the_masks_on_the_corpus` prints where they differ on the repository's
    //! reports (`cargo test -p retrospec-check --lib the_masks_on -- --nocapture`).

    use std::collections::BTreeMap;
    use std::path::Path;

    use super::*;
    use crate::parse::{Format, parse};
    use crate::rules::words::Masks;

    /// Every string of up to four of `pieces`, each once.
    fn joined(pieces: &[&str]) -> Vec<String> {
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for t in &texts {
                for p in pieces {
                    next.push(format!("{t}{p}"));
                }
            }
            texts.extend(next);
            texts.sort();
            texts.dedup();
        }
        texts
    }

    /// The byte scans agree with the patterns they stand for: [`skipped`] finds
    /// what `SKIPPED` finds, and every text `URL` matches in passes
    /// [`may_hold_url`], on every string of up to four pieces built from
    /// comment and code-span delimiters, line breaks, URLs and words.
    #[test]
    fn the_byte_scans_match_the_patterns() {
        let pieces = [
            "<!--",
            "-->",
            "<!-->",
            "`",
            "``",
            "\n",
            "<",
            "-",
            "a b",
            "é",
            "http://x.example.com/p",
            "WWW.example.com",
            "www",
            ".",
            "://",
            "ftp:",
            "Www.",
            "x",
        ];
        let texts = joined(&pieces);
        assert!(texts.len() > 50_000, "{}", texts.len());
        for t in &texts {
            let by_regex: Vec<_> = crate::rules::words::SKIPPED
                .find_iter(t)
                .map(|m| m.range())
                .collect();
            assert_eq!(skipped(t), by_regex, "{t:?}");
            if crate::rules::words::URL.is_match(t) {
                assert!(may_hold_url(t), "{t:?}");
            }
        }
        // The block scan finds a mark at any place of a text of any length.
        for len in [0, 1, 31, 32, 33, 64, 65, 100] {
            for at in 0..len {
                for mark in [b'`', b'~', b'>', b'<', b'a', 0xC3] {
                    let mut t = vec![b'x'; len];
                    t[at] = mark;
                    let want = t.iter().any(|b| matches!(b, b'`' | b'~' | b'>' | b'<'));
                    assert_eq!(has_mark(&t), want, "{len} {at} {mark}");
                }
            }
        }
        assert!(!may_hold_url("see the wiki. Then www is down."));
        assert!(may_hold_url("see wWw.example.com"));
    }

    /// The quick ways out change nothing: [`mask`] equals [`blanked`] on every
    /// string of up to four pieces of fences, quotes, comments, code spans,
    /// URLs, line breaks and words, and [`is_prose`] equals its reading of the
    /// whole list of segments on pointers of up to six segments.
    #[test]
    fn titles_that_tell_the_story_in_brief() {
        for title in [
            "What happened",
            "What happened, briefly",
            "Summary in brief",
            "Overview",
            "**TL;DR**",
        ] {
            assert!(super::is_summary_title(title), "{title}");
        }
        for title in ["What happened next", "Briefly", "Timeline"] {
            assert!(!super::is_summary_title(title), "{title}");
        }
    }

    #[test]
    fn the_quick_ways_out_change_nothing() {
        let pieces = [
            "```",
            "~~~",
            "> ",
            "\n",
            "  ",
            "<!-- c -->",
            "`x`",
            "www.example.com",
            "a://b",
            "word",
            "é",
            "TTD: 4 min",
            "~",
        ];
        let texts = joined(&pieces);
        for t in &texts {
            assert_eq!(mask(t), blanked(t), "{t:?}");
        }
        let whole = |pointer: &str| {
            let segments: Vec<&str> = pointer.split('/').skip(1).collect();
            !matches!(
                segments.as_slice(),
                [
                    "$schema" | "id" | "date" | "status" | "owner" | "severity" | "timezone",
                    ..
                ] | ["authors" | "services" | "tags" | "milestones", ..]
                    | ["timeline", _, "time" | "milestone"]
                    | [
                        "action_items",
                        _,
                        "owner" | "due" | "priority" | "type" | "status" | "link"
                    ]
                    | ["links", _, "url"]
                    | ["detection", "method"]
                    | ["sections", _, "title"]
            )
        };
        let keys = [
            "timeline",
            "action_items",
            "links",
            "sections",
            "detection",
            "id",
            "tags",
            "0",
            "time",
            "milestone",
            "owner",
            "url",
            "method",
            "title",
            "body",
            "",
        ];
        let mut pointers = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = pointers
                .iter()
                .filter(|p| {
                    p.matches('/').count() == pointers[pointers.len() - 1].matches('/').count()
                })
                .flat_map(|p| keys.iter().map(move |k| format!("{p}/{k}")))
                .take(200_000)
                .collect();
            pointers.extend(longer);
        }
        for p in &pointers {
            assert_eq!(is_prose(p), whole(p), "{p:?}");
        }
        assert!(!is_prose("/timeline/3/time") && is_prose("/timeline/3/time/x"));
    }

    /// Which bytes of `text` each mask hides, as the string of `text` with `c`
    /// (claims only), `w` (words only), `#` (both) or the byte itself.
    fn both(text: &str, format: Format) -> String {
        let claims = mask(text);
        let words = Masks::new(text, format);
        text.bytes()
            .zip(claims.bytes())
            .enumerate()
            .map(|(i, (b, c))| {
                let by_claims = b != c;
                match (by_claims, words.covers(i)) {
                    _ if b.is_ascii_whitespace() => b as char,
                    (true, true) => '#',
                    (true, false) => 'c',
                    (false, true) => 'w',
                    (false, false) => b as char,
                }
            })
            .collect()
    }

    /// The differences between the two masks, pinned: a change to either mask
    /// that makes them agree (or differ otherwise) fails here.
    #[test]
    fn where_the_masks_differ() {
        let md = Format::Markdown;
        // Agreed: inline code, HTML comments, URLs (without their closing
        // punctuation, of any scheme), fenced code closed by a run at least as long.
        assert_eq!(both("a `b` c", md), "a ### c");
        assert_eq!(both("a <!-- b --> c", md), "a #### # ### c");
        assert_eq!(
            both("see https://a.example/x.", md),
            "see ###################."
        );
        assert_eq!(both("see s3://b/k", md), "see ########");
        assert_eq!(both("```\nx\n```\n", md), "###\n#\n###\n");
        assert_eq!(
            both("````\nx\n```\ny\n````\nz\n", md),
            "####\n#\n###\n#\n####\nz\n"
        );
        // A quote of log lines: both hide it.
        assert_eq!(both("> 10:04 ERROR retry\n", md), "# ##### ##### #####\n");
        // A quote that is not a log: the claims hide it, the words read it.
        assert_eq!(
            both("> we should have paged\n", md),
            "c cc cccccc cccc ccccc\n"
        );
        // Markdown the words read with pulldown-cmark: a link's target, code spans
        // of two backticks (the claims read ``` ``a`b`` ``` as an empty code span,
        // `a`, then `` `b` ``), indented code.
        assert_eq!(both("[a](b) c", md), "[awwww c");
        assert_eq!(both("x ``a`b`` y", md), "x ##w###w y");
        assert_eq!(both("p\n\n    code\n", md), "p\n\n    wwww\n");
        // In YAML the words do not run pulldown-cmark.
        assert_eq!(both("[a](b) c", Format::Yaml), "[a](b) c");
    }

    /// The author's fields quoted as a summary box are read like the same lines
    /// unquoted (only the `>` markers are blanked); other quotes are evidence.
    #[test]
    fn quoted_fields_of_the_author_are_read_other_quotes_are_not() {
        for line in [
            "> Time to detect: 3 minutes\n",
            "> **Duration:** 52 minutes\n",
            "> Impact window: 10:05-10:50 UTC\n",
            "> - TTR: 2h\n",
            ">> Time to mitigate (TTM): 1 hour\n",
            "  > __Outage duration__ | 40 minutes\n",
        ] {
            let content = line.trim_start().trim_start_matches(['>', ' ']);
            let masked = mask(line);
            assert_eq!(masked.trim_start(), content, "{line:?}");
            assert_eq!(masked.len(), line.len());
        }
        for quote in [
            "> We expect to be back within 30 minutes.\n",
            "> Checkout has been broken for 6 hours!\n",
            "> **Update:** the repair will take about 2 hours\n",
            "> the outage duration: nobody knows, 3 hours maybe\n> 10:04 ERROR retry\n",
            "> [FIRING] error rate\n> Duration: 5 minutes\n",
            "> 2024-03-05 10:04 WARN slow\n> Time to detect: 1 hour\n",
            "> Our duration estimate was 3 hours\n",
            "> Resolved: the outage lasted 2 hours.\n",
            "> Monitoring: deliveries resumed after 40 minutes\n",
        ] {
            assert!(mask(quote).trim().is_empty(), "{quote:?}");
        }
        // A field line and a message in one box: the field alone is read.
        assert_eq!(
            mask("> TTD: 4 min\n> We expect 2 hours more\n"),
            format!("  TTD: 4 min\n{}\n", " ".repeat(24))
        );
    }

    /// A callout (GitHub's alerts, Obsidian's callouts) is the author's own box:
    /// its lines are read unquoted, but for its marker. A quote callout, or a
    /// callout holding a log, is evidence like any quote.
    #[test]
    fn callouts_are_the_authors_own_prose() {
        let text = "> [!summary] At a glance\n> Search was stale between 10:14 and 11:02 UTC.\n";
        let masked = mask(text);
        assert_eq!(masked.len(), text.len());
        assert_eq!(
            masked.lines().map(str::trim).collect::<Vec<_>>(),
            [
                "At a glance",
                "Search was stale between 10:14 and 11:02 UTC."
            ]
        );
        assert_eq!(
            mask("> [!NOTE]\n> The outage lasted 2 hours.\n").trim(),
            "The outage lasted 2 hours."
        );
        for quote in [
            "> [!quote] From the thread\n> It was down for 3 hours!\n",
            "> [!cite]\n> It was down for 3 hours!\n",
            "> [!info] Log\n> 10:04 ERROR retry after 5 minutes\n",
            "> We expect to be back within 30 minutes.\n> [!NOTE] not a callout here\n",
        ] {
            assert!(mask(quote).trim().is_empty(), "{quote:?}");
        }
    }

    /// Runs both masks over the string values of every report of the repository
    /// (as the claims read them: the value's text in the file) and prints each
    /// line where they differ, with `c`/`w` under the bytes only one of them hides.
    #[test]
    fn the_masks_on_the_corpus() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let corpus = crate::gated::corpus();
        assert!(corpus.len() > 200, "{} reports", corpus.len());
        let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
        let mut differing_files = 0;
        for (path, text) in &corpus {
            let text = text.as_str();
            let format = Format::from_path(path).expect("a report's form");
            let Some(parsed) = parse(text, format, &mut Vec::new()) else {
                continue;
            };
            let words = Masks::new(text, format);
            let mut strings = Vec::new();
            super::super::strings(&parsed.tree, &mut String::new(), &mut strings);
            let mut differs = false;
            for (pointer, node) in strings {
                let source = node.span.slice(text);
                let value = node.as_str().unwrap_or("");
                if value.contains('\n') && !source.contains('\n') {
                    continue; // an escaped value: the claims read the value, not the file
                }
                let claims = mask(source);
                let mut line_start = 0;
                for (line, masked) in source
                    .split_inclusive('\n')
                    .zip(claims.split_inclusive('\n'))
                {
                    let marks: String = line
                        .bytes()
                        .zip(masked.bytes())
                        .enumerate()
                        .map(|(i, (b, c))| {
                            let at = node.span.start + line_start + i;
                            match (b != c, words.covers(at)) {
                                _ if b.is_ascii_whitespace() => ' ',
                                (true, false) => 'c',
                                (false, true) => 'w',
                                _ => ' ',
                            }
                        })
                        .collect();
                    line_start += line.len();
                    if marks.trim().is_empty() {
                        continue;
                    }
                    differs = true;
                    let kind = match (marks.contains('c'), marks.contains('w')) {
                        (true, _) if line.trim_start().starts_with('>') => "claims only: a quote",
                        (true, true) => "both ways on one line",
                        (true, false) => "claims only: other",
                        (false, _) => "words only",
                    };
                    *by_kind.entry(kind).or_default() += 1;
                    let name = path.strip_prefix(&root).unwrap_or(path).display();
                    println!(
                        "{name} {pointer} [{kind}]\n  {}\n  {}",
                        line.trim_end(),
                        marks.trim_end()
                    );
                }
            }
            differing_files += usize::from(differs);
        }
        println!(
            "{} reports, {differing_files} where the masks differ; lines by kind: {by_kind:?}",
            corpus.len()
        );
    }
}
