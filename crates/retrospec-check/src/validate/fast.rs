//! A quick yes for the published schema, on the spanned tree: most reports are
//! valid, and telling so from the tree skips turning it into a
//! `serde_json::Value` for the generated validator (25 M instructions per 200
//! JSON reports, plus dropping it).
//!
//! [`surely_valid`] answers `true` only for a tree it is sure the published
//! schema accepts; for anything it is unsure of (a duplicate key, a number that is
//! not a plain unsigned integer, a date or URI outside the narrow forms below) it
//! answers `false`, and the check validates the JSON as before. So it may be
//! stricter than the schema, never looser: `validate_agreement.rs` holds every
//! `true` to the generated validator on the corpus and on mutated documents.

use retrospec_model::schema::EXTENSION_PREFIX;

use crate::tree::{Entry, Node, Value};

/// Whether `s` matches the schema's `TIMESTAMP_PATTERN` (`date` true) or
/// `TIMELINE_TIME_PATTERN` (the date may be left out), read by hand: compiling
/// the two patterns was 0.58 M of the 6.2 M instructions of a one-file check
/// (perf13). `tests::times_match_the_schemas_patterns` holds it to the patterns.
///
/// `^([0-9]{4}-[0-9]{2}-[0-9]{2}[T ])?[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?`
/// `( ?(Z|[+-][0-9]{2}(:?[0-9]{2})?|[A-Za-z][A-Za-z0-9_+/-]*))?$`: each optional
/// part starts with a character no other part can start with at that place, so
/// one pass decides.
fn schema_time(s: &str, date: bool) -> bool {
    let b = s.as_bytes();
    let digits = |at: usize, n: usize| {
        b.get(at..at + n)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let mut i = 0;
    if digits(0, 4)
        && b.get(4) == Some(&b'-')
        && digits(5, 2)
        && b.get(7) == Some(&b'-')
        && digits(8, 2)
        && matches!(b.get(10), Some(b'T' | b' '))
    {
        i = 11;
    } else if date {
        return false;
    }
    // The hour: one or two digits, then `:` and the minutes.
    let hour = b[i..]
        .iter()
        .take(2)
        .take_while(|c| c.is_ascii_digit())
        .count();
    i += hour;
    if hour == 0 || b.get(i) != Some(&b':') || !digits(i + 1, 2) {
        return false;
    }
    i += 3;
    if b.get(i) == Some(&b':') {
        if !digits(i + 1, 2) {
            return false;
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            let fraction = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if fraction == 0 {
                return false;
            }
            i += 1 + fraction;
        }
    }
    if i == b.len() {
        return true;
    }
    if b[i] == b' ' {
        i += 1;
    }
    match b.get(i) {
        Some(b'+' | b'-') => {
            if !digits(i + 1, 2) {
                return false;
            }
            i += 3;
            if b.get(i) == Some(&b':') {
                i += 1;
            } else if i == b.len() {
                return true;
            }
            digits(i, 2) && i + 2 == b.len()
        }
        Some(c) if c.is_ascii_alphabetic() => b[i + 1..]
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'+' | b'/' | b'-')),
        _ => false,
    }
}

/// Whether the published schema surely accepts `tree` (see the module docs).
pub(crate) fn surely_valid(tree: &Node) -> bool {
    let Some(entries) = object(tree) else {
        return false;
    };
    let mut title = false;
    let mut status = false;
    for entry in entries {
        let v = &entry.value;
        let ok = match entry.key.as_str() {
            "title" => {
                title = true;
                non_empty(v)
            }
            "status" => {
                status = true;
                one_of(v, &["draft", "in-review", "published"])
            }
            "$schema" | "summary" | "root_cause" | "trigger" | "resolution" => string_or_null(v),
            "id" | "owner" | "timezone" => null(v) || non_empty(v),
            "date" => null(v) || string(v).is_some_and(date),
            "severity" => null(v) || one_of(v, &["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"]),
            "authors" | "services" | "tags" | "contributing_factors" => strings(v),
            "milestones" => null(v) || milestones(v),
            "impact" => null(v) || impact(v),
            "detection" => null(v) || detection(v),
            "lessons" => {
                null(v)
                    || fields(v, |key, v| match key {
                        "went_well" | "went_wrong" | "got_lucky" | "other" => strings(v),
                        _ => false,
                    })
            }
            "timeline" => items(v, timeline_entry),
            "action_items" => items(v, action_item),
            "links" => items(v, link),
            "sections" => items(v, section),
            key => key.starts_with(EXTENSION_PREFIX),
        };
        if !ok {
            return false;
        }
    }
    title && status
}

