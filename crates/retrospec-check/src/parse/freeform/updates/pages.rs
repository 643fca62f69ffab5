//! How static and Hugo status pages write an update: a `::: update` container and
//! a `{{< track "..." >}}` shortcode.

use super::STATUS_WORDS;

/// `::: update Resolved | 2025-02-18T10:05:00.000Z`, the container a static
/// status page writes an update in: the range of the status word and of the
/// date and time after the bar.
pub(super) fn container(line: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let rest = line.strip_prefix(":::")?;
    let inner = rest.trim_start();
    let inner = match inner.get(..7) {
        Some(w) if w.eq_ignore_ascii_case("update ") => inner[7..].trim_start(),
        _ => inner,
    };
    let at = line.len() - inner.len();
    let (word, stamp) = inner.split_once('|')?;
    let word = word.trim_end();
    let lower = word.to_ascii_lowercase();
    if !STATUS_WORDS.contains(&lower.as_str()) {
        return None;
    }
    let stamp_at = at + word.len() + (inner.len() - word.len() - stamp.len());
    let trimmed = stamp.trim();
    if trimmed.is_empty() {
        return None;
    }
    let lead = stamp.len() - stamp.trim_start().len();
    Some((
        at..at + word.len(),
        stamp_at + lead..stamp_at + lead + trimmed.len(),
    ))
}

/// A `{{< track "2025-03-11 16:52:00" >}}` shortcode (cState, a Hugo status-page
/// theme, dates each update so) ending `line`: where the shortcode starts, and
/// the range of the date and time between its quotes.
pub(super) fn track(line: &str) -> Option<(usize, std::ops::Range<usize>)> {
    let line = line.trim_end();
    let close = line
        .strip_suffix(">}}")
        .or_else(|| line.strip_suffix("%}}"))?;
    let start = close.rfind("{{")?;
    let inside = &close[start + 2..];
    let inside_trimmed = inside.trim_start_matches(['<', '%']).trim_start();
    let rest = inside_trimmed.strip_prefix("track")?;
    let first_quote = rest.find('"')?;
    let after = &rest[first_quote + 1..];
    let len = after.find('"')?;
    // Where the quoted text starts in `line`.
    let quoted =
        start + 2 + (inside.len() - inside_trimmed.len()) + "track".len() + first_quote + 1;
    rest[first_quote + 1 + len + 1..]
        .trim()
        .is_empty()
        .then_some((start, quoted..quoted + len))
}
