//! The incidents of the sweep, with what may truly and wrongly be said of them.

use super::{Place, Scenario, Zone};

const JUNE: &str = "Thursday, June 12, 2025";
const DAY: &str = "2025-06-12";

/// A configuration change breaks the search indexer at 13:40; alert 13:52,
/// investigation 14:05, rollback 14:45 (1h05 in), resolved 15:10 (90 minutes).
const SEARCH: Scenario = Scenario {
    name: "search",
    title: "Stale search results on catalog pages",
    date: DAY,
    summary: "Search results on catalog pages at shop.example.com showed old prices and stock.",
    impact: "About 30% of searches returned stale results. No orders were lost.",
    cause: "A configuration change doubled the indexer's batch size, and its workers ran out of memory.",
    events: &[
        (
            JUNE,
            DAY,
            "13:40",
            "a configuration change doubles the indexer batch size and indexer workers start failing",
        ),
        (
            JUNE,
            DAY,
            "13:52",
            "the freshness alert pages the on-call engineer",
        ),
        (
            JUNE,
            DAY,
            "14:05",
            "the on-call engineer starts investigating",
        ),
        (
            JUNE,
            DAY,
            "14:45",
            "the configuration change is rolled back",
        ),
        (
            JUNE,
            DAY,
            "15:10",
            "the index has caught up and the incident is resolved",
        ),
    ],
    narrative: "At 13:40{z} a configuration change doubled the indexer batch size, and the indexer \
        workers started failing. The freshness alert paged the on-call engineer at 13:52{z}, who \
        started investigating at 14:05{z}. We rolled the change back at 14:45{z}, and by 15:10{z} \
        the index had caught up and the incident was resolved.",
    stream: &[
        (
            "Resolved",
            "The index has caught up and search results are current again.",
            "Jun 12, 15:10",
        ),
        (
            "Monitoring",
            "We rolled back a configuration change and the index is catching up.",
            "Jun 12, 14:45",
        ),
        (
            "Investigating",
            "Search results on catalog pages have been stale since 13:40{Z}. We are investigating.",
            "Jun 12, 14:05",
        ),
    ],
    zones: &[
        Zone {
            place: Place::ReportWide,
            name: "UTC",
        },
        Zone {
            place: Place::PerEntry,
            name: "UTC",
        },
        Zone {
            place: Place::Header,
            name: "UTC",
        },
        Zone {
            place: Place::ReportWide,
            name: "BST",
        },
        Zone {
            place: Place::PerEntry,
            name: "PDT",
        },
        Zone {
            place: Place::Header,
            name: "CEST",
        },
        Zone {
            place: Place::Nowhere,
            name: "",
        },
        Zone {
            place: Place::Label,
            name: "UTC",
        },
        Zone {
            place: Place::UnderHeading,
            name: "BST",
        },
    ],
    claims: &[
        "The incident lasted 90 minutes.",
        "Search results were stale for about an hour and a half.",
        "Search results were stale for roughly 1.5 hours.",
        "The outage lasted 1h30.",
        "The outage lasted ninety minutes.",
        "The incident lasted less than two hours.",
        "The incident lasted under 2 hours.",
        "The incident lasted between 80 and 100 minutes.",
        "For 1 hour and 30 minutes, search results were stale.",
        "The incident was resolved 90 minutes after it started.",
        "Between 13:40 and 15:10{Z}, search results on catalog pages were stale.",
        "From 13:40 to 15:10{Z} search results were stale (90 minutes).",
        "Search results were stale for over an hour.",
        "The incident lasted 1 hr 30 min.",
        "The freshness alert paged the on-call engineer 12 minutes after the first failures.",
        "We detected the problem within 15 minutes.",
        "The alert fired twelve minutes after the change.",
        "The rollback came 1h05 after the configuration change.",
        "The change was rolled back an hour and five minutes after it was made.",
        "The change was rolled back about an hour after it was made.",
        "The change was rolled back 65 minutes after it was deployed.",
        "The index caught up 25 minutes after the rollback.",
        "The change was rolled back at 14:45{Z} and the incident was resolved at 15:10{Z}.",
        "Investigation began 13 minutes after the alert.",
        "Searches were degraded for 1½ hours.",
        "The outage lasted approximately 90 mins.",
        "Duration: 90 minutes.",
        "It took us 65 minutes to roll back the change.",
        "It took 12 minutes to detect the problem.",
        "Time to detect: 12 minutes.",
        "The incident lasted one and a half hours.",
        "The incident lasted 1.5h.",
        "Roughly 90 minutes passed between the change and full recovery.",
        "Search was stale for 85 to 95 minutes.",
        "We were degraded from 13:40{Z} until 15:10{Z}.",
        "Impact began at 13:40{Z} and ended at 15:10{Z}.",
        "The alert fired at 13:52{Z}, 12 minutes after the change.",
        "Within 25 minutes of the rollback, the index had caught up.",
        "The incident was mitigated in just over an hour.",
        "Full recovery took an hour and a half.",
        "It happened on Thursday, June 12, 2025.",
        "The rollback came 1h05m after the change.",
        "Search was stale for an hour-and-a-half.",
        "It was a 90-minute outage.",
        "It was a ninety-minute outage.",
        "It was a 1.5-hour outage.",
        "The outage, which lasted 90 minutes, hit every catalog page.",
        "After 90 minutes, search results were current again.",
        "Search results were stale for 90+ minutes.",
        "Search results were stale for 1–2 hours.",
        "Search results were stale for 1 to 2 hours.",
        "Search results were stale for 1 h 30 m.",
        "Search results were stale for 1 1/2 hours.",
        "Search results were stale for 1,5 hours.",
        "Search results were stale for one hour thirty minutes.",
        "The change was rolled back after 65 min.",
    ],
    wrong: &[
        "The incident lasted 40 minutes.",
        "Search results were stale for about three hours.",
        "The outage lasted 4h30.",
        "The incident lasted less than an hour.",
        "The freshness alert paged the on-call engineer 45 minutes after the first failures.",
        "The change was rolled back 3 hours after it was made.",
        "Between 13:40 and 17:10{Z}, search results on catalog pages were stale.",
        "The incident was resolved at 16:40{Z}.",
        "It happened on Tuesday, June 12, 2025.",
        "The incident was resolved 5 hours after it started.",
    ],
    distractors: &[
        "",
        "The rollback itself took 4 minutes to deploy.",
        "A full rebuild of the index normally takes 20 minutes.",
        "Our freshness SLA is 5 minutes.",
        "The indexer runs a full rebuild every 6 hours, the next at 18:00{Z}.",
        "A follow-up review was held at 16:30{Z} the same day.",
        "The worker log showed:\n\n```\n2025-06-12T13:41:07Z ERROR worker-3 killed: out of memory\n2025-06-12T13:41:09Z WARN queue depth 4812\n```",
        "A customer ([redacted]) reported stale results through support at [time redacted].",
        "Our partner Fifteen Minutes Media was told at once.",
        "Our Sydney on-call engineer (AEST) was paged as a backup.",
        "The batch-size change had been approved on 10 June 2025 and merged on June 11th.",
        "It happened on Thursday, June 12, during the catalog import.",
        "The index had been healthy for a day and a half before the change.",
        "The configuration change had run in staging for 3 days.",
        "The error rate peaked at 45% around 14:00{Z}.",
        "The previous incident of this kind, on 2025-05-02, lasted 3 hours.",
        "Each indexer worker restarts within 30 seconds.",
        "Customers were refunded within 48 hours.",
        "The status page was updated every 30 minutes.",
        "Support answered 120 tickets in the next 2 hours.",
        "The on-call rotation changes every Monday at 09:00{Z}.",
        "The change was meant to cut the nightly rebuild from 3 hours to 2 hours.",
        "Our dashboards keep 14 days of history.",
        "Team 24x7 Ops and the 5 Minute Club were notified.",
        "The index snapshot from 2025/06/12 03:00 was not needed.",
        "The change ticket was approved at 11:15{Z}.",
        "ENTRY 16:30|the postmortem review is scheduled",
        "ENTRY 17:05|support closes the last customer ticket",
        "ENTRY -13:15|the batch-size change is approved",
        "> 14:02:11 ERROR indexer: batch too large",
        "The last deploy before this was at 09:30{Z} the same morning.",
        "An hour later, the team met to review what happened.",
        "We will revisit the batch size in 2 weeks.",
        "The fix will ship within 24 hours.",
        "p99 latency rose to 1.5 s during the incident.",
        "Build #1340 ran for 12 minutes.",
        "The indexer runs version 14.45 on port 1510.",
        "The search vendor's statement read:\n\n> The stale cache came from a human error on our side during maintenance.",
        "According to the CDN provider, operator error on their side delayed the purge.",
        "The vendor's fix date for the client library is still TBD on their side.",
        "Their support wrote that \"a careless change by one of our engineers\" was the trigger.",
        "Customers waited up to 90 seconds for a page.",
        "Each failing batch timed out after 10 minutes.",
        "Errors had been rising slowly for 3 days.",
        "A smaller group of pages was stale for 10 minutes longer.",
        "Customers in Europe were affected for 40 minutes of it.",
        "About 1,200 searches per minute failed for 15 minutes at the peak.",
        "The indexer was down for 5 minutes during the rollback.",
        "In 2024 a similar outage lasted four hours.",
        "Last week, search was down for 3 hours for planned maintenance.",
        "A second, unrelated outage of the image service lasted 20 minutes.",
        "The image service was also down for 20 minutes, for an unrelated reason.",
        "The outage would have lasted 4 hours without the runbook.",
        "The batch job that failed normally runs for 45 minutes.",
        "A dashboard showed the error for 3 days afterwards.",
    ],
};

