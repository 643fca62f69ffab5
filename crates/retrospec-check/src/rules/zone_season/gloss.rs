//! A region's time glossed with a zone abbreviation in prose: `Eastern time
//! (EST)`, `Central European Time (CET)`. The gloss says which offset the
//! region's clocks showed, so RS203 judges it on the report's date even where the
//! times themselves carry a neutral name (`10:05 ET`).

use std::sync::LazyLock;

use crate::lean::Lean;
use crate::span::Span;

/// One to three capitalised words, "time", and an abbreviation in brackets.
static GLOSS: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"\b[A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+){0,2}[ \t]+[Tt]ime[ \t]*\(([A-Z]{2,5})\)")
        .expect("the gloss pattern is valid")
});

/// The spans of the abbreviations glossing a region's time in `text`.
pub(super) fn glosses(text: &str) -> Vec<Span> {
    if !may_gloss(text) {
        return Vec::new();
    }
    GLOSS
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| Span::new(m.start(), m.end()))
        .collect()
}

/// Whether `text` has `ime (` or `ime(`, which every gloss holds, in one search.
fn may_gloss(text: &str) -> bool {
    crate::scan::has_word_where(text, "ime", |b, at| {
        b[at + 3..].starts_with(b" (") || b[at + 3..].starts_with(b"(")
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_gloss_may_stand_where_either_literal_stands(text in "(ime|Time|[ (a]){0,16}") {
            prop_assert_eq!(
                super::may_gloss(&text),
                text.contains("ime (") || text.contains("ime(")
            );
        }
    }

    #[test]
    fn a_region_s_time_glossed_with_an_abbreviation() {
        let text = "Portland writes Pacific time (PDT); Boston writes Eastern time (EST).\n\
                    Central European Time (CET) applies. The on-call time (ms) is low.\n\
                    Pacific time (PST/PDT) and response time (p99) are not glosses.";
        let found: Vec<&str> = super::glosses(text)
            .into_iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(found, ["PDT", "EST", "CET"]);
    }
}
