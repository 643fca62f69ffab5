//! Durations as written in prose, with the words that bound them.
//!
//! Read: a number in digits or words ([`super::number`]) and a unit (`w`, `wk(s)`,
//! `week(s)`, `d`, `day(s)`, `h`, `hr(s)`, `hour(s)`, `m`, `min(s)`, `minute(s)`,
//! `s`, `sec(s)`, `second(s)`), joined by a space, a hyphen ("a 90-minute outage")
//! or nothing (`90min`); compounds (`3h 45m`, `1 hour and 5 minutes`, `2h30`,
//! `1h30m`, `1 h 28 m`, `1:35 hours`); halves ("two and a half days", "an hour and a half",
//! "half an hour"); vague counts ("a couple of minutes", "a few hours"); ranges
//! ("4-5 hours", "10 to 15 minutes", "between 2 and 3 hours"); and a qualifier
//! before or after ([`Qualifier`]). One-letter units need digits written against
//! them (`5m`, not "5 m" or "five m"; spaced only in an hours-and-minutes pair,
//! `1 h 28 m`), and `5m users` is a count, not a duration.

use std::ops::Range;
use std::sync::LazyLock;

use crate::gated::{Gate, Screen};
use crate::lean::{Captures, Lean};
use serde::Serialize;

use super::number::{self, Number};

/// How a duration is bounded by its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// A plain value (`1h30m`): rounding allowed.
    Exact,
    /// "about", "around", "roughly", "approximately", "~", "nearly", "almost",
    /// "some", "or so": the configured relative tolerance.
    Approximate,
    /// "at least", "over", "more than", "upwards of", "N+", "or more".
    AtLeast,
    /// "at most", "under", "less than", "within", "no more than", "up to", "or less".
    AtMost,
    /// "a little over", "just over", "slightly more than": at least the value, and
    /// not half as long again ("a little over half an hour" is not 77 minutes).
    JustOver,
    /// "a little under", "just under", "slightly less than": at most the value, and
    /// more than three quarters of it.
    JustUnder,
    /// "4-5 hours", "10 to 15 minutes", "between 2 and 3 hours".
    Range,
    /// "a couple of", "a few", "several".
    Vague,
}

/// One duration found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Duration {
    /// The whole expression as written, qualifier and range included.
    pub range: Range<usize>,
    /// The lowest and highest number of seconds the words allow (equal when exact).
    pub low: f64,
    pub high: f64,
    pub qualifier: Qualifier,
    /// The smallest unit written, in seconds (rounding follows it).
    pub unit: i64,
}

const UNIT: &str = r"weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s";

static SINGLE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?i)\b(?P<hh>[0-9]+)h(?P<mm>[0-5][0-9])(?:m(?:in)?)?\b|\b(?P<sh>[0-9]{{1,3}})\s+h\s+(?P<sm>[0-5]?[0-9])\s+m(?:in)?\b|\b(?P<ch>[0-9]{{1,2}}):(?P<cm>[0-5][0-9])\s*(?:hours?|hrs?)\b|\b(?P<num>{})(?P<ish>-?ish\b)?(?P<plus>\+)?(?P<half>\s+and\s+a\s+half)?(?P<gap>\s*[-‑]\s*|\s+)?(?P<unit>{UNIT})\b(?P<ish2>-ish\b)?(?P<half2>\s+and\s+(?:a\s+half|a\s+quarter|three\s+quarters)\b)?",
        number::PATTERN
    ))
    .expect("the duration pattern is valid")
});

/// What may join the parts of a compound (`3h 45m`, `1 hour, 5 minutes`, `2 hours and 15 minutes`).
static JOIN: LazyLock<Lean> =
    LazyLock::new(|| Lean::new(r"(?i)^\s*,?\s*(?:and\s+)?$").expect("the join pattern is valid"));

/// The low end of a range written before the high end's number.
static RANGE_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"(?i)(?:\bbetween\s+(?P<b>{n})\s+and|\b(?P<lo>{n})\s*(?:-|–|—|to|or))\s*$",
        n = r"[0-9]+(?:\.[0-9]+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    ))
    .expect("the range pattern is valid")
});

