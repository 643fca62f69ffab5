use crate::claims::{Bound, Claim, Compared, Qualifier, Verdict};
use crate::diagnostic::Diagnostic;
use crate::metrics;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};
use crate::suggest::display_path;

declare_rule! {
    /// A duration the report states ("a 1h30m downtime", "Time to resolution:
    /// ~2h30", "customers could not log in for about 75 minutes", "it took us
    /// 40 minutes to notice") disagrees with the report's own times.
    ///
    /// ## Why
    /// The stated durations are the numbers readers quote. When one disagrees with
    /// the milestones, one of them is wrong.
    ///
    /// Every prose string of the report is read: title, summary, impact, cause,
    /// resolution, lessons, timeline entry texts, action items, free sections and
    /// their tables, and `x-` fields. Text in code blocks, inline code, quoted
    /// lines (`>`), HTML comments and URLs is not read, but for the author's own
    /// fields quoted as a summary box (`> Time to detect: 3 minutes`,
    /// `> **Duration:** 52 minutes`) in a quote with no log line. A table whose
    /// header names the metrics (`| TTD | TTM |`) over its one row of values is
    /// read column by column.
    ///
    /// How a duration is written (see docs/format.md, "Time claims"): digits or
    /// words ("eleven hours", "two and a half days", "half an hour", "an hour and
    /// a half", "a couple of minutes", "a few hours"); units `w`, `wk(s)`,
    /// `week(s)`, `d`, `day(s)`, `h`, `hr(s)`, `hour(s)`, `m`, `min(s)`,
    /// `minute(s)`, `s`, `sec(s)`, `second(s)`; compounds `3h 45m`, `2h30`,
    /// `1h30m`, `1 h 28 m`, `1 hour and 5 minutes`, `1:35 hours`, and `1:35` alone
    /// after a metric label; ranges "4-5 hours", "10 to 15 minutes", "between 2
    /// and 3 hours"; a bare number after a label that names its unit and a
    /// length (`Minutes downtime or degradation: 50`, `Downtime (minutes): 50`,
    /// `Duration (h): 2.5`, `| Minutes of impact | 50 |`), not a target, budget,
    /// limit or average.
    ///
    /// Its qualifier sets the band the report's times must fall in:
    ///
    /// | written | band |
    /// |---|---|
    /// | plain (`1h30m`) | rounding: `duration-tolerance` (2 minutes or 3 percent; its minutes only for hours with minutes not a round five, `3 hours and 31 minutes`), half the unit for whole hours or days, as they are rounded to it (at most 12.5 percent) |
    /// | "about", "around", "roughly", "approximately", "~", "nearly", "almost", "some", "or so" | `[claims] tolerance` of the value (0.15), at least `floor-minutes` (5) |
    /// | "at least", "over", "more than", "upwards of", "N+", "or more" | no upper bound |
    /// | "at most", "under", "less than", "within", "no more than", "up to", "or less" | no lower bound |
    /// | "a little over", "just over", "slightly more than" | the value to one and a quarter times it, with the "about" tolerance |
    /// | "a little under", "just under", "slightly less than" | three quarters of the value to the value, with the "about" tolerance |
    /// | a range, "a couple of" (2-3), "a few" (2-9), "several" (2-12) | its ends, with rounding |
    ///
    /// What it measures is read from the words around it, and only then is it
    /// compared:
    ///
    /// | stated as | compared with |
    /// |---|---|
    /// | "time to detect", "detection", "identification", "TTD" | `detected` - `started` |
    /// | "time to acknowledge", "acknowledgement", "TTA" | `acknowledged` - `detected` |
    /// | "time to first (corrective) action", "first response" | `acknowledged` - `started` or `detected` (not `mitigated`: a first action often comes long before the step that mitigates) |
    /// | "time to mitigate", "mitigation", "TTM" | `mitigated` - `started` |
    /// | "time to resolve", "resolution", "recovery", "restore", "TTR" | `resolved` or `mitigated` - `started` |
    /// | "detection/mitigation/resolution took N" | that metric's milestones |
    /// | "took (us) N to notice/detect/identify", "noticed N later", "noticed N after the first failed build", "noticed N after the pipeline stopped", "paged within N of the first errors", "paged within N of the deploy/release/rollout" (an upper bound only) | `detected` - `started` (or `acknowledged` - `detected`) |
    /// | "took N to restore/recover/mitigate/fix/resolve", "restored N after the start", "stopped N after they began" | `mitigated` or `resolved` - `started` (or from `detected`, `acknowledged`) |
    /// | the incident's length | `resolved` or `mitigated` - `started` |
    /// | a length in parentheses right after a window of clock times (`Customer impact: 14:02-14:47 UTC (35 minutes)`), or alone in a table cell right after a window cell (`| 22:47–01:15 | 1 h 28 m |`, across midnight) | the window's own two times |
    /// | a length alone in parentheses (or with "of backlog", "in total" after it) at the end of a sentence that states one window: "Between 02:10 and 03:05 BST the consumers were disconnected and messages queued up (roughly 40 minutes of backlog)" | that window |
    /// | "`<event>` N after `<anchor>`": "our status page was updated N after the first alert", "the incident was declared N after the alert", "paged N after latency began to climb", "we started paging maintainers within N of the first bad build" (an upper bound), "rolled back N after the deploy", "we only noticed N after the first errors", "`<event>` N later" with one event named just before it ("the first failures showed up at 10:02, and the store was rolled back 40 minutes later") | the two timeline entries their words name (the impact's start is `started` when marked, an alert is `detected` when no entry names it); not compared when an event has no entry, or several for an anchor not called "first" |
    /// | "`<event>` N after `<anchor>`" read from words or sentences: "was reported to us N after the first bad response" (the report: an entry that reports, emails, complains or opens a ticket), "rolled back at 4:20 PM, roughly N after the deploy", "noticed N after the first failed build" in a report without a timeline; "N, from `<X>` to `<Y>`" with both ends named in words ("stood still for N, from the first growth of the lag to the rollback", "N from the declaration to start the rollback"); "took us N to identify/find/notice/spot/pinpoint/roll back/declare/page ... once (or after) `<X>`"; "N later (9:17 PM)" or "N later, at 9:17" | an end no timeline entry names is found in a clause of the prose that states one clock time and names it ("At 3:12 PM we deployed"; "nobody noticed until 08:55 UTC"); an anchor in its own words ("the first bad response") is matched on word stems (deploy/deployed/deployment, rollback/rolled back): the entry must have its head noun and all its words, or half of them for "the first ..." (then the earliest is taken); entries and clauses that state another time, two times or a date in their words make a match unsure. "N after the alert at 14:30" takes the anchor's own time. "N later (T)" is measured from the one time written before it in its sentence, or else in the one before (in a timeline entry, the entry's time; two times there and it is not compared). When several entries name the later end equally ("rollback starts", "rollback complete"), the claim agrees when one reading does and contradicts the closest otherwise; several places for the first end (unless one alone comes before the later end: "the page came in five minutes after Corvid's change went live" is not measured from the vendor confirming the change after the page), or any unsure match, and the claim is not compared, its `note` says why. Times across two dated entries are measured across the days; clock times in prose on the wall clock, within twelve hours |
    /// | the claim's own event at a clock written with it: "at 01:58 UTC (5 minutes after the page)", "started looking around 11AM, more than two hours after that first email", "opened an incident at 10:05 a.m., N after the first alert", a line that opens with its clock ("- 02:40 – Field team on site, less than three hours after the first alarm", under date lines, across midnight); clocks as `09:52`, `9:52 a.m.`, `9:52am`, `14h30`, `10AM` | that clock and the anchor's place, found by the role its words name: the declaration ("declared", "opened an incident"), the alert ("the alert fired", a noun at an entry's head: "Loss-of-light alarms on both links"), a report from outside ("the first customer report", "that first email", "the first ticket"), the status page updated ("the first public update went out": the earliest status post), the impact's start ("the first declines", "installs started failing"); "first" takes the earliest; an anchor stated earlier in the claim's own sentence ("fired at 14:20 and the first update went out within N of our alerts") counts; "paged N in" (or "N in, at 21:16") counts from the impact's start, not compared when that start is stated only in another part of the report |
    /// | "`<event>` at `<clock time>`, N after `<anchor>`" or "..., within N of `<anchor>`" ("the alert triggered at 02:10am PDT, 8 minutes after errors began", "engaged at 09:31, within five minutes of the first errors") | that clock time and the anchor's entry, or for the impact's start with neither an entry nor `started` the start the report states in prose ("Incident began at ...", "starting at approximately 01:30am PDT" in a sentence naming the impact, "The first failures, at 2:20 AM, came from ...": a time set off by commas belongs to the words before it), or else the one clock time of the sentence right before in the same paragraph when it states a failure and no action of the team ("The host lost its storage path at 13:30. The failover started at 13:52, ten minutes after impact began."), on the wall clock; not compared when their written zones differ |
    /// | the same claims in other shapes: opening the sentence, its event in the clause after the anchor ("Within 20 minutes of the alert, our status page was updated", "About 18 minutes after the alert fired, ..."); its own time with a day, "noticed at 18:10 on Friday, less than half an hour after ..."; an anchor named by its milestone ("after detection", "after the start of the incident"); a detection "within N" of nothing named ("our alerting caught it within five minutes"), from the impact's start; an event named in its own words ("most customer servers were back within 40 minutes of the power loss": two to four words, in one place only, at or after the anchor), never after a length ("stayed dark for N after ...") | as above; a report with no timeline entry is searched in a timeline written in plain-text columns (`Fri 7 Nov   14:05  text`, the day carried down to the lines below), and in a mail "yesterday", "last night" and "this morning" count from its `Date:` header (the sender's day), so clock times more than twelve hours apart are measured across the days |
    /// | a backlog worked off after a fix on a named day: "Once the service was fixed on Tuesday morning, it took about a day to work through the backlog", "The backlog took almost three days to drain once the import was fixed on Saturday evening", "after the restart on Sunday night the queue drained in N" | the one timeline entry on that day (and part of the day: morning 04-12, afternoon 12-18, evening 16-24, night 19-24) whose words name a fix (fixed, restarted, restored, resumed, patch deployed, rolled back) to the one later entry that says the backlog was gone ("backlog empty", "queue drained", "caught up"); not read for a habit ("once a fix is deployed"), without a day, or with no single entry for either end |
    ///
    /// Any one pair agreeing is enough. A label is read before the duration with
    /// only punctuation, a table cell border or "was/is/of" between
    /// (`**Time to X:** 6 minutes`, `| TTR | 2h |`), or as an `x-` field named so
    /// (`x-time-to-resolution: ~2h30`, `x-duration`, `x-downtime`). The incident's
    /// length is read anywhere after "the outage/downtime/incident/impact
    /// lasted/took/of/was", "total downtime", "was/stayed
    /// down/unavailable/offline/degraded/disabled/stuck for", "this went
    /// on/continued for", "for a period/duration lasting/of" when the clause names the
    /// impact, "was down/unavailable/offline for N before `<someone did something>`",
    /// in a summary (or the opening text before a summary heading) a label naming
    /// what was out ("- Saves failing: 25 minutes."),
    /// a line label (`| Duration | 3h 45m |`, `**Duration**:`,
    /// `- Length of the disruption:`, `**Duration of customer impact:**`,
    /// `| Outage | 2h30 |`), or before "of
    /// downtime"; in the title, summary and `impact.description` also before
    /// "downtime", "outage", "degradation", "disruption" ("a 90-minute outage") or
    /// "in total", after "(for) a total of" unless the team is the subject of an
    /// action ("we watched the graphs for a total of 3 hours"), and after
    /// "lasted", "duration" or "for" when the clause names
    /// the impact ("customers could not log in for 75 minutes", "for eleven hours,
    /// email was delayed") and not an action of the team ("we waited for 10
    /// minutes"). Not after "late", "old", "ago", "every", "per", "timeout".
    /// Without `started` and an end milestone, the incident's length is read from
    /// the timeline, in every plausible reading: from `started`, or from any entry
    /// up to the first whose words name the impact (errors, failing, stale,
    /// delayed) or say it was noticed, or with no such words the first or second
    /// entry; to
    /// `resolved` or `mitigated`, or any entry whose words say the impact
    /// ended ("results are back", "live again", "returned to normal", before a
    /// later full fix), or the last entry (a restore is not always the end of the
    /// impact). It contradicts only when no reading agrees,
    /// and the message names the closest reading. A start and an end the report
    /// states as fields or line labels of their own, each with a date
    /// (`start_time:`/`end_time:` or `resolvedWhen:` in another tool's front
    /// matter, `- START TIME: 2025-02-11 14:00 UTC`, `| End time | ... |`,
    /// `- Start Time: 8 April 2025, 14:10 WAT (UTC+1)` with the date in words and
    /// the zone's offset in parentheses, or a header line labelling a window
    /// as the duration, `> **Duration:** 2:14 PM – 3:31 PM PDT`), or
    /// in one sentence ("Incident began at 2025-10-07 09:12 and ended at
    /// 2025-10-07 11:58"), are one more reading. An incident-length claim that
    /// nothing else compares is compared with the one window ("from 13:15 until
    /// 14:55", "between 09:12 and 11:58") its paragraph states before it (or,
    /// when its own paragraph states none, the paragraph right before), or
    /// else with the one window the summary or impact (or the opening paragraph
    /// of a status page's "Postmortem") states for the impact
    /// ("dashboards stale from Friday 18:00 to Sunday 09:30": weekdays on both
    /// ends carry it across days). When that window is one of the timeline's
    /// readings, the report has said which reading the impact was, and the claim
    /// is compared with the window alone ("stale from 09:14 until the lag
    /// cleared at 11:19" against "stale for just over an hour", though the
    /// rollback came at 10:41). `resolved` and `mitigated` are also read from
    /// an entry that names them in words ("incident resolved") when its time
    /// differs from the milestone's, and with `started` and an end milestone the
    /// incident's length may also end at an entry saying the impact was over
    /// ("results are back" before a later full fix). A metric measured from the
    /// start (time to detect, mitigate, resolve) without `started` is read the same
    /// way, from the entries before the metric's end milestone; without `detected`,
    /// the detection is the first entry that says the impact was noticed ("alert
    /// fires", "the probe alerts", "HTTP checks alert the admin", "customers
    /// report", "users in the forum report", "the check pages the on-call") or in which someone reports what the impact words name ("an
    /// analyst reports empty charts"); with `detected` on a later entry, that
    /// first entry is one more reading. A restore
    /// claim that names the step the impact stopped with ("the duplicates stopped
    /// once the run was paused, 2h40m after they began") and no end milestone ends
    /// on the entry whose words name that step ("billing run paused"), not at the
    /// timeline's last entry; with no such entry it is not compared. A milestone read
    /// from the words of an entry whose time has no date of its own takes the
    /// report's date, as the entry does. In a report that states no zone at all
    /// the times are measured on their wall clock (a time-only entry that goes
    /// back is on the next day); RS202 reports the missing zone. A report with no
    /// date anywhere is read on one nameless day the same way (RS206 reports
    /// it), and an entry just after midnight still written with the day before
    /// is read a day later when that puts it between its neighbours.
    ///
    /// The incident's length is also read in any prose by the class of its
    /// words: users unable to do something for it ("for about 20 minutes nobody
    /// could post", "For roughly eight hours, customers could not upload"), the
    /// state named after it ("After almost 9 hours offline", "~2,5h of registry
    /// downtime"), "the whole thing took N", and in the summary "N in all" or
    /// "altogether" (a paragraph led by a bold `**Impact.**` or `**What
    /// happened:**` label in any section reads as the summary); not what the team did, what led up to it ("had been
    /// failing for six days"), nor planned downtime. Such a length, and any
    /// incident-length claim not already agreeing, is compared first with the
    /// window stated beside it, which a reviewer reads first: the one its own
    /// sentence, the next or its paragraph (a list item on its own) states
    /// ("between X, when ..., and Y", "from about X to Y", "went down at about
    /// 9AM ... back by 8PM", or the paragraph's only two clock times when it
    /// names the impact and the second ends it), or the paragraph right before
    /// when the length opens a paragraph with no time and its sentence names the
    /// impact. Clocks as `9AM`, `1.52pm`, `3.40 p.m.`, `14h30`, `20:14:38`, with a
    /// zone and a day (`Nov 07 20:14:38 UTC`, `21:40 UTC on 17 February`); an end
    /// before its start is the next day. Not read: ends in two zones, days in
    /// other forms ("9:15 p.m. on Monday 3/2/26"), two windows, the team's own
    /// window, a plan ("we expect it back by 14:00"). The claim names the window
    /// (`window start ... (stated beside it)`) in `compared_with`; a length written
    /// to the minute that the timeline measures exactly, from its first entry to
    /// another ("3 hours 19 minutes" for 07:15 to 10:34 beside "from 07:15 to
    /// 09:34"), agrees: the window is the slip, which RS207 reports. A length that
    /// nothing else measures is compared last with a block of one `Start:` and
    /// one `End:` line on the same written day with its year ("Start:
    /// 14/01/2025 07:40", "End: 14/01/2025 11:05").
    ///
    /// With no timeline times, an incident-length claim is read from the clock
    /// times the summary-like prose and its own paragraph state ("began to fail
    /// at approximately 3:47 PM ... once the backlog was empty (7:20 PM)"): from
    /// the first or any up to the first naming the impact, to any whose sentence
    /// says it was over; at least three times. A narrative that writes no clock
    /// with a colon is read in clocks with a dot after a word that places them
    /// ("At approximately 08.56 ... By 09.41 all services had returned to
    /// normal"), never a figure ("99.95").
    ///
    /// Not read: a window in another section that matches none of the
    /// timeline's readings, and a window written with dates ("from 14.03.
    /// 16:05") or a weekday on one end only.
    ///
    /// Not compared (listed as claims with verdict `not_compared`): "MTTR" (a mean
    /// over many incidents), targets ("Time to detect target: 5 minutes"), a step
    /// ("the rollback took 10 minutes", "the release took 2 weeks to prepare"),
    /// intervals ("every 5 minutes", "2 weeks ago", "a 5-minute timeout").
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Cloud outage
    /// status: draft
    /// milestones:
    ///   started: 2023-07-01 10:51 CEST
    ///   resolved: 2023-07-01 12:26 CEST
    /// ---
    /// ## Summary
    /// A 1h30m downtime of the cloud service on Saturday morning.
    /// ```
    /// Use instead: "A 1h35m downtime", or correct the milestones.
    pub struct StatedDuration = "RS208", "stated-duration", Warning;
}

