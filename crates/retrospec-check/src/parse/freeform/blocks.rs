//! Headings and lists as people write them, turned into the blocks the Markdown
//! reader maps to fields: after `normalise`, the title is the one level-1
//! heading, every section heading is level 2 and deeper headings are level 3+.
//!
//! - a `#` heading at any level, setext headings;
//! - a line standing alone that names a section (`Root Cause Analysis`, `Timeline:`);
//! - a bold line (`**Timeline**`, `__Impact__`): a section, named or not;
//! - a numbered line that names a section (`2. Timeline`);
//! - the title: the first heading, or else the first line of the text (not the
//!   first line of a sentence that goes on in lower case on the next); a message
//!   pasted as text is titled by its `Subject:` (its other mail headers are left out);
//! - lines that start with a plain-text bullet (`•`, `·`, `◦`) or with a time become a list;
//! - a timeline without a heading: a list of timed lines, or paragraphs each led
//!   by its time (`At 9:47 a.m., latency began to climb.`).

use std::ops::Range;

use crate::parse::markdown::{Block, Field, Item, collect_blocks, is_bullet};
use crate::time;

use super::timeline::prose;

pub(crate) mod asciidoc;
mod line_lists;
mod logs;
mod mail;
mod mermaid;
mod nested;
mod numbered;
mod pseudo;
mod tables;
mod textile;

pub(crate) use logs::{code_log_lines, fenced_log_lines};
pub(crate) use mail::mail_headers;
use nested::promote_nested_sections;
use numbered::{is_numbered, is_question, numbered_sections, numbered_text};
use pseudo::pseudo_heading;
#[cfg(test)]
use pseudo::wiki_heading;
use textile::textile_headings;

/// Rewrites the blocks of a free-form body (see the module documentation). Returns
/// whether a timeline without a heading was found (a date line and a list of
/// timed lines): it is then under an empty level-2 heading, which the caller
/// maps to the timeline.
pub(crate) fn normalise(
    text: &str,
    blocks: Vec<Block>,
    extra: &[(String, Field)],
    has_title: bool,
    scopes: &super::scope::Scopes,
) -> (Vec<Block>, bool) {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    // Headings found here, as (index in `out`, level as written, the section it
    // names).
    let mut heads: Vec<(usize, u8, Option<Field>)> = Vec::new();
    let mut pseudo: Vec<usize> = Vec::new();
    // Whether a line in capitals names a section (`SUMMARY`): read once, on the
    // first paragraph that opens with capitals ([`pseudo::pseudo_heading`]).
    let capitals = std::cell::OnceCell::new();
    // A report written as numbered questions (`3. How long was the outage?`):
    // with two such lines or more, each question is a section, named in the
    // table or not.
    let question = |items: &[Item]| {
        items.len() == 1 && is_numbered(text, &items[0]) && is_question(text, &items[0])
    };
    let questions = blocks
        .iter()
        .filter(|b| matches!(b, Block::List { items } if question(items)))
        .count();
    for block in textile_headings(text, asciidoc::asciidoc_blocks(text, blocks)) {
        match block {
            Block::Heading { level, range } => {
                let words = heading_words(text, range.clone());
                // `#` alone or `# -----` (a comment block's rules in a file of
                // `#` comments): no words, so no section and no title.
                if !words.chars().any(char::is_alphanumeric) {
                    out.push(Block::Comment);
                    continue;
                }
                if time::parse_date_line(&words).is_some() || starts_with_time(&words) {
                    // A date or time heading belongs to the section above it.
                    out.push(Block::Heading { level: 6, range });
                    continue;
                }
                let named = field_of(&words, extra);
                heads.push((out.len(), level, named));
                out.push(Block::Heading { level, range });
            }
            // A wiki's table (Confluence, DokuWiki, Textile) is a paragraph to
            // Markdown: read as the table it is.
            Block::Paragraph { range }
                if text[range.clone()].trim_start().starts_with(['|', '^'])
                    && let Some(rows) =
                        tables::wiki_table(text, &line_ranges(text, range.clone())) =>
            {
                out.push(Block::Table { rows });
            }
            Block::Other { range } if let Some(rows) = tables::html_table(text, range.clone()) => {
                out.push(Block::Table { rows });
            }
            Block::Paragraph { range } => {
                paragraph(text, range, extra, &capitals, &mut out, &mut pseudo);
            }
            // Numbered sections with their text indented under them: each item's
            // first line a heading, the rest read as blocks of its own.
            Block::List { items }
                if let Some(sections) =
                    numbered_sections(text, &items, |w| field_of(w, extra).is_some()) =>
            {
                for (head, under) in sections {
                    pseudo.push(out.len());
                    out.push(Block::Heading {
                        level: 2,
                        range: head,
                    });
                    let Some(under) = under else { continue };
                    for block in collect_blocks(&text[under.clone()], under.start) {
                        match block {
                            Block::Paragraph { range } => {
                                paragraph(text, range, extra, &capitals, &mut out, &mut pseudo);
                            }
                            other => out.push(other),
                        }
                    }
                }
            }
            Block::List { items } if items.len() == 1 && is_numbered(text, &items[0]) => {
                let inner = numbered_text(text, &items[0]);
                if field_of(&text[inner.clone()], extra).is_some()
                    || (questions >= 2 && question(&items))
                {
                    pseudo.push(out.len());
                    out.push(Block::Heading {
                        level: 2,
                        range: inner,
                    });
                } else {
                    out.push(Block::List { items });
                }
            }
            other => out.push(other),
        }
    }

    // A message pasted as text opens with its mail headers: its subject is the
    // title, and the other headers (`From:`, `To:`, `Date:`) are neither the
    // title nor the report's opening text.
    let mut first = out.iter().position(|b| !matches!(b, Block::Comment));
    if let Some(i) = first.filter(|_| !has_title)
        && let Block::Paragraph { range } = &out[i]
        && let Some(subject) = mail_headers(text, range.clone())
    {
        match subject {
            Some(range) => out[i] = Block::Heading { level: 1, range },
            None => {
                out[i] = Block::Comment;
                first = out.iter().position(|b| !matches!(b, Block::Comment));
            }
        }
    }
    // A newsletter's or a blog's masthead above its `#` title (`[View this email
    // in your browser](...)`, `**Kestrel Learning Foundation**`, `*Issue 11 · Sent
    // 7 October*`): one-line paragraphs of a link, bold or italics alone before a
    // `#` heading within the first five blocks. The heading is the title; the
    // masthead is no section and no title (`import` keeps its lines).
    if !has_title
        && let Some(f) = first
        && let Some(k) = out[f..]
            .iter()
            .take(5)
            .position(|b| matches!(b, Block::Heading { level: 1, .. }))
        && k > 0
        && !pseudo.contains(&(f + k))
        && (f..f + k).all(|i| match &out[i] {
            Block::Comment => true,
            // A bold line alone, read as a heading.
            Block::Heading { level: 2, .. } => pseudo.contains(&i),
            b => is_masthead(text, b),
        })
    {
        for block in &mut out[f..f + k] {
            *block = Block::Comment;
        }
        heads.retain(|(at, _, _)| !(f..f + k).contains(at));
        pseudo.retain(|at| !(f..f + k).contains(at));
        first = Some(f + k);
    }
    // The title: the first heading before any text, or the first line of the text.
    let mut title = None;
    match first.map(|i| (i, &out[i])) {
        Some((i, Block::Heading { range, .. }))
            if field_of(&heading_words(text, range.clone()), extra).is_none() =>
        {
            title = Some(i);
            // A bold line opening the text (`**Uploads failing**`, a chat
            // canvas's `:rotating_light: **Incident canvas**`) titles it as a
            // `#` heading would.
            if pseudo.contains(&i)
                && let Block::Heading { level, .. } = &mut out[i]
            {
                *level = 1;
            }
        }
        Some((i, Block::Paragraph { range })) if !has_title => {
            let range = range.clone();
            let line_end = text[range.clone()]
                .find(['\n', '\r'])
                .map_or(range.end, |l| range.start + l);
            let line = text[range.start..line_end].trim();
            // A sentence wrapped onto the next line ("... was pushed to every
            // search node at\nonce, and search returned ...") is no title.
            let wrapped = text[line_end..range.end]
                .trim_start()
                .starts_with(|c: char| c.is_lowercase());
            if !line.is_empty() && line.len() <= 160 && !starts_with_time(line) && !wrapped {
                out[i] = Block::Heading {
                    level: 1,
                    range: range.start..line_end,
                };
                if let Some(rest) = after_line(text, line_end, range.end) {
                    out.insert(i + 1, Block::Paragraph { range: rest });
                    shift(&mut heads, &mut pseudo, i + 1);
                }
                title = Some(i);
            }
        }
        _ => {}
    }

    // The section level: the highest level of a heading that names a section, or
    // else of any heading after the title.
    let section_level = heads
        .iter()
        .filter(|(i, _, named)| named.is_some() && Some(*i) != title)
        .map(|(_, l, _)| *l)
        .min()
        .or_else(|| {
            heads
                .iter()
                .filter(|(i, _, _)| Some(*i) != title)
                .map(|(_, l, _)| *l)
                .min()
        })
        .unwrap_or(2);
    for &(i, written, _) in &heads {
        if let Block::Heading { level, .. } = &mut out[i] {
            *level = if Some(i) == title {
                1
            } else if written <= section_level {
                2
            } else {
                3 + (written - section_level - 1).min(3)
            };
        }
    }
    promote_nested_sections(&mut out, &heads);
    // A report of several incidents: the heading of each later incident starts
    // a section, so what is above it (a timeline without a heading) ends there
    // and its own times are read apart ([`super::scope`]).
    if !scopes.is_empty() {
        for block in &mut out {
            if let Block::Heading { level, range } = block
                && *level > 2
                && scopes.heads_later(text, range.start)
            {
                *level = 2;
            }
        }
    }
    let implicit = implicit_timeline(text, &mut out, extra);
    if implicit {
        super::timeline::phases::fold(text, &mut out, |w| field_of(w, extra).is_some());
    }
    trailing_prose(text, &mut out, extra);
    (out, implicit)
}

