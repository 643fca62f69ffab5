//! The HTML page of `retrospec report`: one self-contained file (no external
//! scripts, styles, fonts or images), readable without JavaScript.
//!
//! Written with maud: the markup is checked at compile time and every value is
//! escaped, so a report title cannot break the page. Charts are inline SVG drawn
//! here from the figures; each has a `<title>`, a `<desc>` and a data table beside
//! it (its text alternative). Severity levels differ in lightness and pattern, so
//! they stay apart in greyscale. A short inline script only adds sorting to the
//! reports table; without it the table is already ordered by incident date.

use maud::{DOCTYPE, Markup, PreEscaped, html};
use retrospec_check::insights::{Count, Figures, GroupBy, Row, Summary, Timeline};
use retrospec_check::metrics::{DEFINITIONS, human};

mod assets;
mod charts;

use assets::{CSS, SORT_SCRIPT};
use charts::{completion_chart, range_chart, rules_chart, stacked_chart, timeline_chart};

/// Rows of the reports table in the page; the rest are counted (the CSV has all).
pub const TABLE_ROWS: usize = 1000;
/// Items listed in the page's overdue, owner and error lists.
const LIST_ROWS: usize = 200;

/// The page for `figures`; `link` turns a report's path into a relative URL.
pub fn page(figures: &Figures, link: &dyn Fn(&str) -> String) -> String {
    let t = &figures.totals;
    let resolve = &figures.durations.all.time_to_resolve;
    let f = &figures.follow_ups;
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(format!("retrospec {}", env!("CARGO_PKG_VERSION")));
                title { "Postmortem report" }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1 { "Postmortem report" }
                    p.lead {
                        (t.reports) " " (plural(t.reports, "report", "reports"))
                        @if let (Some(since), Some(until)) = (&figures.since, &figures.until) {
                            " of incidents from " (since) " to " (until)
                        } @else if let Some(since) = &figures.since {
                            " of incidents since " (since)
                        } @else if let Some(until) = &figures.until {
                            " of incidents until " (until)
                        }
                        "; follow-ups as of " (figures.today) "."
                    }
                    nav aria-label="Sections" {
                        ul {
                            li { a href="#summary" { "Summary" } }
                            li { a href="#periods" { "Incidents over time" } }
                            li { a href="#durations" { "Durations" } }
                            li { a href="#follow-ups" { "Follow-ups" } }
                            li { a href="#quality" { "Findings" } }
                            li { a href="#counts" { "Counts" } }
                            li { a href="#reports" { "Reports" } }
                            @if !figures.timelines.is_empty() {
                                li { a href="#timelines" { "Timelines" } }
                            }
                            @if !figures.problems.is_empty() {
                                li { a href="#problems" { "Problems" } }
                            }
                        }
                    }
                }
                main {
                    section #summary aria-labelledby="summary-h" {
                        h2 #summary-h { "Summary" }
                        table.summary {
                            caption { "The figures at a glance" }
                            tbody {
                                tr { th scope="row" { "Reports" } td { (t.reports) } }
                                tr { th scope="row" { "Files that could not be read as reports" } td { (t.problems) } }
                                @if t.excluded > 0 {
                                    tr { th scope="row" { "Reports outside the dates" } td { (t.excluded) } }
                                }
                                tr { th scope="row" { "Median time to resolve" } td { (duration(resolve.median)) } }
                                tr { th scope="row" { "90th percentile time to resolve" } td { (duration(resolve.p90)) } }
                                tr { th scope="row" { "Reports without a time to resolve" } td { (resolve.missing) } }
                                tr { th scope="row" { "Action items" } td { (f.total) } }
                                tr { th scope="row" { "Action items done (of those not decided against)" } td { (percent(f.done_share)) } }
                                tr { th scope="row" { "Open action items past due" } td { (f.overdue) } }
                                tr { th scope="row" { "Reports with errors" } td { (figures.quality.with_errors.len()) } }
                            }
                        }
                    }
                    section #periods aria-labelledby="periods-h" {
                        h2 #periods-h { "Incidents over time" }
                        (stacked_chart(figures))
                    }
                    section #durations aria-labelledby="durations-h" {
                        h2 #durations-h { "Durations" }
                        p { "Medians and 90th percentiles, not means: a few long incidents would pull a mean far from the typical one. Reports missing a milestone are counted as missing, never as zero." }
                        (range_chart(figures))
                        (durations_table(figures))
                    }
                    section #follow-ups aria-labelledby="follow-ups-h" {
                        h2 #follow-ups-h { "Follow-ups" }
                        (completion_chart(figures))
                        (follow_up_tables(figures))
                    }
                    section #quality aria-labelledby="quality-h" {
                        h2 #quality-h { "Findings" }
                        (rules_chart(figures))
                        (errors_list(figures, link))
                    }
                    section #counts aria-labelledby="counts-h" {
                        h2 #counts-h { "Counts" }
                        div.grid {
                            (count_table("Reports by status", "Status", &figures.counts.status))
                            (count_table("Reports by severity", "Severity", &figures.counts.severity))
                            (count_table("Reports by quarter", "Quarter", &figures.counts.quarter))
                            (count_table("Reports by service", "Service", &figures.counts.service))
                            (count_table("Reports by detection method", "Detection", &figures.counts.detection))
                            (count_table("Reports by tag", "Tag", &figures.counts.tag))
                            (count_table("Reports by trigger", "Trigger", &figures.counts.trigger))
                        }
                    }
                    section #reports aria-labelledby="reports-h" {
                        h2 #reports-h { "Reports" }
                        (reports_table(figures, link))
                    }
                    @if !figures.timelines.is_empty() {
                        section #timelines aria-labelledby="timelines-h" {
                            h2 #timelines-h { "Timelines" }
                            @if figures.timelines.len() < figures.totals.reports {
                                p { "The timelines of the first " (figures.timelines.len()) " reports read." }
                            }
                            @for (i, (path, timeline)) in figures.timelines.iter().enumerate() {
                                (timeline_section(i, path, timeline, figures, link))
                            }
                        }
                    }
                    @if !figures.problems.is_empty() {
                        section #problems aria-labelledby="problems-h" {
                            h2 #problems-h { "Files that could not be read as reports" }
                            ul {
                                @for p in &figures.problems {
                                    li { a href=(link(&p.path)) { code { (p.path) } } ": " (p.message) }
                                }
                            }
                        }
                    }
                }
                footer { p { "Made by retrospec " (env!("CARGO_PKG_VERSION")) ". The same figures: " code { "retrospec report --format json" } " or " code { "--format csv" } "." } }
                script { (PreEscaped(SORT_SCRIPT)) }
            }
        }
    };
    markup.into_string()
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

