//! A chat exported as text, which no word rule reads: what people said in the
//! channel while it happened is evidence, as a quoted log is, not the report's
//! own words. The export's shape (DiscordChatExporter's plain text, Slack's and
//! Teams' copied messages): a header line of a bracketed time and the author's
//! name alone (`[14/06/2025 21:05] mossy_tea`), the message on the lines under
//! it, up to a blank line. So is a ticket's or a mail's thread printed newest
//! first (Zendesk's and Freshdesk's notification mails): below the reply that
//! holds the write-up, the earlier messages are the history it answers. And in
//! a forum thread copied as text (Hacker News: `throwaway_ops 7 hours ago |
//! parent | next [-]`), the comments of anyone but the first comment's author,
//! whose comment is the write-up.

use std::ops::Range;

/// Adds the messages of a chat export in `text` to `ranges`: each header with
/// its message lines, when the text has three such messages or more (a
/// timeline of bracketed times has its words on the time's own line, not
/// under it).
pub(super) fn chat_messages(text: &str, ranges: &mut Vec<Range<usize>>) {
    if !text.contains("]\n") && !text.contains("]\r\n") && !text.contains("] ") {
        return;
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut open: Option<(usize, usize, bool)> = None; // start, end, has a message line
    let mut pos = 0;
    let close = |open: &mut Option<(usize, usize, bool)>, found: &mut Vec<Range<usize>>| {
        if let Some((start, end, true)) = open.take() {
            found.push(start..end);
        }
    };
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end();
        if content.is_empty() {
            close(&mut open, &mut found);
            continue;
        }
        if is_header(content) {
            close(&mut open, &mut found);
            open = Some((start, start + content.len(), false));
        } else if let Some((_, end, message)) = open.as_mut() {
            *end = start + content.len();
            *message = true;
        }
    }
    close(&mut open, &mut found);
    if found.len() >= 3 {
        ranges.extend(found);
    }
}

/// `[14/06/2025 21:05] mossy_tea`, `[21:05] Owl Grey`: a bracketed time with a
/// digit and a colon in it, then one to three words of a name, nothing more.
fn is_header(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('[') else {
        return false;
    };
    let Some((stamp, name)) = rest.split_once(']') else {
        return false;
    };
    let name = name.trim();
    stamp.contains(':')
        && stamp.bytes().any(|b| b.is_ascii_digit())
        && stamp.len() <= 30
        && !name.is_empty()
        && name.split_whitespace().count() <= 3
        && !name.ends_with(['.', ':', '!', '?'])
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '#' | '(' | ')'))
}

/// Adds a thread's earlier messages in `text` to `ranges`: when two messages or
/// more each open with a line of dashes, the author's line and a line with the
/// date and time (`Jul 16, 2025, 09:12 BST`), everything from the second such
/// line of dashes on.
pub(super) fn earlier_messages(text: &str, ranges: &mut Vec<Range<usize>>) {
    if !text.contains("----------") {
        return;
    }
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l.trim_end()))
        })
        .collect();
    let said = |from: usize| lines[from..].iter().filter(|(_, l)| !l.trim().is_empty());
    let opens_message = |i: usize| {
        let l = lines[i].1.trim();
        if l.len() < 10 || !l.bytes().all(|b| b == b'-') {
            return false;
        }
        let mut next = said(i + 1);
        let author = next.next().is_some_and(|(_, a)| {
            (1..=6).contains(&a.split_whitespace().count()) && !a.ends_with(['.', ':', '?', '!'])
        });
        let dated = next.next().is_some_and(|(_, d)| {
            d.len() <= 40
                && d.contains(':')
                && d.split(|c: char| !c.is_ascii_digit())
                    .any(|n| n.len() == 4 && n.starts_with("20"))
        });
        author && dated
    };
    let mut opened = (0..lines.len()).filter(|&i| opens_message(i));
    if let (Some(_), Some(second)) = (opened.next(), opened.next()) {
        ranges.push(lines[second].0..text.len());
    }
}

/// The author of a forum comment's header line (`dcalloway 8 hours ago | next
/// [-]`), not a story's (`412 points by mgrahn 9 hours ago | ...`).
fn comment_author(line: &str) -> Option<&str> {
    let t = line.trim();
    let (head, _) = t.split_once(" ago |")?;
    let words: Vec<&str> = head.split_whitespace().collect();
    let [author, number, unit] = words[..] else {
        return None;
    };
    (number.bytes().all(|b| b.is_ascii_digit())
        && [
            "minute", "minutes", "hour", "hours", "day", "days", "month", "months", "year", "years",
        ]
        .contains(&unit))
    .then_some(author)
}

