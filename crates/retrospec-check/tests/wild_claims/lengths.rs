//! Stated lengths: "a total outage of N", "for N", "a N-hour outage", "lasting
//! NhMm", in summaries, impact bullets, header fields, headings, table cells and
//! timeline entries.

use super::harness::Shape;

const OSM_DEC: &str = "# Post-mortem: network outage - 15 December 2026

## 1. Summary

- **Outage Start (UTC):** 15 December 2026, 03:53
- **Partial Restoration:** 15 December 2026, 11:31 (read-only site from the second data centre)
- **Full Restoration:** 17 December 2026, 12:21 (map edits back over a new link)
- **Provider Restoration:** 18 December 2026, 00:29
- **Duration:**
  {c}

## 2. Timeline

1. **15 December 2026, 03:53 (UTC) – Outage Begins**
   - The provider's router fails and the site becomes unreachable.
2. **15 December 2026, 04:01 – Initial Detection**
   - Monitoring sends SMS alerts.
3. **15 December 2026, 11:31 – Read-Only Site Online**
   - A read-only copy is served from the second data centre.
4. **17 December 2026, 12:21 – Edits Restored**
   - A new link in the first data centre brings back map edits.
5. **18 December 2026, 00:29 – Provider Restoration**
   - The provider replaces its router and routes are normal again.
";

const STORE: &str = "# Incident report: paging gaps in the first remote week

## Impact

{c}
- No data was lost.

## Timeline

All times local.

- 09:40 — Error rate on the secondary API starts rising.
- 09:41 — Error-rate alert fires for the secondary API.
- 09:45 — A teammate notices the alert in chat.
- 10:00 — Error rate back at baseline as traffic drains off the bad path.
- 10:08 — The on-call engineer, reached by phone, disables the bad path.
";

const HUB_TABLE: &str = "# Hub outages this term

## Summary

Each row is one outage; times are Pacific.

## Outages

| Date | Hub | Window | What happened |
| --- | --- | --- | --- |
| October 23 | Nature | 14:10 – 14:40 | {c} |
| October 24 | Bio | 09:05 – 09:20 | Port exhaustion broke the hub until a fix brought it back |
";

const FAILURE: &str = "# Global outage: 504 timeouts

{c} The service had no data loss.

## Timeline

All events are documented in UTC.

- **18:53** `@ana` First report of slow responses in chat
- **18:55** `@raj` First report of 5XX responses globally
- **18:59** `@ana` First Redis error, unable to persist to disk
- **19:02** `@ana` Root cause: the database server's root filesystem is full
- **19:06** `@lee` Archive removed; space recovered and errors stop
";