/// Whether `words` are a date line, with its year or without (`Mon 3 March`,
/// `Tuesday 19th May`: the year is the report's, which does not change whether
/// the words are a date), or a slashed date of two readings (reported where it
/// is read).
fn is_date_line(words: &str) -> bool {
    // A leap year, so that 29 February is a date.
    time::scan_date_line(words, Some(2024)).is_some()
}

/// Prose after the last entries of a timeline (`We only noticed 40 minutes later,
/// because ...` under lines led by times or a Markdown list of them, and whatever
/// follows it up to the next section: in plain text, lines standing alone that
/// name no section are not headings) is not the timeline's, and the timeline
/// reader would leave it out, with the rest of an email. It is given a copy of the
/// timeline's heading, so it is read as a section of its own (the timeline is
/// already filled, so the copy makes a free section under the same title) and its
/// claims and words are checked: a story that goes on after the list (`The VM then
/// stayed in this state until 09:45 ...`, a quoted ticket, `**Next steps:** TBD`)
/// is the report's, not an aside to leave out. (A table's remark is still left
/// out, as in retrospec's own form.)
fn trailing_prose(text: &str, out: &mut Vec<Block>, extra: &[(String, Field)]) {
    let timed_line = |s: &str| {
        let s = s.trim_start();
        let s = s
            .strip_prefix(|c: char| is_bullet(c))
            .unwrap_or(s)
            .trim_start();
        let s = super::timeline::leads::time_mark(s).1;
        starts_with_time(s)
            || super::timeline::leads::leads_with_date_and_time(s)
            || super::offset::leads_with_offset(s)
    };
    let timed = |b: &Block| match b {
        Block::List { items } => items.iter().any(|i| timed_line(&text[i.range.clone()])),
        // Lines led by a time, or sentences led by one (`At 9:35 a.m., ...`).
        Block::Paragraph { range } | Block::Heading { range, .. } => text[range.clone()]
            .lines()
            .any(|l| timed_line(l) || prose::anchored(l.trim()).is_some()),
        _ => false,
    };
    let mut i = 0;
    // The last section heading with words: the title of the prose after a timeline
    // written without a heading (an empty one, [`implicit_timeline`]).
    let mut named: Option<(usize, Range<usize>)> = None;
    while i < out.len() {
        let Block::Heading { level: 2, range } = &out[i] else {
            i += 1;
            continue;
        };
        let mut heading = range.clone();
        // A heading with words directly above a timeline without one (`What
        // happened` then timed lines) is moved below the entries, to the prose it
        // stands for, rather than copied: it would be an empty section.
        let mut moved: Option<usize> = None;
        let end = out[i + 1..]
            .iter()
            .position(|b| matches!(b, Block::Heading { level: 1 | 2, .. }))
            .map_or(out.len(), |p| i + 1 + p);
        if heading.is_empty() {
            match &named {
                Some((at, above)) => {
                    heading = above.clone();
                    moved = (*at + 1 == i).then_some(*at);
                }
                // No section heading above: the prose after the entries is read
                // under the report's title (a thread's closing comment).
                None => match out[..i]
                    .iter()
                    .find(|b| matches!(b, Block::Heading { level: 1, .. }))
                {
                    Some(Block::Heading { range, .. }) => heading = range.clone(),
                    _ => {
                        i = end;
                        continue;
                    }
                },
            }
        } else {
            named = Some((i, heading.clone()));
            if field_of(&heading_words(text, heading.clone()), extra) != Some(Field::Timeline) {
                i = end;
                continue;
            }
        }
        let last = (i + 1..end).rev().find(|&k| timed(&out[k]));
        let prose = last.and_then(|t| {
            (t + 1..end)
                .find(|&k| !matches!(out[k], Block::Comment))
                .filter(|&k| match &out[k] {
                    Block::Paragraph { range } => {
                        let first = text[range.clone()].trim_start();
                        !length_note(first) && time::parse_date_line(first.trim()).is_none()
                    }
                    _ => false,
                })
        });
        if let Some(at) = prose {
            let block = match moved {
                Some(above) => out.remove(above),
                None => Block::Heading {
                    level: 2,
                    range: heading,
                },
            };
            let at = if moved.is_some() { at - 1 } else { at };
            out.insert(at, block);
            i = if moved.is_some() { end } else { end + 1 };
        } else {
            i = end;
        }
    }
}