fn duration(seconds: Option<i64>) -> String {
    seconds.map_or_else(|| "–".to_string(), human)
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "–".to_string(), |s| format!("{:.0}%", s * 100.0))
}

fn key(k: &Option<String>) -> &str {
    k.as_deref().unwrap_or("(none)")
}

fn by_name(by: GroupBy) -> &'static str {
    match by {
        GroupBy::Severity => "severity",
        GroupBy::Service => "service",
        GroupBy::Month => "month",
        GroupBy::Quarter => "quarter",
    }
}

fn summary_text(s: &Summary) -> String {
    format!(
        "n={}, missing {}, median {}, p90 {}, min {}, max {}",
        s.count,
        s.missing,
        duration(s.median),
        duration(s.p90),
        duration(s.min),
        duration(s.max)
    )
}

fn durations_table(figures: &Figures) -> Markup {
    let by = by_name(figures.durations.by);
    let all = std::iter::once(("All reports".to_string(), &figures.durations.all)).chain(
        figures
            .durations
            .groups
            .iter()
            .map(|g| (key(&g.key).to_string(), g)),
    );
    html! {
        table {
            caption { "Durations by " (by) " (n: reports with the duration; missing: reports without it)" }
            thead {
                tr {
                    th scope="col" { (capitalise(by)) }
                    th scope="col" { "Metric" }
                    th scope="col" { "n" }
                    th scope="col" { "Missing" }
                    th scope="col" { "Median" }
                    th scope="col" { "p90" }
                    th scope="col" { "Min" }
                    th scope="col" { "Max" }
                }
            }
            tbody {
                @for (name, d) in all {
                    @for (def, s) in DEFINITIONS.iter().zip(d.summaries()) {
                        tr {
                            th scope="row" { (name) }
                            td { (def.name) }
                            td { (s.count) }
                            td { (s.missing) }
                            td { (duration(s.median)) }
                            td { (duration(s.p90)) }
                            td { (duration(s.min)) }
                            td { (duration(s.max)) }
                        }
                    }
                }
            }
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn follow_up_tables(figures: &Figures) -> Markup {
    let f = &figures.follow_ups;
    let age = &f.open_age_days;
    let days = |v: Option<i64>| v.map_or_else(|| "–".to_string(), |d| format!("{d} d"));
    html! {
        div.grid {
            table {
                caption { "Action items" }
                tbody {
                    tr { th scope="row" { "All" } td { (f.total) } }
                    tr { th scope="row" { "Open (open, in progress or no status)" } td { (f.open) } }
                    tr { th scope="row" { "Open and past due at " (figures.today) } td { (f.overdue) } }
                    tr { th scope="row" { "Without an owner" } td { (f.without_owner) } }
                    tr { th scope="row" { "Without a tracking link" } td { (f.without_link) } }
                    tr { th scope="row" { "Median age of open items" } td { (days(age.median)) } }
                    tr { th scope="row" { "90th percentile age of open items" } td { (days(age.p90)) } }
                    tr { th scope="row" { "Oldest open item" } td { (days(age.max)) } }
                }
            }
            (count_table_of("Action items by status", "Status", "Items", &f.status))
            (count_table_of("Action items by type", "Type", "Items", &f.kind))
            table {
                caption { "By quarter of the incident" }
                thead { tr { th scope="col" { "Quarter" } th scope="col" { "Items" } th scope="col" { "Done" } th scope="col" { "Share done" } } }
                tbody {
                    @for q in &f.quarters {
                        tr { th scope="row" { (key(&q.quarter)) } td { (q.total) } td { (q.done) } td { (percent(q.done_share)) } }
                    }
                }
            }
        }
        h3 { "Per owner" }
        table {
            caption { "Action items per owner" @if f.owners.len() > LIST_ROWS { " (the " (LIST_ROWS) " with most items)" } }
            thead { tr { th scope="col" { "Owner" } th scope="col" { "Items" } th scope="col" { "Done" } th scope="col" { "Open" } th scope="col" { "Past due" } } }
            tbody {
                @for o in f.owners.iter().take(LIST_ROWS) {
                    tr { th scope="row" { (key(&o.owner)) } td { (o.total) } td { (o.done) } td { (o.open) } td { (o.overdue) } }
                }
            }
        }
        h3 { "Past due" }
        @if f.overdue_items.is_empty() {
            p { "No open action item is past its due date." }
        } @else {
            table {
                caption { "Open action items past due, most overdue first" @if f.overdue_items.len() > LIST_ROWS { " (" (LIST_ROWS) " of " (f.overdue_items.len()) ")" } }
                thead { tr { th scope="col" { "Item" } th scope="col" { "Owner" } th scope="col" { "Due" } th scope="col" { "Days past due" } th scope="col" { "Report" } } }
                tbody {
                    @for o in f.overdue_items.iter().take(LIST_ROWS) {
                        tr { td { (o.title) } td { (o.owner.as_deref().unwrap_or("(none)")) } td { (o.due) } td { (o.days_overdue) } td { code { (o.path) } } }
                    }
                }
            }
        }
    }
}

fn errors_list(figures: &Figures, link: &dyn Fn(&str) -> String) -> Markup {
    let list = &figures.quality.with_errors;
    html! {
        h3 { "Reports with errors" }
        @if list.is_empty() {
            p { "No report has an error." }
        } @else {
            p { (list.len()) " " (plural(list.len(), "report has", "reports have")) " errors; " code { "retrospec check PATH" } " shows them." }
            ul.paths {
                @for e in list.iter().take(LIST_ROWS) {
                    li { a href=(link(&e.path)) { code { (e.path) } } " — " (e.errors) " " (plural(e.errors, "error", "errors")) " (" (e.codes.join(", ")) ")" }
                }
                @if list.len() > LIST_ROWS { li { "and " (list.len() - LIST_ROWS) " more (see the JSON output)" } }
            }
        }
    }
}

fn count_table(caption: &str, column: &str, counts: &[Count]) -> Markup {
    count_table_of(caption, column, "Reports", counts)
}

fn count_table_of(caption: &str, column: &str, unit: &str, counts: &[Count]) -> Markup {
    html! {
        table {
            caption { (caption) }
            thead { tr { th scope="col" { (column) } th scope="col" { (unit) } } }
            tbody {
                @for c in counts.iter().take(LIST_ROWS) {
                    tr { th scope="row" { (key(&c.key)) } td { (c.count) } }
                }
                @if counts.is_empty() { tr { td colspan="2" { "none" } } }
            }
        }
    }
}

fn reports_table(figures: &Figures, link: &dyn Fn(&str) -> String) -> Markup {
    let mut rows: Vec<&Row> = figures
        .reports
        .iter()
        .filter(|r| r.problem.is_none())
        .collect();
    // Newest incident first; undated last; then by path.
    rows.sort_by(|a, b| {
        (a.date.is_none(), std::cmp::Reverse(&a.date), &a.path).cmp(&(
            b.date.is_none(),
            std::cmp::Reverse(&b.date),
            &b.path,
        ))
    });
    let shown = rows.len().min(TABLE_ROWS);
    html! {
        @if rows.len() > TABLE_ROWS {
            p { "The " (TABLE_ROWS) " newest of " (rows.len()) " reports; every report is in " code { "--format csv" } "." }
        }
        p.hint { "With JavaScript, a column heading sorts the table." }
        div.scroll {
            table #report-table .sortable {
                caption { "Reports, newest incident first" }
                thead {
                    tr {
                        th scope="col" { "Date" }
                        th scope="col" { "Report" }
                        th scope="col" { "Severity" }
                        th scope="col" { "Status" }
                        th scope="col" { "Services" }
                        th scope="col" data-type="number" { "Time to resolve" }
                        th scope="col" data-type="number" { "Actions done" }
                        th scope="col" data-type="number" { "Past due" }
                        th scope="col" data-type="number" { "Findings" }
                    }
                }
                tbody {
                    @for r in rows.iter().take(shown) {
                        tr {
                            td { (r.date.as_deref().unwrap_or("–")) }
                            td { a href=(link(&r.path)) { (if r.title.is_empty() { r.path.as_str() } else { r.title.as_str() }) } }
                            td data-v=(severity_rank(figures, r)) { (r.severity.as_deref().unwrap_or("–")) }
                            td { (r.status.unwrap_or("–")) }
                            td { (r.services.join(", ")) }
                            td data-v=(r.time_to_resolve.map_or(-1, |s| s)) { (duration(r.time_to_resolve)) }
                            td data-v=(r.done) { (r.done) " / " (r.action_items) }
                            td { (r.overdue) }
                            td data-v=(r.errors + r.warnings + r.infos) { (r.errors) " E, " (r.warnings) " W" }
                        }
                    }
                }
            }
        }
    }
}

fn severity_rank(figures: &Figures, r: &Row) -> usize {
    figures
        .counts
        .severity
        .iter()
        .position(|c| c.key == r.severity)
        .unwrap_or(usize::MAX / 2)
}

fn timeline_section(
    i: usize,
    path: &str,
    timeline: &Timeline,
    figures: &Figures,
    link: &dyn Fn(&str) -> String,
) -> Markup {
    let title = figures
        .reports
        .iter()
        .find(|r| r.path == path)
        .map_or(path, |r| {
            if r.title.is_empty() {
                path
            } else {
                r.title.as_str()
            }
        });
    let id = format!("timeline-{i}");
    let points = &timeline.points;
    html! {
        section.timeline aria-labelledby=(format!("{id}-h")) {
            h3 #(format!("{id}-h")) { (title) }
            p.path { a href=(link(path)) { code { (path) } } }
            @if points.is_empty() {
                p { "No time in this report could be placed on an axis." }
            } @else {
                (timeline_chart(&id, title, timeline))
            }
            @if timeline.unplaced > 0 || timeline.more > 0 {
                p.hint {
                    @if timeline.unplaced > 0 { (timeline.unplaced) " " (plural(timeline.unplaced, "time", "times")) " without a date or zone could not be placed. " }
                    @if timeline.more > 0 { (timeline.more) " later entries are not shown." }
                }
            }
        }
    }
}

fn clip(s: &str, chars: usize) -> String {
    match s.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}