pub const SHAPES: &[Shape] = &[
    // university IT incident page (proxy eviction): summary closing length, heading timeline
    Shape {
        id: "fixed-in-about",
        report: "# Proxy restart strands sessions

## Summary

On the evening of March 3, students started seeing errors on the notebook hub. {c}

## Timeline

All times in PST

### 21:10:57

The proxy pod is evicted and users start seeing connection failures.

### 21:14

Reports of errors reach the support channel.

### 21:34

Most users can work again.

### 22:03

The last affected user is fixed and the hub is fully operational.
",
        agree: Some("Everything was fixed in [[about 50 minutes]]."),
        off: Some("Everything was fixed in [[about 15 minutes]]."),
        other: Some("Restarting one stuck server by hand takes [[about 2 minutes]]."),
        gaps: &[],
    },
    // university IT incident page (image rebuild): "User Impact:" bullet, AM headings
    Shape {
        id: "not-accessible-bullet",
        report: "# Hubs throwing errors after an image rebuild

## Summary

Two merged changes rebuilt the shared image and broke the stats hub.

User Impact:

{c}
- A few instructors could not prepare their first class.

## Timeline

### 2026-01-20 02:30 AM PST

The rebuilt image is deployed and the stats hub starts failing.

### 06:10 AM

An instructor opens an issue about the stats hub.

### 07:45 AM

A first fix brings the stats hub back but breaks another hub.

### 08:45 AM

The stats hub and the other hubs are fixed.
",
        agree: Some("- The stats hub was not accessible for [[about 6 hours]]."),
        off: Some("- The stats hub was not accessible for [[about 2 hours]]."),
        other: Some("- Rebuilding the shared image takes [[about 40 minutes]]."),
        gaps: &[],
    },
    // community project post-mortem (switch power): window then "a total outage of"
    Shape {
        id: "total-outage-of",
        report: "# June outage post-mortem

{c}

## Timeline

- 2026-06-11 20:00 (UTC) - Start of the power maintenance window at the data centre
- 2026-06-11 20:18 (UTC) - Start of the site outage
- 2026-06-12 03:45 (UTC) - End of the site outage
- 2026-06-12 04:03 (UTC) - Operations acknowledge the outage publicly
",
        agree: Some("The site was unavailable from 2026-06-11 20:18 (UTC) until 2026-06-12 03:45 (UTC), a total outage of [[7 hours 27 minutes]]."),
        off: Some("The site was unavailable from 2026-06-11 20:18 (UTC) until 2026-06-12 03:45 (UTC), a total outage of [[3 hours 27 minutes]]."),
        other: Some("The site was unavailable overnight. The provider had announced a [[5 hour]] window for its own network work the week before."),
        gaps: &[],
    },
    // community project post-mortem: a bullet of its own under the start entry
    Shape {
        id: "bullet-outage-of",
        report: "# Network outage post-mortem

The site was unreachable overnight after a power maintenance.

## Timeline

- 2026-06-11 20:18 (UTC) - Start of the site outage
{c}
- 2026-06-12 03:45 (UTC) - End of the site outage
",
        agree: Some("- Outage of [[7 hours 27 minutes]]"),
        off: Some("- Outage of [[2 hours 5 minutes]]"),
        other: Some("- The operations team decided to wait for the end of the [[8 hour]] power maintenance window"),
        // known gap: off: not read (a length alone in a timeline bullet)
        gaps: &["off: not read (a length alone in a timeline bullet)"],
    },
    // community project post-mortem (replication): heading with window and "(N hours)"
    Shape {
        id: "heading-paren-length",
        report: "# Post-mortem: replication feed outage {c}

## Summary

Minutely replication files stopped being produced and were restored by hand.

## Timeline

* 25 June 2026 21:33:00 - Minutely job fails with a memory allocation error
* 25 June 2026 21:40 - First alert to operations
* 26 June 2026 06:08 - Operations stop the timer
* 26 June 2026 13:22 - Read-only maintenance ends and the feed is back
",
        agree: Some("25 June 2026 21:33 until 26 June 2026 13:22 ([[16 hours]])"),
        off: Some("25 June 2026 21:33 until 26 June 2026 13:22 ([[6 hours]])"),
        other: None,
        gaps: &[],
    },
    // community project post-mortem: "(a period of approximately N)" inside the window sentence
    Shape {
        id: "period-of-approximately",
        report: "# Replication feed outage

## Summary

{c} No minutely, hourly or daily files were produced during this time.

## Timeline

* 25 June 2026 21:33 - Minutely job starts failing
* 26 June 2026 00:37 - First community report
* 26 June 2026 12:56 - Read-only maintenance starts
* 26 June 2026 13:22 - Read-only maintenance ends; files are produced again
",
        agree: Some("From 21:33 UTC on 25 June 2026 until 13:22 UTC on 26 June 2026 (a period of [[approximately 16 hours]]), the replication job stopped working."),
        off: Some("From 21:33 UTC on 25 June 2026 until 13:22 UTC on 26 June 2026 (a period of [[approximately 5 hours]]), the replication job stopped working."),
        other: Some("The replication job stopped working overnight; a [[1 hour]] emergency maintenance window was proposed to recover it."),
        gaps: &[],
    },
    // community project post-mortem: "(~Nmins read-only)" at the end of a timeline entry
    Shape {
        id: "entry-paren-mins",
        report: "# Replication feed outage

## Summary

The replication job failed overnight and was recovered by hand during a short read-only window.

## Timeline

* 26 June 2026 12:54 - Operations agree to start the read-only window
* 26 June 2026 12:56 - Read-only maintenance starts
* 26 June 2026 13:13 - First file produced by the manual run
{c}
* 26 June 2026 13:29 - Announcement that the site is back
",
        agree: Some("* 26 June 2026 13:22 - Read-only maintenance ends ([[~25mins]] read-only)"),
        off: Some("* 26 June 2026 13:22 - Read-only maintenance ends ([[~70mins]] read-only)"),
        other: None,
        // known gap: off: not compared (subject classification)
        gaps: &["off: not compared (subject classification)"],
    },
    // community project post-mortem: impact section, "(~N minutes)" after the window's name
    Shape {
        id: "impact-window-paren",
        report: "# Replication feed outage

## Timeline

* 26 June 2026 12:56 - Read-only maintenance starts
* 26 June 2026 13:22 - Read-only maintenance ends

## Impact

Downstream services could not stay up to date. {c}
",
        agree: Some("During the maintenance window ([[~25 minutes]]) the website and API were read-only."),
        off: Some("During the maintenance window ([[~2 hours]]) the website and API were read-only."),
        other: None,
        // known gap: off: not compared (subject classification)
        gaps: &["off: not compared (subject classification)"],
    },
    // community project post-mortem (provider router): "Duration:" sub-bullets, "until" an event
    Shape {
        id: "dark-outage-until",
        report: OSM_DEC,
        agree: Some("- **Dark outage:** complete outage of [[8 hours]] until the read-only site was enabled."),
        off: Some("- **Dark outage:** complete outage of [[3 hours]] until the read-only site was enabled."),
        other: None,
        gaps: &[],
    },
    Shape {
        id: "full-outage-until",
        report: OSM_DEC,
        agree: Some("- **Full outage:** approximately [[56 hours]] until map edits were restored."),
        off: Some("- **Full outage:** approximately [[20 hours]] until map edits were restored."),
        other: None,
        gaps: &[],
    },
    Shape {
        id: "total-time-until-provider",
        report: OSM_DEC,
        agree: Some("- **Total time until the provider fixed its router:** about [[68 hours]]."),
        off: Some("- **Total time until the provider fixed its router:** about [[30 hours]]."),
        other: None,
        // known gap: off: not compared (subject classification)
        gaps: &["off: not compared (subject classification)"],
    },
    // news article on an encyclopedia outage: the length in the headline
    Shape {
        id: "headline-for-hours",
        report: "# Wiki farm {c}

## Summary

A transit provider withdrew the routes to the main address block, and most readers could not reach the sites.

## Timeline

- 17:20 UTC: routes to the main address block disappear
- 17:35 UTC: editing is switched to read-only
- 20:00 UTC: routes are back and editing is reopened
",
        agree: Some("unreachable for [[3 hours]] after a network outage"),
        off: Some("unreachable for [[9 hours]] after a network outage"),
        other: None,
        gaps: &[],
    },
    // encyclopedia operator's blog (cooling, DNS): "lasted longer than an hour" in an update
    Shape {
        id: "lasted-longer-than",
        report: "# Global outage: cooling failure and DNS

## Summary

An overheating problem in the European data centre turned many servers off, and the failover of traffic to the other site broke name resolution for everyone.

{c}

## Timeline

- 19:40 UTC: servers in the European data centre shut down to protect themselves
- 19:48 UTC: traffic is failed over to the other site; name resolution stops working
- 20:05 UTC: the failover records are fixed
- 21:32 UTC: name resolution works again for the last resolvers
",
        agree: Some("Update: for many readers this outage lasted [[longer than an hour]], since some resolvers kept the negative answer."),
        off: Some("Update: for most readers this outage lasted [[less than ten minutes]], since the records were fixed quickly."),
        other: Some("It may take [[up to an hour]] before access is restored for everyone, due to caching."),
        // known gap: off: compared with the wrong window (window building)
        gaps: &["off: compared with the wrong window (window building)"],
    },
    // code forge founder's post-mortem: adjectival "N hour outage"
    Shape {
        id: "adjectival-hour-outage",
        report: "# Network outage post-mortem

## Summary

{c} All services are fully operational again after an emergency move to the second data centre.

## Timeline

- 2026-01-10 06:30 UTC: the primary data centre loses its network under a flood of traffic
- 2026-01-12 16:13 UTC: the first services come back read-only from the second data centre
- 2026-01-17 08:30 UTC: the last service is back and writable
",
        agree: Some("We have restored the forge to full service following an unprecedented [[170 hour]] outage."),
        off: Some("We have restored the forge to full service following an unprecedented [[40 hour]] outage."),
        other: Some("We had planned a gradual move to the second data centre over [[at least a year]]."),
        gaps: &[],
    },
    // small social-network host's postmortem: "took down ... for N", EST prose timeline
    Shape {
        id: "took-down-for",
        report: "# Service disruption: postmortem

{c}

## What happened

On April 16 at around 12:30 EST, we performed server maintenance to free disk space. At 12:32 EST the data server stopped answering. At 12:47 EST, after a restart, both services were back.
",
        agree: Some("On April 16, a server outage in our northern region took down our data server and our moderation service for [[15 minutes]]."),
        off: Some("On April 16, a server outage in our northern region took down our data server and our moderation service for [[2 hours]]."),
        other: None,
        gaps: &[],
    },
    // hosting blog on a certificate authority outage: "for roughly N before ... restored"
    Shape {
        id: "for-roughly-before-restored",
        report: "# Certificate issuance halted

## Summary

The status page opened the incident at 18:37 UTC on 2026-05-08 and issuance was shut down. {c}

## Timeline

- 18:37 UTC: incident opened; all issuance stopped
- 19:50 UTC: cause identified in a cross-signed certificate
- 21:05 UTC: issuance restored
",
        agree: Some("The production endpoint returned HTTP 503 for [[roughly two and a half hours]] before service was restored shortly after 21:00 UTC."),
        off: Some("The production endpoint returned HTTP 503 for [[roughly forty minutes]] before service was restored shortly after 21:00 UTC."),
        other: Some("Renewal clients retry every [[fifteen minutes]] by default."),
        gaps: &[],
    },
    // forum thread title on a certificate authority: "had a higher error rate for N today"
    Shape {
        id: "headline-error-rate-for",
        report: "# {c}

## Summary

Upstream networking trouble raised issuance errors; most requests still succeeded.

## Timeline

- 14:02 UTC: error rate rises
- 14:20 UTC: upstream provider confirms a network problem
- 15:31 UTC: error rate back to normal
",
        agree: Some("Issuance had a higher error rate for [[90 minutes]] today"),
        off: Some("Issuance had a higher error rate for [[20 minutes]] today"),
        other: None,
        gaps: &[],
    },
    // chat network's outage summary: hyphenated "N-hour outage" beside a dated window
    Shape {
        id: "hyphenated-hour-outage",
        report: "# Post-mortem of the September 2 outage

## Summary

{c} No data was lost. The outage lasted from 2026-09-02 17:45 UTC to 2026-09-03 18:00 UTC.

## Timeline

- 2026-09-02 11:17 UTC: the secondary database loses its filesystem
- 2026-09-02 17:26 UTC: the primary database fails
- 2026-09-02 17:45 UTC: the homeserver stops serving requests
- 2026-09-03 18:00 UTC: the homeserver is back online
",
        agree: Some("The homeserver had a [[24-hour]] outage after a database failed during routine maintenance."),
        off: Some("The homeserver had a [[6-hour]] outage after a database failed during routine maintenance."),
        other: Some("A point-in-time restore from last night's backup takes [[more than 10 hours]]."),
        gaps: &[],
    },
    // SEV1 post-mortem in a repository: "**Duration:** ~N min (23:50Z deploy → 00:48Z rollback)"
    Shape {
        id: "duration-field-zulu-arrow",
        report: "# SEV1 post-mortem: deploy caused 500s on every endpoint

**Incident ID:** INC-4471
**Date:** Apr 24–25, 2026
{c}

## Timeline

| Time (UTC) | Event |
| --- | --- |
| 23:50 | Deploy of the inference gateway completes |
| 23:52 | Error rate on all endpoints jumps to 100% |
| 00:37 | Pager alert fires |
| 00:48 | Rollback completes; errors stop |
",
        agree: Some("**Duration:** [[~58 min]] (23:50Z deployment → 00:48Z rollback)"),
        off: Some("**Duration:** [[~18 min]] (23:50Z deployment → 00:48Z rollback)"),
        other: None,
        gaps: &[],
    },
    // wiki host's issue title: "N hours downtime (00:02 - 06:49)"
    Shape {
        id: "title-hours-paren-window",
        report: "# Incident report: {c}

## Summary

At 06:47 an operator noticed that the first app server had been throwing exceptions since 00:02. Rebuilding the localisation cache and reverting a config commit fixed it.

## Timeline

- 00:02 First exceptions on the first app server
- 06:47 Operator notices the exceptions
- 06:49 Cache rebuilt and commit reverted; errors stop
",
        agree: Some("[[7 hours]] of downtime (00:02 - 06:49)"),
        off: Some("[[2 hours]] of downtime (00:02 - 06:49)"),
        other: None,
        gaps: &[],
    },
    // university hub issue: "an outage for N between 3 - 5 PM PST"
    Shape {
        id: "for-n-between-shared-meridiem",
        report: "# Hub outage debrief

{c} The hubs were stable again by the evening.

## Timeline

- 3:00 PM PST: users report that servers will not start
- 3:40 PM PST: the proxy is restarted, with no effect
- 5:00 PM PST: the core node is replaced and the hubs are stable
",
        agree: Some("We had an outage for [[2 hours]] between 3 - 5 PM PST today which affected all users."),
        off: Some("We had an outage for [[5 hours]] between 3 - 5 PM PST today which affected all users."),
        other: Some("We define a major outage as hubs not available for [[more than 30 minutes]]."),
        gaps: &[],
    },
    // university hub outage list: table cell "for a period of N"
    Shape {
        id: "table-cell-for-a-period",
        report: HUB_TABLE,
        agree: Some("Port exhaustion broke the hub for a period of [[30 minutes]]; it recovered on its own"),
        off: Some("Port exhaustion broke the hub for a period of [[3 hours]]; it recovered on its own"),
        other: None,
        // known gap: off: not compared (subject classification)
        gaps: &["off: not compared (subject classification)"],
    },
    // university hub outage list: table cell "(~N to M mins)"
    Shape {
        id: "table-cell-range-mins",
        report: "# Hub outages this term

## Summary

Each row is one outage; times are Pacific.

## Outages

| Date | Hub | Window | What happened |
| --- | --- | --- | --- |
| September 10 | All | 11:02 – 11:09 | {c} |
",
        agree: Some("A proxy CPU spike restarted the hub, a brief downtime ([[~5 to 10 mins]])"),
        off: Some("A proxy CPU spike restarted the hub, a brief downtime ([[~40 to 50 mins]])"),
        other: None,
        // known gap: off: not compared (subject classification)
        gaps: &["off: not compared (subject classification)"],
    },
    // research-hub provider's incident issue: "This lasted for about N" after "Around 4:40 ET"
    Shape {
        id: "this-lasted-for-about",
        report: "# Hub unavailable for a short time

## Summary

{c} The notebook and cluster stayed alive.

## Timeline

- 4:40 PM ET: the hub returns \"service unavailable\"
- 4:45 PM ET: the hub answers again
",
        agree: Some("Around 4:40 ET, everything stopped and the hub showed a plain service unavailable page. This lasted for [[about 5 minutes]]."),
        off: Some("Around 4:40 ET, everything stopped and the hub showed a plain service unavailable page. This lasted for [[about 40 minutes]]."),
        other: None,
        gaps: &[],
    },
    // small company's incident log: "Duration: ~N from the first alert firing to ... action"
    Shape {
        id: "duration-from-alert-to-action",
        report: STORE,
        agree: Some("- Duration: [[~27 minutes]] from the first alert firing to someone with access taking a concrete action."),
        off: Some("- Duration: [[~5 minutes]] from the first alert firing to someone with access taking a concrete action."),
        other: None,
        // known gap: off: not compared (anchor lookup: the relative reader finds no entry for "someone with access taking a concrete action"; bounded in words, it is no longer compared with the whole incident)
        gaps: &["off: not compared (anchor lookup: the relative reader finds no entry for \"someone with access taking a concrete action\"; bounded in words, it is no longer compared with the whole incident)"],
    },
    // small company's incident log: impact sub-bullet "for ~N"
    Shape {
        id: "impact-bullet-for-tilde",
        report: STORE,
        agree: Some("- Elevated error rate on a secondary API for [[~20 minutes]]."),
        off: Some("- Elevated error rate on a secondary API for [[~2 hours]]."),
        other: None,
        gaps: &[],
    },
    // status aggregator's page: "lasting 8h 39m", 12-hour update lines across midnight
    Shape {
        id: "lasting-compact-hm",
        report: "# API incident: delayed message delivery

{c}

## Update timeline

- investigating Feb 19, 2026, 05:12 PM UTC — We are investigating delayed delivery for a small share of requests.
- identified Feb 19, 2026, 05:17 PM UTC — The issue has been identified and a fix is being tested.
- monitoring Feb 19, 2026, 06:55 PM UTC — A fix has been deployed and we are monitoring.
- resolved Feb 20, 2026, 01:51 AM UTC — The incident has been resolved.
",
        agree: Some("The delivery service had a minor incident on February 19, 2026 affecting the API, lasting [[8h 39m]]."),
        off: Some("The delivery service had a minor incident on February 19, 2026 affecting the API, lasting [[2h 39m]]."),
        other: None,
        gaps: &[],
    },
    // postmortem wiki (on-call gap): "blind for N" after a "Between A and B UTC" sentence
    Shape {
        id: "blind-for-after-window",
        report: "# Postmortem: on-call handoff gap

## Executive summary

Between 18:00 and 21:00 UTC, 15 alerts fired and none was acknowledged. {c}

## Timeline (all times UTC)

| Time | Event |
| --- | --- |
| 2026-07-11 18:00 | Rotation hands off; the new on-call has no pager app |
| 2026-07-11 18:14 | First alert fires and is not acknowledged |
| 2026-07-11 20:52 | Last alert of the evening fires |
| 2026-07-11 21:00 | Secondary rotation takes over |
",
        agree: Some("No customer impact occurred, but the team was blind for [[3 hours]] on a Friday evening."),
        off: Some("No customer impact occurred, but the team was blind for [[9 hours]] on a Friday evening."),
        other: None,
        gaps: &[],
    },
    // foundation infrastructure blog (mail server) + audit: a length whose sentence gives its start
    Shape {
        id: "own-start-offline-period",
        report: "# List server breakdown

## Summary

At around 13:40 UTC on Tuesday the list server began dropping connections. {c} Mail kept arriving late for a while, and the service was deemed fully operational at approximately 16:30 UTC.

## Timeline

- 13:40 UTC: list server starts dropping connections
- 14:10 UTC: list server goes offline
- 15:34 UTC: list server answers again; queued mail starts flowing
- 16:30 UTC: queues drained; service fully operational
",
        agree: Some("At 14:10 UTC, the service went offline for a period of [[84 minutes]]."),
        off: Some("At 14:10 UTC, the service went offline for a period of [[20 minutes]]."),
        other: None,
        gaps: &[],
    },
    // community instance's postmortem: "at roughly T ... experienced a N minute failure"
    Shape {
        id: "own-start-n-minute-failure",
        report: FAILURE,
        agree: Some("On Tuesday at roughly 18:52 UTC the instance experienced a [[14 minute]] cascading failure that left requests hanging or failing around the globe."),
        off: Some("On Tuesday at roughly 18:52 UTC the instance experienced a [[70 minute]] cascading failure that left requests hanging or failing around the globe."),
        other: Some("On Tuesday the instance had a cascading failure. We wrote up the incident in [[less than 60 minutes]]."),
        gaps: &[],
    },
    // community instance's postmortem: "recover in less than N" under "Things that went well"
    Shape {
        id: "went-well-less-than",
        report: "# Global outage: 504 timeouts

On Tuesday the instance had a cascading failure.

## Timeline

All events are documented in UTC.

- **18:52** `@ana` Requests start timing out
- **18:55** `@raj` First report of 5XX responses globally
- **19:02** `@ana` Root cause: the database server's root filesystem is full
- **19:06** `@lee` Archive removed; space recovered and errors stop

## Things that went well

{c}
",
        agree: Some("We were able to respond and recover in [[less than 20 minutes]]."),
        off: Some("We were able to respond and recover in [[less than 5 minutes]]."),
        other: None,
        gaps: &[],
    },
    // community instance's postmortem (expired certificate): "the mean time to resolution was <N mins"
    Shape {
        id: "mttr-less-than-sign",
        report: "# TLS expires: media host

On February 28th, 2026 at approximately 01:55 UTC the instance had a degradation in which images failed to load.

### Timeline

- Feb 28th **01:52** `@kim` First report of media outages
- Feb 28th **01:57** `@ola` Confirms the certificate has expired
- Feb 28th **02:30** `@ola` Starts renewing the certificate
- Feb 28th **02:41** `@ola` Reloads the web servers; images load again

### Things that went well

{c}
",
        agree: Some("- We had a quick report, and the mean time to resolution was [[<60 mins]]."),
        off: Some("- We had a quick report, and the mean time to resolution was [[<10 mins]]."),
        other: None,
        // known gap: off: not compared (anchor lookup: metric events not found by words)
        gaps: &["off: not compared (anchor lookup: metric events not found by words)"],
    },
    // engineering course's sample postmortem: "**Impact**: ... for N (09:14-09:26 UTC)"
    Shape {
        id: "impact-for-n-paren-window",
        report: "# Shipment API errors

{c}

## Timeline

- 09:10 UTC: weekly order burst begins
- 09:14 UTC: connection pool exhausted; requests start failing
- 09:26 UTC: pool size raised; errors stop
",
        agree: Some("**Impact**: 5% of shipment API requests returned 500 for [[12 minutes]] (09:14-09:26 UTC); no data loss."),
        off: Some("**Impact**: 5% of shipment API requests returned 500 for [[40 minutes]] (09:14-09:26 UTC); no data loss."),
        other: None,
        gaps: &[],
    },
    // university IT notice: "starting at 6:00 a.m. and lasting approximately one hour"
    Shape {
        id: "own-start-lasting-approximately",
        report: "# Mailing list service interruption

## Summary

{c} No mail was lost; it was queued and delivered once service resumed.

## Timeline

- 5:50 a.m.: the move of the list application to new hardware starts
- 6:00 a.m.: the list service stops accepting mail
- 7:05 a.m.: the list service accepts mail again
- 7:40 a.m.: archive pages load again
",
        agree: Some("The interruption started at 6:00 a.m. and lasted [[approximately one hour]]."),
        off: Some("The interruption started at 6:00 a.m. and lasted [[approximately four hours]]."),
        other: Some("The next move is planned for Wednesday, starting at 6:00 a.m. and lasting [[about three hours]]."),
        gaps: &[],
    },
    // news report on a CDN outage: "in an incident less than N long"
    Shape {
        id: "incident-less-than-long",
        report: "# Edge network outage

{c}

## Timeline

- 8:56 a.m. UTC: edge servers start returning errors
- 9:04 a.m. UTC: the bad change is identified
- 9:12 a.m. UTC: the fix is live and errors stop
",
        agree: Some("The company first saw the outage at 8:56 a.m. UTC and resolved it at 9:12 a.m., in an incident [[less than 20 minutes]] long."),
        off: Some("The company first saw the outage at 8:56 a.m. UTC and resolved it at 9:12 a.m., in an incident [[less than 5 minutes]] long."),
        other: None,
        gaps: &[],
    },
    // news report on a CDN outage: "began at approximately T and lasted for approximately N"
    Shape {
        id: "own-start-began-and-lasted",
        report: "# Tiered cache outage

## Summary

{c} Some customers saw lingering errors after that.

## Timeline

- 06:20 UTC: the tiered cache change is deployed
- 06:27 UTC: request volume spikes and errors begin
- 06:54 UTC: the change is rolled back and errors stop
- 07:30 UTC: the last lingering errors clear
",
        agree: Some("The issue began at approximately 06:27 UTC and lasted for [[approximately 27 minutes]]."),
        off: Some("The issue began at approximately 06:27 UTC and lasted for [[approximately 3 hours]]."),
        other: None,
        gaps: &[],
    },
    // incident record with a metadata block (stale mounts): the length opens a
    // coordinated clause that says nothing was produced
    Shape {
        id: "and-for-nothing-produced",
        report: "# Incident: report exports stalled (2026-02-03)

## Metadata

- Start (UTC): 2026-02-03T05:10:00Z
- End (UTC): 2026-02-03T13:40:00Z

## Summary

{c} Existing reports stayed readable.

## Timeline (UTC)

- 05:10 first write error in the exporter log
- 11:55 an operator notices the export count has not moved
- 13:40 exporter restarted; exports written again
",
        agree: Some("The exporter hit write errors on its scratch volume,\nand for [[roughly 8 hours]] no new reports were written."),
        off: Some("The exporter hit write errors on its scratch volume,\nand for [[roughly 3 hours]] no new reports were written."),
        other: Some("The exporter retries a failed write,\nand for [[two days]] no alerts were sent about it."),
        gaps: &[],
    },
    // non-native issue report: a length opening its sentence, then who was affected
    Shape {
        id: "length-then-users-affected",
        report: "# API 502 errors on 2026/04/09

## Summary

At 2026/04/09 10:05 ~ 10:50 UTC, the API returned 502 for many requests. {c}

## Timeline

- 2026-04-09 10:05 UTC: 502 errors start
- 2026-04-09 10:20 UTC: on-call paged
- 2026-04-09 10:50 UTC: error rate back to normal
",
        agree: Some("[[About 45min]] all users affected, after that it was recovered."),
        off: Some("[[About 10min]] all users affected, after that it was recovered."),
        other: Some("[[About 10min]] later all users affected, after that it was recovered."),
        gaps: &[],
    },
    // transit app thread: "For N, <people noun> ... could not", a clock inside the clause
    Shape {
        id: "for-n-riders-could-not",
        report: "# Mobile tickets would not display

## What happened

{c}

## Timeline

- 07:12 ticket signing key rotated; new tickets fail to validate
- 07:41 first rider complaint on social media
- 08:05 old key restored; tickets display again
",
        agree: Some("For [[roughly 55 minutes]], riders who had not opened their ticket before 07:12 could not show a valid ticket."),
        off: Some("For [[roughly 15 minutes]], riders who had not opened their ticket before 07:12 could not show a valid ticket."),
        other: Some("For [[roughly 15 minutes]], we could not reproduce it on our test phones."),
        gaps: &[],
    },
    // exchange ticket: a key/value table, the length labelled with who it fell on
    Shape {
        id: "customer-impact-duration-row",
        report: "# INC-4410 delayed withdrawals

## Summary

| Field | Value |
| --- | --- |
| Incident start | 2026-05-11 01:50 UTC |
| Incident end | 2026-05-11 04:20 UTC |
{c}

## Description

Withdrawals queued while a signer was offline.
",
        agree: Some("| Customer impact duration | [[2h 30m]] |"),
        off: Some("| Customer impact duration | [[1h 15m]] |"),
        other: Some("| Signer restart duration | [[4m]] |"),
        gaps: &[],
    },
    // telecom incident notice: Start, Resolution and Duration as fields of one line
    Shape {
        id: "dotted-header-line-duration",
        report: "# Voice outage notice

**Priority:** P2 · **Status:** Resolved

{c}

**Customer impact:** some customers could not make calls.

## Timeline

- 15:40 routine check on the session border controller
- 16:07 registrations start to drop
- 16:58 calls complete normally again
",
        agree: Some("**Start Date/Time:** 14/05/2026 16:07 · **Resolution Date/Time:** 14/05/2026 16:58 · **Duration:** [[51 minutes]]"),
        off: Some("**Start Date/Time:** 14/05/2026 16:07 · **Resolution Date/Time:** 14/05/2026 16:58 · **Duration:** [[20 minutes]]"),
        other: Some("**Start Date/Time:** 14/05/2026 16:07 · **Resolution Date/Time:** 14/05/2026 16:58 · **Retry interval:** [[5 minutes]]"),
        gaps: &[],
    },
    // monthly availability digest: each incident's bold heading states its start
    // and length, its paragraphs state when it ended; no timeline
    Shape {
        id: "digest-heading-lasting",
        report: "# Availability report: May 2026

In May we had two incidents that degraded our services.

**May 3 14:21 UTC (lasting 1 hour and 4 minutes)**

On May 3 at 14:21 UTC, webhook deliveries began to lag. We moved the busy
repositories to their own partitions and the backlog cleared at 15:25 UTC.

{c}

On May 24 at 09:31 UTC, static sites served stale content. We were alerted
at 09:54 UTC and rolled back the storage client at 10:12 UTC; all sites were
serving current content at 10:37 UTC.
",
        agree: Some("**May 24 09:31 UTC (lasting [[66 minutes]])**"),
        off: Some("**May 24 09:31 UTC (lasting [[15 minutes]])**"),
        other: None,
        gaps: &[],
    },
    // ISP status history and public-body update pages: the outage "ran", the
    // services "were affected", told after the timeline's story in prose
    Shape {
        id: "outage-ran-for",
        report: "# Broadband outage in the northern exchanges

## What happened

All times are UTC. At 20:40 a contractor's digger cut our feeder cable, and
every line in the three exchanges lost its connection. A splice crew reached
the cable at 21:55 and all sessions were back by 23:50.

{c}
",
        agree: Some("The outage ran for [[a little over three hours]]."),
        off: Some("The outage ran for [[roughly five and a half hours]]."),
        other: Some("The splice itself ran for [[about 40 minutes]]."),
        gaps: &[],
    },
    Shape {
        id: "services-affected-for",
        report: "# Weekend storage failure

## Looking back

{c}

## Timeline

- 2025-06-14 05:50 BST: the storage array fails; email, file shares and the intranet are unavailable
- 2025-06-14 12:40 BST: the vendor's engineer is on site; a replacement controller is ordered
- 2025-06-15 09:20 BST: the intranet is back; all services are running
",
        agree: Some("In total, staff services were affected for [[around 27 hours]] over the weekend."),
        off: Some("In total, staff services were affected for [[around 12 hours]] over the weekend."),
        other: None,
        gaps: &[],
    },
    // the same told as dated update posts, the total after the last post
    Shape {
        id: "services-affected-after-updates",
        report: "# Weekend storage failure

## Updates

**Saturday 14 June 2025, 07:10 BST.** Email, file shares and the intranet are
unavailable after a storage failure overnight. The failure began at 05:50.

**Saturday 14 June 2025, 19:30 BST.** Email and file shares are back.

**Sunday 15 June 2025, 09:20 BST.** The intranet is back; all services are running.

{c}
",
        agree: Some("In total, staff services were affected for [[around 27 hours]] over the weekend."),
        off: Some("In total, staff services were affected for [[around 12 hours]] over the weekend."),
        other: None,
        gaps: &["off: not read (a paragraph after the last update post is read as that post's text)"],
    },
];
