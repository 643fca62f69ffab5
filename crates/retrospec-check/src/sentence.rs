//! The sentence around a place in a text, looked for at most [`REACH`] bytes
//! either side.
//!
//! Claims and word rules ask for the sentence of every match they consider. On
//! ordinary prose a sentence is a few hundred bytes; on a megabyte line with no
//! full stop an unbounded search from each match is quadratic, which is what
//! CI's long-line instruction guard caught. A sentence longer than the reach is
//! read from the part of it nearest the match.

use crate::span::{ceil_char as ceil, floor_char as floor};
use std::ops::Range;

/// How far from a match its sentence is looked for, in bytes.
pub(crate) const REACH: usize = 600;

/// Where a sentence ends, for most readers.
pub(crate) const ENDS: &[&str] = &[". ", ".\n", "\n\n", "! ", "? "];

/// Where the sentence of `text` around `range` is: after the nearest of
/// `starts` before it, to the nearest of `ends` after it, each looked for at
/// most [`REACH`] bytes away.
pub(crate) fn around(
    text: &str,
    range: Range<usize>,
    starts: &[&str],
    ends: &[&str],
) -> Range<usize> {
    let low = ceil(text, range.start.saturating_sub(REACH));
    let high = floor(text, range.end.saturating_add(REACH).min(text.len()));
    let head = &text[low..range.start];
    let from = starts
        .iter()
        .filter_map(|b| head.rfind(b).map(|i| low + i + b.len()))
        .max()
        .unwrap_or(low);
    let rest = &text[range.end..high];
    let to = ends
        .iter()
        .filter_map(|b| rest.find(b).map(|i| range.end + i))
        .min()
        .unwrap_or(high);
    from..to
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_between_its_stops() {
        let text = "First one. Then the 10:40 entry came! Last.";
        let at = text.find("10:40").expect("the text has a clock");
        let s = around(text, at..at + 5, ENDS, ENDS);
        assert_eq!(&text[s], "Then the 10:40 entry came");
    }

    #[test]
    fn a_sentence_longer_than_the_reach_is_cut_near_the_match() {
        let text = format!("Start. {}x{} End.", "é".repeat(REACH), "ü".repeat(REACH));
        let at = text.find('x').expect("the text has the match");
        let s = around(&text, at..at + 1, ENDS, ENDS);
        assert!(s.start > 7 && s.end < text.len() - 5, "{s:?}");
        assert!(s.end - s.start <= 2 * REACH + 1);
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }

    #[test]
    fn the_nearest_stop_of_several_wins() {
        let text = "a; b. c\n* d 10:40 e; f. g";
        let at = text.find("10:40").expect("the text has a clock");
        let stops = [". ", "; ", "\n* "];
        assert_eq!(&text[around(text, at..at + 5, &stops, &stops)], "d 10:40 e");
        // A stop that ends right at the match, and one right after it.
        assert_eq!(around("x. y; z", 3..4, &stops, &stops), 3..4);
    }
}
