//! Stated windows and points: "between ~4pm and ~5:15pm", "from T until T",
//! "(16:45–17:45 UTC)", "until ~15:12 UTC", "at about 11:15 AM", in summaries,
//! impact sections, header fields and timeline introductions. The off version
//! states times the report's own timeline contradicts.

use super::harness::Shape;

const OSM_FIELDS: &str = "# Post-mortem: network outage - 15 December 2026

## 1. Summary

- **Outage Start (UTC):** 15 December 2026, 03:53
{c}

## 2. Timeline

1. **15 December 2026, 03:53 (UTC) – Outage Begins**
   - The provider's router fails and the site becomes unreachable.
2. **15 December 2026, 11:31 – Read-Only Site Online**
   - A read-only copy is served from the second data centre.
3. **18 December 2026, 00:29 – Provider Restoration**
   - The provider replaces its router; all routes are normal again.
";

pub const SHAPES: &[Shape] = &[
    // university IT incident page (proxy memory): a window introducing the timeline
    Shape {
        id: "window-tilde-pm-intro",
        report: "# Proxy out of memory on the course hub

## Summary

The course hub's proxy ran out of memory twice during a busy lab. All times are Pacific.

## Timeline

{c}

### 16:05:53

The proxy readiness probe fails.

### 16:05:57

The proxy restarts.

### 16:16:00 - 16:49:00

Everything is back to normal.

### 16:49:40

The node kills the proxy for memory again.

### 17:15:31

The last burst of errors ends.
",
        agree: Some("Between [[~4pm and ~5:15pm]], the proxy was killed twice and many users saw errors."),
        off: Some("Between [[~1pm and ~2:15pm]], the proxy was killed twice and many users saw errors."),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // university IT incident page (database overwrite): "an all-clear signalled at about T"
    Shape {
        id: "all-clear-at-about",
        report: "# Hub database overwritten

## Summary

The hub was reported down at 1am after its user database was replaced by an empty one. {c}

## Timeline

### 2026-02-09 00:25 AM

A debugging session saves an empty database over the real one.

### 1:12 AM

A student finds all notebooks gone.

### 2:42 AM

The rebuilt database is attached; most users are back.

### 11:17 AM

All clear given for the hub.
",
        agree: Some("All was fixed and an all-clear signalled at [[about 11:15 AM]]."),
        off: Some("All was fixed and an all-clear signalled at [[about 3:40 PM]]."),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // university IT incident page (image rebuild): "was not available till 12.15 PM PST"
    Shape {
        id: "not-available-till-dot-clock",
        report: "# Hubs throwing errors after an image rebuild

## Summary

A dependency upgrade in the shared image broke the probability hub.

User Impact:

{c}

## Timeline

### 2026-01-20 09:30 AM PST

The rebuilt image is deployed.

### 12:10 PM

Teaching assistants report errors on the probability hub.

### 12:15 PM

Teaching assistants report that the error is fixed.
",
        agree: Some("- The probability hub was not available till [[12.15 PM PST]]"),
        off: Some("- The probability hub was not available till [[4.50 PM PST]]"),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // university IT incident page (image rebuild): the trigger's window "between 2 AM and 2.30 AM"
    Shape {
        id: "trigger-between-dot-clock",
        report: "# Hubs throwing errors after an image rebuild

## Summary

{c} The rebuilt image broke several hubs.

## Timeline

### 2026-01-20 02:10 AM PST

The first change is merged to prod.

### 02:28 AM

The second change is merged to prod.

### 06:10 AM

An instructor opens an issue about the stats hub.

### 08:45 AM

All hubs are fixed.
",
        agree: Some("Two changes were merged to prod between [[2 AM and 2.30 AM PST]] on 1/20."),
        off: Some("Two changes were merged to prod between [[5 AM and 5.30 AM PST]] on 1/20."),
        other: None,
        // known gap: agree: false alarm (RS207 reads a trigger window as the incident)
        gaps: &["agree: false alarm (RS207 reads a trigger window as the incident)"],
    },
    // community project post-mortem (provider router): impact "offline from D at T until D at T"
    Shape {
        id: "offline-from-date-until-event",
        report: "# Post-mortem: network outage

## Impact

{c}

## Timeline

1. **15 December 2026, 03:53 (UTC) – Outage Begins**
   - The provider's router fails and the site becomes unreachable.
2. **15 December 2026, 11:31 – Read-Only Site Online**
   - A read-only copy is served from the second data centre.
3. **17 December 2026, 12:21 – Edits Restored**
   - A new link brings back map edits.
",
        agree: Some("The website and API were completely offline from [[15 December 2026 at 03:53 until the read-only copy went live on 15 December at 11:31]]."),
        off: Some("The website and API were completely offline from [[15 December 2026 at 06:53 until the read-only copy went live on 15 December at 08:31]]."),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // community project post-mortem: "Outage End (UTC):" header field
    Shape {
        id: "outage-end-field",
        report: OSM_FIELDS,
        agree: Some("- **Outage End (UTC):** [[18 December 2026, 00:29]] (when the provider restored service)"),
        off: Some("- **Outage End (UTC):** [[16 December 2026, 00:29]] (when the provider restored service)"),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // news article on an encyclopedia outage: "lasted from about T to T"
    Shape {
        id: "lasted-from-about-to",
        report: "# Wiki farm unreachable after a network outage

## Summary

A transit provider withdrew the routes to the main address block. {c}

## Timeline

- 17:20 UTC: routes to the main address block disappear
- 17:35 UTC: editing is switched to read-only
- 20:00 UTC: routes are back and editing is reopened
",
        agree: Some("The downtime lasted from [[about 17:20 UTC to 20:00 UTC]]."),
        off: Some("The downtime lasted from [[about 12:20 UTC to 13:00 UTC]]."),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // hosting blog on a certificate authority outage: "between roughly T and T UTC"
    Shape {
        id: "between-roughly",
        report: "# Certificate issuance halted

## Summary

Issuance was shut down for a cross-signing problem. {c}

## Timeline

- 18:37 UTC: incident opened; all issuance stopped
- 19:50 UTC: cause identified in a cross-signed certificate
- 21:00 UTC: issuance restored
",
        agree: Some("Renewal jobs that ran between [[roughly 18:37 and 21:00 UTC]] came back with server errors."),
        off: Some("Renewal jobs that ran between [[roughly 08:37 and 09:00 UTC]] came back with server errors."),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // workflow platform's combined RCA: "(16:45–17:45 UTC)" parenthetical en-dash windows
    Shape {
        id: "paren-en-dash-window",
        report: "# Root cause analysis: July incidents

## Summary

{c}

## Timeline

- 16:10 UTC: run scheduling starts lagging
- 16:45 UTC: function execution degrades
- 17:45 UTC: function execution recovers
- 18:15 UTC: run scheduling catches up
",
        agree: Some("A feature-flag provider disruption degraded function execution ([[16:45–17:45 UTC]]) and run scheduling (16:10–18:15 UTC)."),
        off: Some("A feature-flag provider disruption degraded function execution ([[13:45–14:15 UTC]]) and run scheduling (16:10–18:15 UTC)."),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // workflow platform's combined RCA: "delayed run scheduling until ~T UTC"
    Shape {
        id: "delayed-until-tilde",
        report: "# Root cause analysis: July incidents

## Summary

{c}

## Timeline

- 14:03 UTC: event publishing fails; event processing stops
- 14:40 UTC: capacity is allocated; event processing resumes
- 15:12 UTC: run scheduling backlog cleared
",
        agree: Some("A storage capacity failure caused an event processing outage (14:03–14:40 UTC) and delayed run scheduling until [[~15:12 UTC]]."),
        off: Some("A storage capacity failure caused an event processing outage (14:03–14:40 UTC) and delayed run scheduling until [[~19:40 UTC]]."),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // chat network's outage summary: "lasted from D T UTC to D T UTC"
    Shape {
        id: "lasted-from-dated-to-dated",
        report: "# Post-mortem of the September 2 outage

## Summary

{c}

## Timeline

- 2026-09-02 17:26 UTC: the primary database fails
- 2026-09-02 17:45 UTC: the homeserver stops serving requests
- 2026-09-03 18:00 UTC: the homeserver is back online
",
        agree: Some("No data was lost, but the outage lasted from [[2026-09-02 17:45 UTC to 2026-09-03 18:00 UTC]]."),
        off: Some("No data was lost, but the outage lasted from [[2026-09-02 17:45 UTC to 2026-09-02 19:00 UTC]]."),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // postmortem wiki (on-call gap): "Between T and T UTC, N alerts fired"
    Shape {
        id: "between-alerts-fired",
        report: "# Postmortem: on-call handoff gap

## Executive summary

{c} The gap was found on Monday morning.

## Timeline (all times UTC)

| Time | Event |
| --- | --- |
| 2026-07-11 18:00 | Rotation hands off; the new on-call has no pager app |
| 2026-07-11 18:14 | First alert fires and is not acknowledged |
| 2026-07-11 20:52 | Last alert of the evening fires |
| 2026-07-11 21:00 | Secondary rotation takes over |
",
        agree: Some("Between [[18:00 and 21:00 UTC]], 15 alerts fired and none was acknowledged."),
        off: Some("Between [[08:00 and 11:00 UTC]], 15 alerts fired and none was acknowledged."),
        other: None,
        gaps: &[],
    },
    // community instance's postmortem: "On D at roughly T UTC the instance started to ..."
    Shape {
        id: "started-at-roughly",
        report: "# Global outage: elevated 500 errors

{c}

## Timeline

All events are documented in UTC.

### 2026-01-20

- **16:57** `@esk` Rebooted the first web server
- **17:00** Requests do not fail over to the second web server; 500s rise
- **17:18** Database connection errors on the queue workers
- **19:40** Logs look fine and the alert stops firing
",
        agree: Some("On Monday, January 20th, 2026 at [[roughly 17:00 UTC]] the instance started to show elevated 500 errors during routine maintenance."),
        off: Some("On Monday, January 20th, 2026 at [[roughly 11:00 UTC]] the instance started to show elevated 500 errors during routine maintenance."),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // foundation infrastructure blog (mail server): "At approximately T the bulk ... had completed"
    Shape {
        id: "at-approximately-point",
        report: "# Email service interruption and restoration

At around 09:11 UTC on Tuesday, the primary mailing list server suffered a fatal breakdown and became unresponsive. The team decided to fail forward at approximately 14:40 UTC and move every list to the new mail server. {c} The lists were deemed fully operational at approximately 20:00 UTC.

## Timeline

- 09:11 UTC: list server stops responding
- 14:40 UTC: decision to migrate to the new server
- 17:33 UTC: migration complete; mail flows again
- 20:00 UTC: lists fully operational
",
        agree: Some("At approximately [[17:33 UTC]] the bulk of the migration had completed, and mail was flowing again."),
        off: Some("At approximately [[11:33 UTC]] the bulk of the migration had completed, and mail was flowing again."),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // news report on an encyclopedia incident: "By T UTC, wikis were restored"
    Shape {
        id: "by-time-restored",
        report: "# Wikis read-only after database trouble

## Summary

The incident began around 15:36 UTC and editing was disabled. {c}

## Timeline

- 15:36 UTC: wikis switch to read-only
- 16:11 UTC: the issue is identified and a fix is under way
- 17:09 UTC: wikis are back in read-write mode
",
        agree: Some("By [[17:09 UTC]], wikis were restored to read-write mode, though some features stayed off."),
        off: Some("By [[15:50 UTC]], wikis were restored to read-write mode, though some features stayed off."),
        other: None,
        // known gap: off: not read (window and point claims are not read)
        gaps: &["off: not read (window and point claims are not read)"],
    },
    // Obsidian note: the summary window in a callout, read as the author's prose
    Shape {
        id: "callout-summary-window",
        report: "# Search results missing new listings (2 September 2026)

{c}

> [!quote] From the support thread
> \"Listing went live at 10:30, still missing at 10:55.\"

## Timeline

All times UTC.

- **10:14** Indexer deploy goes out and stops consuming change events.
- **10:41** First seller complaint reaches support.
- **11:36** Indexer rolled back.
- **12:05** Backlog consumed; search results are back to normal.
",
        agree: Some("> [!summary] At a glance\n> New listings did not appear in search between 10:14 and [[12:05 UTC]]."),
        off: Some("> [!summary] At a glance\n> New listings did not appear in search between 10:14 and [[11:02 UTC]]."),
        other: Some("> [!quote] A seller wrote\n> \"It was missing between 10:14 and [[11:02 UTC]] for me.\""),
        gaps: &[],
    },
];