/// A timeline written without a heading (a list of timed lines, maybe under a
/// date line; a quoted chat; timed sentences; last, a log in a fenced block) in
/// a report with no timeline section gets an empty heading.
fn implicit_timeline(text: &str, out: &mut Vec<Block>, extra: &[(String, Field)]) -> bool {
    let named = out.iter().any(|b| match b {
        Block::Heading { level: 2, range } => {
            field_of(&heading_words(text, range.clone()), extra) == Some(Field::Timeline)
        }
        _ => false,
    });
    if named {
        return false;
    }
    let timed = |items: &[Item]| {
        items
            .iter()
            .filter(|i| {
                let t = text[i.range.clone()].trim_start();
                let t = t.strip_prefix(|c: char| is_bullet(c)).unwrap_or(t);
                let t = t.trim_start().trim_start_matches("**");
                starts_with_time(t)
                    || super::timeline::leads::leads_with_date_and_time(t)
                    || (t.starts_with('[') && bracketed_time(t).is_some())
            })
            .count()
            >= 2
    };
    // A chat pasted as a quote (`> **10:02** dani: running the cleanup`): its
    // lines led by a time are the timeline.
    let quoted = |b: &Block| match b {
        Block::Other { range } => quote_lines(text, range.clone()).is_some_and(|lines| {
            lines
                .iter()
                .filter(|l| {
                    let l = without_bullet(text, (*l).clone());
                    starts_with_time(text[l].trim_start_matches("**"))
                })
                .count()
                >= 2
        }),
        _ => false,
    };
    // A paragraph of three lines or more led by a time (a ticket's work notes,
    // `12:48p  Dallas reports ...`), its other lines indented under them.
    let timed_paragraph = |b: &Block| match b {
        Block::Paragraph { range } => {
            let lines: Vec<&str> = text[range.clone()].lines().collect();
            let led = lines.iter().filter(|l| starts_with_time(l)).count();
            led >= 3
                && lines
                    .iter()
                    .all(|l| starts_with_time(l) || l.starts_with([' ', '\t']))
        }
        _ => false,
    };
    let Some(list) = out.iter().position(|b| {
        matches!(b, Block::List { items } if timed(items)) || quoted(b) || timed_paragraph(b)
    }) else {
        if prose_timeline(text, out) {
            return true;
        }
        // Last: a log pasted in a fenced block, the only place the report
        // gives its times (`[13:12] <maintainer> ...`), under a heading that
        // names it (`The log`, `Timeline`) or the last thing in its section: a
        // log inside a narrative, with its prose after it, is evidence that prose
        // quotes (the prose would be left out of a timeline's section).
        let Some(at) = out.iter().position(|b| match b {
            Block::Other { range } => fenced_log_lines(text, range.clone()).is_some(),
            _ => false,
        }) else {
            return false;
        };
        let followed = out[at + 1..]
            .iter()
            .take_while(|b| !matches!(b, Block::Heading { .. }))
            .any(|b| matches!(b, Block::Paragraph { .. } | Block::List { .. }));
        let named = out[..at].iter().rev().find_map(|b| match b {
            Block::Heading { range, .. } => Some(heading_words(text, range.clone())),
            _ => None,
        });
        let names_it = named.is_some_and(|w| {
            let w = w.to_ascii_lowercase();
            ["log", "timeline", "chronolog", "transcript", "channel"]
                .iter()
                .any(|n| w.contains(n))
        });
        // A mermaid diagram with times is the author's own drawing of the
        // timeline, not a log pasted as evidence.
        let drawn = out[at].range().is_some_and(|r| {
            text[r]
                .trim_start()
                .trim_start_matches(['`', '~'])
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("mermaid")
        });
        if followed && !names_it && !drawn {
            return false;
        }
        let start = out[at].range().map_or(0, |r| r.start);
        out.insert(
            at,
            Block::Heading {
                level: 2,
                range: start..start,
            },
        );
        return true;
    };
    let mut at = list;
    if list > 0 {
        let date = match &out[list - 1] {
            Block::Paragraph { range } => time::parse_date_line(text[range.clone()].trim()),
            Block::Heading { range, .. } => {
                time::parse_date_line(&heading_words(text, range.clone()))
            }
            _ => None,
        };
        if date.is_some() {
            at = list - 1;
        }
    }
    let Some(start) = out[at].range().map(|r| r.start) else {
        return false;
    };
    out.insert(
        at,
        Block::Heading {
            level: 2,
            range: start..start,
        },
    );
    true
}

/// A timeline written as sentences, one event to a paragraph, each led by its time
/// (`At 9:47 a.m., latency began to climb.`, see [`prose`]), in a report with no
/// other timeline: three such paragraphs or more in one section, with at most one
/// paragraph without a time for every two with one between them. They get an
/// empty heading before the first of them, as a list of timed lines does.
fn prose_timeline(text: &str, out: &mut Vec<Block>) -> bool {
    let led = |b: &Block| match b {
        Block::Paragraph { range } => text[range.clone()]
            .lines()
            .next()
            .is_some_and(|l| prose::anchored(l.trim()).is_some()),
        _ => false,
    };
    let mut start = 0;
    while start < out.len() {
        let end = out[start + 1..]
            .iter()
            .position(|b| matches!(b, Block::Heading { level: 1 | 2, .. }))
            .map_or(out.len(), |p| start + 1 + p);
        let section = &out[start..end];
        let led_at: Vec<usize> = (0..section.len()).filter(|&k| led(&section[k])).collect();
        if let (Some(&first), Some(&last)) = (led_at.first(), led_at.last()) {
            let others = section[first..=last]
                .iter()
                .filter(|b| matches!(b, Block::Paragraph { .. }) && !led(b))
                .count();
            if led_at.len() >= 3 && others * 2 <= led_at.len() {
                let at = start + first;
                let Some(range) = out[at].range() else {
                    return false;
                };
                out.insert(
                    at,
                    Block::Heading {
                        level: 2,
                        range: range.start..range.start,
                    },
                );
                return true;
            }
        }
        start = end;
    }
    false
}

fn shift(heads: &mut [(usize, u8, Option<Field>)], pseudo: &mut [usize], from: usize) {
    for h in heads.iter_mut().filter(|h| h.0 >= from) {
        h.0 += 1;
    }
    for p in pseudo.iter_mut().filter(|p| **p >= from) {
        *p += 1;
    }
}

/// The words of a heading without `#` marks.
fn heading_words(text: &str, range: Range<usize>) -> String {
    let first = crate::parse::markdown::heading_line(&text[range]);
    first
        .trim_start()
        .trim_start_matches('#')
        .trim_end()
        .trim_end_matches('#')
        .trim()
        .to_string()
}

/// A paragraph: a pseudo-heading, bullets or timed lines as a list, or prose.
fn paragraph(
    text: &str,
    range: Range<usize>,
    extra: &[(String, Field)],
    capitals: &std::cell::OnceCell<bool>,
    out: &mut Vec<Block>,
    pseudo: &mut Vec<usize>,
) {
    let lines = line_ranges(text, range.clone());
    if let Some(first) = lines.first()
        && let Some(inner) = pseudo_heading(text, first.clone(), extra, capitals, lines.len() == 1)
    {
        pseudo.push(out.len());
        out.push(Block::Heading {
            level: 2,
            range: inner,
        });
        if let Some(rest) = after_line(text, first.end, range.end) {
            paragraph(text, rest, extra, capitals, out, pseudo);
        }
        return;
    }
    if let Some(items) = line_lists::line_list(text, &lines) {
        out.push(Block::List { items });
        return;
    }
    let bulleted = |l: &Range<usize>| {
        let t = text[l.clone()].trim_start();
        t.chars().next().is_some_and(|c| is_bullet(c) && c != '*')
            && t.chars().nth(1).is_some_and(char::is_whitespace)
    };
    if lines.iter().all(bulleted) {
        out.push(Block::List {
            items: lines.into_iter().map(item).collect(),
        });
        return;
    }
    if lines.len() > 1
        && lines
            .iter()
            .all(|l| starts_with_time(text[l.clone()].trim_start().trim_start_matches("**")))
    {
        out.push(Block::List {
            items: lines.into_iter().map(item).collect(),
        });
        return;
    }
    out.push(Block::Paragraph { range });
}

