//! Generated variants for the word rules and the prose checks of zones and
//! weekdays (prec17): each class crossed with its phrasings, the forms of what it
//! is about and the section it stands in, each with a shape that must draw the
//! finding and one that must not. A failure names the combination.

mod support;

use support::{covers, has};

/// A report read as written around `body`, with a date and a timeline.
fn report(body: &str) -> String {
    format!(
        "# Registry outage on 3 June 2025\n\nAll times UTC.\n\n## Timeline\n\n- 2025-06-03 14:02 registry returns 502\n- 15:20 registry answers again\n\n{body}\n"
    )
}

const SECTIONS: &[&str] = &["## Root cause", "## What went wrong", "## Summary"];

#[test]
fn another_party_s_statement_quoted_or_reported_is_not_blame() {
    let words = [
        "human error",
        "operator error",
        "carelessness",
        "a mistake by one of their engineers",
    ];
    let quoted = [
        "The registry sent us a written statement:\n\n> The removal happened through {w} on our\n> side and has been reversed.",
        "On Sat, 7 Jun 2025, registry support wrote:\n> The outage was {w} during a clean-up.",
        "Their email said:\n\n> We confirm {w} on our side.",
        "The registry said the removal was {w} during a clean-up.",
        "According to the hosting provider, {w} cut the feed.",
        "Their support wrote that \"the record was removed by {w} during maintenance\".",
    ];
    let own = [
        "The removal was {w} during a clean-up.",
        "We found {w} in the clean-up.",
    ];
    for section in SECTIONS {
        for w in words {
            for shape in quoted {
                let text = report(&format!("{section}\n\n{}", shape.replace("{w}", w)));
                assert!(
                    !has(&text, "RS403"),
                    "quoted: {section} / {w} / {shape}\n{text}"
                );
            }
            for shape in own {
                let text = report(&format!("{section}\n\n{}", shape.replace("{w}", w)));
                assert!(
                    has(&text, "RS403"),
                    "own words: {section} / {w} / {shape}\n{text}"
                );
            }
        }
    }
}

#[test]
fn a_token_for_a_missing_number_is_a_placeholder() {
    let tokens = ["[number]", "[N]", "[XX]", "xx", "XX", "[Number of users]"];
    let phrasings = [
        "* All users of the shared drives (approximately {t} staff and 2,100 students).",
        "- approx. {t} outpatient appointments were rebooked",
        "About {t} customers could not log in.",
    ];
    for section in ["## Impact", "## Summary"] {
        for t in tokens {
            for p in phrasings {
                let text = report(&format!("{section}\n\n{}", p.replace("{t}", t)));
                let word = t.trim_matches(['[', ']']);
                assert!(
                    covers(&text, "RS401", word),
                    "{section} / {t} / {p}\n{text}"
                );
            }
        }
        for p in [
            "About xx% of requests failed.",
            "Roughly [XX%] of requests failed.",
        ] {
            let text = report(&format!("{section}\n\n{p}"));
            assert!(has(&text, "RS401"), "{section} / {p}");
        }
        for clean in [
            "Requests from user_xx and 10.0.xx.yy were blocked.",
            "Card numbers like 4111-xxxx-xxxx were masked.",
            "- [x] Restore the drives",
            "The Super Bowl XX stream was not affected.",
            "Token ****1c was rotated; see [REDACTED].",
            "About 1,200 users [1] could not log in.",
        ] {
            let text = report(&format!("{section}\n\n{clean}"));
            assert!(
                !has(&text, "RS401"),
                "{section} / {clean}: {:?}",
                support::found(&text)
            );
        }
    }
}

#[test]
fn a_placeholder_word_alone_in_emphasis_is_a_gap() {
    for token in ["_TODO_", "__TODO__", "*TODO*", "_TBD_", "**TBD**"] {
        for section in ["## Lessons learned", "## Root cause"] {
            let text = report(&format!(
                "{section}\n\n{token}\n\n## Action items\n\n- [ ] Add an alert (@ops)"
            ));
            assert!(has(&text, "RS401"), "{section} / {token}");
        }
    }
}

#[test]
fn tbd_said_of_a_date_nobody_has_given_is_an_honest_unknown() {
    let subjects = [
        "a firmware fix date",
        "the vendor's ETA",
        "the release date of the patch",
        "the schedule for the replacement",
    ];
    let verbs = ["is still", "remains", "is"];
    for s in subjects {
        for v in verbs {
            for word in ["TBD", "TBC", "TBA"] {
                let text = report(&format!(
                    "## What we are changing\n\n- The vendor has confirmed the fault; {s} {v}\n  {word} on their side, and we replace cards until it ships (Network, ongoing)."
                ));
                assert!(
                    !has(&text, "RS401"),
                    "{s} {v} {word}: {:?}",
                    support::found(&text)
                );
            }
        }
    }
    for gap in [
        "## Root cause\n\nTBD",
        "## Root cause\n\nThe root cause is TBD.",
        "## Impact\n\n- Fix date: TBD",
    ] {
        assert!(has(&report(gap), "RS401"), "{gap}");
    }
}

