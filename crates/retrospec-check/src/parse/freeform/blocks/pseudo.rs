//! A line that is a heading without Markdown's marks: bold on its own, a
//! section's name standing alone, a wiki's or AsciiDoc's `== Root cause ==`.

use std::ops::Range;

use crate::parse::markdown::Field;

use super::{field_of, is_date_line, starts_with_time};

/// A line that is a heading: bold on its own (`**Timeline**`), or a section name
/// standing alone (`Root Cause Analysis`, `Timeline:`). Returns the words' range.
pub(super) fn pseudo_heading(
    text: &str,
    line: Range<usize>,
    extra: &[(String, Field)],
    capitals: &std::cell::OnceCell<bool>,
    alone: bool,
) -> Option<Range<usize>> {
    let raw = &text[line.clone()];
    // A chat canvas leads its headings with an emoji (`:clock3: **Timeline
    // (PST)**`, `📝 **TL;DR**`): the heading is what follows it.
    let unmarked = without_emoji(raw.trim_start());
    let lead = raw.len() - unmarked.len();
    let t = unmarked.trim_end();
    let start = line.start + lead;
    for mark in ["**", "__"] {
        if let Some(inner) = t.strip_prefix(mark).and_then(|r| r.strip_suffix(mark)) {
            if inner.contains(mark) {
                return None;
            }
            let words = inner.trim().trim_end_matches(':').trim_end();
            // A stamp in brackets (`Update [12/10/2025 18:40] — Cause`) is no words.
            let unstamped = match (words.find('['), words.find(']')) {
                (Some(o), Some(c)) if o < c => format!("{} {}", &words[..o], &words[c + 1..]),
                _ => words.to_string(),
            };
            let short = unstamped.split_whitespace().count() <= 6 && !words.ends_with('.');
            let named = field_of(words, extra).is_some();
            // A bold date (`**2025-10-07**`, `**Mon 3 March**` without its year)
            // over a day's entries is a date line of the timeline it stands in,
            // not a section that would end it.
            if !named && is_date_line(words) {
                return None;
            }
            // A status page's banner under the title (`**Incident Report for
            // Relaybox**`) says what the page is: the text under it is the report's
            // opening, not a section named after the banner.
            if !named
                && words
                    .get(..20)
                    .is_some_and(|w| w.eq_ignore_ascii_case("incident report for "))
            {
                return None;
            }
            if !words.is_empty() && (named || (alone && short)) && !starts_with_time(words) {
                let offset = inner.len() - inner.trim_start().len();
                let s = start + mark.len() + offset;
                return Some(s..s + words.len());
            }
            return None;
        }
    }
    // A wiki's or AsciiDoc's heading (`== Root cause ==`, `=== Timeline`) names
    // its section by the words between the marks.
    let (t, start) = match wiki_heading(t) {
        Some(inner) => (
            inner,
            start + (inner.as_ptr() as usize - t.as_ptr() as usize),
        ),
        None => (t, start),
    };
    let words = t.trim_end_matches(':').trim_end();
    if words.len() <= 60 && field_of(words, extra).is_some() {
        return Some(start..start + words.len());
    }
    // A plain-text report's own heading in capitals (`WHY IT TOOK AS LONG AS IT
    // DID`) where another line in capitals names a section (`SUMMARY`,
    // `ACTIONS`): a section of its own.
    if words.len() <= 80
        && (2..=10).contains(&words.split_whitespace().count())
        && in_capitals(words)
        && !starts_with_time(words)
        // Once per text: a report of many lines in capitals is read in one pass.
        && *capitals.get_or_init(|| {
            text.lines().any(|l| {
                let other = l.trim().trim_end_matches(':').trim_end();
                in_capitals(other) && field_of(other, extra).is_some()
            })
        })
    {
        return Some(start..start + words.len());
    }
    None
}

/// `line` without the emoji leading it: Slack's and GitHub's shortcodes
/// (`:clock3:`, `:rotating_light:`) and pictographs (`📝`, `⚠️`), each followed by
/// a blank.
fn without_emoji(line: &str) -> &str {
    let mut rest = line;
    loop {
        let code = rest.strip_prefix(':').and_then(|r| {
            let end = r.find(':')?;
            let name = &r[..end];
            ((1..=40).contains(&name.len())
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_+-".contains(&b)))
            .then(|| &r[end + 1..])
        });
        let picture = rest.chars().next().filter(
            |&c| matches!(u32::from(c), 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF),
        );
        let after = match (code, picture) {
            (Some(after), _) => after,
            (None, Some(c)) => rest[c.len_utf8()..].trim_start_matches('\u{FE0F}'),
            (None, None) => return rest,
        };
        if !after.starts_with([' ', '\t']) {
            return rest;
        }
        rest = after.trim_start();
    }
}

/// Words written in capitals: four letters or more, none in lower case, and no
/// sentence's end (`WHY IT TOOK AS LONG AS IT DID`, not `OK.`).
fn in_capitals(words: &str) -> bool {
    words.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && !words.chars().any(char::is_lowercase)
        && !words.ends_with(['.', '!', '?'])
}

/// The words of a MediaWiki or AsciiDoc heading line (`== Root cause ==`, `===
/// Timeline`): two to six `=`, a blank, the words, and the same marks after
/// them or none.
pub(super) fn wiki_heading(line: &str) -> Option<&str> {
    let marks = line.bytes().take_while(|&b| b == b'=').count();
    if !(2..=6).contains(&marks) {
        return None;
    }
    let rest = line[marks..].strip_prefix(' ')?;
    let inner = match rest.trim_end().strip_suffix(&line[..marks]) {
        Some(inner) => inner.strip_suffix(' ')?,
        None => rest,
    };
    let inner = inner.trim();
    (!inner.is_empty() && !inner.starts_with('=')).then_some(inner)
}