fn item(range: Range<usize>) -> Item {
    Item {
        range,
        checked: None,
    }
}

/// The lines of a range, without their line breaks, blank lines left out.
fn line_ranges(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = range.start;
    for line in text[range.clone()].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if !content.trim().is_empty() {
            out.push(pos..pos + content.len());
        }
        pos += line.len();
    }
    out
}

/// The rest of a block after the line ending at `line_end`, when it has text.
fn after_line(text: &str, line_end: usize, end: usize) -> Option<Range<usize>> {
    let rest = text.get(line_end..end)?;
    let lead = rest.len() - rest.trim_start().len();
    (!rest.trim().is_empty()).then(|| line_end + lead..end)
}

/// The lines of a block quote (`> ...` on every line), each without its marker,
/// or `None` when the block is not one.
pub(crate) fn quote_lines(text: &str, range: Range<usize>) -> Option<Vec<Range<usize>>> {
    let mut lines = Vec::new();
    let mut pos = range.start;
    for line in text.get(range)?.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let after = content[lead..].strip_prefix('>')?;
        let blank = after.len() - after.trim_start().len();
        let from = start + lead + 1 + blank;
        let to = start + content.trim_end().len();
        if from < to {
            lines.push(from..to);
        }
    }
    (!lines.is_empty()).then_some(lines)
}

/// `line` without a list marker leading it (`- `, `* `, `+ `, `• `, `· `).
pub(crate) fn without_bullet(text: &str, line: Range<usize>) -> Range<usize> {
    let s = &text[line.clone()];
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ ('-' | '*' | '+' | '•' | '·')), Some(' ' | '\t')) => {
            let rest = &s[c.len_utf8()..];
            let skip = c.len_utf8() + (rest.len() - rest.trim_start().len());
            line.start + skip..line.end
        }
        _ => line,
    }
}

/// The brackets around a time that is all they hold, at the start of `line`
/// (`[10:05]`, `(13:15EST)`); not a placeholder or a note (`[time TBD]`).
pub(crate) fn bracketed_time(line: &str) -> Option<(&'static str, &'static str)> {
    let (open, close) = match line.as_bytes().first()? {
        b'[' => ("[", "]"),
        b'(' => ("(", ")"),
        _ => return None,
    };
    let inner = &line[1..1 + line[1..].find(close)?];
    match time::scan_leading_time(inner) {
        Ok(Some((_, end))) if inner[end..].trim().is_empty() => Some((open, close)),
        _ => None,
    }
}

/// Whether a line starts with a time (`16:05 CEST`, `2024-06-10 16:05`).
pub(crate) fn starts_with_time(line: &str) -> bool {
    matches!(time::scan_leading_time(line), Ok(Some(_)))
}

/// A timeline note that states the incident's length: `Duration: 3h`,
/// `LENGTH of the disruption: 5 hours`, `**Total downtime**: 40 minutes`.
pub(crate) fn length_note(line: &str) -> bool {
    static LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^[*_]*(?:total\s+|outage\s+|incident\s+|impact\s+)?(?:(?:duration|length)(?:\s+of\s+(?:the\s+)?(?:customer\s+|user\s+)?(?:disruption|outage|incident|impact))?|downtime)[*_]*\s*:")
            .expect("the pattern is valid")
    });
    LABEL.is_match(line)
}

/// The field a heading names (built-in aliases and the configured ones).
fn field_of(heading: &str, extra: &[(String, Field)]) -> Option<Field> {
    crate::parse::markdown::field_for(heading, extra)
}

/// A masthead (see [`normalise`]): a paragraph whose lines are each a Markdown
/// link, bold or italics alone (`**Kestrel Learning Foundation**` over `*Issue 11
/// · Sent 7 October*`), three at most.
fn is_masthead(text: &str, block: &Block) -> bool {
    let Block::Paragraph { range } = block else {
        return false;
    };
    let lines: Vec<&str> = text[range.clone()].lines().map(str::trim).collect();
    (1..=3).contains(&lines.len())
        && lines.iter().all(|line| {
            let link = line.starts_with('[') && line.ends_with(')') && line.contains("](");
            let marked =
                |m: &str| line.len() > 2 * m.len() && line.starts_with(m) && line.ends_with(m);
            link || marked("**") || marked("__") || marked("*") || marked("_")
        })
}

#[cfg(test)]
mod tests {
    use crate::parse::markdown;
    use crate::ptr::{Pointer, Ptr};
    use crate::tree::Value;

    fn keys(text: &str) -> Vec<String> {
        super::super::keys_of(text)
    }

    #[test]
    fn wiki_and_asciidoc_heading_lines() {
        assert_eq!(super::wiki_heading("== Root cause =="), Some("Root cause"));
        assert_eq!(super::wiki_heading("=== Timeline"), Some("Timeline"));
        assert_eq!(super::wiki_heading("== Key facts =="), Some("Key facts"));
        for no in ["= Title =", "==", "==Root cause==", "== ==", "a == b"] {
            assert_eq!(super::wiki_heading(no), None, "{no}");
        }
    }

    #[test]
    fn headings_in_their_many_spellings() {
        let text = "Queue outage\n\nWe lost the queue for an hour.\n\nRoot Cause Analysis\n\nA full disk.\n\n**Lessons learnt**\n\nWatch the disk.\n\n2. Follow-ups\n\n- Add an alert\n";
        assert_eq!(
            keys(text),
            ["title", "summary", "root_cause", "lessons", "action_items"]
        );
        // A review meeting's minutes: "Action points".
        let minutes = "Review minutes\n\nInvoices were late.\n\n## 4. Action points\n\n- Page on OOM (Juho, by Friday)\n";
        assert_eq!(keys(minutes), ["title", "summary", "action_items"]);
        // A plain-text report's own heading in capitals, beside ones that name
        // sections; alone, such a line is text.
        let caps = "Export failed\n\nSUMMARY\nThe export failed.\n\nWHY IT TOOK AS LONG AS IT DID\nThe key check was slow.\n\nACTIONS\n- Page on failure\n";
        assert_eq!(keys(caps), ["title", "summary", "action_items", "sections"]);
        // A chat canvas's headings, led by an emoji.
        let canvas = ":rotating_light: **Uploads failing**\n\n:memo: **TL;DR**\n\nUploads failed.\n\n\
                      📋 **Follow-ups**\n\n- Pin the key (@hana)\n\n:clock3: **Timeline (PST)**\n\n- **10:05** First 403s\n";
        assert_eq!(
            keys(canvas),
            ["title", "summary", "action_items", "timeline"]
        );
        // A heading in two languages names what its parts name.
        let bilingual = "# Pagos rechazados\n\nLos pagos fallaron.\n\n## 7. Acciones · Action items\n\n- Verify the chain (Andrés)\n\n## Causa / Root cause\n\nA bundle.\n";
        assert_eq!(
            keys(bilingual),
            ["title", "summary", "action_items", "root_cause"]
        );
        let alone = "Export failed\n\nThe export failed.\n\nWHY IT TOOK AS LONG AS IT DID\nThe key check was slow.\n";
        assert!(
            !keys(alone).contains(&"sections".to_string()),
            "{:?}",
            keys(alone)
        );
    }