static QUALIFIER_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?ix)(?:
            (?P<approx>\b(?:about|around|roughly|approximately|approx\.|approx|circa|ca\.|some|nearly|almost|close\s+to)|~|≈|±)
          | (?P<over>\b(?:just|a\s+little|a\s+bit|a\s+touch|slightly)\s+(?:over|more\s+than|longer\s+than|north\s+of|past))
          | (?P<under>\b(?:just|a\s+little|a\s+bit|a\s+touch|slightly)\s+(?:under|less\s+than|shorter\s+than|shy\s+of|short\s+of))
          | (?P<least>\b(?:at\s+least|over|more\s+than|longer\s+than|upwards\s+of|in\s+excess\s+of|no\s+less\s+than)|>|≥)
          | (?P<most>\b(?:at\s+most|under|less\s+than|shorter\s+than|fewer\s+than|within|no\s+more\s+than|not\s+more\s+than|no\s+longer\s+than|up\s+to)|<|≤)
        )\s*$",
    )
    .expect("the qualifier pattern is valid")
});

static QUALIFIER_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:(?P<approx>or\s+so)|(?P<least>or\s+(?:more|longer))|(?P<most>or\s+(?:less|fewer)|at\s+(?:the\s+)?most|tops))\b")
        .expect("the qualifier pattern is valid")
});

/// Counts that follow a one-letter `m` in the sense of "million".
static COUNT_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s+(?:users|customers|requests|records|rows|events|messages|dollars|people|accounts|visitors|queries|calls|jobs|files|objects|keys|items|emails|devices|downloads|transactions)\b")
        .expect("the count pattern is valid")
});

fn unit_seconds(unit: &str) -> i64 {
    match unit.to_ascii_lowercase().chars().next() {
        Some('w') => 604_800,
        Some('d') => 86_400,
        Some('h') => 3_600,
        Some('m') => 60,
        _ => 1,
    }
}

/// Whether `num` glued to an `s` at `at` of `text` is an HTTP status in the
/// plural (`502s for image requests`, `a spike of 503s`): three digits from 400
/// to 599, not after a word that takes a length ("for", "after", "within",
/// "took", "about", `~`).
fn is_status_plural(text: &str, at: usize, num: &str) -> bool {
    let status = num.len() == 3 && matches!(num.as_bytes()[0], b'4' | b'5');
    if !status {
        return false;
    }
    let head = text[..at].trim_end();
    if head.ends_with(['~', '≈']) {
        return false;
    }
    let word = head
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    !matches!(
        word.as_str(),
        "for"
            | "after"
            | "within"
            | "in"
            | "took"
            | "lasted"
            | "about"
            | "around"
            | "approximately"
            | "roughly"
            | "nearly"
            | "almost"
            | "over"
            | "under"
            | "than"
            | "of"
            | "every"
            | "to"
            | "and"
    )
}

/// One number-and-unit: (range, low, high, unit seconds, exact).
struct Part {
    range: Range<usize>,
    low: f64,
    high: f64,
    unit: i64,
    vague: bool,
    plus: bool,
    /// "90-ish minutes", "an hour-ish": approximate.
    ish: bool,
}