/// Adds the comments of a forum thread copied as text in `text` to `ranges`,
/// each from its header to the next, for every author but the first comment's.
pub(super) fn others_comments(text: &str, ranges: &mut Vec<Range<usize>>) {
    if !text.contains(" ago |") {
        return;
    }
    let mut first: Option<&str> = None;
    let mut open: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let Some(author) = comment_author(line) else {
            continue;
        };
        if let Some(from) = open.take() {
            ranges.push(from..start);
        }
        match first {
            None => first = Some(author),
            Some(f) if f != author => open = Some(start),
            Some(_) => {}
        }
    }
    if let Some(from) = open {
        ranges.push(from..text.len());
    }
}

#[cfg(test)]
mod tests {
    use super::{chat_messages, earlier_messages, others_comments};

    #[test]
    fn other_commenters_words_are_evidence() {
        let text = "Outage - what happened (x.example)\n412 points by mgrahn 9 hours ago | hide | past\n\n\
                    dcalloway 8 hours ago | next [-]\n\nFounder here. We should have had alerts.\n\n\
                    \x20 throwaway_ops 7 hours ago | parent | next [-]\n\n  you obviously should have known\n\n\
                    \x20   dcalloway 7 hours ago | parent | next [-]\n\n    Fair, we did not.\n";
        let mut ranges = Vec::new();
        others_comments(text, &mut ranges);
        let masked: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(masked.len(), 1, "{masked:?}");
        assert!(masked[0].contains("obviously should have known"));
        assert!(!masked[0].contains("Fair"));
    }

    #[test]
    fn a_thread_s_earlier_messages_are_evidence() {
        let dashes = "----------------------------------------------";
        let text = format!(
            "Your request (48213) has been updated.\n\n{dashes}\n\nEllie Marsh (Support)\n\nJul 17, 2025, 16:42 BST\n\n\
             Hi Tomasz,\n\nHere is our analysis. We should have paged sooner.\n\n{dashes}\n\nTomasz Wrobel\n\n\
             Jul 16, 2025, 09:12 BST\n\nYou should have told us sooner.\n"
        );
        let mut ranges = Vec::new();
        earlier_messages(&text, &mut ranges);
        let masked: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(masked.len(), 1);
        assert!(masked[0].contains("You should have told us"));
        assert!(!masked[0].contains("paged sooner"));
        // One message, or dashes as a section rule: nothing is evidence.
        for text in [
            format!("Report\n\n{dashes}\n\nEllie Marsh\n\nJul 17, 2025, 16:42 BST\n\nText\n"),
            format!("Summary\n{dashes}\nText.\n\nTimeline\n{dashes}\n14:05 errors\n"),
        ] {
            let mut ranges = Vec::new();
            earlier_messages(&text, &mut ranges);
            assert!(ranges.is_empty(), "{text}");
        }
    }

    #[test]
    fn the_messages_of_a_chat_export_are_evidence() {
        let text = "Exported chat\n\n[14/06/2025 21:05] mossy_tea\n@Staff pinging because this is bad\n\n\
                    [14/06/2025 21:07] owl\nsomeone should have tested this\n\n\
                    [14/06/2025 21:31] wrenfield\nTODO after: post in #announcements\n\nWrite-up\n\nWe should have\n";
        let mut ranges = Vec::new();
        chat_messages(text, &mut ranges);
        let masked: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(masked.len(), 3);
        assert!(masked[1].ends_with("someone should have tested this"));
        assert!(!masked.iter().any(|m| m.contains("Write-up")));
    }

    #[test]
    fn a_timeline_of_bracketed_times_is_not_a_chat() {
        for text in [
            "[10:05] Deploy\n[10:07] Rollback\n[10:09] Errors stop\n",
            "[10:05] Deploy starts\nand runs long\n\n[10:07] Rollback\n\n[10:09] Errors stop\n",
        ] {
            let mut ranges = Vec::new();
            chat_messages(text, &mut ranges);
            assert!(ranges.is_empty(), "{text}");
        }
    }
}