    /// A status page's banner under the title (`**Incident Report for X**`) is
    /// no section: the paragraph under it opens the report, so it is the summary
    /// and a later "What happened" stays a section of its own, in that order.
    #[test]
    fn a_status_page_s_banner_is_no_heading() {
        let text = "## Webhooks failed\n\n**Incident Report for Relaybox**\n\n\
                    At 3:47 PM PT deliveries began to fail.\n\n### What happened\n\nA bundle lost a root.\n";
        assert_eq!(keys(text), ["title", "summary", "sections"]);
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        let (body, _) = parsed.tree.pointer("/summary").expect("summary");
        assert!(matches!(&body.value, Value::String(s) if s.contains("3:47 PM")));
        let (title, _) = parsed.tree.pointer("/sections/0/title").expect("a section");
        assert!(matches!(&title.value, Value::String(s) if s == "What happened"));
        // A bold line of other words under the title still names a section.
        let named = text.replace("Incident Report for Relaybox", "Customer notes");
        let mut diags = Vec::new();
        let parsed = markdown::parse(&named, &mut diags).expect("parses");
        let (title, _) = parsed.tree.pointer("/sections/0/title").expect("a section");
        assert!(matches!(&title.value, Value::String(s) if s == "Customer notes"));
    }

    /// A newsletter's masthead above its `#` title (a "view in your browser" link,
    /// the sender in bold, an issue line in italics) is neither the title nor a
    /// section; `#` lines without words (a comment block's rules) are no
    /// sections; a heading that counts its items names its section.
    #[test]
    fn mastheads_bare_rules_and_counted_headings() {
        let digest = "[View this email in your browser](https://news.example.org/11)\n\n\
                      **Kestrel Learning**\n*Issue 11 · Sent 7 October*\n\n# Operations digest\n\n\
                      Dear trustees.\n\n## 2. Incident\n\n**What we are doing.**\n\n1. Refresh metadata (COO, by 31 October).\n\n\
                      ## 3. Register\n\n| Date | Incident | Status |\n|---|---|---|\n| 2 Sep | SSO | Investigating |\n";
        assert_eq!(
            keys(digest),
            ["title", "summary", "action_items", "sections"]
        );
        let mut diags = Vec::new();
        let parsed = markdown::parse(digest, &mut diags).expect("parses");
        let (title, _) = parsed.tree.pointer("/title").expect("title");
        assert!(matches!(&title.value, Value::String(s) if s == "Operations digest"));
        let (items, _) = parsed.tree.pointer("/action_items").expect("items");
        assert!(
            matches!(&items.value, Value::Seq(i) if i.len() == 1),
            "{items:?}"
        );
        // Without the `#` heading, the first line stays the title.
        let plain = digest.replace("# Operations digest\n\n", "");
        let mut diags = Vec::new();
        let parsed = markdown::parse(&plain, &mut diags).expect("parses");
        let (title, _) = parsed.tree.pointer("/title").expect("title");
        assert!(matches!(&title.value, Value::String(s) if s.starts_with("[View")));
        // A file of `#` comments: its rules are no sections with empty titles.
        let comments = "# ------\n# egress module\n#\n# What happened\n#\n# The NAT gateway hit its limit at 10:02.\n";
        let checked = crate::check(comments, crate::Format::Markdown);
        assert!(
            !checked.diagnostics.iter().any(|d| d.code == "RS106"),
            "{:?}",
            checked.diagnostics
        );
        // `3 things we're changing 🛠️` names the action items.
        assert_eq!(
            keys(
                "Outage\n\nIt broke.\n\n3 things we're changing 🛠️\n\n- Pin the tool (owner: Jonas)\n"
            ),
            ["title", "summary", "action_items"]
        );
    }

    /// Opening text that is only a header block of fields is no story: a
    /// "Problem statement" is the summary then, and the fields a section of
    /// their own. Opening prose keeps the summary, as before.
    #[test]
    fn a_header_block_of_fields_is_no_summary() {
        let text = "# RCA: stale positions\n\n**Incident ref:** DO-0917\n**Date of event:** 18 SEP 2025\n\n\
                    ## Problem statement\n\nPositions were stale.\n\n## Timeline\n\n- 1405Z First stale responses\n";
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        let (body, _) = parsed.tree.pointer("/summary").expect("summary");
        assert!(
            matches!(&body.value, Value::String(s) if s == "Positions were stale."),
            "{body:?}"
        );
        let (title, _) = parsed.tree.pointer("/sections/0/title").expect("a section");
        assert!(matches!(&title.value, Value::String(s) if s == "Preamble"));
        for opening in [
            "The positions were stale for two hours.\n**Incident ref:** DO-0917",
            "**Closed** · ewan opened this issue\nLabels: `incident`",
        ] {
            let text = text.replace(
                "**Incident ref:** DO-0917\n**Date of event:** 18 SEP 2025",
                opening,
            );
            let mut diags = Vec::new();
            let parsed = markdown::parse(&text, &mut diags).expect("parses");
            let (body, _) = parsed.tree.pointer("/summary").expect("summary");
            assert!(
                matches!(&body.value, Value::String(s) if s != "Positions were stale."),
                "{opening}: {body:?}"
            );
        }
    }

    #[test]
    fn sections_at_any_level_and_setext_titles() {
        let text = "Queue outage\n============\n\n### Timeline\n\n- 10:00 UTC Disk full\n\n### Root cause\n\nLogs.\n";
        assert_eq!(keys(text), ["title", "timeline", "root_cause"]);
    }

    #[test]
    fn a_timeline_or_action_list_nested_in_another_section_is_a_section() {
        // An issue template: `#` for sections, the timeline under the summary,
        // the action items under a heading that names no section.
        let text = "# Hub down\n\n# Summary\n\nUsers saw errors.\n\n## Timeline (if relevant)\n\nAll times in UTC\n\n\
                    ### 08:18\n\nReported.\n\n### 09:17\n\nFixed.\n\n# After-action report\n\n## Action items\n\n\
                    ### Technical\n\n- Deploy to staging first (owner: Ana)\n";
        assert_eq!(
            keys(text),
            ["title", "summary", "timeline", "action_items", "sections"]
        );
        // A section's own parts stay in it: an impact under the summary, a phase
        // of the timeline, the lessons' subsections.
        let text = "# Hub down\n\n## Summary\n\nUsers saw errors.\n\n### Impact\n\nAll users.\n\n\
                    ## Timeline\n\n### Detection\n\n- 08:18 UTC Reported\n\n## Lessons learned\n\n\
                    ### Action items\n\nNone yet.\n";
        let keys = keys(text);
        assert!(!keys.contains(&"impact".to_string()), "{keys:?}");
        assert!(!keys.contains(&"detection".to_string()), "{keys:?}");
        assert!(keys.contains(&"action_items".to_string()), "{keys:?}");
    }