impl Rule for StatedDuration {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for claim in cx.claims() {
            let (Verdict::Contradicts, Some(compared)) = (claim.verdict, &claim.compared_with)
            else {
                continue;
            };
            let mut diagnostic =
                Diagnostic::new(&Self::INFO, claim.span, message(cx, claim, compared));
            for (pointer, name) in [
                (&compared.from_pointer, &compared.from),
                (&compared.to_pointer, &compared.to),
            ] {
                // A start or end stated as a field of another tool has no pointer.
                if !pointer.is_empty() {
                    diagnostic = diagnostic.with_label(cx.span(pointer), name.clone());
                }
            }
            let help = if claim.measures == "window" {
                "correct the stated length or the window's times"
            } else if compared.source == "events" {
                "correct the stated time between the two events, or the timeline entries it names"
            } else if compared.source == "timeline" {
                "correct the stated duration, or give `milestones.started` and `milestones.resolved` if the timeline runs longer than the incident"
            } else {
                "correct the stated duration or the milestones"
            };
            out.push(diagnostic.with_help(help));
        }
    }
}

/// How a message names the field a claim is in.
fn field_name(cx: &Context<'_>, pointer: &str) -> String {
    if let Some(section) = (0..cx.model.sections.len())
        .find(|&i| Ptr::section_body(i).as_str() == pointer)
        .and_then(|i| cx.model.sections.get(i))
    {
        return format!("section \"{}\"", section.title.trim());
    }
    // A digest incident's heading (`### March 11 08:40 UTC (lasting 45 minutes)`).
    if let Some(section) = (0..cx.model.sections.len())
        .find(|&i| Ptr::section_title(i).as_str() == pointer)
        .and_then(|i| cx.model.sections.get(i))
    {
        return format!("the heading \"{}\"", section.title.trim());
    }
    for (group, name) in [
        ("went_well", "what went well"),
        ("went_wrong", "what went wrong"),
        ("got_lucky", "where the team got lucky"),
        ("other", "the lessons"),
    ] {
        let count = cx.model.lessons.as_ref().map_or(0, |l| match group {
            "went_well" => l.went_well.len(),
            "went_wrong" => l.went_wrong.len(),
            "got_lucky" => l.got_lucky.len(),
            _ => l.other.len(),
        });
        if let Some(i) = (0..count).find(|&i| Ptr::lesson(group, i).as_str() == pointer) {
            return format!("{name} (item {})", i + 1);
        }
    }
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    match segments.as_slice() {
        ["summary"] => "the summary".into(),
        ["title"] => "the title".into(),
        ["timeline", i, "text"] => {
            format!("timeline entry {}", i.parse::<usize>().map_or(0, |i| i + 1))
        }
        ["action_items", i, ..] => cx.action_item_name(i.parse::<usize>().unwrap_or(0)),
        _ => format!("`{}`", display_path(pointer)),
    }
}

