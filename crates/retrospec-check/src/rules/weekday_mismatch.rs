//! RS216 in prose: a weekday written beside its date in a sentence of the report
//! or its title (`On the morning of Wednesday 24 June`, `Tuesday, March 3, 2026`,
//! `# Update on the outage on Wednesday, September 4`) that the date
//! does not fall on. Date lines in a timeline are checked where they are read (the
//! time grammar); this is the same finding for the summary and the other sections,
//! and for a timeline entry's time stamped with its weekday (`2025-10-08 Thu
//! 00:20`, as Org mode writes one).

use std::sync::LazyLock;

use crate::lean::Lean;
use jiff::civil::{Date, Weekday};

use crate::diagnostic::Diagnostic;
use crate::rules::words::{DESCRIPTIVE, SECTIONS, texts};
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// Reports a weekday that does not match the date beside it in prose: RS216,
    /// declared with its documentation in `codes.rs` (`WEEKDAY_MISMATCH`), which
    /// the timeline's date lines report too.
    pub struct WeekdayMismatch = codes::WEEKDAY_MISMATCH;
}

/// Action items' words (`This was deployed on Friday (Sept 27).`).
const ACTIONS: &str = "/action_items/*/title";

/// The report's title (`Update regarding the outage on Wednesday, September 4`).
const TITLE: &str = "/title";

const DAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

/// `Wednesday 24 June[ 2025]`, `Wednesday, the 24th of June`, `Wednesday, June 24[, 2025]`,
/// a part of the day between them (`Friday night 25 August 2003`),
/// `Friday (Sept 27)` (the date in brackets after its weekday),
/// the dotted day-first forms `Sunday, 15. 11.[ 2025]` and `Sunday 15.11.2025`,
/// and an ISO date after its weekday (`(Sunday 2025-06-14)`, `Sunday, 2025-06-14`):
/// the weekday right before its date, names capitalised as written in prose. A
/// dotted date without its year needs the space after its first dot (`14.05.`
/// after a weekday may be a clock closing a sentence).
static DAY_DATE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"\b(?P<wd>{DAYS})(?:[ \t]+(?:morning|afternoon|evening|night))?,?[ \t\n]+\(?(?:(?:the[ \t\n]+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:[ \t\n]+of)?[ \t\n]+(?P<m1>{MONTHS})\b|(?P<m2>{MONTHS})\.?[ \t\n]+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b|(?P<d3>\d{{1,2}})\.[ \t](?P<m3>\d{{1,2}})\.|(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}})\b|(?P<y5>\d{{4}})-(?P<m5>\d{{2}})-(?P<d5>\d{{2}})\b)(?:,?[ \t\n]+(?P<y>\d{{4}})\b)?"
    ))
    .expect("the weekday pattern is valid")
});

fn month_number(name: &str) -> Option<i8> {
    let lower = name.to_ascii_lowercase();
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| lower.starts_with(m))?;
    i8::try_from(i + 1).ok()
}

