//! Where a few words stand in a report, found once for a rule that asks of every
//! value whether it may say one of them.

use crate::tree::Node;

/// The offsets in a report where any of some ASCII words starts, in any ASCII
/// case: one search of the report's lowercased text ([`Context::lowercase`]),
/// then a binary search per value. Replaces lowering each value and searching it
/// once per word, which cost a rule about 1,300 instructions for every entry of a
/// long timeline that says none of them (an automaton per value cost as much).
///
/// A value may hold a word its span does not show when it is written with
/// escapes (`"\u0063losed"`) or holds a character that case folding maps onto an
/// ASCII letter (`ſ` for `s`): such values always pass ([`Hits::may`]).
///
/// [`Context::lowercase`]: crate::rules::Context::lowercase
#[derive(Debug)]
pub(crate) struct Hits {
    starts: Vec<usize>,
}

impl Hits {
    /// The places of `words` (lowercase ASCII) in `lowercase`.
    pub(crate) fn new(lowercase: &str, words: &[&str]) -> Hits {
        let mut starts: Vec<usize> = Vec::new();
        for word in words {
            starts.extend(memchr::memmem::find_iter(
                lowercase.as_bytes(),
                word.as_bytes(),
            ));
        }
        starts.sort_unstable();
        Hits { starts }
    }

    /// Whether the string value `node` may hold one of the words: one starts
    /// inside its span, or its text is not its span's bytes as written.
    pub(crate) fn may(&self, text: &str, node: &Node) -> bool {
        let (start, end) = (node.span.start, node.span.end);
        let at = self.starts.partition_point(|&s| s < start);
        if self.starts.get(at).is_some_and(|&s| s < end) {
            return true;
        }
        let source = text.as_bytes().get(start..end).unwrap_or_default();
        !source.is_ascii() || source.contains(&b'\\')
    }
}

#[cfg(test)]
mod tests {
    use super::Hits;
    use crate::span::Span;
    use crate::tree::{Node, Value};

    fn node(text: &str, word: &str) -> Node {
        let start = text.find(word).expect("the word is in the text");
        Node::new(
            Span::new(start, start + word.len()),
            Value::String(word.to_string()),
        )
    }

    #[test]
    fn a_value_passes_when_a_word_starts_in_it_or_its_bytes_may_hide_one() {
        let text = "- a: Impact OVER here\n- b: nothing to see\n- c: clo\\u0073ed\n- d: cloſed\n";
        let hits = Hits::new(&text.to_ascii_lowercase(), &["impact", "closed"]);
        assert!(hits.may(text, &node(text, "Impact OVER here")));
        assert!(!hits.may(text, &node(text, "nothing to see")));
        // Escapes and folding characters are not read: they pass.
        assert!(hits.may(text, &node(text, "clo\\u0073ed")));
        assert!(hits.may(text, &node(text, "cloſed")));
        // A word that ends in a value but starts before it is not its.
        assert!(!hits.may(text, &node(text, "mpact OVER")));
    }
}