/// The entries of a mapping without duplicate keys (a duplicate is left to the JSON path).
fn object(node: &Node) -> Option<&[Entry]> {
    let entries = node.as_map()?;
    let unique = entries
        .iter()
        .enumerate()
        .all(|(i, e)| !entries[..i].iter().any(|f| f.key == e.key));
    unique.then_some(entries)
}

/// A mapping whose every entry passes `field`.
fn fields(node: &Node, field: impl Fn(&str, &Node) -> bool) -> bool {
    object(node).is_some_and(|entries| entries.iter().all(|e| field(&e.key, &e.value)))
}

fn null(node: &Node) -> bool {
    matches!(node.value, Value::Null)
}

fn string(node: &Node) -> Option<&str> {
    node.as_str()
}

fn string_or_null(node: &Node) -> bool {
    null(node) || string(node).is_some()
}

fn non_empty(node: &Node) -> bool {
    string(node).is_some_and(|s| !s.is_empty())
}

fn one_of(node: &Node, allowed: &[&str]) -> bool {
    string(node).is_some_and(|s| allowed.contains(&s))
}

fn strings(node: &Node) -> bool {
    match &node.value {
        Value::Seq(items) => items.iter().all(|i| string(i).is_some()),
        _ => false,
    }
}

fn items(node: &Node, item: fn(&Node) -> bool) -> bool {
    match &node.value {
        Value::Seq(items) => items.iter().all(item),
        _ => false,
    }
}

fn milestones(node: &Node) -> bool {
    fields(node, |key, v| match key {
        "started" | "detected" | "acknowledged" | "mitigated" | "resolved" => {
            null(v) || string(v).is_some_and(|s| schema_time(s, true))
        }
        _ => false,
    })
}

fn impact(node: &Node) -> bool {
    fields(node, |key, v| match key {
        "description" => string_or_null(v),
        "users_affected" | "customers_affected" => null(v) || count(v),
        "percentage" => null(v) || percentage(v),
        "regions" => strings(v),
        _ => false,
    })
}

fn detection(node: &Node) -> bool {
    fields(node, |key, v| match key {
        "method" => null(v) || one_of(v, &["alert", "customer-report", "staff", "external"]),
        "description" => string_or_null(v),
        _ => false,
    })
}

fn timeline_entry(node: &Node) -> bool {
    fields(node, |key, v| match key {
        "time" => string(v).is_some_and(|s| schema_time(s, false)),
        "text" => non_empty(v),
        "milestone" => {
            null(v)
                || one_of(
                    v,
                    &[
                        "started",
                        "detected",
                        "acknowledged",
                        "mitigated",
                        "resolved",
                    ],
                )
        }
        _ => false,
    }) && node.entry("time").is_some()
        && node.entry("text").is_some()
}

fn action_item(node: &Node) -> bool {
    fields(node, |key, v| match key {
        "title" => non_empty(v),
        "owner" => null(v) || non_empty(v),
        "due" => null(v) || string(v).is_some_and(date),
        "priority" => null(v) || one_of(v, &["P0", "P1", "P2", "P3"]),
        "type" => {
            null(v)
                || one_of(
                    v,
                    &["prevent", "mitigate", "detect", "process", "investigate"],
                )
        }
        "status" => null(v) || one_of(v, &["open", "in-progress", "done", "wont-do"]),
        "link" => null(v) || string(v).is_some_and(uri),
        "ticket" => null(v) || non_empty(v),
        _ => false,
    }) && node.entry("title").is_some()
}

fn link(node: &Node) -> bool {
    fields(node, |key, v| match key {
        "title" => string_or_null(v),
        "url" => string(v).is_some_and(uri),
        _ => false,
    }) && node.entry("url").is_some()
}

fn section(node: &Node) -> bool {
    fields(node, |key, v| match key {
        "title" => non_empty(v),
        "body" => string(v).is_some(),
        _ => false,
    }) && node.entry("title").is_some()
}

/// A plain unsigned integer (`type: integer`, `minimum: 0`).
fn count(node: &Node) -> bool {
    matches!(&node.value, Value::Number(n) if n.as_u64().is_some())
}

/// A number from 0 to 100.
fn percentage(node: &Node) -> bool {
    match &node.value {
        Value::Number(n) => n.as_f64().is_some_and(|x| (0.0..=100.0).contains(&x)),
        _ => false,
    }
}

/// `YYYY-MM-DD`, a real day of a year from 1900 to 2999 (a narrow form of the
/// `date` format; anything else goes to the JSON path).
fn date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2999).contains(&year) && (1..=days).contains(&day)
}

