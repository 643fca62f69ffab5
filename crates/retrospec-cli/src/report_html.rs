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
use retrospec_check::insights::{Count, Durations, Figures, GroupBy, Row, Summary, Timeline};
use retrospec_check::metrics::{DEFINITIONS, human};

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

/// Fills of the severity levels, worst first: darkest to lightest, so the order
/// reads in greyscale too; every other level also has a pattern.
const FILLS: [&str; 6] = [
    "#2b1a4f", "#5b3f8c", "#8a76b8", "#b9aed6", "#e4def0", "#f7f7f7",
];

fn fill(i: usize, chart: &str) -> String {
    if i % 2 == 1 {
        format!("url(#{chart}-p{i})")
    } else {
        FILLS[i.min(FILLS.len() - 1)].to_string()
    }
}

/// The patterns of the odd levels (diagonal lines over the level's colour).
fn patterns(chart: &str, levels: usize) -> Markup {
    html! {
        defs {
            @for i in (1..levels).step_by(2) {
                pattern id=(format!("{chart}-p{i}")) width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)" {
                    rect width="6" height="6" fill=(FILLS[i.min(FILLS.len() - 1)]) {}
                    line x1="0" y1="0" x2="0" y2="6" stroke=(if i < 3 { "#ffffff" } else { "#222222" }) stroke-width="2" {}
                }
            }
        }
    }
}

fn chart_open(id: &str, title: &str, desc: &str, width: u32, height: u32, body: Markup) -> Markup {
    html! {
        figure {
            svg id=(id) role="img" aria-labelledby=(format!("{id}-t {id}-d")) viewBox=(format!("0 0 {width} {height}")) width=(width) height=(height) xmlns="http://www.w3.org/2000/svg" {
                title id=(format!("{id}-t")) { (title) }
                desc id=(format!("{id}-d")) { (desc) }
                (body)
            }
        }
    }
}

fn stacked_chart(figures: &Figures) -> Markup {
    let (stacks, unit) = if figures.durations.by == GroupBy::Quarter {
        (&figures.counts.quarter_by_severity, "quarter")
    } else {
        (&figures.counts.month_by_severity, "month")
    };
    let levels: Vec<&Count> = figures.counts.severity.iter().collect();
    let title = &format!("Incidents per {unit}, stacked by severity");
    if stacks.is_empty() {
        return html! { p { "No dated incidents." } };
    }
    let max = stacks
        .iter()
        .map(|s| s.severity.iter().map(|c| c.count).sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let (left, top, plot_h) = (40.0, 10.0, 200.0);
    let width = 900.0_f64;
    let bar_w = ((width - left - 10.0) / stacks.len() as f64).min(60.0);
    let height = top + plot_h + 60.0;
    let y = |v: usize| top + plot_h - v as f64 / max as f64 * plot_h;
    let ticks = axis_ticks(max);
    let desc = format!(
        "{} {unit}s from {} to {}; at most {} incidents in a {unit}. The table below lists every {unit}.",
        stacks.len(),
        stacks.first().map_or("", |s| s.period.as_str()),
        stacks.last().map_or("", |s| s.period.as_str()),
        max
    );
    let label_every = stacks.len().div_ceil(18);
    let body = html! {
        (patterns("periods", levels.len()))
        @for t in &ticks {
            line x1=(left) x2=(width - 10.0) y1=(f1(y(*t))) y2=(f1(y(*t))) stroke="#d0d0d0" {}
            text x=(left - 6.0) y=(f1(y(*t) + 4.0)) text-anchor="end" class="tick" { (t) }
        }
        @for (i, s) in stacks.iter().enumerate() {
            @let x = left + i as f64 * bar_w;
            @let segments = s.severity.iter().enumerate().scan(0usize, |below, (j, c)| {
                let start = *below;
                *below += c.count;
                Some((j, start, *below))
            }).filter(|(_, a, b)| b > a);
            g {
                title { (s.period) ": " (s.severity.iter().map(|c| format!("{} {}", key(&c.key), c.count)).collect::<Vec<_>>().join(", ")) }
                @for (j, from, to) in segments {
                    rect x=(f1(x + 2.0)) y=(f1(y(to))) width=(f1(bar_w - 4.0)) height=(f1(y(from) - y(to))) fill=(fill(j, "periods")) stroke="#222222" stroke-width="0.5" {}
                }
            }
            @if i % label_every == 0 {
                text x=(f1(x + bar_w / 2.0)) y=(f1(top + plot_h + 16.0)) text-anchor="middle" class="tick" { (s.period) }
            }
        }
        line x1=(left) x2=(width - 10.0) y1=(f1(top + plot_h)) y2=(f1(top + plot_h)) stroke="#222222" {}
        @for (j, c) in levels.iter().enumerate() {
            @let lx = left + j as f64 * 120.0;
            rect x=(f1(lx)) y=(f1(height - 24.0)) width="14" height="14" fill=(fill(j, "periods")) stroke="#222222" stroke-width="0.5" {}
            text x=(f1(lx + 20.0)) y=(f1(height - 12.0)) class="tick" { (key(&c.key)) }
        }
    };
    html! {
        (chart_open("chart-periods", title, &desc, width as u32, height as u32, body))
        details {
            summary { "Data: " (title) }
            table {
                caption { (title) }
                thead { tr { th scope="col" { (capitalise(unit)) } @for c in &levels { th scope="col" { (key(&c.key)) } } th scope="col" { "All" } } }
                tbody {
                    @for s in stacks {
                        tr { th scope="row" { (s.period) } @for c in &s.severity { td { (c.count) } } td { (s.severity.iter().map(|c| c.count).sum::<usize>()) } }
                    }
                }
            }
        }
    }
}

/// Round tick values from 0 to `max`.
fn axis_ticks(max: usize) -> Vec<usize> {
    let step = [
        1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000,
    ]
    .into_iter()
    .find(|s| max / s <= 5)
    .unwrap_or(100_000);
    (0..=max / step).map(|i| i * step).collect()
}

fn f1(v: f64) -> String {
    format!("{v:.1}")
}

fn by_name(by: GroupBy) -> &'static str {
    match by {
        GroupBy::Severity => "severity",
        GroupBy::Service => "service",
        GroupBy::Month => "month",
        GroupBy::Quarter => "quarter",
    }
}