fn weekday_named(name: &str) -> Option<Weekday> {
    Some(match name {
        "Monday" => Weekday::Monday,
        "Tuesday" => Weekday::Tuesday,
        "Wednesday" => Weekday::Wednesday,
        "Thursday" => Weekday::Thursday,
        "Friday" => Weekday::Friday,
        "Saturday" => Weekday::Saturday,
        "Sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// The one year the report writes for `month`/`day` in its own dates (the date
/// field, milestones, timeline dates): a date without its year is read only when
/// the report says which year it is, and says only one.
fn year_written_for(cx: &Context<'_>, month: i8, day: i8) -> Option<i16> {
    let mut years: Vec<i16> = cx
        .times
        .all()
        .filter_map(|v| v.parsed.as_ref().ok()?.date)
        .chain(
            cx.model
                .date
                .as_deref()
                .and_then(|d| d.trim().parse::<Date>().ok()),
        )
        .filter(|d| d.month() == month && d.day() == day)
        .map(|d| d.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    match years.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The year the report's heading names ("# July 2025 service disruption", a
/// `title:` with a date, the byline's date), for a date written without its year
/// when the report's own dates do not give it; not for January or December, where
/// a report may tell of the year before or after.
fn heading_year(cx: &Context<'_>, month: i8) -> Option<i16> {
    (2..=11)
        .contains(&month)
        .then(|| crate::time::heading_year(cx.text))
        .flatten()
}

/// The year a report read as written was published in (a blog's front matter `date`, `date =
/// 2025-07-12T14:30:00-04:00` in TOML, a byline), for a date written without its
/// year that neither its own dates nor its heading place; not for January or
/// December, as with [`heading_year`].
fn published_year(cx: &Context<'_>, month: i8) -> Option<i16> {
    // Retrospec's own `date` is the incident's, not a publication's.
    (cx.parsed.freeform.is_some() && (2..=11).contains(&month))
        .then(|| crate::parse::freeform::date::Dating::of(cx.text).published)
        .flatten()
        .map(|d| d.year())
}

/// A date written with its year in a sentence: `19th May 2025`, `May 19, 2025`,
/// `2025-05-19`.
static DATED: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(&format!(
        r"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:[ \t\n]+of)?[ \t\n]+(?P<m1>{MONTHS})\.?,?|(?P<m2>{MONTHS})\.?[ \t\n]+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?)[ \t\n]+(?P<y>\d{{4}})\b|\b(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})\b"
    ))
    .expect("the dated pattern is valid")
});

/// The years the text writes with its dates, as (month, day, year), at most 200.
fn dates_with_years(text: &str) -> Vec<(i8, i8, i16)> {
    DATED
        .captures_iter(text)
        .take(200)
        .filter_map(|c| {
            let month = c
                .name("m1")
                .or(c.name("m2"))
                .and_then(|m| month_number(m.as_str()))
                .or_else(|| c.name("m3")?.as_str().parse().ok())?;
            let day = c
                .name("d1")
                .or(c.name("d2"))
                .or(c.name("d3"))?
                .as_str()
                .parse()
                .ok()?;
            let year = c.name("y").or(c.name("y3"))?.as_str().parse().ok()?;
            Some((month, day, year))
        })
        .collect()
}

/// The year a date without one takes from the text's other dates: the one year
/// the text writes for the same day (`Tuesday 19th May` beside updates dated
/// `19th May 2025`), else the one year its dates of the same month have
/// (`Friday (Sept 27)` in a post dated `Sep 24, 2025`). A date of another month
/// says nothing: a similar outage in March may be of another year.
fn year_in_text(dated: &[(i8, i8, i16)], month: i8, day: i8) -> Option<i16> {
    let one = |years: &mut Vec<i16>| {
        years.sort_unstable();
        years.dedup();
        match years.as_slice() {
            [y] => Some(*y),
            _ => None,
        }
    };
    let mut same: Vec<i16> = dated
        .iter()
        .filter(|(m, d, _)| *m == month && *d == day)
        .map(|(_, _, y)| *y)
        .collect();
    if !same.is_empty() {
        return one(&mut same);
    }
    one(&mut dated
        .iter()
        .filter(|(m, _, _)| *m == month)
        .map(|(_, _, y)| *y)
        .collect())
}

/// A timeline entry's time written with its weekday between date and clock
/// (`2025-10-08 Thu 00:20`, an Org time stamp): where the weekday is in the value
/// and the day it names, when the date falls on another day.
fn stamped_weekday(value: &str) -> Option<(std::ops::Range<usize>, Date)> {
    let t = value.trim_start();
    let lead = value.len() - t.len();
    let date = crate::time::parse_iso_date(t.get(..10)?)?;
    let rest = t.get(10..)?;
    let word_start = 10 + rest.len() - rest.trim_start().len();
    let word_len = t[word_start..]
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let word = &t[word_start..word_start + word_len];
    let day = crate::time::weekday_from_name(word)?;
    (word_start > 10 && day != date.weekday())
        .then_some((lead + word_start..lead + word_start + word_len, date))
}

/// The finding on `span`, the weekday `written` beside `date`, which falls on another.
fn mismatch(span: crate::span::Span, written: &str, date: Date) -> Diagnostic {
    Diagnostic::new(
        &WeekdayMismatch::INFO,
        span,
        format!(
            "`{written}` does not match the date beside it: {} is a {:?}",
            date.strftime("%-d %B %Y"),
            date.weekday()
        ),
    )
    .with_help("check the date; if it is right, correct the weekday (or drop it)")
}

impl Rule for WeekdayMismatch {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if let Some(crate::tree::Value::Seq(entries)) =
            cx.parsed.tree.entry("timeline").map(|e| &e.value.value)
        {
            for node in entries
                .iter()
                .filter_map(|e| e.entry("time"))
                .map(|e| &e.value)
            {
                let Some((range, date)) = node.as_str().and_then(stamped_weekday) else {
                    continue;
                };
                let value = node.as_str().unwrap_or("");
                let source = node.span.slice(cx.text);
                let Some(span) =
                    super::Placer::new(value, source, node.span.start).place(range.clone())
                else {
                    continue;
                };
                out.push(mismatch(span, &value[range], date));
            }
        }
        if !names_a_day(cx.text) {
            return;
        }
        let mut dated: Option<Vec<(i8, i8, i16)>> = None;
        for pattern in DESCRIPTIVE.iter().chain(&[SECTIONS, ACTIONS, TITLE]) {
            for (_, node) in texts(cx, pattern) {
                let crate::tree::Value::String(value) = &node.value else {
                    continue;
                };
                let source = node.span.slice(cx.text);
                let mut placer = super::Placer::new(value, source, node.span.start);
                for c in DAY_DATE.captures_iter(value) {
                    let (Some(wd), Some(m), Some(d)) = (
                        c.name("wd")
                            .and_then(|w| weekday_named(w.as_str()).map(|x| (w, x))),
                        c.name("m1")
                            .or(c.name("m2"))
                            .and_then(|m| month_number(m.as_str()))
                            .or_else(|| {
                                c.name("m3")
                                    .or(c.name("m4"))
                                    .or(c.name("m5"))
                                    .and_then(|m| m.as_str().parse::<i8>().ok())
                                    .filter(|m| (1..=12).contains(m))
                            }),
                        c.name("d1")
                            .or(c.name("d2"))
                            .or(c.name("d3"))
                            .or(c.name("d4"))
                            .or(c.name("d5"))
                            .and_then(|d| d.as_str().parse::<i8>().ok()),
                    ) else {
                        continue;
                    };
                    let year = match c.name("y").or(c.name("y4")).or(c.name("y5")) {
                        Some(y) => y.as_str().parse::<i16>().ok(),
                        None => year_written_for(cx, m, d)
                            .or_else(|| heading_year(cx, m))
                            .or_else(|| published_year(cx, m))
                            .or_else(|| {
                                year_in_text(
                                    dated.get_or_insert_with(|| dates_with_years(cx.text)),
                                    m,
                                    d,
                                )
                            }),
                    };
                    let Some(date) = year.and_then(|y| Date::new(y, m, d).ok()) else {
                        continue;
                    };
                    if date.weekday() == wd.1 {
                        continue;
                    }
                    // Only what is prose (not code, quoted logs or links) is reported.
                    let Some(span) = placer.place(wd.0.range()) else {
                        continue;
                    };
                    if cx.masks().covers(span.start) {
                        continue;
                    }
                    out.push(mismatch(span, wd.0.as_str(), date));
                }
            }
        }
    }
}

/// Whether `text` has `day ` or `day,` (every weekday written out, and
/// `day, Month D`), in one search.
fn names_a_day(text: &str) -> bool {
    crate::scan::has_word_where(text, "day", |b, at| {
        matches!(b.get(at + 3), Some(b' ' | b','))
    })
}

#[cfg(test)]
mod tests {
    use crate::Format;
    use crate::rules::spans_of;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_day_is_named_where_either_literal_stands(text in "(day|Mon|[ ,.a]){0,16}") {
            prop_assert_eq!(
                super::names_a_day(&text),
                text.contains("day ") || text.contains("day,")
            );
        }
    }

    /// A timeline entry stamped with a weekday its date does not fall on (an Org
    /// time stamp) is reported on the weekday; the right weekday is not.
    #[test]
    fn a_timeline_stamp_with_the_wrong_weekday() {
        let text = "# Exports stuck\n\nAll times UTC.\n\n## Timeline\n\n- 2025-10-07 Tue 22:14 first crash\n\
                    - 2025-10-08 Thu 00:20 workers stable\n- 2025-10-08 Wed 00:51 last export out\n";
        assert_eq!(spans_of("RS216", text, Format::Markdown), ["Thu"]);
    }

    #[test]
    fn a_date_without_its_year_takes_the_texts() {
        // The same day written with its year elsewhere (an update's lead).
        let md = "# Power loss\n\n**19th May 2025, at 9:48AM**\n\nAt 07:52 on Tuesday 19th May the mains tripped.\n";
        assert_eq!(spans_of("RS216", md, Format::Markdown), ["Tuesday"]);
        let right = md.replace("Tuesday", "Monday");
        assert!(spans_of("RS216", &right, Format::Markdown).is_empty());
        // The one year of the text's dates in the same month, and a date in
        // brackets after its weekday, in an action item.
        let md = "# Builds stuck on Sept 23\n\n*Posted in Announcements, Sep 24, 2025*\n\nBuilds sat queued on Tuesday (Sept 23).\n\n## Action items\n\n1. Treat quota errors like capacity errors; deployed on Friday (Sept 27).\n";
        assert_eq!(spans_of("RS216", md, Format::Markdown), ["Friday"]);
        let right = md.replace("Friday", "Saturday");
        assert!(spans_of("RS216", &right, Format::Markdown).is_empty());
        // Two years in the month and none for the day, or a year only for
        // another month: which year is a guess.
        for md in [
            "# Builds stuck\n\nFirst seen on Sep 24, 2024, again on Sep 20, 2025.\n\nIt was deployed on Friday (Sept 27).\n",
            "# Builds stuck\n\nBuilds were stuck.\n\nIt was deployed on Friday (Sept 27).\n\nA similar stall on Aug 24, 2025 was shorter.\n",
        ] {
            assert!(spans_of("RS216", md, Format::Markdown).is_empty(), "{md}");
        }
    }

    /// A title's weekday and date without a year, the year from the byline: a
    /// Wednesday that was a Thursday is found; the right weekday, and a title whose
    /// year nothing gives, are not.
    #[test]
    fn a_weekday_in_the_title() {
        let md = |title: &str, byline: &str| {
            format!(
                "# {title}\n\n*Posted by IT Services · {byline}*\n\nWe had an outage on Wednesday.\n"
            )
        };
        assert_eq!(
            spans_of(
                "RS216",
                &md(
                    "Update on the Moodle outage on Wednesday, September 4",
                    "September 5, 2025"
                ),
                Format::Markdown
            ),
            ["Wednesday"]
        );
        for (title, byline) in [
            (
                "Update on the Moodle outage on Wednesday, September 3",
                "September 5, 2025",
            ),
            (
                "Update on the Moodle outage on Wednesday, September 4",
                "last week",
            ),
        ] {
            assert!(
                spans_of("RS216", &md(title, byline), Format::Markdown).is_empty(),
                "{title}"
            );
        }
        let yaml = "title: Outage on Thursday, 5 September 2025\nstatus: draft\n";
        assert_eq!(spans_of("RS216", yaml, Format::Yaml), ["Thursday"]);
    }

    /// An ISO date after its weekday, in a mail's prose: a Sunday that was a
    /// Saturday is found, the right weekday and an ISO date before a clock are not.
    #[test]
    fn a_weekday_before_an_iso_date() {
        for (written, found) in [
            ("outage (Sunday 2025-06-14). All", true),
            ("outage (Saturday 2025-06-14). All", false),
            ("outage on Sunday, 2025-06-14 at 05:10 UTC.", true),
            ("outage on Saturday, 2025-06-14 at 05:10 UTC.", false),
        ] {
            let text =
                format!("# Mirror outage\n\nSummary of this morning's {written} times UTC.\n");
            let spans = spans_of("RS216", &text, Format::Markdown);
            assert_eq!(spans.len(), usize::from(found), "{written}: {spans:?}");
        }
    }

    #[test]
    fn a_weekday_beside_a_date_it_is_not() {
        let md = "---\ntitle: t\nstatus: draft\ndate: 2025-06-24\n---\n## Summary\n\nOn the morning of Wednesday 24 June, routes were late. It began on\nMonday, June 23, 2025 and the fix ran on Tuesday the 24th of June.\nThe review was on Friday, 3 July 2025, the day before Friday 4 July 2025.\n";
        assert_eq!(
            spans_of("RS216", md, Format::Markdown),
            ["Wednesday", "Friday"]
        );
    }

    /// A part of the day between the weekday and its date (a real IT notice:
    /// "Friday night 25 August 2003", a Monday).
    #[test]
    fn a_part_of_the_day_between_weekday_and_date() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Summary\n\nMail stopped on Friday night 25 August 2003 and came back on Tuesday morning 26 August 2003.\n";
        assert_eq!(spans_of("RS216", md, Format::Markdown), ["Friday"]);
    }

    #[test]
    fn quiet_without_a_year_the_report_gives_once() {
        // No year anywhere for 24 June: which year is a guess.
        let md = "---\ntitle: t\nstatus: draft\n---\n## Summary\n\nOn Wednesday 24 June routes were late.\n";
        assert!(spans_of("RS216", md, Format::Markdown).is_empty());
        // In code it is quoted, not the author's sentence.
        let code = "---\ntitle: t\nstatus: draft\ndate: 2025-06-24\n---\n## Summary\n\nThe log says `Wednesday 24 June`.\n";
        assert!(spans_of("RS216", code, Format::Markdown).is_empty());
    }

    /// A blog's publication date (TOML or YAML front matter) gives the year of a
    /// date written without one, as a byline does; not for January or December.
    #[test]
    fn the_publication_date_gives_the_year_of_a_date_without_one() {
        // 16 July 2025 is a Wednesday.
        for fm in [
            "+++\ntitle = \"Services outage\"\ndate = 2025-07-12T14:30:00-04:00\n+++\n",
            "---\nlayout: post\ntitle: Services outage\ndate: 2025-07-12 14:30:00 -0400\n---\n",
        ] {
            let md = format!("{fm}\nDiagnostics run on Thursday, 16 July, from 11am.\n");
            assert_eq!(
                spans_of("RS216", &md, Format::Markdown),
                ["Thursday"],
                "{md}"
            );
            let right = md.replace("Thursday", "Wednesday");
            assert!(
                spans_of("RS216", &right, Format::Markdown).is_empty(),
                "{right}"
            );
            let winter = md.replace("July", "January");
            assert!(
                spans_of("RS216", &winter, Format::Markdown).is_empty(),
                "{winter}"
            );
        }
    }

    #[test]
    fn the_heading_gives_the_year_of_a_date_without_one() {
        // 20 July 2025 is a Sunday; 19 July a Saturday.
        for md in [
            "# July 2025 network disruption summary\n\n## What happened\n\nAt 5 p.m. on Saturday, July 20, the core network was up again.\n",
            "# Network disruption\n\n*Posted 22 July 2025 by the IT office.*\n\n## What happened\n\nOn Saturday, July 20 the core network was up again.\n",
            "---\nlayout: post\ntitle: \"Network disruption of July 18, 2025\"\n---\n\n## What happened\n\nOn Saturday 20 July the core network was up again.\n",
        ] {
            assert_eq!(
                spans_of("RS216", md, Format::Markdown),
                ["Saturday"],
                "{md}"
            );
        }
    }

    /// Dotted day-first dates (`Sunday, 15. 11.`, `Sunday 15. 11. 2025`, `Friday
    /// 15.11.2025`) are read as the worded ones; 15 November 2025 is a Saturday.
    #[test]
    fn dotted_day_first_dates_beside_a_weekday() {
        let fires = [
            "On Sunday, 15. 11. at 9:30 the phones were back.",
            "On Sunday 15. 11. 2025 the phones were back.",
            "On Friday 15.11.2025 the phones were back.",
        ];
        for said in fires {
            let md =
                format!("# Outage of 14. and 15. November 2025\n\n## What happened\n\n{said}\n");
            assert_eq!(spans_of("RS216", &md, Format::Markdown).len(), 1, "{said}");
        }
        let quiet = [
            // The right weekday.
            "On Saturday, 15. 11. at 9:30 the phones were back.",
            // No closing dot and no year: a clock, not a date.
            "On Sunday 15.11 the phones were back.",
            // Written without the space and without its year: may be a clock.
            "We were back on Sunday 15.11. and happy.",
        ];
        for said in quiet {
            let md =
                format!("# Outage of 14. and 15. November 2025\n\n## What happened\n\n{said}\n");
            assert!(
                spans_of("RS216", &md, Format::Markdown).is_empty(),
                "{said}"
            );
        }
    }

    #[test]
    fn quiet_when_the_heading_does_not_settle_the_year() {
        for md in [
            // The right weekday.
            "# July 2025 network disruption summary\n\n## What happened\n\nOn Sunday, July 20 the network was up again.\n",
            // Two years in the heading.
            "# Disruptions of July 2024 and July 2025\n\n## What happened\n\nOn Saturday, July 20 the network was up again.\n",
            // December in a January post may be the year before.
            "# January 2025 network disruption\n\n## What happened\n\nOn Monday, December 30 the network was up again.\n",
            // A number in the title is not a year.
            "# 2025 users lost mail\n\n## What happened\n\nOn Saturday, July 20 the network was up again.\n",
            // The year is past the heading.
            "# Network disruption\n\nFirst paragraph.\n\n## What happened\n\nOn Saturday, July 20 (July 2025) the network was up again.\n",
        ] {
            assert!(spans_of("RS216", md, Format::Markdown).is_empty(), "{md}");
        }
    }
}
