//! Clocks written with a dot (`14.05`, as much of Europe writes them) leading the
//! lines of a timeline section. A dot is also how versions (`1.14.05`), decimals
//! (`14.05%`, `14.05 ms`), dates (`14.05.2025`) and section numbers (`2.10 Scope`)
//! are written, so such a clock is read only where the section is clearly a list
//! of times: at least two of its lines are led by one, none is led by a number
//! with a one-digit part (`2.1`, section numbering) or by a dotted number that is
//! not a clock, and each is followed by words, not a unit.

/// Units and signs after a number that make it a quantity, not a clock.
const UNITS: &[&str] = &[
    "%", "ms", "s", "sec", "secs", "seconds", "min", "mins", "minutes", "h", "hrs", "hours", "x",
    "k", "m", "kb", "mb", "gb", "tb", "€", "£", "$", "eur", "gbp", "usd", "rps", "qps",
];

/// The clock at the start of `line` written `H.MM` or `HH.MM` and followed by a
/// separator and words: where the dot is. A range's end written the same way
/// (`14.05-15.40`, `14.05 to 15.40`) is the caller's to rewrite with
/// [`as_colons`].
pub(crate) fn leading(line: &str) -> Option<usize> {
    let nh = leading_clock_dot(line)?;
    let hour: u32 = line[..nh].parse().ok()?;
    let minute: u32 = line[nh + 1..nh + 3].parse().ok()?;
    if hour > 23 || minute > 59 {
        return None;
    }
    let rest = &line[nh + 3..];
    // `14.05.2025`, `14.05,3`, `14.05%`, `14.05ms`: a date, a decimal, a quantity.
    let next = rest.chars().next()?;
    if !(next.is_whitespace() || matches!(next, ':' | '-' | '\u{2013}' | '\u{2014}')) {
        return None;
    }
    let words = rest.trim_start_matches([' ', '\t', ':', '-', '\u{2013}', '\u{2014}']);
    if words.len() == rest.len() && !next.is_whitespace() {
        return None;
    }
    let first = words
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '('))
        .next()
        .unwrap_or("")
        .to_lowercase();
    if first.is_empty() || UNITS.contains(&first.as_str()) {
        return None;
    }
    Some(nh)
}

/// `line` with the dot of its leading clock, and of a range's end written the
/// same way just after it, made a colon: same length, so positions hold.
pub(crate) fn as_colons(line: &str, dot: usize) -> String {
    let mut s = line.to_string();
    s.replace_range(dot..=dot, ":");
    let after = dot + 3;
    let rest = &line[after..];
    let sep = ["-", "\u{2013}", " - ", " \u{2013} ", " to ", " until "]
        .into_iter()
        .find(|sep| rest.starts_with(sep));
    if let Some(sep) = sep {
        let end_at = after + sep.len();
        if let Some(dot2) = leading_clock_dot(&line[end_at..]) {
            s.replace_range(end_at + dot2..=end_at + dot2, ":");
        }
    }
    s
}

/// The dot of an `H.MM` / `HH.MM` clock at the start of `s`, not followed by more
/// digits or another dot.
fn leading_clock_dot(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let nh = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&nh) || b.get(nh) != Some(&b'.') {
        return None;
    }
    let nm = b[nh + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let after = b.get(nh + 3);
    (nm == 2 && !after.is_some_and(|c| *c == b'.' || c.is_ascii_alphanumeric())).then_some(nh)
}

/// A table cell that is a dotted clock and nothing else but a zone after it
/// (`13.50`, `9.05 GMT`), written with a colon: same length, so positions hold.
/// Read only in a time column whose cells are all such clocks
/// ([`column_reads`]).
pub(crate) fn cell(written: &str) -> Option<String> {
    let dot = leading_clock_dot(written)?;
    let hour: u32 = written[..dot].parse().ok()?;
    let minute: u32 = written[dot + 1..dot + 3].parse().ok()?;
    let rest = &written[dot + 3..];
    let zone = rest.trim_start();
    if hour > 23
        || minute > 59
        || !(rest.is_empty()
            || (rest.starts_with(' ')
                && zone.len() <= 5
                && zone.bytes().all(|b| b.is_ascii_uppercase())))
    {
        return None;
    }
    let mut s = written.to_string();
    s.replace_range(dot..=dot, ":");
    Some(s)
}