/// `90 min`, `at least 180 min`, `240-300 min`.
fn stated_minutes(claim: &Claim) -> String {
    let [low, high] = claim.stated.map(|s| s / 60);
    match claim.qualifier {
        Qualifier::AtLeast => format!("at least {low} min"),
        Qualifier::AtMost => format!("at most {high} min"),
        Qualifier::JustOver => format!("a little over {low} min"),
        Qualifier::JustUnder => format!("a little under {high} min"),
        Qualifier::Approximate => format!("about {low} min"),
        _ if low == high => format!("{low} min"),
        _ => format!("{low}-{high} min"),
    }
}

fn message(cx: &Context<'_>, claim: &Claim, compared: &Compared) -> String {
    let name = field_name(cx, &claim.pointer);
    let minutes = compared.seconds / 60;
    let human = metrics::human(compared.seconds - compared.seconds % 60);
    let what = match claim.measures {
        "incident" | "window" | "between_events" => String::new(),
        key => {
            let metric = metrics::DEFINITIONS
                .iter()
                .find(|d| d.key == key)
                .map_or_else(|| key.replace('_', " "), |d| d.name.to_lowercase());
            format!(" for the {metric}")
        }
    };
    let at = |p: &str| {
        cx.times
            .all()
            .find(|v| v.pointer == p)
            .map_or(String::new(), |v| v.text.trim().to_string())
    };
    let source = if claim.measures == "window" {
        format!(
            "the window it is the length of runs from {} to {}: {human} ({minutes} min)",
            compared.from.trim_start_matches("window start "),
            compared.to.trim_start_matches("window end ")
        )
    } else if compared.source == "events" {
        // An end with no pointer is a time written in prose, named with its text.
        let end = |name: &str, p: &str| {
            if p.is_empty() {
                name.to_string()
            } else {
                format!("the {name} `{}`", at(p))
            }
        };
        let whose = if compared.from_pointer.is_empty() || compared.to_pointer.is_empty() {
            "the report's own times give"
        } else {
            "the timeline gives"
        };
        format!(
            "{whose} {human} ({minutes} min) from {} to {}",
            end(&compared.from, &compared.from_pointer),
            end(&compared.to, &compared.to_pointer)
        )
    } else if compared.source == "stated" {
        format!(
            "the report's own {} and {} give {human} ({minutes} min)",
            compared.from, compared.to
        )
    } else if compared.source == "timeline" {
        format!(
            "the timeline gives at best {human} ({minutes} min, from the {} `{}` to the {} `{}`; the milestones do not give the incident's start and end, and no reading of the timeline agrees)",
            compared.from,
            at(&compared.from_pointer),
            compared.to,
            at(&compared.to_pointer)
        )
    } else {
        format!(
            "the milestones give {human} ({minutes} min, {} to {})",
            compared.from, compared.to
        )
    };
    let band = claim.accepted.unwrap_or([None, None]);
    let bound = match (claim.qualifier, claim.broken, band) {
        (Qualifier::Exact, _, _) => String::new(),
        (_, Some(Bound::Lower), [Some(low), _]) => {
            format!("; its lower bound ({} min) is broken", low / 60)
        }
        (_, Some(Bound::Upper), [_, Some(high)]) => {
            format!("; its upper bound ({} min) is broken", high / 60)
        }
        _ => String::new(),
    };
    format!(
        "{name} says `{}` ({}){what}, but {source}{bound}",
        claim.text,
        stated_minutes(claim)
    )
}

