//! Numbers as people write them in prose: digits (`90`, `1.5`, and `1,5` with a
//! decimal comma: one or two digits after it, never three, which group thousands)
//! or words ("eleven", "twenty-five", "a", "an", "half an", "a couple of", "a few").

/// A number read from words or digits: the value, or a vague range of values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// One value (`90`, "eleven", "an", "half an").
    Exact(f64),
    /// A vague quantity ("a couple of", "a few", "several"): the values it allows.
    Vague(f64, f64),
}

const ONES: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The regex alternation for a number, digits or words (lowercase input or `(?i)`).
pub const PATTERN: &str = r"[0-9]+(?:\.[0-9]+|,[0-9]{1,2})?|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|several|half\s+an?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|an?";

/// The value of a number matched by [`PATTERN`].
pub fn parse(written: &str) -> Option<Number> {
    let lower = written.to_ascii_lowercase().replace(',', ".");
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    if let Ok(n) = lower.parse::<f64>() {
        return Some(Number::Exact(n));
    }
    match words.as_slice() {
        ["a" | "an"] => Some(Number::Exact(1.0)),
        ["half", _] => Some(Number::Exact(0.5)),
        [.., "couple"] | [.., "couple", "of"] => Some(Number::Vague(2.0, 3.0)),
        [.., "few"] => Some(Number::Vague(2.0, 9.0)),
        ["several"] => Some(Number::Vague(2.0, 12.0)),
        [word] => word_value(word).map(|n| Number::Exact(f64::from(n))),
        [tens, ones] => {
            let t = TENS.iter().find(|(w, _)| w == tens)?.1;
            let o = ONES.iter().find(|(w, _)| w == ones)?.1;
            Some(Number::Exact(f64::from(t + o)))
        }
        _ => None,
    }
}

fn word_value(word: &str) -> Option<u32> {
    ONES.iter()
        .chain(TENS)
        .find(|(w, _)| *w == word)
        .map(|(_, n)| *n)
}

/// Whether the number was written in digits.
pub fn is_digits(written: &str) -> bool {
    written
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
}

#[cfg(test)]
mod tests {
    use super::{Number, parse};

    #[test]
    fn words_and_digits() {
        assert_eq!(parse("90"), Some(Number::Exact(90.0)));
        assert_eq!(parse("1.5"), Some(Number::Exact(1.5)));
        assert_eq!(parse("1,5"), Some(Number::Exact(1.5)));
        assert_eq!(parse("2,25"), Some(Number::Exact(2.25)));
        assert_eq!(parse("eleven"), Some(Number::Exact(11.0)));
        assert_eq!(parse("Twenty-five"), Some(Number::Exact(25.0)));
        assert_eq!(parse("forty five"), Some(Number::Exact(45.0)));
        assert_eq!(parse("an"), Some(Number::Exact(1.0)));
        assert_eq!(parse("half an"), Some(Number::Exact(0.5)));
        assert_eq!(parse("a couple of"), Some(Number::Vague(2.0, 3.0)));
        assert_eq!(parse("a few"), Some(Number::Vague(2.0, 9.0)));
        assert_eq!(parse("twelvety"), None);
    }
}