const MON: &str = "Monday, March 3, 2025";
const TUE: &str = "Tuesday, March 4, 2025";
const WED: &str = "Wednesday, March 5, 2025";

/// An expired certificate bounces invoice emails from Monday 22:00 to Wednesday
/// 10:00 (36 hours); a customer reports it at 07:30 on Tuesday (9.5 hours in), the
/// certificate is renewed on Wednesday at 08:00 (34 hours in).
const INVOICES: Scenario = Scenario {
    name: "invoices",
    title: "Invoice emails bounced",
    date: "2025-03-05",
    summary: "Invoice emails from billing.example.com were not delivered to customers.",
    impact: "About 4,100 invoice emails were delayed. None were lost.",
    cause: "The mail provider's client certificate expired, and its renewal job had been disabled.",
    events: &[
        (
            MON,
            "2025-03-03",
            "22:00",
            "the mail-provider certificate expires and invoice emails start bouncing",
        ),
        (
            TUE,
            "2025-03-04",
            "07:30",
            "a customer reports missing invoices to support",
        ),
        (
            TUE,
            "2025-03-04",
            "08:05",
            "the billing on-call engineer starts investigating",
        ),
        (
            WED,
            "2025-03-05",
            "08:00",
            "the certificate is renewed and invoice emails are sent again",
        ),
        (
            WED,
            "2025-03-05",
            "10:00",
            "the backlog of invoice emails is delivered and the incident is resolved",
        ),
    ],
    narrative: "On Monday, March 3 at 22:00{z} the mail-provider certificate expired and invoice \
        emails started bouncing. A customer reported missing invoices at 07:30{z} on Tuesday, and \
        the billing on-call engineer started investigating at 08:05{z}. On Wednesday at 08:00{z} \
        the certificate was renewed, and by 10:00{z} the backlog had been delivered and the \
        incident was resolved.",
    stream: &[
        (
            "Resolved",
            "The backlog of invoice emails has been delivered.",
            "Mar 5, 10:00",
        ),
        (
            "Monitoring",
            "The certificate was renewed and invoice emails are being sent again.",
            "Mar 5, 08:00",
        ),
        (
            "Investigating",
            "Invoice emails have been bouncing since Mar 3, 22:00{Z}. We are investigating.",
            "Mar 4, 08:05",
        ),
    ],
    zones: &[
        Zone {
            place: Place::ReportWide,
            name: "UTC",
        },
        Zone {
            place: Place::PerEntry,
            name: "GMT",
        },
        Zone {
            place: Place::Header,
            name: "EST",
        },
        Zone {
            place: Place::ReportWide,
            name: "CET",
        },
        Zone {
            place: Place::Nowhere,
            name: "",
        },
        Zone {
            place: Place::UnderHeading,
            name: "UTC",
        },
    ],
    claims: &[
        "Invoice emails bounced for a day and a half.",
        "The incident lasted 36 hours.",
        "The incident lasted about a day and a half.",
        "The outage lasted more than a day.",
        "Invoice emails were delayed for 1.5 days.",
        "The incident lasted roughly 36h.",
        "The first customer report came 9.5 hours after the certificate expired.",
        "We only noticed the problem about nine and a half hours after it began.",
        "Invoice emails were delayed from Monday 22:00{Z} until Wednesday 10:00{Z}.",
        "From 22:00{Z} on March 3 to 10:00{Z} on March 5, invoice emails bounced.",
        "The certificate was renewed 34 hours after it expired.",
        "The backlog was delivered two hours after the renewal.",
        "The incident began on Monday, March 3 and ended on Wednesday, March 5.",
    ],
    wrong: &[
        "Invoice emails bounced for half a day.",
        "The incident lasted 6 hours.",
        "The outage lasted less than a day.",
        "The first customer report came 30 minutes after the certificate expired.",
        "The incident began on Sunday, March 3.",
        "The incident lasted three days.",
    ],
    distractors: &[
        "",
        "Renewing the certificate itself took 10 minutes.",
        "Certificates from this provider last 90 days.",
        "Our email SLA is delivery within 1 hour.",
        "A retry job runs every 4 hours.",
        "ENTRY 11:30|the postmortem review is scheduled",
        "ENTRY -21:40|a routine deploy of the billing service finishes",
        "The provider's log showed:\n\n```\n2025-03-03T22:00:04Z TLS handshake failed: certificate expired\n```",
        "Our partner Two Day Freight was told first.",
        "The weekend before, on 1 March 2025, the renewal job had been disabled.",
        "The renewal reminder had been sent 30 days earlier.",
        "Customers in New York (EST) saw the bounces in their evening.",
        "The last incident of this kind, in 2024, lasted 4 hours.",
        "A customer ([redacted]) forwarded the bounce message.",
        "Support answered 300 tickets over the next 3 days.",
        "Bounces had been climbing slowly for 2 weeks.",
        "Two months ago the mail provider was down for a day.",
        "Customers in Asia were affected for 8 hours of it.",
        "The mail provider wrote:\n\n> An operator error in our certificate tooling let it lapse.",
        "The provider's ETA for automatic renewal remains TBC.",
    ],
};