#[cfg(test)]
mod tests {
    use crate::Format;
    use crate::rules::spans_of;

    fn report(summary: &str) -> String {
        format!(
            "---\ntitle: t\nstatus: draft\nmilestones:\n  started: 2023-07-01 10:51 CEST\n  resolved: 2023-07-01 12:26 CEST\n---\n## Summary\n{summary}\n"
        )
    }

    #[test]
    fn contradictions_are_found_in_every_phrasing() {
        for (summary, written) in [
            ("A 1h30m downtime of the cloud service.", "1h30m"),
            ("The outage lasted eleven hours.", "eleven hours"),
            (
                "Customers could not log in for about 75 minutes.",
                "about 75 minutes",
            ),
            ("The outage lasted at least 2 hours.", "at least 2 hours"),
            ("The service was down for under an hour.", "under an hour"),
            ("**Time to resolution:** 1:20", "1:20"),
        ] {
            let text = report(summary);
            assert_eq!(
                spans_of("RS208", &text, Format::Markdown),
                [written],
                "{summary}"
            );
        }
    }

    #[test]
    fn agreeing_or_unclear_durations_are_quiet() {
        for summary in [
            "A 95-minute downtime of the cloud service.",
            "The outage lasted about an hour and a half.",
            "The outage lasted 1-2 hours.",
            "The release took 2 weeks to prepare.",
            "We waited for 10 minutes for DNS to propagate.",
            "Our MTTR is 45 minutes.",
            "```\nthe outage lasted 5 minutes\n```",
            "> the outage lasted 5 minutes",
        ] {
            let text = report(summary);
            assert_eq!(
                spans_of("RS208", &text, Format::Markdown),
                Vec::<&str>::new(),
                "{summary}"
            );
        }
    }