    /// A report that writes its timeline one level above its other sections (`#
    /// Timeline` over `## Root Cause`): the root cause and the sections beside it
    /// are the report's, not phases of the timeline; a phase stays in it. A
    /// timeline moved out of a section that names none leaves the headings beside
    /// it under that section's rule: they move too.
    #[test]
    fn sections_a_level_below_the_timeline_are_the_report_s() {
        let text = "---\ntitle: Disk full at Wren Social\ndate: 2024-11-02\n---\n\n\
                    The site timed out for fourteen minutes.\n\n# Timeline\n\n\
                    - **18:53** First report of slow pages\n\n## Detection\n\n- **18:59** Redis cannot persist\n- **19:06** Space freed\n\n\
                    ## Root Cause\n\nThe database's disk filled with archived logs.\n\n\
                    ## Things that went well\n\nWe recovered in under fifteen minutes.\n\n\
                    ## Resulting Action\n\n#### Cleanup scheduled\n\nOld archives are removed nightly.\n";
        let keys = keys(text);
        assert!(keys.contains(&"root_cause".to_string()), "{keys:?}");
        assert!(keys.contains(&"sections".to_string()), "{keys:?}");
        assert!(!keys.contains(&"detection".to_string()), "{keys:?}");
        let model = crate::check(text, crate::Format::Markdown)
            .model
            .expect("a model");
        assert_eq!(model.timeline.len(), 3, "{:?}", model.timeline);
        assert!(
            model
                .root_cause
                .as_deref()
                .is_some_and(|r| !r.contains("nightly") && !r.contains("fifteen")),
            "{:?}",
            model.root_cause
        );
        // Under a section that names none, the headings beside a moved timeline.
        let text = "# Media certificate expired\n\nImages failed.\n\n# Context\n\nCertificates are renewed by hand.\n\n\
                    ### Timeline\n\n- 01:52 UTC First report\n- 02:40 UTC Renewed\n\n### Impact\n\nNo image loaded.\n\n\
                    # Action items\n\n- Automate renewals (owner: Ana)\n";
        let keys = super::super::keys_of(text);
        for key in ["timeline", "impact", "action_items"] {
            assert!(keys.contains(&key.to_string()), "{key}: {keys:?}");
        }
    }

    #[test]
    fn wiki_section_links_after_a_heading_do_not_hide_its_section() {
        let text = "# Saves failing\n\nSaving failed.\n\n## Root cause[edit | edit source]\n\nA removed extension.\n\n\
                    ## Actionables[edit]\n\n- Check dependencies (Owner: Jo)\n";
        assert_eq!(
            keys(text),
            ["title", "summary", "root_cause", "action_items"]
        );
        // Other brackets are words of the heading: not a known section.
        let other = text.replace("[edit | edit source]", "[draft]");
        assert!(
            !keys(&other).contains(&"root_cause".to_string()),
            "{:?}",
            keys(&other)
        );
    }

    #[test]
    fn a_title_between_over_and_underlines_is_its_words() {
        let text = "=========================\nIncident report: queue stall\n=========================\n\n\
                    :Date: 9 May 2025\n\nTimeline\n--------\n\n- 10:00 UTC Disk full\n- 10:20 UTC Disk freed\n";
        let model = crate::check(text, crate::Format::Markdown)
            .model
            .expect("a model");
        assert_eq!(model.title, "Incident report: queue stall");
        // A setext title without an overline keeps its one line.
        let plain = &text[26..];
        let model = crate::check(plain, crate::Format::Markdown)
            .model
            .expect("a model");
        assert_eq!(model.title, "Incident report: queue stall");
    }

    /// The first line of a text with no heading is its title, but not when it
    /// starts a sentence that goes on in lower case on the next line.
    #[test]
    fn a_wrapped_first_sentence_is_no_title() {
        let title = |text: &str| {
            crate::check(text, crate::Format::Markdown)
                .model
                .expect("a model")
                .title
        };
        let body = "\n\nSearch failed from 16:20 to 16:40 UTC.\n";
        assert_eq!(
            title(&format!("Search outage on 15 January{body}")),
            "Search outage on 15 January"
        );
        assert_eq!(
            title(&format!(
                "Search outage on 15 January\nSearch failed for 20 minutes.{body}"
            )),
            "Search outage on 15 January"
        );
        assert_eq!(
            title(&format!(
                "A configuration was pushed to every node at\nonce, and search failed.{body}"
            )),
            ""
        );
    }

    /// A message pasted as text: its subject is the title, whatever the order of
    /// its headers; without one, the first line after the headers is. Lines that
    /// look like headers but are the report's own (`Date:` and `Prepared by:`) are
    /// not a message's.
    #[test]
    fn a_message_is_titled_by_its_subject() {
        let title = |text: &str| {
            crate::check(text, crate::Format::Markdown)
                .model
                .expect("a model")
                .title
        };
        let body = "\n\nHello all,\n\nThe mirrors failed from 09:05 to 11:50 UTC.\n\nTimeline\n\n- 09:05 UTC disk read-only\n- 11:50 UTC mirror back\n";
        for headers in [
            "From: Infra Team <infra@lists.example.org>\nTo: users@lists.example.org\nSubject: [outage] Mirrors down this morning",
            "Subject:   [outage] Mirrors down this morning\nFrom: infra@lists.example.org",
            "From: Infra Team\n  <infra@lists.example.org>\nDate: Tue, 14 Oct 2025 18:22:41 +0200\nSUBJECT: [outage] Mirrors down this morning\nCc: ops@example.org",
        ] {
            assert_eq!(
                title(&format!("{headers}{body}")),
                "[outage] Mirrors down this morning",
                "{headers}"
            );
        }
        let no_subject =
            format!("From: infra@lists.example.org\nTo: users@lists.example.org{body}");
        assert_eq!(title(&no_subject), "Hello all,");
        let own = format!("Date: 2025-10-14\nPrepared by: Infra Team{body}");
        assert_eq!(title(&own), "Date: 2025-10-14");
    }