fn part(text: &str, caps: &Captures<'_>) -> Option<Part> {
    let whole = caps.get(0)?;
    let n = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<f64>().ok());
    // `2h30` (hh, mm) or `1:35` (ch, cm): hours and minutes alike.
    // `1 h 28 m`: both letters spaced, hours and minutes together.
    if let Some((h, m)) = n("hh")
        .zip(n("mm"))
        .or_else(|| n("ch").zip(n("cm")))
        .or_else(|| n("sh").zip(n("sm")))
    {
        let s = h * 3600.0 + m * 60.0;
        return Some(Part {
            range: whole.range(),
            low: s,
            high: s,
            unit: 60,
            vague: false,
            plus: false,
            ish: false,
        });
    }
    let num = caps.name("num")?;
    let unit_text = caps.name("unit")?.as_str();
    let digits = number::is_digits(num.as_str());
    let gap = caps.name("gap").map_or("", |g| g.as_str());
    if unit_text.len() == 1 {
        // `5m`, `2h`, `3d`, `30s`: digits against the letter only.
        if !digits || !gap.is_empty() {
            return None;
        }
        let lower = unit_text.to_ascii_lowercase();
        if lower == "m" && COUNT_AFTER.is_match(&text[whole.end()..]) {
            return None;
        }
        if lower == "s" && num.as_str().len() >= 4 {
            return None; // `1990s`
        }
        // `502s`, `the 500s`: HTTP statuses in the plural, unless a word before
        // makes the number a length (`after 503s`, `for 429s`, `~500s`).
        if lower == "s" && is_status_plural(text, whole.start(), num.as_str()) {
            return None;
        }
    } else if !digits
        && unit_text.len() <= 3
        && !unit_text.eq_ignore_ascii_case("hrs")
        && !unit_text.eq_ignore_ascii_case("day")
    {
        // Words with an abbreviation are not durations ("a m", "one s", "a min");
        // "day" is a whole word ("a day and a half", "one day").
        return None;
    }
    let lower_num = num.as_str().to_ascii_lowercase();
    if (lower_num == "a" || lower_num == "an") && unit_text.eq_ignore_ascii_case("second") {
        return None; // "a second attempt" is an ordinal
    }
    let unit = unit_seconds(unit_text);
    // "and a half", "and a quarter", "and three quarters" (after the unit only:
    // "an hour and a quarter").
    let half = match caps.name("half2").map(|m| m.as_str().to_ascii_lowercase()) {
        Some(f) if f.ends_with("three quarters") => 0.75,
        Some(f) if f.ends_with("quarter") => 0.25,
        Some(_) => 0.5,
        None if caps.name("half").is_some() => 0.5,
        None => 0.0,
    };
    let (low, high, vague) = match number::parse(num.as_str())? {
        Number::Exact(v) => (v + half, v + half, false),
        Number::Vague(a, b) => (a, b, true),
    };
    let scale = unit as f64;
    Some(Part {
        range: whole.range(),
        low: low * scale,
        high: high * scale,
        // "1.5 hours", "an hour and a half": rounded to the half hour.
        unit: if half == 0.25 || half == 0.75 {
            unit / 4
        } else if half > 0.0 || low.fract() != 0.0 {
            unit / 2
        } else {
            unit
        },
        vague,
        plus: caps.name("plus").is_some(),
        ish: caps.name("ish").is_some() || caps.name("ish2").is_some(),
    })
}

/// What every duration [`find`] returns needs: a digit, or a unit that may follow a
/// number word (`week`, `day`, `hour`, `hrs`, `minute`/`mins`, `second`/`secs`:
/// [`part`] turns a word number with a shorter unit away). A text without any compiles
/// none of the reader's patterns (`duration_gate_*` tests hold it to `find`).
static SCREEN: Screen = Screen::new(Gate::Either(
    &Gate::Digit,
    &Gate::AnyOf(&["week", "day", "hour", "hrs", "min", "sec"]),
));

/// Whether `text` may hold a duration: a digit, or a unit's word. Necessary
/// for [`find`], [`unit_labelled`] and [`clock_at_start`] (the tests below hold
/// it to them over the corpus).
pub(crate) fn may_hold(text: &str) -> bool {
    SCREEN.passes(text)
}

/// Every duration in `text`, in order.
pub fn find(text: &str) -> Vec<Duration> {
    if !SCREEN.passes(text) {
        return Vec::new();
    }
    find_unscreened(text)
}

/// [`find`] without its screen.
fn find_unscreened(text: &str) -> Vec<Duration> {
    let mut parts: Vec<Part> = SINGLE
        .captures_iter(text)
        .take(200)
        .filter_map(|c| part(text, &c))
        .collect();
    // Compounds: parts joined by a space, a comma or "and", largest unit first.
    let mut merged: Vec<Part> = Vec::with_capacity(parts.len());
    for p in parts.drain(..) {
        if let Some(last) = merged.last_mut()
            && !last.vague
            && !p.vague
            && !last.plus
            && !last.ish
            && last.low == last.high
            && p.low == p.high
            && p.unit < last.unit
            && p.low < last.unit as f64
            && JOIN.is_match(&text[last.range.end..p.range.start])
        {
            last.range.end = p.range.end;
            last.low += p.low;
            last.high += p.high;
            last.unit = p.unit;
            continue;
        }
        merged.push(p);
    }
    merged.into_iter().map(|p| qualify(text, p)).collect()
}