    #[test]
    fn without_milestones_the_timeline_is_the_reference() {
        let text = "---\ntitle: t\nstatus: draft\n---\n## Summary\nA 1h30m downtime.\n\n## Timeline\n- 2023-07-01 10:51 CEST Errors start\n- 2023-07-01 12:26 CEST All clear\n";
        let checked = crate::check(text, Format::Markdown);
        let d = checked
            .diagnostics
            .iter()
            .find(|d| d.code == "RS208")
            .expect("a finding");
        assert!(
            d.message.contains("no reading of the timeline agrees"),
            "{}",
            d.message
        );
    }

    #[test]
    fn the_timeline_is_read_by_its_words_too() {
        // The first entry is the trigger and the last a late alert: the impact's own
        // entries give the stated length, so nothing is reported.
        let text = "---\ntitle: t\nstatus: draft\n---\n## Summary\nPreviews were missing for 2 hours 10 minutes.\n\n## Timeline\n- 2025-02-18 06:30 UTC New worker deployed\n- 2025-02-18 06:41 UTC Workers start failing on large files\n- 2025-02-18 08:51 UTC Backlog regenerated, impact over\n- 2025-02-18 09:05 UTC Dashboard alert noticed\n";
        assert_eq!(
            spans_of("RS208", text, Format::Markdown),
            Vec::<&str>::new()
        );
        let wrong = text.replace("2 hours 10 minutes", "45 minutes");
        assert_eq!(spans_of("RS208", &wrong, Format::Markdown), ["45 minutes"]);
    }

