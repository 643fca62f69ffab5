//! What the whole report writes, asked of every candidate name: whether it also
//! writes the word in lower case (a common word, not a name) and whether it
//! writes it after an article (`the Merge Queue`: a thing, not a person).
//!
//! Both questions were a search of the whole text per candidate, so a long text
//! with a candidate every few words was quadratic (CI's long-line instruction
//! guard). The lower-case words are now collected once per report, and each
//! article question is answered once per distinct name.

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};

/// A report's text, with its answers kept for the rest of the check.
pub(super) struct Written<'t> {
    text: &'t str,
    /// Every maximal run of word characters in the text.
    words: OnceCell<HashSet<&'t str>>,
    /// Names already asked about, and whether an article stands before them.
    after_article: RefCell<HashMap<String, bool>>,
}

/// A letter, digit or `_`: what may not stand beside a whole word.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl<'t> Written<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Self {
            text,
            words: OnceCell::new(),
            after_article: RefCell::new(HashMap::new()),
        }
    }

    /// Whether `word` (lower case) stands as a whole word in the text in lower
    /// case.
    pub(super) fn in_lower_case(&self, word: &str) -> bool {
        if word.is_empty() || !word.chars().all(is_word) {
            // `o'brien`, `j.`: not one run of word characters, so searched
            // for (rare, and such words are short).
            return search_whole_word(self.text, word);
        }
        self.words
            .get_or_init(|| {
                self.text
                    .split(|c| !is_word(c))
                    .filter(|w| !w.is_empty())
                    .collect()
            })
            .contains(word)
    }

    /// Whether the text writes `name` right after `the`, `a` or `an`.
    pub(super) fn after_article(&self, name: &str) -> bool {
        if let Some(&known) = self.after_article.borrow().get(name) {
            return known;
        }
        let found = ["the ", "a ", "an ", "The ", "A ", "An "]
            .iter()
            .any(|a| self.text.contains(&format!("{a}{name}")));
        self.after_article
            .borrow_mut()
            .insert(name.to_owned(), found);
        found
    }
}

/// Whether `word` stands as a whole word in `text`.
fn search_whole_word(text: &str, word: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(is_word);
    text.match_indices(word).any(|(i, _)| {
        !is_word(text[..i].chars().next_back()) && !is_word(text[i + word.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_words_are_whole_words() {
        let w = Written::new("Requests from the growth team; my_var and o'brien.");
        assert!(!w.in_lower_case("requests"));
        assert!(w.in_lower_case("growth"));
        assert!(!w.in_lower_case("grow"));
        assert!(w.in_lower_case("my_var"));
        assert!(w.in_lower_case("o'brien"));
        // An empty piece (`Ana--Lee` split at `-`) answers as the search did.
        assert_eq!(w.in_lower_case(""), search_whole_word(w.text, ""));
    }

    #[test]
    fn the_set_agrees_with_the_search() {
        let text = "Derek ran it; derek-like café naïve x_y 10:40 the Queue";
        let w = Written::new(text);
        for word in [
            "derek", "like", "café", "naïve", "x_y", "x", "10", "queue", "the",
        ] {
            assert_eq!(
                w.in_lower_case(word),
                search_whole_word(text, word),
                "{word}"
            );
        }
    }

    #[test]
    fn an_article_before_a_name_is_remembered() {
        let w = Written::new("We merged it through the Merge Queue.");
        assert!(w.after_article("Merge"));
        assert!(w.after_article("Merge"));
        assert!(!w.after_article("Derek"));
    }
}