fn qualify(text: &str, p: Part) -> Duration {
    let mut start = p.range.start;
    let mut end = p.range.end;
    let mut low = p.low;
    let high = p.high;
    let mut qualifier = if p.vague {
        Qualifier::Vague
    } else if p.plus {
        Qualifier::AtLeast
    } else if p.ish {
        Qualifier::Approximate
    } else {
        Qualifier::Exact
    };
    if qualifier == Qualifier::Exact
        && let Some(caps) = RANGE_BEFORE.captures(&text[..start])
        && let Some(lo) = caps.name("lo").or(caps.name("b"))
        && let Some(Number::Exact(v)) = number::parse(lo.as_str())
    {
        let per = if high > 0.0 && p.low == p.high {
            // The unit of the high end applies to the low end: "4-5 hours".
            (p.unit as f64).max(1.0)
        } else {
            1.0
        };
        let lo_seconds = v * per;
        if lo_seconds < high {
            low = lo_seconds;
            qualifier = Qualifier::Range;
            start = caps.get(0).map_or(start, |m| m.start());
        }
    }
    if qualifier == Qualifier::Exact {
        if let Some(caps) = QUALIFIER_BEFORE.captures(&text[..start]) {
            qualifier = kind(&caps);
            start = caps.get(0).map_or(start, |m| m.start());
        } else if let Some(caps) = QUALIFIER_AFTER.captures(&text[end..]) {
            qualifier = kind(&caps);
            end += caps.get(0).map_or(0, |m| m.end());
        }
    }
    // Trim the whitespace a qualifier match may carry.
    while text[start..end].starts_with(char::is_whitespace) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    Duration {
        range: start..end,
        low,
        high,
        qualifier,
        unit: p.unit,
    }
}

fn kind(caps: &Captures<'_>) -> Qualifier {
    if caps.name("approx").is_some() {
        Qualifier::Approximate
    } else if caps.name("over").is_some() {
        Qualifier::JustOver
    } else if caps.name("under").is_some() {
        Qualifier::JustUnder
    } else if caps.name("least").is_some() {
        Qualifier::AtLeast
    } else {
        Qualifier::AtMost
    }
}

/// `1:35` (hours and minutes) at the start of `text`, for a value a label names as a
/// duration ("Time to resolution: 1:35"); a clock time with AM/PM or a zone is not one.
pub fn clock_at_start(text: &str) -> Option<(Range<usize>, f64)> {
    static CLOCK: LazyLock<Lean> = LazyLock::new(|| {
        Lean::new(r"^\s*([0-9]{1,2}):([0-5][0-9])\b(?:\s*(?i:[ap]\.?m\b|[a-z]{3,4}\b|utc|z\b))?")
            .expect("the clock pattern is valid")
    });
    let caps = CLOCK.captures(text)?;
    let whole = caps.get(0)?;
    let (h, m) = (caps.get(1)?, caps.get(2)?);
    if whole.end() > m.end() {
        return None; // followed by AM/PM or a zone: a time of day
    }
    let seconds = h.as_str().parse::<f64>().ok()? * 3600.0 + m.as_str().parse::<f64>().ok()? * 60.0;
    Some((h.start()..m.end(), seconds))
}

