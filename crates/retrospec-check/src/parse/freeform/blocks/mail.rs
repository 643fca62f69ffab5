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
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "content-language",
    "return-path",
    "received",
    "delivered-to",
    "user-agent",
    "thread-topic",
    "thread-index",
    "importance",
    "precedence",
];

/// Whether the paragraph at `range` is a message's mail headers: every line a
/// header of [`MAIL_HEADERS`] (`From: Ops <ops@example.org>`), an `X-` header
/// (`X-Mailer:`), or the folded continuation of one, with a `From:` or a
/// `Subject:` among them. `Some` then,
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
        let extension = name.starts_with("x-") && name.len() > 2 && !name.contains(' ');
        if !(MAIL_HEADERS.contains(&name.as_str()) || extension) {
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

#[cfg(test)]
mod tests {
    use super::mail_headers;

    fn subject(text: &str) -> Option<Option<&str>> {
        mail_headers(text, 0..text.len()).map(|s| s.map(|r| &text[r]))
    }

    #[test]
    fn a_message_with_mime_and_extension_headers() {
        let mail = "From: Ops <ops@example.org>\nSubject: Reason for outage\nDate: Mon, 22 Sep 2025 16:05:12 +0100\nMessage-ID: <a@example.org>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nX-Mailer: Mailer 2.1\n";
        assert_eq!(subject(mail), Some(Some("Reason for outage")));
        // A line that is no header: not a message's headers.
        assert_eq!(subject("From: Ops\nImpact: checkout failed\n"), None);
        assert_eq!(subject("From: Ops\nX Mailer: 2\n"), None);
        // Headers without a sender or a subject are not a message's.
        assert_eq!(subject("Date: today\nContent-Type: text/plain\n"), None);
    }
}
