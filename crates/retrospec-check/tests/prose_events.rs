//! Generated variants of a report with no timeline whose times are written in
//! sentences ("At 19:02 the hosts started dropping connections ... the last one
//! accepted logins again at 20:31"): the impact's window a reviewer builds from
//! those sentences is what a stated length is checked against.
//!
//! Axes: how the start and the end are worded, the clock form (24-hour, `p.m.`,
//! `PM`, `19h02`), how the zone is stated, where the length is stated, a window across
//! midnight, and sentences with times that are no event of the incident (a
//! schedule, a meeting, a quoted log, a code block). A claim that matches the
//! window is silent; one that is off fires and names the window's length.

mod support;

use retrospec_check::{Analysis, Config, Format};
use support::lines;

/// The duration codes.
const DURATION: &[&str] = &["RS208", "RS217", "RS218", "RS220"];

/// A clock time of `minutes` after midnight in one of the written forms.
fn clock(minutes: u32, form: usize, zone: &str) -> String {
    let (h, m) = ((minutes / 60) % 24, minutes % 60);
    let twelve = match h % 12 {
        0 => 12,
        x => x,
    };
    let half = if h < 12 { "a.m." } else { "p.m." };
    match form {
        0 => format!("{h:02}:{m:02}{zone}"),
        1 => format!("{twelve}:{m:02} {half}{zone}"),
        3 => format!("{h:02}h{m:02}{zone}"),
        _ => format!("{twelve}:{m:02} {}{zone}", if h < 12 { "AM" } else { "PM" }),
    }
}

/// The report: the length sentence `claim` at the top or the bottom, events at
/// `start` and `start + 89` minutes, with `noise` (sentences with times that
/// are no event) after the story.
fn report(
    claim: &str,
    top: bool,
    start: u32,
    form: usize,
    zone: (&str, &str),
    words: (&str, &str),
    noise: &str,
) -> String {
    let t = |m: u32| clock(start + m, form, zone.1);
    let (began, ended) = words;
    let top_claim = if top {
        format!("{claim}\n\n")
    } else {
        String::new()
    };
    let bottom_claim = if top {
        String::new()
    } else {
        format!("\n\n{claim}")
    };
    format!(
        "# Login outage\n\n*Posted by Dana Reyes in Service Status*\n\n{top_claim}{zone_line}\n\n\
         {began} The first reports came in a few minutes later, and at {alert} our \
         monitoring flagged the login API as unreachable.\n\n\
         We found the bad route at {found}{stop} The vendor rolled the change back at {back} \
         and we restarted the hosts one by one. {ended}\n\n{noise}{bottom_claim}\n",
        stop = if t(39).ends_with('.') { "" } else { "." },
        zone_line = zone.0,
        began = began.replace("{T}", &t(0)),
        alert = t(7),
        found = t(39),
        back = t(56),
        ended = ended.replace("{T}", &t(89)),
    )
}