/// Whether a time column's cells (empty ones left out) are dotted clocks: two
/// or more, and every one of them.
pub(crate) fn column_reads<'t>(cells: impl Iterator<Item = &'t str>) -> bool {
    let mut clocks = 0;
    for c in cells {
        if cell(c).is_none() {
            return false;
        }
        clocks += 1;
    }
    clocks >= 2
}

/// Whether the lines of a section may lead with dotted clocks: at least two are
/// led by one, and none by a dotted number that is not one (`2.1`, `1.14.05`,
/// `14.05.2025`, `25.10`), which says the dots are numbering, versions or dates.
pub(crate) fn section_reads(lines: &[&str]) -> bool {
    let mut clocks = 0;
    for line in lines {
        let line = line.trim_start();
        let line = line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("* "))
            .unwrap_or(line);
        let b = line.as_bytes();
        let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || b.get(n) != Some(&b'.') || !b.get(n + 1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        match leading(line) {
            Some(_) => clocks += 1,
            None => return false,
        }
    }
    clocks >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_leading_a_line() {
        assert_eq!(leading("14.05  Provider rotates its key"), Some(2));
        assert_eq!(leading("9.40 - alert fires"), Some(1));
        assert_eq!(leading("14.05: alert"), Some(2));
        assert_eq!(leading("14.05-15.40 maintenance window"), Some(2));
        assert_eq!(leading("14.05 to 15.40 maintenance"), Some(2));
    }

    #[test]
    fn a_column_of_dotted_clocks() {
        assert_eq!(cell("13.50").as_deref(), Some("13:50"));
        assert_eq!(cell("9.05 GMT").as_deref(), Some("9:05 GMT"));
        for not in [
            "13.5", "24.10", "13.60", "1.14.05", "13.50%", "13.50 ms", "v13.50",
        ] {
            assert_eq!(cell(not), None, "{not}");
        }
        assert!(column_reads(["13.50", "14.05", "16.45"].into_iter()));
        assert!(!column_reads(["13.50"].into_iter()));
        assert!(!column_reads(["13.50", "14.05", "2.1"].into_iter()));
    }

    #[test]
    fn not_clocks() {
        for s in [
            "1.14.05 released",
            "v14.05 released",
            "14.05% of requests failed",
            "14.05 ms at p99",
            "14.05 GB written",
            "12.06.2025 deploy",
            "14.05.2025 deploy",
            "2.1 Scope",
            "25.10 Scope",
            "14.75 Scope",
            "14.05",
            "14.05,5 seconds",
            "140.05 units",
        ] {
            assert_eq!(leading(s), None, "{s}");
        }
    }

    #[test]
    fn ranges_become_colons() {
        assert_eq!(as_colons("14.05-15.40 window", 2), "14:05-15:40 window");
        assert_eq!(
            as_colons("14.05 to 15.40 window", 2),
            "14:05 to 15:40 window"
        );
        assert_eq!(
            as_colons("14.05 to 15.40.1 window", 2),
            "14:05 to 15.40.1 window"
        );
        assert_eq!(as_colons("9.05 Deploy", 1), "9:05 Deploy");
    }

    #[test]
    fn a_section_of_clocks_only() {
        assert!(section_reads(&["14.05  Key rotates", "14.07  Alert fires"]));
        // One clock alone is not enough to call the dots clocks.
        assert!(!section_reads(&[
            "14.05  Key rotates",
            "Then the alert fired."
        ]));
        // Section numbers among them: numbering, not clocks.
        assert!(!section_reads(&[
            "2.1 Scope",
            "2.10 Background",
            "2.11 Impact"
        ]));
        assert!(!section_reads(&[
            "1.14.05 released",
            "14.05 later",
            "14.07 more"
        ]));
    }
}
