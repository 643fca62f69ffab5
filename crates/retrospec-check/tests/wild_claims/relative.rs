//! Relative claims and lengths about something else: "N minutes after a
//! deployment", "only N later", "about N from the first notice to the start of
//! the investigation", plans, estimates, retry intervals and repeated short
//! outages (the `other` versions, which must stay silent).

use super::harness::Shape;

pub const SHAPES: &[Shape] = &[
    // incident-response exercise page built on a real pattern: "N minutes after a production deployment"
    Shape {
        id: "after-a-deployment",
        report: "# Payments errors after a checkout deploy

## Summary

{c}

## Timeline

- 14:24 UTC: checkout refactor deploys to production
- 14:32 UTC: payments 500-rate alert fires
- 14:41 UTC: deploy rolled back
- 14:46 UTC: error rate back to baseline
",
        agree: Some(
            "The payments error rate jumped to 18% [[8 minutes]] after a production deployment.",
        ),
        off: Some(
            "The payments error rate jumped to 18% [[40 minutes]] after a production deployment.",
        ),
        other: Some(
            "The payments error rate jumped after a deployment; our checklist watches error rates for [[15 minutes]] after every deploy.",
        ),
        // known gap: off: not compared (subject classification)
        gaps: &["off: not compared (subject classification)"],
    },
    // practitioner's recollection in a forum thread: "about N after release - M later degraded"
    Shape {
        id: "later-after-release",
        report: "# Sessions hang after login

## Summary

{c}

## Timeline

- 10:00: release goes out
- 10:05: latency blip on the login service
- 10:15: service severely degraded
- 11:20: the stale integration is disabled and sessions recover
",
        agree: Some(
            "It started with a blip of latency about 5 minutes after release, and [[10 minutes]] later the service was severely degraded.",
        ),
        off: Some(
            "It started with a blip of latency about 5 minutes after release, and [[50 minutes]] later the service was severely degraded.",
        ),
        other: None,
        // known gap: off: not compared (subject classification)
        gaps: &["off: not compared (subject classification)"],
    },
    // news report on a CDN outage (translated): "only N later did it turn critical"
    Shape {
        id: "only-n-later",
        report: "# Edge network outage

## Summary

{c}

## Timeline

- 12:00 CET: first errors seen on the support portal
- 12:48 CET: errors spread to most customer sites
- 13:30 CET: the fix is rolled out
",
        agree: Some(
            "The problem was first seen around 12:00 CET, but only [[48 minutes]] later did the situation turn critical.",
        ),
        off: Some(
            "The problem was first seen around 12:00 CET, but only [[5 minutes]] later did the situation turn critical.",
        ),
        other: None,
        // known gap: off: not compared (subject classification)
        gaps: &["off: not compared (subject classification)"],
    },
    // game community's infra issue (JST): "about N from the first notice (around T) to the start of the investigation (around T)"
    Shape {
        id: "from-notice-to-investigation",
        report: "# Ingest job failures went unnoticed

## Summary

{c}

## Timeline

- 16:00 JST: first job-failed notification
- 18:30 JST: notifications keep repeating every few minutes
- 22:40 JST: the on-duty member starts investigating
- 23:10 JST: the job is fixed
",
        agree: Some(
            "Record the roughly [[6 hours 40 minutes]] between the first failure notification (around 16:00 JST) and the start of the investigation (around 22:40 JST).",
        ),
        off: Some(
            "Record the roughly [[2 hours 40 minutes]] between the first failure notification (around 16:00 JST) and the start of the investigation (around 22:40 JST).",
        ),
        other: None,
        gaps: &[],
    },
    // postmortem wiki (on-call gap): table field "Time to Detect | Nm"
    Shape {
        id: "time-to-detect-table-field",
        report: "# Postmortem: disk alerts missed

| Field | Value |
| --- | --- |
| Severity | SEV-3 |
{c}

## Timeline (all times UTC)

| Time | Event |
| --- | --- |
| 2026-07-11 18:14 | Disk pressure starts on a worker node |
| 2026-07-11 18:32 | The team lead notices the disk alert |
| 2026-07-11 18:50 | Old images pruned; pressure gone |
",
        agree: Some("| Time to Detect | [[18m]] |"),
        off: Some("| Time to Detect | [[180m]] |"),
        other: None,
        // known gap: off: not compared (anchor lookup: metric events not found by words)
        gaps: &["off: not compared (anchor lookup: metric events not found by words)"],
    },
    // status-page history (jobs platform): an estimate inside an update line
    Shape {
        id: "estimate-to-clear",
        report: "# Logins and page loads disrupted

Resolved - Normal operations restored.
Mar 13, 10:16 MDT

Update - {c}
Mar 13, 10:01 MDT

Monitoring - Application performance is back to normal; backend queues are draining.
Mar 13, 09:15 MDT

Identified - The root cause has been identified.
Mar 13, 08:25 MDT

Investigating - We are observing increased latency and error rates.
Mar 13, 07:00 MDT
",
        agree: None,
        off: None,
        other: Some(
            "Backend changes are deployed. Estimated time for delayed processing to fully clear: [[~35 minutes]].",
        ),
        gaps: &[],
    },
    // status-page history (jobs platform): "another update in N minutes"
    Shape {
        id: "next-update-in",
        report: "# Logins and page loads disrupted

Resolved - Normal operations restored.
Mar 13, 10:16 MDT

Update - {c}
Mar 13, 09:15 MDT

Investigating - We are observing increased latency and error rates.
Mar 13, 07:00 MDT
",
        agree: None,
        off: None,
        other: Some(
            "We are mitigating the delays in backend queue processing and will provide another update in [[15 minutes]].",
        ),
        gaps: &[],
    },
    // volunteer project's maintenance mail: "projected to last N-M minutes"
    Shape {
        id: "projected-to-last",
        report: "# Virtual machine move

## Summary

{c}

## Timeline

- 23:00 UTC: the machine is shut down for the move
- 01:10 UTC: the machine boots on the new host
",
        agree: None,
        off: None,
        other: Some(
            "The hosting team relocated our virtual machine; the downtime was projected to last [[15-30 minutes]], but it may last longer in case of trouble.",
        ),
        gaps: &[],
    },
    // university IT incident page (core node): a sub-step, "takes about 10-15m for a new node to spin up"
    Shape {
        id: "sub-step-node-spin-up",
        report: "# Core node scaled to zero

## Summary

{c}

## Timeline

- 10:02: the core pool is scaled to zero and all hubs return 503
- 10:40: the new core node is ready
- 10:52: hubs and proxies are back
",
        agree: None,
        off: None,
        other: Some(
            "Since it takes [[about 10-15m]] for a new node to spin up, all hubs were inaccessible until the new node was deployed.",
        ),
        gaps: &[],
    },
    // university IT incident page (core node): recurring outages "usually last anywhere from N to M+"
    Shape {
        id: "recurring-usually-last",
        report: "# Core node load spikes

## Summary

{c}

## Timeline

- 13:10: the core node stops answering
- 13:30: a new core node is ready and hubs recover
",
        agree: None,
        off: None,
        other: Some(
            "Over the past two years these outages would usually last anywhere from [[45 to 90+ minutes]].",
        ),
        gaps: &[],
    },
    // university IT incident page (proxy fork test): a retry interval, "crash every ~Nm"
    Shape {
        id: "crash-every",
        report: "# Proxy fork test

## Summary

{c} The fork and the new timeouts were reverted.

## Timeline

- 13:00: forked proxy deployed to the data hub
- 16:10: fork reverted
",
        agree: None,
        off: None,
        other: Some(
            "Testing the forked proxy caused it to crash every [[~20m]] over the course of a few hours.",
        ),
        gaps: &[],
    },
    // contracts site's issue: repeated short downtimes "each lasting for about N-M minutes"
    Shape {
        id: "each-downtime-lasting",
        report: "# Investigate weekend outages

## Summary

{c}

## Timeline

- Saturday 02:10: first downtime
- Saturday 14:40: second downtime
- Sunday 23:05: third downtime
",
        agree: None,
        off: None,
        other: Some(
            "The site was down a few times during the weekend, each downtime lasting for [[about 2-3 minutes]].",
        ),
        gaps: &[],
    },
    // community project post-mortem: notice of a provider's maintenance "(N hour window, outage of ...)"
    Shape {
        id: "maintenance-notice-window",
        report: "# June outage post-mortem

The site was unavailable from 2026-06-11 20:18 (UTC) until 2026-06-12 03:45 (UTC).

## Timeline

{c}
- 2026-06-11 20:18 (UTC) - Start of the site outage
- 2026-06-12 03:45 (UTC) - End of the site outage
",
        agree: None,
        off: None,
        other: Some(
            "- 2026-06-05 - Notice of the provider's network maintenance ([[5 hour]] window, outage of 45 - 60 minutes)",
        ),
        gaps: &[],
    },
    // community project post-mortem: an alert's text in inline code
    Shape {
        id: "alert-text-inline-code",
        report: "# Replication feed outage

The replication job failed from 21:33 UTC until 13:22 UTC the next day.

## Timeline

* 25 June 2026 21:33 - Minutely job starts failing
{c}
* 26 June 2026 13:22 - Files are produced again
",
        agree: None,
        off: None,
        other: Some(
            "* 25 June 2026 21:40 - First alert to operations: `replication feed delayed - [[6m 2s]]`",
        ),
        gaps: &[],
    },
    // engineer's essay on change failures: generic detect/rollback lengths
    Shape {
        id: "generic-takes-to-detect",
        report: "# Checkout errors after a deploy

## Summary

{c}

## Timeline

- 14:00 UTC: deploy completes
- 14:04 UTC: alert fires
- 14:09 UTC: rollback completes
",
        agree: None,
        off: None,
        other: Some(
            "A broken change usually takes [[20 minutes]] to detect and another 30 minutes to roll back; this one was caught faster.",
        ),
        gaps: &[],
    },
    // monthly ops mail (round nineteen): the monitoring as the subject of the page
    Shape {
        id: "monitoring-alerted-within-of",
        report: "# Checkout failures after a certificate swap

## Summary

{c}

## Timeline (UTC)

- 10:02 Checkout requests start failing with TLS errors
- 10:09 Synthetic checkout check raises an alarm in #ops
- 10:31 Old certificate restored, checkouts succeed again
",
        agree: Some(
            "Our external monitoring alerted the on-call [[within ten minutes]] of the first failed checkouts.",
        ),
        off: Some(
            "Our external monitoring alerted the on-call [[within two minutes]] of the first failed checkouts.",
        ),
        other: Some(
            "Our external monitoring probes the checkout every [[30 seconds]] from three regions.",
        ),
        gaps: &[],
    },
    // status-page post-incident summary: "X at T and our alert paged N later"
    Shape {
        id: "later-after-a-clock-in-the-sentence",
        report: "# Replica lag on the reporting database

## Post-incident summary

All times CEST.

{c} The replica caught up at 04:05.

**Detection:** replication-lag alarm at 03:31 (threshold: 15 minutes behind).
",
        agree: Some(
            "The replica stopped applying changes at 03:12 and our lag alarm paged the on-call engineer [[20 minutes]] later.",
        ),
        off: Some(
            "The replica stopped applying changes at 03:12 and our lag alarm paged the on-call engineer [[3 minutes]] later.",
        ),
        other: None,
        gaps: &[],
    },
    // SRE-template detection field: a clock with its day, then "about N after"
    Shape {
        id: "clock-with-its-day-after",
        report: "# Partner file transfers dropped overnight

{c}

## Timeline

All times UTC.

**2025-05-13**

- 18:00 Nightly transfer starts; the first file is dropped without an error
- 18:30 Every later file is dropped the same way

**2025-05-14**

- 08:40 Partner emails support about missing files
- 09:15 Transfer job fixed and re-run
",
        agree: Some(
            "**Detection:** A partner's email at 08:40 UTC on 14 May, [[about 15 hours]] after the first dropped file.",
        ),
        off: Some(
            "**Detection:** A partner's email at 08:40 UTC on 14 May, [[about 3 hours]] after the first dropped file.",
        ),
        other: None,
        gaps: &[],
    },
    // ISP reason-for-outage: the timeline entry is the claim's own event
    Shape {
        id: "entry-on-site-after-alarm",
        report: "# Reason for outage: backbone fibre cut

## Timeline

- 14:05 – Loss-of-signal alarms on both ring links
- 14:40 – Field crew dispatched
{c}
- 19:10 – Splice finished, links up
",
        agree: Some(
            "- 16:35 – Field crew on site, less than [[three hours]] after the first alarm.",
        ),
        off: Some("- 16:35 – Field crew on site, less than [[an hour]] after the first alarm."),
        other: Some("- 16:35 – Field crew on site; the splice is expected to take [[two hours]]."),
        gaps: &[],
    },
    // translated regulator report: a notice to a named party, an anchor cut before "and have"
    Shape {
        id: "notified-the-regulator",
        report: "# Report on the settlement failure

## Chronology

- 08:40: Errors start in the settlement job; payments stop
- 09:10: Operations detects the errors on its dashboards
- 10:05: First report to the National Payments Regulator
- 15:20: Settlement job corrected; payments resume

## Response

{c}
",
        agree: Some(
            "We notified the National Payments Regulator approximately [[85 minutes]] after the occurrence of the failure and have answered its questions since.",
        ),
        off: Some(
            "We notified the National Payments Regulator approximately [[20 minutes]] after the occurrence of the failure and have answered its questions since.",
        ),
        other: None,
        gaps: &[],
    },
    // community homeserver post-mortem: the first announcement, after the server went down
    Shape {
        id: "first-announcement-after-down",
        report: "# Homeserver outage

## Timeline

- 15:50: maintenance on the replica starts
- 16:20: the primary's disks fail and the server goes down. Outage begins.
- 16:55: first announcement on the status page and the project blog
- 22:05: service restored. Outage ends.

## What went wrong

{c}
",
        agree: Some("- Our first announcement went out [[35 minutes]] after the server went down."),
        off: Some("- Our first announcement went out [[5 minutes]] after the server went down."),
        other: None,
        gaps: &[],
    },
    // changelog incident note: the claim's own time in parentheses after its anchor
    Shape {
        id: "own-time-in-parentheses",
        report: "# Calendar sync outage

## Incident note

The first alert fired at 13:32 and we rolled back at 13:57.
{c} Sync was healthy again at 14:05.
",
        agree: Some(
            "Our status page was updated [[within twenty minutes]] of the first alert (the first status update went out at 13:49).",
        ),
        off: Some(
            "Our status page was updated [[within five minutes]] of the first alert (the first status update went out at 13:49).",
        ),
        other: None,
        gaps: &[],
    },
    // issue-tracker postmortem: "it took us N to notice", from the impact's start
    Shape {
        id: "took-us-n-to-notice",
        report: "# Build farm outage

## What happened

The packaging job filled /var and the web UI went down. {c}

## Timeline (all times CET)

- 21:55 - nightly packaging job starts
- 22:03 - /var full, postgres stops, web UI returns 502
- 22:41 - @ops-anna sees the messages and starts looking
- 23:20 - web UI and mirror back
",
        agree: Some(
            "It took us [[almost 40 minutes]] to notice, because the disk alert only goes to email.",
        ),
        off: Some(
            "It took us [[more than two hours]] to notice, because the disk alert only goes to email.",
        ),
        other: Some(
            "A full disk usually takes [[20 minutes]] to notice here; this one was slower.",
        ),
        gaps: &[],
    },
    // company blog: "took us N to even notice", the failure stated in the paragraph before
    Shape {
        id: "took-us-n-to-even-notice-prose",
        report: "# What happened with Android logins

## Step by step

At 9:12 a.m. the renewal job swapped in the new certificate, and from that
moment every new Android login failed with a certificate error.

At 9:48 a.m. our support team saw the tickets pile up and pinged the on-call
engineer. {c}
",
        agree: Some("It took us [[almost 40 minutes]] to even notice that something was wrong."),
        off: Some("It took us [[almost two hours]] to even notice that something was wrong."),
        other: None,
        gaps: &[],
    },
    // SRE-template with a chat export: "after the rollout completed", a bot's FIRING line
    Shape {
        id: "after-the-rollout-completed",
        report: "# Delayed metrics in one region

## Detection

{c}

## Timeline

- 12:09 deploy-bot: ingest-router 4.18.0 rolled out to eu-west (100%)
- 12:14 alertbot: FIRING: ingest lag > 120s (eu-west)
- 12:41 rolling back to 4.17.3
",
        agree: Some("The ingest-lag alert fired [[5 minutes]] after the rollout completed."),
        off: Some("The ingest-lag alert fired [[1 minute]] after the rollout completed."),
        other: None,
        gaps: &[],
    },
    // telecom incident note: the help desk taking calls within N of registrations dropping
    Shape {
        id: "help-desk-calls-within",
        report: "# Voice outage

## Summary

{c}

## Time line

- 16:09 – Registrations on the SIP trunk servers start to fall and some calls fail.
- 16:20 – Case raised with the interconnect partner.
- 16:24 – Help desk passes on the first customer reports of failed calls.
- 16:58 – Calls and registrations back at normal levels.
",
        agree: Some(
            "Our help desk started taking customer calls about failed calls [[within 20 minutes]] of\nregistrations starting to drop.",
        ),
        off: Some(
            "Our help desk started taking customer calls about failed calls [[within 5 minutes]] of\nregistrations starting to drop.",
        ),
        other: None,
        gaps: &[],
    },
    // status-page postmortem: the first bookings failing is the stated window's start
    Shape {
        id: "first-update-after-window-start",
        report: "# Partner bookings not created

## Postmortem

**What happened:** Between 08:55 and 12:40 CEST, bookings made through partner
sites did not appear in hosts' calendars.

**How we found out:** {c}

*Posted Aug 12, 2025 - 14:18 CEST*

## Resolved

Bookings are created again; the missed ones have been replayed.

*Posted Aug 11, 2025 - 12:55 CEST*

## Identified

The booking worker restarts in a loop; we are moving it to a larger server.

*Posted Aug 11, 2025 - 11:20 CEST*

## Investigating

We are looking into partner bookings that do not appear.

*Posted Aug 11, 2025 - 09:41 CEST*
",
        agree: Some(
            "We posted the first update on this page about [[45 minutes]] after the first bookings failed.",
        ),
        off: Some(
            "We posted the first update on this page about [[15 minutes]] after the first bookings failed.",
        ),
        other: None,
        gaps: &[],
    },
    // carrier outage reports: a vendor's act told in the words of its timeline
    // entry, no synonym table names it ("confirmed", "raised the ticket")
    Shape {
        id: "vendor-confirmed-after-ticket",
        report: "# SIP trunks unregistered

## Summary

{c}

## Timeline

- 09:12 BST: trunk registrations to the carrier start failing
- 09:15 BST: ticket raised with Orbel Networks
- 09:41 BST: Orbel confirm a routing change on their side caused it
- 09:55 BST: Orbel revert the change; trunks register again
",
        agree: Some("Orbel confirmed the cause [[26 minutes]] after we raised the ticket."),
        off: Some("Orbel confirmed the cause [[5 minutes]] after we raised the ticket."),
        other: Some(
            "Orbel confirmed the cause; their contract promises an answer within [[30 minutes]] of a ticket.",
        ),
        gaps: &[],
    },
    // a claim that opens its sentence, its own event an act in the team's words
    Shape {
        id: "fronted-own-words",
        report: "# Search returns nothing after a flag change

## Summary

{c}

## Timeline

- 10:02 PDT: ranking flag set to 100%
- 10:09 PDT: empty-results alert fires
- 10:21 PDT: we flip the ranking flag back to 0%
- 10:30 PDT: results normal again
",
        agree: Some("Within [[15 minutes]] of the alert, we had flipped the flag back."),
        off: Some("Within [[5 minutes]] of the alert, we had flipped the flag back."),
        other: None,
        gaps: &[],
    },
    // incident-channel retros: "we declared" without its object, after an
    // entry labelled "Alert:"
    Shape {
        id: "declared-after-labelled-alert",
        report: "# Refunds stuck in pending

## What happened

{c}

## Timeline

- 16:20 Refund worker deployed with the new queue client.
- 16:24 First refunds stay pending. Impact starts.
- 16:27 Alert: refunds pending longer than 2 minutes above 50.
- 16:39 @ines declares INC-2291 in #inc-2291.
- 17:05 Worker rolled back; pending refunds drain. Impact ends.
",
        agree: Some("We declared [[12 minutes]] after the alert fired."),
        off: Some("We declared [[4 minutes]] after the alert fired."),
        other: None,
        gaps: &[],
    },
];
