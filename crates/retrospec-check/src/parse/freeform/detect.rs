//! Whether a file found in a directory walk is a postmortem without retrospec front
//! matter. It runs the Markdown reader, so it sits above it; the rest of the
//! free-form module (the [`super::Reading`], foreign front matter, evidence) sits
//! below the Markdown reader, which uses it, and imports nothing of it.

use crate::parse::freeform::blocks;
use crate::parse::markdown::{self, Field};

/// Whether a Markdown or text file found in a directory walk looks like a
/// postmortem although it has no retrospec front matter. Named files are always
/// read. Any of:
/// - a title and a timeline or root-cause section with content;
/// - two sections of a postmortem with content besides the summary (`Impact`
///   and `Action items`), with or without a title (an issue body);
/// - a title that says what it is (`Post-incident summary: ...`, `Incident
///   report`, `Postmortem`, `RCA`), as emails and status pages are titled.
///
/// A README, a changelog or a `requirements.txt` has none of these.
pub fn looks_like_postmortem(text: &str) -> bool {
    let mut diags = Vec::new();
    let Some(parsed) = markdown::parse(text, &mut diags) else {
        return false;
    };
    let filled = |key: &str| {
        parsed
            .tree
            .entry(key)
            .is_some_and(|e| match &e.value.value {
                crate::tree::Value::Null => false,
                crate::tree::Value::Seq(items) => !items.is_empty(),
                crate::tree::Value::String(s) => !s.trim().is_empty(),
                _ => true,
            })
    };
    let titled = filled("title");
    let (timed, quoted) = timed_lines(text);
    // A timeline read only from a chat pasted as a quote is a conversation's
    // until a section of a report stands beside it (below).
    let timeline = filled("timeline") && quoted < timed;
    if titled && (timeline || filled("root_cause")) {
        return true;
    }
    // The sections a heading can fill, besides the summary (any opening text is
    // one) and links.
    let sections = markdown::ALL_FIELDS
        .iter()
        .filter(|f| !matches!(f, Field::Summary | Field::Links))
        .map(|f| markdown::field_key(*f));
    let own_timeline = usize::from(filled("timeline") && !timeline);
    let filled_sections = sections.filter(|k| filled(k)).count() - own_timeline;
    if filled_sections >= 2 {
        return true;
    }
    // A title, a section, and a timeline under a heading no alias names (`How it
    // unfolded`), as a chat pasted as a quote (`> **10:02** dani: ...`) or timed
    // lines: three lines or more that start with a time.
    if titled && filled_sections >= 1 && timed >= 3 {
        return true;
    }
    let title_says = titled
        && parsed
            .tree
            .entry("title")
            .and_then(|e| match &e.value.value {
                crate::tree::Value::String(s) => Some(s.to_ascii_lowercase()),
                _ => None,
            })
            .is_some_and(|title| names_a_postmortem(&title));
    // A status page's export puts "Incident Report for Example" under the title.
    title_says
        || text
            .lines()
            .map(|l| l.trim().trim_matches(['#', '*', '_', ' ']))
            .filter(|l| !l.is_empty())
            .take(4)
            .any(|l| l.len() <= 80 && has_postmortem_phrase(&l.to_ascii_lowercase()))
}

/// The lines that start with a time of day once quote marks, bullets and emphasis
/// are taken off (`> **10:02** dani: ...`, `- 10:04 check fails`), outside fenced
/// code, and how many of them are quoted.
fn timed_lines(text: &str) -> (usize, usize) {
    let mut fenced = false;
    let mut count = 0;
    let mut quoted = 0;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let quote = t.starts_with('>');
        let t = t.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let t = t
            .strip_prefix(|c: char| markdown::is_bullet(c))
            .unwrap_or(t)
            .trim_start()
            .trim_start_matches(['*', '_', '`']);
        if blocks::starts_with_time(t) {
            count += 1;
            quoted += usize::from(quote);
        }
    }
    (count, quoted)
}

/// Phrases that name an incident report wherever they stand in a short line.
const POSTMORTEM_PHRASES: &[&str] = &[
    "post-incident",
    "post incident",
    "incident report",
    "incident review",
    "incident summary",
    "outage report",
    "root cause analysis",
];

fn has_postmortem_phrase(line: &str) -> bool {
    POSTMORTEM_PHRASES.iter().any(|p| line.contains(p))
}

/// Whether a (lowercase) title says it is an incident report: a phrase that
/// names one anywhere (`Post-incident summary - wiki read-only`), or
/// `postmortem` opening or closing it (`Postmortem: ...`, `Queue outage
/// postmortem`), not as a word in passing (`The postmortem JSON Schema`).
fn names_a_postmortem(title: &str) -> bool {
    const WORDS: &[&str] = &["postmortem", "post-mortem", "post mortem"];
    let words = || title.split(|c: char| !c.is_alphanumeric() && c != '-');
    let first = words().find(|w| !w.is_empty()).unwrap_or("");
    let title = title.trim_end_matches(|c: char| !c.is_alphanumeric());
    has_postmortem_phrase(title)
        || words().any(|w| w == "rca")
        || WORDS
            .iter()
            .any(|w| title.ends_with(w) || first == *w || title.starts_with(w))
}

#[cfg(test)]
mod tests {
    #[test]
    fn what_a_directory_walk_takes_for_a_postmortem() {
        use super::looks_like_postmortem as is;
        // An issue body: no title, but impact and action items.
        assert!(is(
            "## Summary\n\nPulls failed.\n\n## Customer impact\n\n- 18% of pulls\n\n## Action items\n\n- Add a probe\n"
        ));
        // An email titled as what it is, its facts in prose.
        assert!(is(
            "Subject: Post-incident summary - wiki read-only\n\nThe wiki went read-only at 09:20.\n"
        ));
        assert!(is("# Queue outage postmortem\n\nQueues stalled.\n"));
        // A status page's export: the line under the title says what it is.
        assert!(is(
            "## Delayed webhooks\n\n**Incident Report for Example**\n\nDeliveries failed.\n"
        ));
        assert!(is("# Postmortem: queue outage\n\nQueues stalled.\n"));
        // Documents that are not reports.
        assert!(!is(
            "# The postmortem JSON Schema\n\nGenerated from the model at 10:50.\n\n## Editors\n\nText.\n"
        ));
        assert!(!is(
            "# mytool\n\n## Install\n\ncargo install\n\n## Usage\n\nRun it.\n"
        ));
        assert!(!is("serde==1.0\nregex==2.0\n"));
        // A chat pasted as a quote under a heading no alias names, a title and one
        // section.
        let chat = "# What broke the site\n\n## How it unfolded\n\n> **10:02** ana: running the cleanup\n\
                    > **10:04** bot: check FAILED\n> **10:31** bot: check OK\n\n## Actions\n\n- Require a profile\n";
        assert!(is(chat));
        // Without a section of a report it is a conversation, not a postmortem.
        assert!(!is(&chat.replace("## Actions\n\n- Require a profile\n", "")));
        // Two timed lines are not a timeline.
        assert!(!is(&chat.replace("> **10:31** bot: check OK\n", "")));
    }
}