    /// A mermaid sequence diagram with times is the author's timeline: its
    /// messages and notes are the entries, in the order drawn (RS201 reads it),
    /// also with prose after it in its section.
    #[test]
    fn a_mermaid_sequence_diagram_is_a_timeline() {
        let text = "# SSO down\n\n## How it unfolded\n\n```mermaid\nsequenceDiagram\n    participant U as Users\n\
                    U->>GW: 09:03 UTC logins hang\n    Note over AS: 09:26 UTC signature errors\n\
                    OC->>L: 09:48 UTC case opened\n    AS-->>U: 09:33 UTC refresh found disabled\n```\n\n\
                    Time to detect was 8 minutes.\n";
        let model = crate::check(text, crate::Format::Markdown)
            .model
            .expect("a model");
        let texts: Vec<&str> = model.timeline.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "logins hang",
                "signature errors",
                "case opened",
                "refresh found disabled"
            ]
        );
        assert_eq!(super::mermaid::mermaid_text("participant U as Users"), None);
        assert_eq!(super::mermaid::mermaid_text("A-)B: 10:00 x"), Some(6));
        assert_eq!(
            super::mermaid::mermaid_text("Note right of A: 10:00 x"),
            Some(17)
        );
    }

    #[test]
    fn a_log_in_a_fence_is_the_timeline_only_when_there_is_no_other() {
        let log = "[09:02] bot: sync skipped, lock held\n[09:15] user-k: installs failing here\n  (pip gives 4.1.0)\n[09:31] maintainer-r: confirmed, we should have caught this earlier\n[09:58] maintainer-r: index current again\n";
        let report = |body: &str, timeline: &str| {
            format!(
                "# Mirror served a stale index\n\n*Wednesday 5 March 2025, times UTC.*\n\n{timeline}## The log\n\nFrom our chat room.\n\n{body}\n## How it happened\n\nA killed sync run left its lock behind.\n"
            )
        };
        let read = |text: &str| {
            let checked = crate::check(text, crate::Format::Markdown);
            let codes: Vec<String> = checked
                .diagnostics
                .iter()
                .map(|d| d.code.to_string())
                .collect();
            let model = checked.model.expect("a model");
            (model.timeline, codes)
        };
        // Fenced by backticks, tildes or with a language: the report's timeline,
        // its times in the zone the byline states, its words quoted people (no
        // hindsight finding for "should have").
        for (open, close) in [
            ("```", "```"),
            ("~~~", "~~~"),
            ("```text", "```"),
            ("  ```", "  ```"),
        ] {
            let (timeline, codes) = read(&report(&format!("{open}\n{log}{close}\n"), ""));
            assert_eq!(timeline.len(), 4, "{open}");
            assert_eq!(timeline[0].time, "2025-03-05 09:02 UTC", "{open}");
            assert!(timeline[1].text.contains("4.1.0"), "{:?}", timeline[1]);
            assert!(
                !codes.iter().any(|c| c == "RS404" || c == "RS202"),
                "{open}: {codes:?}"
            );
        }
        // Not: beside a timeline of the report's own (quoted evidence), a fence of
        // code, or a log of two timed lines.
        let own = "## Timeline\n\n- 09:02 Sync skipped.\n- 09:58 Index current again.\n\n";
        assert_eq!(read(&report(&format!("```\n{log}```\n"), own)).0.len(), 2);
        let code = "```\nfn main() {\n    println!(\"09:02\");\n}\n```\n";
        assert!(read(&report(code, "")).0.is_empty());
        let two = "```\n[09:02] bot: sync skipped\n[09:58] bot: sync done\nlock file: /var/run/sync.lock\nowner: cron\n```\n";
        assert!(read(&report(two, "")).0.is_empty());
        let sparse = "```\n[09:02] a\nb\nc\n[09:03] d\ne\nf\n[09:04] g\nh\ni\n```\n";
        assert!(read(&report(sparse, "")).0.is_empty());
    }

    #[test]
    fn timed_lines_in_code_or_a_quoted_list_under_a_timeline_heading_are_its_entries() {
        let report = |timeline: &str| {
            format!(
                "# Hub outage on 2025-10-14\n\n## Summary\n\nLogins failed.\n\n## Timeline\n\n{timeline}\n## Follow-ups\n\n- Add alerts (@a)\n"
            )
        };
        let entries = |timeline: &str| {
            crate::check(&report(timeline), crate::Format::Markdown)
                .model
                .expect("a model")
                .timeline
                .iter()
                .map(|e| (e.time.clone(), e.text.clone()))
                .collect::<Vec<_>>()
        };
        for shape in [
            "\t3:04 PM\tLatency alert fires.\n\t3:15 PM\tLogins fail.\n\t4:21 PM\tLogins work again.\n",
            "    3:04 PM  Latency alert fires.\n    3:15 PM  Logins fail.\n    4:21 PM  Logins work again.\n",
            "\t\u{2022}\t3:04 PM\tLatency alert fires.\n\t\u{2022}\t3:15 PM\tLogins fail.\n\t\u{2022}\t4:21 PM\tLogins work again.\n",
            "```\n3:04 PM  Latency alert fires.\n3:15 PM  Logins fail.\n4:21 PM  Logins work again.\n```\n",
            "> - 3:04 PM: Latency alert fires.\n> - 3:15 PM: Logins fail.\n> - 4:21 PM: Logins work again.\n",
            "> * 3:04 PM Latency alert fires.\n> * 3:15 PM Logins fail.\n> * 4:21 PM Logins work again.\n",
        ] {
            let read = entries(shape);
            assert_eq!(read.len(), 3, "{shape:?}: {read:?}");
            assert_eq!(read[0].0, "2025-10-14 3:04 PM", "{shape:?}");
            assert_eq!(read[2].1, "Logins work again.", "{shape:?}");
        }
        // Beside entries of the section's own, code is evidence; code with fewer
        // than two timed lines (or mostly other lines) is no timeline.
        let own = "- 3:04 PM Latency alert fires.\n- 4:21 PM Logins work again.\n\n```\n15:10:01 ERROR upstream timeout\n15:10:02 ERROR upstream timeout\n15:10:03 ERROR upstream timeout\n```\n";
        assert_eq!(entries(own).len(), 2);
        for shape in [
            "    3:04 PM  Latency alert fires.\n    then nothing for a while\n    and more waiting\n    4:21 PM  Logins work again.\n    end of notes\n",
            "    retry_interval: 15:00\n    max_wait: 30\n",
            "```\nSELECT * FROM logins WHERE at > '15:04';\n```\n",
            "> - Latency alert fires.\n> - Logins work again.\n",
            "We lost logins, see the notes.\n",
        ] {
            assert!(entries(shape).is_empty(), "{shape:?}: {:?}", entries(shape));
        }
    }

    #[test]
    fn a_paragraph_of_timed_lines_is_a_timeline() {
        // A ticket's work notes: no heading, no list, continuation lines indented.
        let text = "TCK-88  Label printers offline\n\nLogged 2025-04-09 by the Leeds depot.\n\n\
                    == Notes (times UTC) ==\n\n09:12  Printers at Leeds stop printing.\n\
                    09:30  Print server restarted; no change.\n        Queue still growing.\n\
                    10:05  Driver rolled back. Printing again.\n";
        assert!(
            keys(text).contains(&"timeline".to_string()),
            "{:?}",
            keys(text)
        );
        let model = crate::check(text, crate::Format::Markdown)
            .model
            .expect("a model");
        assert_eq!(model.timeline.len(), 3);
        assert_eq!(model.timeline[0].time, "2025-04-09 09:12 UTC");
        // A line neither timed nor indented: prose, not work notes.
        let prose = "Outage\n\nWe lost printing.\n\n09:12  Printers stop.\n09:30  Restarted.\nThen we waited for the vendor.\n10:05  Printing again.\n";
        assert!(
            !keys(prose).contains(&"timeline".to_string()),
            "{:?}",
            keys(prose)
        );
    }

    #[test]
    fn awkward_text_does_not_panic() {
        for text in [
            "",
            "\u{feff}",
            "•",
            "• ",
            "–\n–",
            "**\n**",
            "****",
            "**Timeline**\n\n**10:00**",
            "1.\n",
            "2. Timeline\n\n10:00\n10:05 UTC x\n",
            "# é\n\n## Timeline (é)\n\n| a | b |\n|---|---|\n| é | 10:00 |\n",
            "Timeline\n\n### 25:99\n\n### June 45th, 2024\n\n- **10:00",
            "x\r\n\r\nTimeline\r\n\r\n  • 10:00 UTC: a\r\n  • 10:05 UTC: b\r\n",
        ] {
            let _ = crate::check(text, crate::Format::Markdown);
        }
    }

    #[test]
    fn prose_after_a_timeline_is_read_as_a_section() {
        // An email: a timeline indented by two spaces, then prose and lines standing
        // alone that name no section.
        let text = "Mirror outage\n\nWhat happened (all times UTC)\n\n  09:05  disk fails\n  09:20  checks alert\n\n\
                    We only noticed 40 minutes later.\n\nWhy it took so long\n\nThe spare was small.\n";
        // `What happened` stands above the timed lines: it is moved to the prose
        // (here the summary, as the report has no opening text).
        assert_eq!(keys(text), ["title", "timeline", "summary"]);
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        let (body, _) = parsed.tree.pointer("/summary").expect("summary");
        let Value::String(body) = &body.value else {
            panic!("{body:?}")
        };
        assert!(body.contains("noticed 40 minutes later") && body.contains("spare was small"));
        let (items, _) = parsed.tree.pointer("/timeline").expect("timeline");
        assert!(matches!(&items.value, Value::Seq(i) if i.len() == 2));
        // A note stating the length stays with the timeline; a date line and the
        // entries under it are the timeline's.
        let text = "Mirror outage\n\nTimeline\n\n  09:05  disk fails\n  09:20  checks alert\n\n\
                    June 3, 2025\n\n  10:05  disk replaced\n  10:20  all clear\n\nTotal downtime: 75 minutes\n";
        assert_eq!(keys(text), ["milestones", "title", "timeline"]);
        // After a Markdown list too: the story goes on (a quoted ticket, a label
        // left to fill), and is read under the timeline's heading. A table's remark
        // is the timeline's aside, as in retrospec's own form.
        let text = "# Mirror outage\n\n## Timeline\n\n- 09:05 disk fails\n- 09:20 checks alert\n\n\
                    We replaced it 28 minutes later.\n\n> [TODO: paste the ticket]\n\n## Cause\n\nA fault.\n";
        assert_eq!(keys(text), ["title", "timeline", "root_cause", "sections"]);
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        let (body, _) = parsed.tree.pointer("/sections/0/body").expect("section");
        assert!(
            matches!(&body.value, Value::String(b) if b.contains("28 minutes later") && b.contains("[TODO"))
        );
        let text = "# Mirror outage\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 09:05 | disk fails |\n| 09:20 | checks alert |\n\n\
                    We replaced it 28 minutes later.\n\n## Cause\n\nA fault.\n";
        assert_eq!(keys(text), ["title", "timeline", "root_cause"]);
    }

    #[test]
    fn paragraphs_led_by_their_times_are_a_timeline() {
        let text = "# Checkout latency\n\nAll times are Pacific (PST). Tuesday, March 4th, 2025.\n\n## What happened\n\n\
                    At 9:47 a.m., latency began to climb after a cache restart.\n\n\
                    At 10:21 a.m., the latency alert paged the on-call engineer.\n\n\
                    Shortly before 11 a.m. (10:52 a.m.), the team started a warm-up\nscript.\n\n\
                    At noon, latency was back to normal.\n\n## Why it happened\n\nThe restart was manual.\n";
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        let (timeline, _) = parsed.tree.pointer("/timeline").expect("timeline");
        let Value::Seq(items) = &timeline.value else {
            panic!("{timeline:?}")
        };
        let times: Vec<&str> = (0..items.len())
            .map(|i| {
                let (t, _) = parsed
                    .tree
                    .pointer(&Ptr::timeline_entry(i).time())
                    .expect("time");
                t.span.slice(text)
            })
            .collect();
        assert_eq!(times, ["9:47 a.m.", "10:21 a.m.", "10:52 a.m.", "noon"]);
        // A wrapped line that starts with a time goes on with its sentence.
        let wrapped = text.replace(
            "warm-up\nscript.",
            "warm-up script from the\n6:00 a.m. snapshot.",
        );
        let parsed = markdown::parse(&wrapped, &mut diags).expect("parses");
        let (timeline, _) = parsed.tree.pointer("/timeline").expect("timeline");
        assert!(
            matches!(&timeline.value, Value::Seq(i) if i.len() == 4),
            "{timeline:?}"
        );
        let (entry, _) = parsed.tree.pointer("/timeline/2/text").expect("text");
        assert!(entry.span.slice(text).starts_with("the team started"));
        assert!(keys(text).contains(&"root_cause".to_string()));
    }

    #[test]
    fn several_sentences_led_by_their_times_in_one_paragraph_are_entries() {
        let text = "# Power loss\n\n## Incident discussion\n\n\
                    At 06:32 UTC, the uplink dropped and came back at 06:45. At 07:08 UTC a second\n\
                    drop followed; the building had lost power.\n\n\
                    At approximately 07:45 UTC an engineer arrived on site.\n\n\
                    We waited for the utility.\n\n\
                    At 13:30 UTC power was restored.\n";
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        let times: Vec<&str> = (0..4)
            .map(|i| {
                let (t, _) = parsed
                    .tree
                    .pointer(&Ptr::timeline_entry(i).time())
                    .expect("time");
                t.span.slice(text)
            })
            .collect();
        assert_eq!(times, ["06:32 UTC", "07:08 UTC", "07:45 UTC", "13:30 UTC"]);
        assert!(parsed.tree.pointer("/timeline/4").is_none());
        let (first, _) = parsed.tree.pointer("/timeline/0/text").expect("text");
        assert_eq!(
            first.span.slice(text),
            "the uplink dropped and came back at 06:45."
        );
    }

    #[test]
    fn a_sentence_led_by_its_time_on_a_wrapped_line_is_an_entry() {
        let text = "# Lost orders\n\n## What happened\n\n\
                    At 7:40 PM, checkout began to time out.\n\n\
                    At 7:52 PM, the on-call engineer was paged.\n\n\
                    By 8:30 PM, the cache had been rebuilt and checkout was back to\n\
                    normal. At 8:41 PM we opened an incident and posted on our status\n\
                    page.\n";
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        let at = |pointer: Pointer| {
            parsed
                .tree
                .pointer(&pointer)
                .map(|(n, _)| n.span.slice(text).to_string())
        };
        let entry = Ptr::timeline_entry;
        assert_eq!(at(entry(2).time()).as_deref(), Some("8:30 PM"));
        assert_eq!(
            at(entry(2).text()).as_deref(),
            Some("the cache had been rebuilt and checkout was back to\nnormal.")
        );
        assert_eq!(at(entry(3).time()).as_deref(), Some("8:41 PM"));
        assert!(at(entry(4).time()).is_none());
    }

    #[test]
    fn times_in_sentences_about_other_things_are_not_a_timeline() {
        for text in [
            // Two sentences led by a time are not a timeline.
            "# Outage\n\n## Overview\n\nAt 09:10 the disk filled.\n\nAt 09:40 we cleaned it.\n\n## Cause\n\nLogs.\n",
            // Times inside sentences about something else.
            "# Outage\n\n## Overview\n\nWe restored from the 09:00 backup.\n\nThe window (09:30 to 11:00) was short.\n\n\
             The 10:15 train was late.\n\nWe met at the office.\n",
            // Led paragraphs drowned in prose without times.
            "# Outage\n\n## Overview\n\nAt 09:10 the disk filled.\n\nA.\n\nB.\n\nAt 09:40 we looked.\n\nC.\n\nD.\n\nAt 10:00 it was clean.\n",
        ] {
            assert!(!keys(text).contains(&"timeline".to_string()), "{text}");
        }
    }

    #[test]
    fn plain_text_bullets_become_list_items() {
        let text =
            "Queue outage\n\nTimeline\n\n  • 10:00 UTC: Disk full\n  • 10:20 UTC: Disk cleaned\n";
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        let timeline = parsed.tree.entry("timeline").expect("timeline");
        let Value::Seq(items) = &timeline.value.value else {
            panic!("{timeline:?}")
        };
        assert_eq!(items.len(), 2);
        let (time, _) = parsed.tree.pointer("/timeline/1/text").expect("text");
        assert_eq!(time.span.slice(text), "Disk cleaned");
    }
}
