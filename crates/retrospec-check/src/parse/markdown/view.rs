//! What pulldown-cmark is given to read of a body: the text as written, except
//! where a shape that is not Markdown indents its prose.
//!
//! `git log` and `git show` print a commit's message indented four spaces under
//! its `commit <sha>`, `Author:` and `Date:` lines. Markdown reads every line
//! indented four spaces as code, so a write-up kept in a commit message (the
//! revert that fixed the incident, the way some teams record a small one) would
//! be one code block: no section, no timeline, and every word rule masked. The
//! view drops that indent and maps each offset pulldown-cmark reports back to
//! the file ([`View::to_body`]), so every reader of Markdown events (the blocks,
//! the word rules' masks, the suppression comments) sees the same text and
//! every span still points into what the user wrote. Written by hand: no crate
//! reads git's log format with positions.

use std::borrow::Cow;

/// The indent `git log` puts before each line of a commit message.
const INDENT: &str = "    ";

/// A body as pulldown-cmark reads it, with the way back to the body's offsets.
pub(crate) struct View<'a> {
    text: Cow<'a, str>,
    /// For each line whose indent was dropped: where it starts in the view, and
    /// how many bytes were dropped up to and including its indent.
    shifts: Vec<(usize, usize)>,
}

impl<'a> View<'a> {
    /// The view of `body`: borrowed, and free, unless it holds a commit message
    /// as `git log` prints it.
    pub(crate) fn new(body: &'a str) -> Self {
        if !body.starts_with("commit ")
            && memchr::memmem::find(body.as_bytes(), b"\ncommit ").is_none()
        {
            return View::plain(body);
        }
        View::reading(body, At::Outside)
    }

    /// The view of `body` that is a commit's message, its header read already
    /// (`crate::parse::freeform::commit`): without the indent when its first line
    /// that says something has it.
    pub(crate) fn message(body: &'a str) -> Self {
        let indented = body
            .lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| l.starts_with(INDENT));
        match indented {
            true => View::reading(body, At::Message),
            false => View::plain(body),
        }
    }

    fn plain(body: &'a str) -> Self {
        View {
            text: Cow::Borrowed(body),
            shifts: Vec::new(),
        }
    }

    fn reading(body: &'a str, mut at: At) -> Self {
        let mut text = String::with_capacity(body.len());
        let mut shifts = Vec::new();
        let mut dropped = 0;
        for line in body.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            at = match at {
                _ if is_commit_line(content) => At::Header,
                At::Header if content.is_empty() => At::Message,
                At::Header if is_commit_header(content) => At::Header,
                At::Message if content.trim().is_empty() || content.starts_with(INDENT) => {
                    At::Message
                }
                _ => At::Outside,
            };
            if at == At::Message && line.starts_with(INDENT) {
                dropped += INDENT.len();
                shifts.push((text.len(), dropped));
                text.push_str(&line[INDENT.len()..]);
            } else {
                text.push_str(line);
            }
        }
        if shifts.is_empty() {
            return View::plain(body);
        }
        View {
            text: Cow::Owned(text),
            shifts,
        }
    }

    /// The text pulldown-cmark reads.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The offset in the body of offset `at` of the view.
    pub(crate) fn to_body(&self, at: usize) -> usize {
        let i = self.shifts.partition_point(|&(start, _)| start <= at);
        match i {
            0 => at,
            _ => at + self.shifts[i - 1].1,
        }
    }
}

/// Where in a commit a line is: outside one, in its header lines, or in its
/// indented message.
#[derive(PartialEq)]
enum At {
    Outside,
    Header,
    Message,
}

/// `commit 8c41f0e...`, with `git log --decorate`'s `(HEAD -> main)` after it.
pub(crate) fn is_commit_line(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("commit ") else {
        return false;
    };
    let sha = rest.split(' ').next().unwrap_or("");
    (7..=64).contains(&sha.len()) && sha.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A header line under `commit`: `Author:`, `Date:`, `Merge:` and the fuller
/// formats' `AuthorDate:`, `Commit:`, `CommitDate:`.
pub(crate) fn is_commit_header(line: &str) -> bool {
    [
        "Author:",
        "Date:",
        "Merge:",
        "AuthorDate:",
        "Commit:",
        "CommitDate:",
    ]
    .iter()
    .any(|key| line.starts_with(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "commit 8c41f0e2b7d9 (HEAD -> main)\nAuthor: A <a@example.com>\n\
        Date:   Wed Apr 9 17:42:10 2025 +0000\n\n    Revert \"x\"\n\n    Timeline\n    --------\n    \
        13:20  deployed\n           (continued)\n\n        code stays code\nnot the message\n    indented again\n";

    #[test]
    fn a_commit_message_is_read_without_its_indent() {
        let view = View::new(LOG);
        let text = view.text();
        assert!(text.contains(
            "\nRevert \"x\"\n\nTimeline\n--------\n13:20  deployed\n       (continued)\n"
        ));
        assert!(text.contains("\n    code stays code\n"), "{text}");
        // After the message ends, nothing is dropped.
        assert!(
            text.ends_with("not the message\n    indented again\n"),
            "{text}"
        );
        // Every line keeps its text at the mapped offset.
        for needle in [
            "Revert",
            "Timeline",
            "13:20",
            "(continued)",
            "code stays",
            "not the",
            "indented again",
        ] {
            let at = text.find(needle).expect("in the view");
            assert_eq!(
                &LOG[view.to_body(at)..view.to_body(at) + needle.len()],
                needle
            );
        }
        assert_eq!(view.to_body(0), 0);
        assert_eq!(view.to_body(text.len()), LOG.len());
    }

    #[test]
    fn other_text_is_borrowed_as_it_is() {
        for body in [
            "# Title\n\n    code\n",
            "commit to the plan\n\n    code\n",
            "commit abcdef1\nnot a header\n\n    code\n",
        ] {
            let view = View::new(body);
            assert_eq!(view.text(), body);
            assert_eq!(view.to_body(5), 5);
        }
    }
}
