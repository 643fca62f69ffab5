//! A message pasted as text: its mail headers.

use std::ops::Range;

/// Header names a message pasted as text opens with.
const MAIL_HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "bcc",
    "date",
    "sent",
    "subject",
    "reply-to",
    "message-id",
    "in-reply-to",
    "references",
    "organization",
    "organisation",
    "list-id",
];

/// Whether the paragraph at `range` is a message's mail headers: every line a
/// header of [`MAIL_HEADERS`] (`From: Ops <ops@example.org>`) or the folded
/// continuation of one, with a `From:` or a `Subject:` among them. `Some` then,
/// with the range of the subject's words when there is a `Subject:` line.
pub(crate) fn mail_headers(text: &str, range: Range<usize>) -> Option<Option<Range<usize>>> {
    let mut subject = None;
    let mut from = false;
    let mut pos = range.start;
    for line in text.get(range.clone())?.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end();
        if content.starts_with([' ', '\t']) && start > range.start {
            continue; // a folded header's next line
        }
        let (name, value) = content.split_once(':')?;
        let name = name.to_ascii_lowercase();
        if !MAIL_HEADERS.contains(&name.as_str()) {
            return None;
        }
        from |= name == "from";
        if name == "subject" {
            let words = value.trim();
            let at = start + content.len() - value.len() + (value.len() - value.trim_start().len());
            subject = (!words.is_empty()).then(|| at..at + words.len());
        }
    }
    (from || subject.is_some()).then_some(subject)
}