#[test]
fn a_stated_length_is_checked_against_the_window_the_sentences_state() {
    let starts = [
        "At {T} the web hosts started dropping connections.",
        "Errors began at {T}, when the web hosts lost their route.",
        "The login API went down at {T}.",
    ];
    let ends = [
        "The last one accepted logins again at {T}.",
        "Logins were fully restored at {T}.",
        "At {T} everything was back online.",
    ];
    let zones = [
        ("All times below are CEST.", ""),
        ("", " UTC"),
        ("Times are US Eastern (EDT).", ""),
    ];
    let noises = [
        "",
        "Nightly backups run at 02:00 and were not affected.",
        "We held the postmortem meeting at 10:00 the next day.",
        "> 19:03:11 ERROR route to db-1 missing\n\n",
        "```\n2025-05-11 19:03:11 route to db-1 missing\n2025-05-11 23:59:00 done\n```",
        "The maintenance window is Tuesdays 06:00-08:00.",
    ];
    let (mut checked, mut wrong) = (0, Vec::new());
    for (s, e) in starts
        .iter()
        .zip(ends.iter().cycle().skip(1))
        .chain(starts.iter().zip(ends.iter()))
    {
        for form in 0..4 {
            for zone in zones {
                for noise in noises {
                    for top in [true, false] {
                        for start in [19 * 60 + 2, 23 * 60 + 40] {
                            let make =
                                |claim: &str| report(claim, top, start, form, zone, (s, e), noise);
                            for claim in [
                                "The outage lasted about an hour and a half.",
                                "For roughly 90 minutes, logins failed for most users.",
                            ] {
                                let text = make(claim);
                                checked += 1;
                                let hits = lines(&text, DURATION);
                                if !hits.is_empty() {
                                    wrong.push(format!("false alarm {hits:?}\n{text}"));
                                }
                            }
                            for claim in [
                                "The outage lasted approximately 45 minutes.",
                                "For roughly 40 minutes, logins failed for most users.",
                            ] {
                                let text = make(claim);
                                checked += 1;
                                let hits = lines(&text, DURATION);
                                // The window named: from the start (or, in the summary's
                                // narrative, the alert) to the end.
                                if !hits
                                    .iter()
                                    .any(|m| m.contains("(89 min)") || m.contains("(82 min)"))
                                {
                                    wrong.push(format!("missed {hits:?}\n{text}"));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {checked} variants wrong; first:\n{}",
        wrong.len(),
        wrong
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n=====\n")
    );
}

/// Sentences that do not give the impact's window leave the length not
/// compared: a step's length (a rollback that was stuck), no end stated, two
/// zones, a timeline's list that is read as a timeline.
#[test]
fn no_window_no_finding() {
    let story = "## What went wrong\n\nAt 19:02 the web hosts started dropping connections. We found the bad \
                 route at 19:41 and the last host accepted logins again at 20:31.";
    let mut wrong = Vec::new();
    for text in [
        // A step's length, not the outage's.
        format!("# Login outage\n\n{story}\n\nThe rollback itself was stuck for 13 minutes.\n"),
        format!("# Login outage\n\n{story}\n\nIt took us 12 minutes to notice.\n"),
        // No end stated.
        "# Login outage\n\nAt 19:02 the web hosts started dropping connections. We found the \
         bad route at 19:41.\n\nThe outage lasted approximately 45 minutes.\n"
            .to_string(),
        // Two written zones.
        "# Login outage\n\nAt 19:02 CEST the web hosts started dropping connections. The last \
         host accepted logins again at 18:31 UTC.\n\nThe outage lasted approximately 45 minutes.\n"
            .to_string(),
        // The end is a plan, not an event.
        "# Login outage\n\n## Details\n\nAt 19:02 the web hosts started dropping connections. We expected \
         logins to be restored at 20:31.\n\nThe outage lasted approximately 45 minutes.\n"
            .to_string(),
    ] {
        let hits = lines(&text, DURATION);
        if !hits.is_empty() {
            wrong.push(format!("{hits:?}\n{text}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n=====\n"));
}

/// The claim says which events it was compared with, and where they were stated.
#[test]
fn the_claim_names_the_events_it_was_compared_with() {
    let text = "# Login outage\n\nAt 19:02 the web hosts started dropping connections. We found \
                the bad route at 19:41 and the last host accepted logins again at 20:31.\n\n\
                The outage lasted approximately 45 minutes.\n";
    let analysis = Analysis::new(text.to_string(), Format::Markdown, &Config::default());
    let json = serde_json::to_value(analysis.claims()).expect("claims serialise");
    let claim = json
        .as_array()
        .and_then(|a| a.iter().find(|c| c["text"] == "approximately 45 minutes"))
        .expect("the claim");
    assert_eq!(claim["verdict"], "contradicts", "{claim}");
    assert_eq!(claim["compared_with"]["seconds"], 89 * 60, "{claim}");
    assert!(
        claim["compared_with"]["from"]
            .as_str()
            .is_some_and(|f| f.contains("19:02") && f.contains("dropping")),
        "{claim}"
    );
    assert_eq!(claim["provenance"]["from"], "prose_clause", "{claim}");
    assert_eq!(claim["provenance"]["to"], "prose_clause", "{claim}");
}