    #[test]
    fn a_detection_within_n_of_the_release_is_measured_from_it() {
        let text = "# Exports failing\n\n## Summary\nThe error-rate alert paged us within 5 minutes of the deploy.\n\n## Timeline\n- 2025-04-08 10:00 UTC: version 7 of the exporter deployed\n- 2025-04-08 10:03 UTC: exports start failing\n- 2025-04-08 10:31 UTC: error-rate alert pages the on-call\n- 2025-04-08 11:00 UTC: exports succeeding again\n";
        assert_eq!(
            spans_of("RS208", text, Format::Markdown),
            ["within 5 minutes"]
        );
        let right = text.replace("within 5 minutes", "within 35 minutes");
        assert_eq!(
            spans_of("RS208", &right, Format::Markdown),
            Vec::<&str>::new()
        );
        // A step of the team within N of the release is not the detection.
        let step = text.replace(
            "The error-rate alert paged us within 5 minutes",
            "We rolled back within 5 minutes",
        );
        assert_eq!(
            spans_of("RS208", &step, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn the_step_the_impact_stopped_with_is_the_end() {
        let text = "# Stale prices\n\nAll times UTC.\n\n## Timeline\n\n- 2025-09-02 10:00 sync job starts\n- 10:05 prices start failing to update\n- 11:00 sync job disabled\n- 12:30 job re-enabled with a fix\n\n## Resolution\n\nThe stale prices stopped once the sync job was disabled, 2h25m after they began.\n";
        assert_eq!(spans_of("RS208", text, Format::Markdown), ["2h25m"]);
        let right = text.replace("2h25m", "55 minutes");
        assert_eq!(
            spans_of("RS208", &right, Format::Markdown),
            Vec::<&str>::new()
        );
        // A step no entry names is no end: nothing is compared.
        let unnamed = text.replace("sync job was disabled", "cache was flushed");
        assert_eq!(
            spans_of("RS208", &unnamed, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_length_note_in_a_timeline_is_a_claim() {
        // A timeline as written, with an untimed note giving the incident's length.
        let text = "# Search index stale

## Timeline

- 2025-03-04 09:15 UTC: indexer stops consuming updates
- 2025-03-04 10:45 UTC: indexer restarted, results current again
- Total downtime: 4 hours
";
        assert_eq!(spans_of("RS208", text, Format::Markdown), ["4 hours"]);
        let right = text.replace("4 hours", "90 minutes");
        assert_eq!(
            spans_of("RS208", &right, Format::Markdown),
            Vec::<&str>::new()
        );
        // An untimed note that is not a length stays out of the entries.
        let other = text.replace(
            "Total downtime: 4 hours",
            "Rollback took 4 hours to prepare",
        );
        assert_eq!(
            spans_of("RS208", &other, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_timeline_that_opens_with_the_trigger_is_read_from_the_impact() {
        // The first entry is the trigger, the impact follows: the claim is read from
        // the entry where reports went stale, so "about three hours" agrees.
        let text = "# Reports stale for about three hours\n\n## Timeline\n\n- 2025-05-06 08:00 UTC Nightly export begins.\n- 2025-05-06 08:25 UTC Export halts; reports go stale.\n- 2025-05-06 11:20 UTC Reports are back to normal.\n";
        assert_eq!(
            spans_of("RS208", text, Format::Markdown),
            Vec::<&str>::new()
        );
        // No reading gives 90 minutes: 2h55m from the stale entry, 3h20m from the first.
        let wrong = text.replace("about three hours", "about 90 minutes");
        let checked = crate::check(&wrong, Format::Markdown);
        let d = checked
            .diagnostics
            .iter()
            .find(|d| d.code == "RS208")
            .expect("a finding");
        assert!(
            d.message
                .contains("from the entry where the impact begins (entry 2)"),
            "{}",
            d.message
        );
    }

    #[test]
    fn a_section_that_tells_what_happened_is_read_as_the_summary() {
        let text = "# Card payments failing\n\n## What happened\n\nShoppers could not pay by card for roughly 40 minutes.\n\n## Timeline\n\n- 2025-06-02 14:00 UTC New gateway client deployed\n- 2025-06-02 14:06 UTC Payment error alert fires\n- 2025-06-02 15:30 UTC Card payments working again, all clear\n";
        assert_eq!(
            spans_of("RS208", text, Format::Markdown),
            ["roughly 40 minutes"]
        );
        let right = text.replace("roughly 40 minutes", "roughly 85 minutes");
        assert_eq!(
            spans_of("RS208", &right, Format::Markdown),
            Vec::<&str>::new()
        );
        // Users unable to do something for a length are the impact under any
        // heading; a length of the team's own work is not.
        let other = text.replace("## What happened", "## Customer support");
        assert_eq!(
            spans_of("RS208", &other, Format::Markdown),
            ["roughly 40 minutes"]
        );
        let work = other.replace(
            "Shoppers could not pay by card for roughly 40 minutes.",
            "For roughly 40 minutes we answered calls from shoppers who could not pay.",
        );
        assert_eq!(
            spans_of("RS208", &work, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn an_entry_in_plain_recovery_words_ends_the_impact_before_follow_ups() {
        // "Sign-ins recover", "installs from the mirror again": the impact's end,
        // not the follow-up entry after it.
        for (end, follow_up) in [
            ("**Sign-ins recover**", "Second session of the day starts"),
            (
                "Purge complete. New releases install from the mirror again.",
                "Lock timeout patch merged",
            ),
        ] {
            let text = format!(
                "# Sign-in outage\n\n## Summary\n\nStudents could not sign in for 1 hour and 38 minutes.\n\n## Timeline (all times PST)\n\n- 2025-03-11 7:45 a.m. Certificate expires\n- 7:48 a.m. First failed sign-ins in the logs\n- 8:40 a.m. Cause found\n- 9:26 a.m. {end}\n- 12:30 p.m. {follow_up}\n"
            );
            assert_eq!(
                spans_of("RS208", &text, Format::Markdown),
                Vec::<&str>::new(),
                "{text}"
            );
            let off = text.replace("1 hour and 38 minutes", "40 minutes");
            assert_eq!(
                spans_of("RS208", &off, Format::Markdown),
                ["40 minutes"],
                "{off}"
            );
        }
    }

    #[test]
    fn a_little_over_is_bounded_above_too() {
        let text = "# Coupons rejected\n\n## Summary\n\nCoupons were rejected for a little over half an hour.\n\n## Timeline\n\n- 2025-11-28 23:50 UTC Coupons start failing after a cache flush\n- 2025-11-29 01:07 UTC Coupons apply again\n";
        assert_eq!(
            spans_of("RS208", text, Format::Markdown),
            ["a little over half an hour"]
        );
        let right = text.replace("01:07", "00:28");
        assert_eq!(
            spans_of("RS208", &right, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_timeline_out_of_order_is_read_in_the_order_of_its_times() {
        let text = "# Uploads rejected\n\n## Summary\n\nFor 30 minutes uploads were rejected.\n\n## Timeline\n\n- 2025-03-01 10:40 UTC Uploads succeed again\n- 2025-03-01 10:10 UTC Uploads start failing\n- 2025-03-01 10:00 UTC Limit lowered\n";
        assert_eq!(
            spans_of("RS208", text, Format::Markdown),
            Vec::<&str>::new()
        );
        let wrong = text.replace("For 30 minutes", "For 10 minutes");
        assert_eq!(spans_of("RS208", &wrong, Format::Markdown), ["10 minutes"]);
    }

    #[test]
    fn metrics_from_the_start_are_read_without_started() {
        // Time-only entries dated by the report; `detected` and `mitigated` read
        // from words, the start from the entry before the alert.
        let text = "# Exports failing\n\nDate: 2025-04-09. All times UTC.\n\n## Summary\n\nDetection took 5 to 8 minutes.\n\n**Time to mitigation:** 20 minutes\n\n**Time to first action:** 4 minutes\n\n## Timeline\n\n- 08:00 exporter deployed with a wrong bucket name\n- 08:31 export failure alert fires\n- 08:35 on-call restarts the exporter\n- 09:10 previous exporter rolled back, exports mitigated\n";
        let found = spans_of("RS208", text, Format::Markdown);
        assert_eq!(found, ["5 to 8 minutes", "20 minutes"]);
        // Agreeing values are quiet, and the first action is never held against the mitigation.
        let right = text
            .replace("5 to 8 minutes", "about 30 minutes")
            .replace("20 minutes", "70 minutes");
        assert_eq!(
            spans_of("RS208", &right, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn time_to_resolve_falls_back_to_the_mitigation() {
        let text = "---\ntitle: t\nstatus: draft\nmilestones:\n  started: 2025-02-12 10:00 UTC\n  mitigated: 2025-02-12 11:40 UTC\n---\n## Summary\n**Time to resolve:** ~2h30\n";
        assert_eq!(spans_of("RS208", text, Format::Markdown), ["~2h30"]);
        let right = text.replace("~2h30", "~1h40");
        assert_eq!(
            spans_of("RS208", &right, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_report_without_any_zone_is_measured_on_its_wall_clock() {
        // No zone anywhere: the durations between the report's own times still hold.
        let text = "# Proxy outage\n\nA 2h15m outage of the proxies on 9 March 2024.\n\n## Timeline\n\n- 2024-03-09 23:20 Proxy pool upgraded, outage starts\n- 00:05 Rollback attempt\n- 01:10 Pool rebuilt, outage ends\n";
        assert_eq!(spans_of("RS208", text, Format::Markdown), ["2h15m"]);
        // 23:20 to 01:10 the next day is 1h50m.
        let right = text.replace("2h15m", "1h50m");
        assert_eq!(
            spans_of("RS208", &right, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_start_and_end_stated_as_fields_are_a_reading() {
        // Another tool's front matter gives the record's own start and end.
        let text = "---\nid: 81\nstart_time: \"2025-03-02T08:10:00Z\"\nend_time: \"2025-03-02T09:00:00Z\"\n---\n\nImage uploads failed for roughly 15 minutes after a bucket policy change.\n";
        assert_eq!(
            spans_of("RS208", text, Format::Markdown),
            ["roughly 15 minutes"]
        );
        let right = text.replace("roughly 15 minutes", "roughly 50 minutes");
        assert_eq!(
            spans_of("RS208", &right, Format::Markdown),
            Vec::<&str>::new()
        );
        // Line labels in the body read the same; a start without a date is not one.
        let labels = "# Uploads failing\n\n**Started:** 2025-03-02 08:10 UTC\n\n**Resolved:** 2025-03-02 09:00 UTC\n\n## Summary\n\nImage uploads failed for roughly 15 minutes.\n";
        assert_eq!(
            spans_of("RS208", labels, Format::Markdown),
            ["roughly 15 minutes"]
        );
        let undated = labels
            .replace("2025-03-02 08:10 UTC", "08:10")
            .replace("2025-03-02 09:00 UTC", "09:00");
        assert_eq!(
            spans_of("RS208", &undated, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn noticed_after_the_impact_began_reads_the_report_of_it() {
        // The detection is the entry where someone reports what went wrong; the
        // start is the entry before it, across a weekend of headings.
        let text = "# Exports stalled\n\n*Times are UTC.*\n\n## Summary\n\nWe only noticed on Monday, 20 hours after the export job failed.\n\n## Timeline\n\n### Saturday 8 March 2025\n\n- 21:00 export job deployed; writers stop flushing\n\n### Monday 10 March 2025\n\n- 07:30 a data engineer reports missing weekend files\n- 08:10 writers flushing again\n";
        assert_eq!(spans_of("RS208", text, Format::Markdown), ["20 hours"]);
        let right = text.replace("20 hours", "34 hours");
        assert_eq!(
            spans_of("RS208", &right, Format::Markdown),
            Vec::<&str>::new()
        );
        // A report that is not about the impact is not a detection.
        let other = text.replace(
            "reports missing weekend files",
            "reports on the weekend plan",
        );
        assert_eq!(
            spans_of("RS208", &other, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn an_entry_naming_the_end_is_a_reading_of_it() {
        // The field says 09:05, the timeline says the incident was resolved at 10:05:
        // a claim that agrees with either end is not a contradiction.
        let text = "---\ntitle: Card declines\nstatus: draft\ntimezone: UTC\nmilestones:\n  started: 2025-05-20 07:42 UTC\n  resolved: 2025-05-20 09:05 UTC\n---\n## Summary\n\n- Time to resolve: 2 h 23 min\n\n## Timeline\n\n- 2025-05-20 07:42 UTC Declines start rising\n- 2025-05-20 09:30 UTC Rollback complete\n- 2025-05-20 10:05 UTC Decline rate back to baseline; incident resolved\n";
        assert_eq!(
            spans_of("RS208", text, Format::Markdown),
            Vec::<&str>::new()
        );
        let wrong = text.replace("2 h 23 min", "50 minutes");
        assert_eq!(spans_of("RS208", &wrong, Format::Markdown), ["50 minutes"]);
        // An entry that only partly ends it is no reading.
        let partial = text.replace("incident resolved", "incident resolved for some regions");
        assert_eq!(
            spans_of("RS208", &partial, Format::Markdown),
            ["2 h 23 min"]
        );
    }

    #[test]
    fn the_impact_window_the_report_states_picks_the_timeline_reading() {
        // The timeline alone allows deploy-to-rollback (65 minutes); the impact
        // section says which reading the impact was: 09:10 until 10:50.
        let text = "# Reports stale\n\n## Summary\n\nThe sales dashboards were stale for just over an hour.\n\n## Impact\n\nDashboards were stale from 09:10 until the backlog cleared at 10:50 UTC.\n\n## Timeline\n\n- 2025-05-13 09:00 UTC Loader release deployed\n- 2025-05-13 09:10 UTC Loader lag begins to grow\n- 2025-05-13 10:05 UTC Rollback complete; lag starts to fall\n- 2025-05-13 10:50 UTC Lag back under a minute; incident resolved\n";
        assert_eq!(
            spans_of("RS208", text, Format::Markdown),
            ["just over an hour"]
        );
        let right = text.replace("just over an hour", "about 100 minutes");
        assert_eq!(
            spans_of("RS208", &right, Format::Markdown),
            Vec::<&str>::new()
        );
        // Without the stated window, the rollback reading agrees.
        let unstated = text.replace(
            "Dashboards were stale from 09:10 until the backlog cleared at 10:50 UTC.",
            "Dashboards were stale.",
        );
        assert_eq!(
            spans_of("RS208", &unstated, Format::Markdown),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn with_milestones_the_impact_may_end_before_resolved() {
        // `resolved` is the full fix at 12:40; results were back for users at 11:05.
        let text = "---\ntitle: Search empty\nstatus: draft\ntimezone: UTC\nmilestones:\n  started: 2025-03-04 09:10 UTC\n  resolved: 2025-03-04 12:40 UTC\n---\n## Summary\n\nSearch returned empty results for about two hours.\n\n## Timeline\n\n- 2025-03-04 09:10 UTC New index swapped in; results go empty\n- 2025-03-04 11:05 UTC Previous index live again; results are back\n- 2025-03-04 12:40 UTC Exporter fixed and full reindex swapped in\n";
        assert_eq!(
            spans_of("RS208", text, Format::Markdown),
            Vec::<&str>::new()
        );
        // Neither end gives 45 minutes; a partial return is no end.
        let wrong = text.replace("about two hours", "about 45 minutes");
        assert_eq!(
            spans_of("RS208", &wrong, Format::Markdown),
            ["about 45 minutes"]
        );
        let partial = text.replace("results are back", "results are back for some users");
        assert_eq!(
            spans_of("RS208", &partial, Format::Markdown),
            ["about two hours"]
        );
    }

    /// A length to the minute that the timeline measures exactly, from its first
    /// entry to another, beside a window that ends early: the window is the slip
    /// (RS207), not the length. A length the timeline does not measure still
    /// contradicts the window.
    #[test]
    fn a_length_measured_on_the_timeline_beside_a_window_that_ends_early() {
        let report = |length: &str| {
            format!(
                "SUMMARY\nThe payroll export failed from 07:15 to 09:34 GMT on Thursday 6 February\n\
                 2025. In all, the export was down for {length}.\n\n\
                 TIMELINE\n  07:15  Export job fails.\n  08:52  Owen raises it.\n  10:34  Bank acknowledges the file.\n  11:02  Owen confirms we are done.\n"
            )
        };
        let right = report("3 hours 19 minutes");
        assert!(spans_of("RS208", &right, Format::Markdown).is_empty());
        let wrong = report("3 hours 5 minutes");
        assert_eq!(
            spans_of("RS208", &wrong, Format::Markdown),
            ["3 hours 5 minutes"]
        );
    }

    /// A paragraph led by a bold `Impact` label in any section is read as the
    /// impact's description: its length is the incident's.
    #[test]
    fn a_paragraph_labelled_impact_states_the_incident_s_length() {
        let report = |label: &str| {
            format!(
                "# Weekly review\n\nAll times UTC, 13 March 2025.\n\n## 4. Incident of the week\n\n\
                 {label}Customers saw errors on checkout for roughly half an hour.\n\n\
                 **Timeline**\n\n- 14:12 First 503s on checkout.\n- 15:09 Error rate back to baseline; impact ends.\n"
            )
        };
        let labelled = report("**Impact.** ");
        assert_eq!(
            spans_of("RS208", &labelled, Format::Markdown),
            ["roughly half an hour"]
        );
        let plain = report("");
        assert!(spans_of("RS208", &plain, Format::Markdown).is_empty());
    }

    #[test]
    fn the_tolerance_comes_from_the_configuration() {
        use crate::check_with;
        use crate::config::{Claims, Config, DurationTolerance};
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2023-07-01 10:51 CEST\n  resolved: 2023-07-01 12:26 CEST\nsummary: A 1h30m downtime, about 80 minutes of outage.\n";
        let count = |config: &Config| {
            check_with(text, Format::Yaml, config)
                .diagnostics
                .iter()
                .filter(|d| d.code == "RS208")
                .count()
        };
        assert_eq!(count(&Config::default()), 2);
        let loose = Config {
            duration_tolerance: DurationTolerance {
                minutes: 5,
                percent: 3,
            },
            claims: Claims {
                tolerance: 0.2,
                floor_minutes: 5,
            },
            ..Config::default()
        };
        assert_eq!(count(&loose), 0);
    }
}
