//! The page's charts: inline SVG drawn from the figures, each with a `<title>`, a
//! `<desc>` and a data table beside it. Severity levels differ in lightness and
//! pattern, so they stay apart in greyscale.

use maud::{Markup, html};
use retrospec_check::insights::{Count, Durations, Figures, GroupBy, Timeline};
use retrospec_check::metrics::human;

use super::{by_name, capitalise, clip, key, summary_text};

/// Fills of the severity levels, worst first: darkest to lightest, so the order
/// reads in greyscale too; every other level also has a pattern.
pub(super) const FILLS: [&str; 6] = [
    "#2b1a4f", "#5b3f8c", "#8a76b8", "#b9aed6", "#e4def0", "#f7f7f7",
];

pub(super) fn fill(i: usize, chart: &str) -> String {
    if i % 2 == 1 {
        format!("url(#{chart}-p{i})")
    } else {
        FILLS[i.min(FILLS.len() - 1)].to_string()
    }
}

/// The patterns of the odd levels (diagonal lines over the level's colour).
pub(super) fn patterns(chart: &str, levels: usize) -> Markup {
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

pub(super) fn chart_open(
    id: &str,
    title: &str,
    desc: &str,
    width: u32,
    height: u32,
    body: Markup,
) -> Markup {
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

pub(super) fn stacked_chart(figures: &Figures) -> Markup {
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
pub(super) fn axis_ticks(max: usize) -> Vec<usize> {
    let step = [
        1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000,
    ]
    .into_iter()
    .find(|s| max / s <= 5)
    .unwrap_or(100_000);
    (0..=max / step).map(|i| i * step).collect()
}

pub(super) fn f1(v: f64) -> String {
    format!("{v:.1}")
}

/// Ticks of the logarithmic duration axis.
pub(super) const DURATION_TICKS: [i64; 8] = [
    60,
    600,
    3600,
    6 * 3600,
    86_400,
    7 * 86_400,
    30 * 86_400,
    365 * 86_400,
];

pub(super) fn range_chart(figures: &Figures) -> Markup {
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

pub(super) fn completion_chart(figures: &Figures) -> Markup {
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

pub(super) fn rules_chart(figures: &Figures) -> Markup {
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

pub(super) fn timeline_chart(id: &str, title: &str, timeline: &Timeline) -> Markup {
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
pub(super) fn parse_offset(s: &str) -> i64 {
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let digits: Vec<i64> = s
        .trim_start_matches(['+', '-'])
        .split(':')
        .filter_map(|p| p.parse().ok())
        .collect();
    sign * (digits.first().copied().unwrap_or(0) * 3600 + digits.get(1).copied().unwrap_or(0) * 60)
}