const FRI: &str = "Friday, January 3, 2025";
const SAT: &str = "Saturday, January 4, 2025";

/// A broker disk fills at 23:30 on Friday and publishing stalls over midnight:
/// alert 23:41, fix 00:20 (50 minutes in), backlog drained 00:50 (30 minutes after
/// the fix), resolved 01:15 (1h45).
const OVERNIGHT: Scenario = Scenario {
    name: "overnight",
    title: "Message publishing stalled overnight",
    date: "2025-01-04",
    summary: "Services at api.example.com could not publish messages to the queue broker.",
    impact: "About 2.3 million messages were delayed. None were lost.",
    cause: "The broker's segment cleanup had been switched off, and its disk filled.",
    events: &[
        (
            FRI,
            "2025-01-03",
            "23:30",
            "a disk fills on the queue broker and message publishing stalls",
        ),
        (
            FRI,
            "2025-01-03",
            "23:41",
            "the queue-depth alert pages the on-call engineer",
        ),
        (
            SAT,
            "2025-01-04",
            "00:20",
            "old segment files are deleted and publishing resumes",
        ),
        (
            SAT,
            "2025-01-04",
            "00:50",
            "the backlog of queued messages has drained",
        ),
        (
            SAT,
            "2025-01-04",
            "01:15",
            "consumer lag is back to normal and the incident is resolved",
        ),
    ],
    narrative: "At 23:30{z} on Friday, January 3 a disk filled on the queue broker and message \
        publishing stalled. The queue-depth alert paged the on-call engineer at 23:41{z}. Shortly \
        after midnight, at 00:20{z}, old segment files were deleted and publishing resumed; the \
        backlog had drained by 00:50{z}, and at 01:15{z} consumer lag was back to normal and the \
        incident was resolved.",
    stream: &[
        (
            "Resolved",
            "Consumer lag is back to normal.",
            "Jan 4, 01:15",
        ),
        (
            "Monitoring",
            "Publishing has resumed and the backlog is draining.",
            "Jan 4, 00:20",
        ),
        (
            "Investigating",
            "Message publishing has been stalled since 23:30{Z} on Jan 3. We are investigating.",
            "Jan 3, 23:45",
        ),
    ],
    zones: &[
        Zone {
            place: Place::ReportWide,
            name: "UTC",
        },
        Zone {
            place: Place::PerEntry,
            name: "GMT",
        },
        Zone {
            place: Place::Header,
            name: "EST",
        },
        Zone {
            place: Place::ReportWide,
            name: "CET",
        },
        Zone {
            place: Place::PerEntry,
            name: "PST",
        },
        Zone {
            place: Place::Nowhere,
            name: "",
        },
        Zone {
            place: Place::Label,
            name: "CET",
        },
    ],
    claims: &[
        "Publishing was stalled for 1h45.",
        "The incident lasted an hour and 45 minutes.",
        "The incident lasted 105 minutes.",
        "The incident lasted less than two hours.",
        "The incident lasted about 1.75 hours.",
        "Publishing stalled for a little under two hours.",
        "The queue-depth alert paged the on-call engineer 11 minutes after publishing stalled.",
        "Publishing resumed 50 minutes after the disk filled.",
        "Once publishing resumed shortly after midnight, it took about 30 minutes to work through the backlog.",
        "After the fix early on Saturday, the queue drained in about half an hour.",
        "Between 23:30{Z} on Friday and 01:15{Z} on Saturday, publishing was stalled.",
        "From 23:30 to 01:15{Z} messages could not be published.",
        "The incident started late on Friday, January 3 and ended early on Saturday, January 4.",
        "The incident began on Friday night.",
    ],
    wrong: &[
        "Publishing was stalled for 25 minutes.",
        "The incident lasted 4 hours.",
        "The queue-depth alert paged the on-call engineer an hour after publishing stalled.",
        "The incident started on Thursday, January 3.",
        "Between 23:30{Z} and 03:15{Z}, publishing was stalled.",
        "The incident lasted more than a day.",
    ],
    distractors: &[
        "",
        "Deleting the segment files itself took 2 minutes.",
        "Segments are kept for 7 days.",
        "Our publishing SLA is 99.9% per month.",
        "The broker compacts segments every night at 02:00{Z}.",
        "ENTRY 09:00|the postmortem review is scheduled",
        "ENTRY -22:55|a routine config push to the broker finishes",
        "The broker log read:\n\n```\n2025-01-03T23:30:12Z ERROR no space left on device\n```",
        "Our partner Midnight Logistics was told first.",
        "Our Sydney team (AEDT) was paged as a backup.",
        "The last such incident, on 2024-11-20, lasted 3 hours.",
        "It happened on Friday, January 3, during the year-end batch.",
        "Consumers in New York (EST) saw delays in their evening.",
        "The disk alarm threshold was changed on 2024.12.20.",
        "The New Year change freeze ended on Jan. 2nd.",
        "Message publishing had been stable for 45 days before this.",
        "Consumers lagged for another 25 minutes longer.",
        "Publishing failed for 10 minutes at the peak of the backlog.",
        "Last month, the broker was down for 2 hours for an upgrade.",
        "Without the disk alarm, publishing could have stalled for 8 hours.",
        "A compaction usually takes 40 minutes.",
        "The storage vendor said the firmware fault was human error in their factory.",
        "A replacement disk date is still TBD from the supplier.",
    ],
};

pub const SCENARIOS: &[Scenario] = &[SEARCH, INVOICES, OVERNIGHT];