#[test]
fn a_handle_told_as_the_cause_outside_its_field() {
    let shapes = [
        (
            "**Root cause:** {h} ran the cleanup script against production.",
            true,
        ),
        (
            "Root cause: {h} ran the cleanup script against production.",
            true,
        ),
        (
            "The root cause is that {h} merged the job without checking its disk use.",
            true,
        ),
        (
            "The outage was caused by {h}, who pushed the zone file.",
            true,
        ),
        ("**Root cause:** {h}'s change dropped the partition.", true),
        (
            "**Root cause:** the cleanup script took production (fix owned by {h}).",
            false,
        ),
        (
            "The root cause was a full disk, found by {h} after an hour.",
            false,
        ),
        ("{h} saw the alert; the root cause was a full disk.", false),
        (
            "The root cause was a full disk. {h} restored the partition.",
            false,
        ),
    ];
    for handle in ["@pvolkov", "@r-bauer", "@kim_l"] {
        for (shape, found) in shapes {
            let line = shape.replace("{h}", handle);
            for place in [
                format!("Short postmortem, all times UTC.\n\n{line}\n"),
                format!("## What happened\n\nThe disk filled. {line}\n"),
            ] {
                let text = format!("# Registry outage on 3 June 2025\n\n{place}");
                assert_eq!(
                    covers(&text, "RS402", handle),
                    found,
                    "{handle} / {shape} / {place}: {:?}",
                    support::found(&text)
                );
            }
        }
    }
}

#[test]
fn a_zone_stated_over_prose_clocks_is_judged_on_the_report_s_date() {
    // (zone stated, date forms of one day, out of season there)
    let cases = [
        (
            "PST",
            ["March 20, 2025", "20 March 2025", "2025-03-20"],
            true,
        ),
        (
            "PDT",
            ["March 20, 2025", "20 March 2025", "2025-03-20"],
            false,
        ),
        (
            "PST",
            ["March 3, 2025", "3 March 2025", "2025-03-03"],
            false,
        ),
        (
            "CET",
            ["October 10, 2025", "10 October 2025", "2025-10-10"],
            true,
        ),
        (
            "CEST",
            ["October 10, 2025", "10 October 2025", "2025-10-10"],
            false,
        ),
        (
            "CET",
            ["November 4, 2025", "4 November 2025", "2025-11-04"],
            false,
        ),
        ("EST", ["July 8, 2025", "8 July 2025", "2025-07-08"], true),
    ];
    let statements = [
        "(all times {z} below)",
        "All times in this report are in {z}.",
        "Times are {z}.",
    ];
    let clocks = [
        "At 9:12 a.m. the job swapped the certificate and at 10:18 a.m. the fix went out.",
        "At 09:50 the controller lost power; it was back at 10:41.",
    ];
    for (zone, dates, found) in cases {
        for date in dates {
            for statement in statements {
                for clocks in clocks {
                    let text = format!(
                        "# Logins failed\n\nOn {date} many of you could not sign in {}.\n\n## What happened\n\n{clocks}\n",
                        statement.replace("{z}", zone)
                    );
                    assert_eq!(
                        covers(&text, "RS203", zone),
                        found,
                        "{zone} / {date} / {statement} / {clocks}: {:?}",
                        support::found(&text)
                    );
                }
            }
        }
    }
}

#[test]
fn a_weekday_beside_an_iso_date_in_prose() {
    let shapes = [
        "Summary of this morning's outage ({w} 2025-06-14). All times UTC.",
        "The mirror was down on {w}, 2025-06-14 from 05:10 UTC.",
    ];
    for section in ["", "## Summary\n\n", "## What happened\n\n"] {
        for shape in shapes {
            for (w, found) in [("Sunday", true), ("Saturday", false), ("Monday", true)] {
                let text = format!("# Mirror outage\n\n{section}{}\n", shape.replace("{w}", w));
                assert_eq!(
                    covers(&text, "RS216", w),
                    found,
                    "{section} / {shape} / {w}"
                );
            }
        }
    }
}

#[test]
fn advice_to_customers_under_next_steps_is_no_action_item() {
    let advice = [
        "Merchants can retry declined payments; no payment was captured twice.",
        "If you still see errors, sign out and in again.",
        "You do not need to do anything.",
        "Affected customers who saw a timeout can retry the export.",
    ];
    for heading in ["## Next steps", "## Action items", "## What we are doing"] {
        for a in advice {
            let text = format!(
                "# Card payments declined\n\n## Timeline\n\n- 2025-03-11 14:05 UTC first declines\n\n{heading}\n\n- The rotation job checks every node (@payments, done)\n- Page on code 96 per node (@payments)\n- {a}\n"
            );
            assert!(
                !covers(&text, "RS301", &a[..10]),
                "{heading} / {a}: {:?}",
                support::found(&text)
            );
            let own = text.replace(a, "Add a per-node decline dashboard");
            assert!(
                covers(&own, "RS301", "Add a per-node"),
                "{heading} / own item: {:?}",
                support::found(&own)
            );
        }
    }
}
