//! Placeholder words and slots that are not the author's gap: the state of a
//! follow-up (`**TODO**:` beside `**DONE**:`), a slot the text tells its reader to
//! fill in (`Replace <your-user-name> by ...`).

/// Whether the `<slot>` at `found` of `text` is one the text tells its reader to
/// fill in (`Replace <your-user-name> by your login`, `replacing <host> with the
/// server's name`, `where <region> is the region you deployed to`): an instruction
/// to whoever follows the steps, not a gap the author left. A slot nobody is told
/// to replace (`Owner: <team name>`) still is one.
pub(super) fn instructed_slot(text: &str, found: std::ops::Range<usize>) -> bool {
    if !text[found.clone()].starts_with('<') {
        return false;
    }
    let before = text[..found.start].trim_end_matches(['`', '*', '_', ' ']);
    let after = text[found.end..]
        .trim_start_matches(['`', '*', '_'])
        .to_ascii_lowercase();
    let previous = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match previous.as_str() {
        "replace" | "replacing" | "substitute" | "substituting" => {
            after.starts_with(" with ") || after.starts_with(" by ")
        }
        "where" => after.starts_with(" is ") || after.starts_with(" are "),
        _ => false,
    }
}

/// A line's opening words, without a list marker, a checkbox or emphasis: what
/// leads a follow-up (`- **DONE**: alerts added`, `[ ] TODO add a probe`).
fn line_lead(line: &str) -> &str {
    let mut rest = line.trim_start();
    for marker in ["- ", "* ", "+ "] {
        if let Some(r) = rest.strip_prefix(marker) {
            rest = r.trim_start();
            break;
        }
    }
    rest.trim_start_matches(['*', '_', '`', '[', ' '])
}

/// Whether a `TODO` leading its line is the state of a follow-up written beside
/// others the report leads with a finished state (`**TODO**: add a disk alert` and
/// `**DONE**: probes added`): the team's own list of what is left, not a gap. A
/// `TODO` alone on its line, or leading one in a report that marks nothing done,
/// is still a gap (`TODO: write the impact`).
pub(super) fn task_state(text: &str, before: &str, after: &str, found: &str) -> bool {
    if !found.eq_ignore_ascii_case("todo") || !line_lead(before).is_empty() {
        return false;
    }
    // What the follow-up says: a few words after the state.
    let what = after.trim_start_matches(['*', '_', '`', ']', ':', ' ', '-', '\u{2013}']);
    if what.split_whitespace().count() < 3 {
        return false;
    }
    text.lines().any(|l| {
        let lead = line_lead(l);
        lead.get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("done"))
            && !lead[4..].starts_with(|c: char| c.is_alphanumeric())
            && lead[4..]
                .trim_start_matches(['*', '_', '`', ']', ':', ' '])
                .split_whitespace()
                .count()
                >= 2
    })
}