/// Ticks of the logarithmic duration axis.
const DURATION_TICKS: [i64; 8] = [
    60,
    600,
    3600,
    6 * 3600,
    86_400,
    7 * 86_400,
    30 * 86_400,
    365 * 86_400,
];

fn range_chart(figures: &Figures) -> Markup {
    let groups: Vec<&Durations> = figures
        .durations
        .groups
        .iter()
        .filter(|g| g.time_to_resolve.count > 0)
        .collect();
    let by = by_name(figures.durations.by);
    let title = format!("Time to resolve by {by}: range, median and 90th percentile");
    if groups.is_empty() {
        return html! { p { "No report has both a start and a resolution time." } };
    }
    let longest = groups
        .iter()
        .filter_map(|g| g.time_to_resolve.max)
        .max()
        .unwrap_or(3600);
    let ticks: Vec<i64> = DURATION_TICKS
        .iter()
        .copied()
        .take_while(|t| *t < longest)
        .chain(DURATION_TICKS.iter().copied().find(|t| *t >= longest))
        .collect();
    let hi = (*ticks.last().unwrap_or(&86_400) as f64).log10();
    let lo = 60f64.log10();
    let (left, right, top, row_h) = (130.0, 600.0, 30.0, 34.0);
    let width = 900.0;
    let x = |s: i64| left + ((s.max(60) as f64).log10() - lo) / (hi - lo) * (right - left);
    let height = top + groups.len() as f64 * row_h + 30.0;
    let desc = format!(
        "For each {by}, a line from the shortest to the longest time to resolve, a bar from the median to the 90th percentile, a dot at the median. Logarithmic time axis. The table below has every figure."
    );
    let body = html! {
        @for t in &ticks {
            line x1=(f1(x(*t))) x2=(f1(x(*t))) y1=(f1(top - 6.0)) y2=(f1(height - 24.0)) stroke="#d0d0d0" {}
            text x=(f1(x(*t))) y=(f1(top - 10.0)) text-anchor="middle" class="tick" { (human(*t)) }
        }
        @for (i, g) in groups.iter().enumerate() {
            @let s = &g.time_to_resolve;
            @let cy = top + i as f64 * row_h + row_h / 2.0;
            g {
                title { (key(&g.key)) ": " (summary_text(s)) }
                text x=(left - 10.0) y=(f1(cy + 4.0)) text-anchor="end" class="label" { (key(&g.key)) }
                @if let (Some(min), Some(max), Some(median), Some(p90)) = (s.min, s.max, s.median, s.p90) {
                    line x1=(f1(x(min))) x2=(f1(x(max))) y1=(f1(cy)) y2=(f1(cy)) stroke="#222222" stroke-width="1.5" {}
                    line x1=(f1(x(min))) x2=(f1(x(min))) y1=(f1(cy - 6.0)) y2=(f1(cy + 6.0)) stroke="#222222" {}
                    line x1=(f1(x(max))) x2=(f1(x(max))) y1=(f1(cy - 6.0)) y2=(f1(cy + 6.0)) stroke="#222222" {}
                    rect x=(f1(x(median))) y=(f1(cy - 7.0)) width=(f1((x(p90) - x(median)).max(2.0))) height="14" fill="#b9aed6" stroke="#2b1a4f" {}
                    circle cx=(f1(x(median))) cy=(f1(cy)) r="5" fill="#2b1a4f" {}
                    text x=(right + 12.0) y=(f1(cy + 4.0)) class="tick" {
                        "median " (human(median)) " · p90 " (human(p90)) " · n=" (s.count)
                        @if s.missing > 0 { " (" (s.missing) " missing)" }
                    }
                }
            }
        }
    };
    html! {
        (chart_open("chart-durations", &title, &desc, width as u32, height as u32, body))
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

fn completion_chart(figures: &Figures) -> Markup {
    let quarters = &figures.follow_ups.quarters;
    let title = "Share of action items done, by quarter of the incident";
    if quarters.is_empty() {
        return html! { p { "No action items." } };
    }
    let (left, top, plot_h) = (50.0, 14.0, 160.0);
    let width = 900.0_f64;
    let bar_w = ((width - left - 10.0) / quarters.len() as f64).min(80.0);
    let height = top + plot_h + 30.0;
    let desc = "Bars from 0 to 100 percent: the share of each quarter's action items that are done. The table below has the counts.";
    let body = html! {
        @for p in [0, 25, 50, 75, 100] {
            @let yy = top + plot_h - f64::from(p) / 100.0 * plot_h;
            line x1=(left) x2=(width - 10.0) y1=(f1(yy)) y2=(f1(yy)) stroke="#d0d0d0" {}
            text x=(left - 6.0) y=(f1(yy + 4.0)) text-anchor="end" class="tick" { (p) "%" }
        }
        @for (i, q) in quarters.iter().enumerate() {
            @let x = left + i as f64 * bar_w;
            @let share = q.done_share.unwrap_or(0.0);
            g {
                title { (key(&q.quarter)) ": " (q.done) " of " (q.total) " done" }
                rect x=(f1(x + 4.0)) y=(f1(top + plot_h - share * plot_h)) width=(f1(bar_w - 8.0)) height=(f1(share * plot_h)) fill="#5b3f8c" {}
                rect x=(f1(x + 4.0)) y=(f1(top)) width=(f1(bar_w - 8.0)) height=(f1(plot_h)) fill="none" stroke="#222222" stroke-width="0.5" {}
                text x=(f1(x + bar_w / 2.0)) y=(f1(top + plot_h + 16.0)) text-anchor="middle" class="tick" { (key(&q.quarter)) }
            }
        }
    };
    html! {
        (chart_open("chart-completion", title, desc, width as u32, height as u32, body))
    }
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

fn rules_chart(figures: &Figures) -> Markup {
    let rules: Vec<_> = figures.quality.rules.iter().take(10).collect();
    let title = "Most frequent findings (top 10 codes)";
    if rules.is_empty() {
        return html! { p { "No findings." } };
    }
    let max = rules.iter().map(|r| r.findings).max().unwrap_or(1).max(1);
    let (left, right, row_h) = (260.0, 760.0, 24.0);
    let width = 900.0;
    let height = rules.len() as f64 * row_h + 10.0;
    let desc = format!(
        "Horizontal bars, one per code, longest first; the most frequent is {} with {} findings. The table below lists every code.",
        rules[0].code, rules[0].findings
    );
    let body = html! {
        @for (i, r) in rules.iter().enumerate() {
            @let y = 5.0 + i as f64 * row_h;
            @let w = r.findings as f64 / max as f64 * (right - left);
            g {
                title { (r.code) " " (r.name) ": " (r.findings) " findings in " (r.reports) " reports" }
                text x=(left - 8.0) y=(f1(y + 15.0)) text-anchor="end" class="label" { (r.code) " " (r.name) }
                rect x=(left) y=(f1(y + 3.0)) width=(f1(w.max(1.0))) height=(f1(row_h - 6.0)) fill="#5b3f8c" {}
                text x=(f1(left + w + 6.0)) y=(f1(y + 15.0)) class="tick" { (r.findings) }
            }
        }
    };
    html! {
        (chart_open("chart-rules", title, &desc, width as u32, height as u32, body))
        details {
            summary { "Data: findings per code" }
            table {
                caption { "Findings per code" }
                thead { tr { th scope="col" { "Code" } th scope="col" { "Rule" } th scope="col" { "Findings" } th scope="col" { "Reports" } } }
                tbody {
                    @for r in &figures.quality.rules {
                        tr { th scope="row" { (r.code) } td { (r.name) } td { (r.findings) } td { (r.reports) } }
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

fn timeline_chart(id: &str, title: &str, timeline: &Timeline) -> Markup {
    let points = &timeline.points;
    let first = points.first().map_or(0, |p| p.at);
    let last = points.last().map_or(0, |p| p.at);
    let span = (last - first).max(60);
    let offset = points
        .iter()
        .find(|p| p.milestone == Some("started"))
        .or(points.first())
        .map_or("+00:00", |p| p.offset.as_str());
    let (left, right, top, row_h) = (440.0, 880.0, 36.0, 20.0);
    let width = 900.0;
    let height = top + points.len() as f64 * row_h + 10.0;
    let x = |at: i64| left + (at - first) as f64 / span as f64 * (right - left);
    let step = [
        60,
        300,
        600,
        1800,
        3600,
        3 * 3600,
        6 * 3600,
        12 * 3600,
        86_400,
        7 * 86_400,
    ]
    .into_iter()
    .find(|s| span / s <= 6)
    .unwrap_or(30 * 86_400);
    let offset_seconds = parse_offset(offset);
    let start_tick = (first + offset_seconds).div_euclid(step) * step - offset_seconds;
    let ticks: Vec<i64> = (0..)
        .map(|k| start_tick + k * step)
        .skip_while(|t| *t < first)
        .take_while(|t| *t <= last)
        .collect();
    let clock = |at: i64| {
        let local = at + offset_seconds;
        let day = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let base = first + offset_seconds;
        let day_note = day - base.div_euclid(86_400);
        let hm = format!("{:02}:{:02}", secs / 3600, secs % 3600 / 60);
        if day_note > 0 {
            format!("{hm} +{day_note}d")
        } else {
            hm
        }
    };
    let desc = format!(
        "{} milestones and timeline entries on a time axis in UTC{offset}, from {} to {} ({}). Each row lists the time as written and the text.",
        points.len(),
        points.first().map_or("", |p| p.written.as_str()),
        points.last().map_or("", |p| p.written.as_str()),
        human(last - first)
    );
    let body = html! {
        text x="4" y=(f1(top - 14.0)) class="tick" { "Axis: times in UTC" (offset) }
        @for t in &ticks {
            line x1=(f1(x(*t))) x2=(f1(x(*t))) y1=(f1(top - 10.0)) y2=(f1(height - 6.0)) stroke="#d8d8d8" {}
            text x=(f1(x(*t))) y=(f1(top - 14.0)) text-anchor="middle" class="tick" { (clock(*t)) }
        }
        @for (j, p) in points.iter().enumerate() {
            @let cy = top + j as f64 * row_h + row_h / 2.0;
            g {
                title { (p.written) ": " (p.text) }
                @if j % 2 == 0 {
                    rect x="0" y=(f1(cy - row_h / 2.0)) width=(width) height=(row_h) fill="#f3f1f8" {}
                }
                text x="4" y=(f1(cy + 4.0)) class=(if p.milestone.is_some() { "label strong" } else { "label" }) {
                    (clip(&p.written, 24)) "  " (clip(&p.text, 34))
                }
                line x1=(left) x2=(f1(x(p.at))) y1=(f1(cy)) y2=(f1(cy)) stroke="#b9aed6" stroke-width="1" {}
                @if let Some(m) = p.milestone {
                    @let cx = x(p.at);
                    path d=(format!("M{:.1},{:.1} l6,6 l-6,6 l-6,-6 z", cx, cy - 6.0)) fill="#2b1a4f" {}
                    @if cx > right - 90.0 {
                        text x=(f1(cx - 9.0)) y=(f1(cy - 4.0)) text-anchor="end" class="tick" { (m) }
                    } @else {
                        text x=(f1(cx + 9.0)) y=(f1(cy - 4.0)) class="tick" { (m) }
                    }
                } @else {
                    circle cx=(f1(x(p.at))) cy=(f1(cy)) r="4" fill="#ffffff" stroke="#2b1a4f" stroke-width="2" {}
                }
            }
        }
    };
    html! {
        (chart_open(id, &format!("Timeline: {title}"), &desc, width as u32, height as u32, body))
    }
}

/// Seconds of an offset written `+02:00` (the form `time::format_offset` gives).
fn parse_offset(s: &str) -> i64 {
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let digits: Vec<i64> = s
        .trim_start_matches(['+', '-'])
        .split(':')
        .filter_map(|p| p.parse().ok())
        .collect();
    sign * (digits.first().copied().unwrap_or(0) * 3600 + digits.get(1).copied().unwrap_or(0) * 60)
}

fn clip(s: &str, chars: usize) -> String {
    match s.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

const CSS: &str = r#"
:root { color-scheme: light; --ink: #1d1d24; --muted: #55556a; --line: #d6d3e0; --accent: #2b1a4f; --band: #f3f1f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 1000px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 4px; font-size: 28px; color: var(--accent); }
h2 { margin: 36px 0 12px; font-size: 21px; color: var(--accent); border-bottom: 2px solid var(--band); padding-bottom: 4px; }
h3 { margin: 22px 0 8px; font-size: 17px; }
.lead { margin: 0 0 10px; color: var(--muted); }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 8px 0 12px; }
a { color: #3d2a8a; }
a:focus-visible, button:focus-visible, summary:focus-visible { outline: 3px solid #e0a100; outline-offset: 2px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { border-bottom: 2px solid var(--accent); }
td { text-align: right; }
td:first-child, td:nth-child(2) { text-align: left; }
table.summary td { min-width: 8em; }
.grid { display: flex; flex-wrap: wrap; gap: 0 28px; align-items: flex-start; }
figure { margin: 8px 0; overflow-x: auto; }
svg { max-width: 100%; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
svg .tick { fill: #44445a; font-size: 11px; }
svg .label { fill: var(--ink); font-size: 12px; }
svg .strong { font-weight: 700; }
details { margin: 4px 0 16px; }
summary { cursor: pointer; color: var(--muted); }
.scroll { overflow-x: auto; }
#report-table td:nth-child(2) { max-width: 360px; }
#report-table th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
.hint, .path { color: var(--muted); font-size: 13px; margin: 2px 0; }
ul.paths { padding-left: 20px; }
section.timeline { border-top: 1px solid var(--line); margin-top: 16px; }
footer { margin-top: 40px; padding-bottom: 30px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
@media print { nav, .hint { display: none; } details { display: block; } }
"#;

/// Click-to-sort for `table.sortable`: numeric columns sort by `data-v` when given.
/// Headings become buttons and carry `aria-sort`; without scripts nothing changes.
const SORT_SCRIPT: &str = r#"
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var value = function (row) {
        var cell = row.cells[col];
        var v = cell.getAttribute("data-v");
        return v !== null ? Number(v) : cell.textContent.trim().toLowerCase();
      };
      rows.sort(function (a, b) {
        var x = value(a), y = value(b);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"#;
