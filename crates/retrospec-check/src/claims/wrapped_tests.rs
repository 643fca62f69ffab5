//! Hard-wrapped prose, generated: every claim reader reads a claim broken over
//! a line break, at any space, in a paragraph, a list item or an indented
//! plain-text paragraph, exactly as it reads it unwrapped.

use super::{Claim, Verdict};
use crate::Format;

/// A report with `prose` as its summary in `container`, and a timeline.
fn report(container: usize, prose: &str) -> String {
    let timeline = "- 09:05 First failed exports; error rate climbs.\n- 09:40 Alert pages the on-call engineer.\n- 10:05 Status page updated.\n- 10:40 Exports succeed again.\n";
    match container {
        // A Markdown paragraph.
        0 => format!(
            "# Export API errors on 9 July 2025\n\nAll times are UTC.\n\n## Summary\n\n{prose}\n\n## Timeline\n\n{timeline}"
        ),
        // A list item with its continuation lines indented.
        1 => format!(
            "# Export API errors on 9 July 2025\n\nAll times are UTC.\n\n## Summary\n\n- {}\n- No data was lost.\n\n## Timeline\n\n{timeline}",
            prose.replace('\n', "\n  ")
        ),
        // A plain-text paragraph, indented under its heading line.
        _ => format!(
            "Export API errors on 9 July 2025\n\nAll times are UTC.\n\nWhat happened\n  {}\n\nTimeline\n{timeline}",
            prose.replace('\n', "\n  ")
        ),
    }
}

fn reading(text: &str, claim: &str) -> Option<(Verdict, Option<i64>, &'static str)> {
    let claims: Vec<Claim> = crate::check(text, Format::Markdown).claims;
    claims.iter().find(|c| c.text == claim).map(|c| {
        (
            c.verdict,
            c.compared_with.as_ref().map(|x| x.seconds / 60),
            c.measures,
        )
    })
}

#[test]
fn a_claim_wrapped_at_any_space_reads_as_unwrapped() {
    // One sentence for each reader: a window with its length in parentheses, a
    // window in the paragraph before the length, a clock time before a relative
    // claim, a clock time after its anchor, "N later (T)", an outage state with
    // no "for", a total labelled in its sentence.
    let cases = [
        (
            "Exports failed from 09:05 to 10:40 (45 minutes).",
            "45 minutes",
        ),
        (
            "Exports failed from 09:05 until 10:40 for every customer. In total the outage lasted about an hour.",
            "about an hour",
        ),
        (
            "The on-call engineer was paged at 09:40, about ten minutes after the first failed exports.",
            "about ten minutes",
        ),
        (
            "The first alert fired at 09:40. Engineers joined within ten minutes of the first alert, at 10:20.",
            "within ten minutes",
        ),
        (
            "The alert fired at 09:40. The status page was updated ten minutes later (10:05).",
            "ten minutes",
        ),
        (
            "In total the export API was down around 0,5 hours.",
            "around 0,5 hours",
        ),
        (
            "Resolved. Total interruption for the affected accounts: about 1 hour.",
            "about 1 hour",
        ),
    ];
    for (sentence, claim) in cases {
        let want = reading(&report(0, sentence), claim)
            .unwrap_or_else(|| panic!("`{claim}` not read in {sentence}"));
        assert_ne!(want.0, Verdict::NotCompared, "{sentence}: {want:?}");
        let spaces: Vec<usize> = sentence.match_indices(' ').map(|(i, _)| i).collect();
        for &at in &spaces {
            let mut wrapped = sentence.to_string();
            wrapped.replace_range(at..at + 1, "\n");
            // The claim's own words wrapped are written with a line break inside.
            let written = claim.to_string();
            for container in 0..3 {
                let text = report(container, &wrapped);
                let got = reading(&text, &written);
                assert_eq!(got, Some(want), "container {container}:\n{text}");
            }
        }
    }
}

#[test]
fn near_misses_stay_unread_wrapped_or_not() {
    // A length that is not the incident's, a trailing time that is the
    // anchor's own, an "N after" that places an event: never a contradiction,
    // wrapped anywhere.
    let cases = [
        (
            "The workers had logged timeout errors for 2,5 days before the outage.",
            "2,5 days",
        ),
        (
            "The first alert fired at 09:40. Engineers joined within ten minutes of the first alert, at 09:40, from home.",
            "within ten minutes",
        ),
        (
            "The export API was down 2 hours after the deploy as well.",
            "2 hours",
        ),
    ];
    for (sentence, claim) in cases {
        let spaces: Vec<usize> = sentence.match_indices(' ').map(|(i, _)| i).collect();
        for at in std::iter::once(None).chain(spaces.iter().copied().map(Some)) {
            let mut wrapped = sentence.to_string();
            if let Some(at) = at {
                wrapped.replace_range(at..at + 1, "\n");
            }
            for container in 0..3 {
                let text = report(container, &wrapped);
                if let Some(got) = reading(&text, claim) {
                    assert_ne!(
                        got.0,
                        Verdict::Contradicts,
                        "container {container}:\n{text}"
                    );
                }
            }
        }
    }
}