/// A label that carries the unit of a bare number: `Minutes downtime or degradation:
/// 50`, `Downtime (minutes): 50`, `Duration (h): 2.5`, `| Minutes of impact | 50 |`.
static UNIT_LABEL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?im)^[ \t]*(?:\|[ \t]*)?(?:(?:[-*+]|[0-9]{1,2}[.)])[ \t]+)?[*_]*(?P<label>[a-z][a-z ()/_-]{2,60}?)[*_]*[ \t]*(?::|\|)[*_ \t]*(?P<n>[0-9]{1,5}(?:\.[0-9]{1,2})?)[*_]*[ \t]*\|?[ \t]*\.?[ \t]*$")
        .expect("the pattern is valid")
});
/// The unit a label names: a word ("Minutes of impact", "in hours"), or a letter in
/// parentheses ("(h)", "(min)").
static LABEL_UNIT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?i)\b(?P<u>minutes|mins|hours|hrs)\b|\(\s*(?P<p>minutes?|mins?|m|hours?|hrs?|h)\s*\)",
    )
    .expect("the pattern is valid")
});
/// What the label must name: a length of the impact or a metric.
static LABEL_LENGTH: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:downtime|duration|outage|degradation|disruption|impact|unavailability|interruption|time\s+to\s+[a-z]+|tt[damr])\b")
        .expect("the pattern is valid")
});
/// ...and must not: a target, a budget, an average over many incidents.
static LABEL_NOT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:target|goal|budget|allowed|allowance|slo|sla|max(?:imum)?|minimum|limit|threshold|average|mean|median|mttr|mttd|per|expected|planned|estimated)\b")
        .expect("the pattern is valid")
});