/// An `http` or `https` URI of a narrow form: a host of letters, digits, dots and
/// hyphens, an optional port, then path, query and fragment characters, `%` only
/// before two hex digits, at most one `#` (anything else goes to the JSON path).
fn uri(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (host, port) = authority.split_once(':').unwrap_or((authority, "80"));
    let host_ok = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-')
        });
    let port_ok = port.bytes().all(|c| c.is_ascii_digit()) && port.parse::<u16>().is_ok();
    if !host_ok || !port_ok || tail.matches('#').count() > 1 {
        return false;
    }
    let b = tail.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            if !(i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit()) {
                return false;
            }
            i += 3;
            continue;
        }
        if !(c.is_ascii_alphanumeric() || b"-._~/?#=&+:@!$'()*,;".contains(&c)) {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_uris_of_the_narrow_forms() {
        assert!(date("2024-02-29"));
        assert!(!date("2023-02-29"));
        assert!(!date("2024-13-01"));
        assert!(!date("2024-6-1"));
        assert!(uri("https://tracker.example.com/OPS-123?x=1#top"));
        assert!(uri("http://localhost:8080/a%20b"));
        assert!(!uri("https://a.example/%2"));
        assert!(!uri("https://a.example/#a#b"));
        assert!(!uri("https://exa mple.com/"));
        assert!(!uri("mailto:a@example.com"));
        assert!(!uri("https://"));
    }

    /// [`schema_time`] says what the schema's two patterns say, on every string of
    /// up to four of the pieces a time is made of (and a few that break it), alone
    /// and after a date.
    #[test]
    fn times_match_the_schemas_patterns() {
        use retrospec_model::schema::{TIMELINE_TIME_PATTERN, TIMESTAMP_PATTERN};
        let timestamp = regex::Regex::new(TIMESTAMP_PATTERN).expect("valid");
        let timeline = regex::Regex::new(TIMELINE_TIME_PATTERN).expect("valid");
        let pieces = [
            "2024-02-23",
            "T",
            " ",
            "4",
            "14",
            "123",
            ":",
            ":05",
            "14:05",
            ".5",
            ".",
            "Z",
            "+0",
            "-05",
            "30",
            "UTC",
            "a_b/c+d-",
            "\u{e9}\n",
        ];
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..4 {
            let next: Vec<String> = last
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(next.iter().cloned());
            last = next;
        }
        // And each after a date, as a timestamp starts.
        let dated: Vec<String> = texts.iter().map(|t| format!("2024-02-23 {t}")).collect();
        texts.extend(dated);
        texts.extend(
            [
                "2024-02-23 04:14 UTC",
                "2024-02-23T04:14:05.123+05:30",
                "2024-02-23 4:14:05 -0530",
                "04:22 UTC",
                "9:05",
                "09:05 +05",
                "09:05 +05:3",
                "09:05 +053",
                "09:05 ",
                "09:05 America/New_York",
                "09:05 Z",
                "09:05Z",
                "24-02-23 04:14",
                "2024-02-23 04:14\n",
            ]
            .map(str::to_string),
        );
        let mut matched = [0, 0];
        for t in &texts {
            assert_eq!(
                schema_time(t, true),
                timestamp.is_match(t),
                "timestamp {t:?}"
            );
            assert_eq!(
                schema_time(t, false),
                timeline.is_match(t),
                "timeline time {t:?}"
            );
            matched[0] += usize::from(timestamp.is_match(t));
            matched[1] += usize::from(timeline.is_match(t));
        }
        assert!(matched[0] > 500 && matched[1] > 1_000, "{matched:?}");
    }

    fn tree(text: &str) -> Node {
        crate::parse::yaml::parse(text, 0, &mut Vec::new()).expect("parses")
    }

    #[test]
    fn a_valid_report_is_surely_valid_and_a_doubt_is_not() {
        let good =
            "title: t\nstatus: draft\ntimeline:\n  - time: 10:00 UTC\n    text: a\nx-team: sre\n";
        assert!(surely_valid(&tree(good)));
        for bad in [
            "title: t\n",
            "title: t\nstatus: done\n",
            "title: ''\nstatus: draft\n",
            "title: t\nstatus: draft\ntimeline:\n  - time: 10:00 UTC\n",
            "title: t\nstatus: draft\nsevrity: SEV2\n",
            "title: t\nstatus: draft\nimpact:\n  users_affected: 1.5\n",
            "title: t\nstatus: draft\nlinks:\n  - url: mailto:a@example.com\n",
        ] {
            assert!(!surely_valid(&tree(bad)), "{bad}");
        }
    }
}