/// A bare number whose label names its unit and a length ("Minutes downtime or
/// degradation: 50"): the number's range, the duration, and the label as written.
pub fn unit_labelled(text: &str) -> Vec<(Duration, Range<usize>)> {
    let mut out = Vec::new();
    for caps in UNIT_LABEL.captures_iter(text).take(100) {
        let (Some(label), Some(n)) = (caps.name("label"), caps.name("n")) else {
            continue;
        };
        let words = label.as_str();
        if !LABEL_LENGTH.is_match(words) || LABEL_NOT.is_match(words) {
            continue;
        }
        let Some(unit) = LABEL_UNIT.captures(words) else {
            continue;
        };
        let written = unit.name("u").or(unit.name("p")).map_or("", |m| m.as_str());
        let seconds = unit_seconds(written);
        let Ok(value) = n.as_str().parse::<f64>() else {
            continue;
        };
        if value <= 0.0 {
            continue;
        }
        let low = value * seconds as f64;
        out.push((
            Duration {
                range: n.range(),
                low,
                high: low,
                qualifier: Qualifier::Exact,
                unit: if value.fract() != 0.0 {
                    seconds / 2
                } else {
                    seconds
                },
            },
            label.range(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Qualifier, find};

    fn read(text: &str) -> Vec<(String, f64, f64, Qualifier)> {
        find(text)
            .into_iter()
            .map(|d| {
                (
                    text[d.range].to_string(),
                    d.low / 60.0,
                    d.high / 60.0,
                    d.qualifier,
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, f64, f64, Qualifier) {
        let found = read(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].clone()
    }

    #[test]
    fn numbers_units_and_compounds() {
        use Qualifier::Exact;
        for (text, written, minutes) in [
            ("a 1h30m downtime", "1h30m", 90.0),
            ("took 2h30 to fix", "2h30", 150.0),
            ("lasted 3h 45m", "3h 45m", 225.0),
            ("for 90 mins", "90 mins", 90.0),
            ("for 90min", "90min", 90.0),
            ("a 90-minute outage", "90-minute", 90.0),
            ("eleven hours", "eleven hours", 660.0),
            ("two and a half days", "two and a half days", 3600.0),
            ("half an hour", "half an hour", 30.0),
            ("an hour and a half", "an hour and a half", 90.0),
            ("a day and a half", "a day and a half", 2160.0),
            ("an hour and a quarter", "an hour and a quarter", 75.0),
            (
                "two hours and three quarters",
                "two hours and three quarters",
                165.0,
            ),
            ("one day", "one day", 1440.0),
            ("1 hour and 5 minutes", "1 hour and 5 minutes", 65.0),
            ("1.5 hours", "1.5 hours", 90.0),
            ("twenty-five minutes", "twenty-five minutes", 25.0),
            ("1:35 hours", "1:35 hours", 95.0),
            ("a week", "a week", 10080.0),
            ("2 hrs", "2 hrs", 120.0),
            ("45 sec", "45 sec", 0.75),
            ("1,5 hours", "1,5 hours", 90.0),
            ("took 1.5h", "1.5h", 90.0),
            ("took 1,5h", "1,5h", 90.0),
            ("down for 2,25 hours", "2,25 hours", 135.0),
        ] {
            assert_eq!(
                one(text),
                (written.to_string(), minutes, minutes, Exact),
                "{text}"
            );
        }
    }

    #[test]
    fn qualifiers_and_ranges() {
        use Qualifier::{Approximate, AtLeast, AtMost, JustOver, JustUnder, Range, Vague};
        assert_eq!(one("about 2 hours").3, Approximate);
        assert_eq!(one("~2h30").0, "~2h30");
        assert_eq!(one("nearly two hours").3, Approximate);
        assert_eq!(one("at least 3 hours").3, AtLeast);
        assert_eq!(one("more than an hour").3, AtLeast);
        assert_eq!(one("2+ hours").3, AtLeast);
        // "A little over an hour" for 1h15m is how people say it: a lower bound
        // with a loose upper one, not a tolerance band around 60 minutes.
        assert_eq!(one("a little over an hour").3, JustOver);
        assert_eq!(one("slightly more than 20 minutes").3, JustOver);
        assert_eq!(one("just under two hours").3, JustUnder);
        assert_eq!(one("just shy of two hours").3, JustUnder);
        assert_eq!(one("a little short of 40 minutes").3, JustUnder);
        assert_eq!(one("just north of 3 hours").3, JustOver);
        assert_eq!(one("over an hour").3, AtLeast);
        assert_eq!(one("within 15 minutes").3, AtMost);
        assert_eq!(one("less than 10 minutes").3, AtMost);
        assert_eq!(one("2 hours or so").3, Approximate);
        assert_eq!(one("4-5 hours"), ("4-5 hours".into(), 240.0, 300.0, Range));
        assert_eq!(
            one("10 to 15 minutes"),
            ("10 to 15 minutes".into(), 10.0, 15.0, Range)
        );
        assert_eq!(one("between 2 and 3 hours").3, Range);
        assert_eq!(
            one("a couple of minutes"),
            ("a couple of minutes".into(), 2.0, 3.0, Vague)
        );
        assert_eq!(one("a few hours").3, Vague);
        assert_eq!(
            one("90-ish minutes"),
            ("90-ish minutes".into(), 90.0, 90.0, Approximate)
        );
        assert_eq!(one("40ish minutes").3, Approximate);
        assert_eq!(one("an hour-ish").3, Approximate);
        // A comma before three digits groups thousands: never a decimal.
        assert_ne!(one("1,500 hours").1, 90.0);
    }

    #[test]
    fn what_is_not_a_duration() {
        for text in [
            "5m users were affected",
            "in the 1990s",
            "at 10:51 we paged",
            "a second attempt",
            "five m",
            "version 2 of the API",
            "at 12:26 h",
            "502s for image requests start climbing",
            "a spike of HTTP 503s",
            "the 500s stopped",
            "**09:04** 429s from the API",
        ] {
            assert_eq!(read(text), [], "{text}");
        }
        // The same digits after a word that takes a length are seconds.
        for text in ["retried for 500s", "after 450s", "took ~400s"] {
            assert_eq!(read(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn spaced_hours_and_minutes() {
        assert_eq!(one("| 1 h 28 m |").1, 88.0);
        assert_eq!(one("0 h 45 m").1, 45.0);
        // A spaced letter alone is still not a unit.
        assert_eq!(read("5 m"), []);
        assert_eq!(read("row 3 h 4"), []);
    }

    fn labelled(text: &str) -> Vec<(String, f64)> {
        super::unit_labelled(text)
            .into_iter()
            .map(|(d, label)| (text[label].trim().to_string(), d.low / 60.0))
            .collect()
    }

    #[test]
    fn a_label_names_the_unit_of_a_bare_number() {
        for (text, label, minutes) in [
            (
                "1. Minutes downtime or degradation: 50",
                "Minutes downtime or degradation",
                50.0,
            ),
            ("- Downtime (minutes): 50", "Downtime (minutes)", 50.0),
            ("**Duration (h):** 2.5", "Duration (h)", 150.0),
            ("| Minutes of impact | 50 |", "Minutes of impact", 50.0),
            (
                "Time to detection (minutes): 12",
                "Time to detection (minutes)",
                12.0,
            ),
            ("| TTR (min) | 45 |", "TTR (min)", 45.0),
            ("Outage length in hours: 3", "Outage length in hours", 180.0),
        ] {
            assert_eq!(labelled(text), [(label.to_string(), minutes)], "{text}");
        }
        for text in [
            "Downtime budget (minutes): 43",
            "MTTR (minutes): 45",
            "Impact: 50",
            "Customers affected (thousands): 50",
            "Target duration (minutes): 30",
            "Minutes of impact: 50 per month",
            "Maintenance window (minutes) ran 40 over",
        ] {
            assert_eq!(labelled(text), [], "{text}");
        }
    }

    #[test]
    fn duration_gate_turns_away_no_duration() {
        // Every number the reader knows (digits and words, halves, vague counts)
        // against every unit it knows (every spelling, in three cases and folded
        // onto KELVIN SIGN and LONG S), with every gap and bounding word: each text
        // the unscreened reader finds a duration in passes the screen.
        let numbers = [
            "1",
            "90",
            "1.5",
            "2h30",
            "1:35",
            "a",
            "an",
            "one",
            "two",
            "eleven",
            "twenty",
            "twenty-five",
            "zero",
            "half a",
            "half an",
            "a couple of",
            "a few",
            "several",
        ];
        let mut units: Vec<String> = Vec::new();
        for unit in [
            "weeks", "week", "wks", "wk", "w", "days", "day", "d", "hours", "hour", "hrs", "hr",
            "h", "minutes", "minute", "mins", "min", "m", "seconds", "second", "secs", "sec", "s",
        ] {
            units.push(unit.to_string());
            units.push(unit.to_ascii_uppercase());
            units.push(format!("{}{}", unit[..1].to_ascii_uppercase(), &unit[1..]));
            units.push(unit.replace('k', "\u{212A}").replace('s', "\u{17F}"));
        }
        let mut found = 0;
        for number in numbers {
            for gap in ["", " ", "-", "+ ", " - "] {
                for unit in &units {
                    for (before, after) in [("", ""), ("about ", " or so"), ("x ", " and a half")] {
                        let text = format!("{before}{number}{gap}{unit}{after}");
                        if !super::find_unscreened(&text).is_empty() {
                            found += 1;
                            assert!(super::SCREEN.passes(&text), "{text}");
                        }
                    }
                }
            }
        }
        assert!(found > 1000, "{found} texts with a duration");
    }

    #[test]
    fn duration_gate_turns_away_no_duration_of_the_corpus() {
        // Every line and paragraph of every report of the repository (held-out
        // realistic reports excepted) that holds a duration passes the screen.
        let mut texts = 0;
        for (path, text) in crate::gated::corpus() {
            for part in text.lines().chain(text.split("\n\n")) {
                if !super::find_unscreened(part).is_empty() {
                    texts += 1;
                    assert!(super::SCREEN.passes(part), "{}: {part}", path.display());
                }
                // `claims::read` skips the labelled readings of a text without a digit.
                let labelled = !super::unit_labelled(part).is_empty()
                    || part
                        .match_indices([':', '|', '='])
                        .any(|(i, _)| super::clock_at_start(&part[i + 1..]).is_some());
                assert!(
                    !labelled || part.bytes().any(|b| b.is_ascii_digit()),
                    "{part}"
                );
            }
        }
        assert!(texts > 500, "{texts} texts with a duration");
        // And the screen does turn texts away.
        assert!(!super::SCREEN.passes("The cache kept stale tokens after a deploy."));
        assert_eq!(read("a session as an m"), []);
    }

    #[test]
    fn clock_durations_only_bare() {
        assert_eq!(super::clock_at_start(" 1:35"), Some((1..5, 5700.0)));
        assert_eq!(super::clock_at_start(" 1:35 PM"), None);
        assert_eq!(super::clock_at_start(" 1:35 UTC"), None);
    }
}
