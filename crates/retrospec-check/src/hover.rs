//! What an editor shows when the cursor rests on part of a report: the field's
//! documentation (from the schema descriptions), a severity level's definition,
//! and for a time its UTC value and its offset from the start of the incident.

use retrospec_model::Milestone;

use crate::config::Config;
use crate::parse::Parsed;
use crate::span::Span;
use crate::times::{TimeValue, Times};
use crate::tree::{Node, Value};
use crate::validate;

/// Hover content (Markdown) and the span it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    /// The text to show, in Markdown.
    pub markdown: String,
    /// The key or value it describes.
    pub span: Span,
}

/// How the claim under `offset` was read, as hover text.
pub(crate) fn claim_hover(claims: &[crate::claims::Claim], offset: usize) -> Option<Hover> {
    use crate::claims::{Qualifier, Verdict};
    let claim = claims
        .iter()
        .find(|c| c.span.start <= offset && offset <= c.span.end)?;
    let human = |s: i64| crate::metrics::human(s);
    let [low, high] = claim.stated;
    let value = match claim.qualifier {
        Qualifier::Exact => human(low),
        Qualifier::Approximate => format!("about {}", human(low)),
        Qualifier::AtLeast => format!("at least {}", human(low)),
        Qualifier::AtMost => format!("at most {}", human(high)),
        Qualifier::JustOver => format!("a little over {}", human(low)),
        Qualifier::JustUnder => format!("a little under {}", human(high)),
        Qualifier::Range | Qualifier::Vague => format!("{} to {}", human(low), human(high)),
    };
    let measures = match claim.measures {
        "incident" => "the incident's length".to_string(),
        "unknown" => "unclear, so it is not compared".to_string(),
        "window" => "the length of the window beside it".to_string(),
        "between_events" => "the time between two events".to_string(),
        key => key.replace('_', " "),
    };
    let mut lines = vec![format!(
        "**Stated duration** `{}`: {value}; measures {measures}",
        claim.text
    )];
    if let (Some(compared), Some([lo, hi])) = (&claim.compared_with, claim.accepted) {
        let source = if compared.source == "timeline" {
            format!("the timeline, {} to {}", compared.from, compared.to)
        } else {
            format!("{} to {}", compared.from, compared.to)
        };
        let band = match (lo, hi) {
            (Some(lo), Some(hi)) => format!("{} to {}", human(lo.max(0)), human(hi)),
            (Some(lo), None) => format!("{} or more", human(lo.max(0))),
            (None, Some(hi)) => format!("up to {}", human(hi)),
            (None, None) => "any".to_string(),
        };
        let verdict = match claim.verdict {
            Verdict::Agrees => "agrees",
            Verdict::Contradicts => "**contradicts**",
            Verdict::NotCompared => "not compared",
        };
        lines.push(format!(
            "compared with {source}: **{}**; accepted {band}; {verdict}",
            human(compared.seconds)
        ));
    } else if let Some(note) = &claim.note {
        lines.push(format!("not compared: {note}"));
    } else if claim.measures != "unknown" {
        lines.push("not compared: the report's times do not give it".to_string());
    }
    Some(Hover {
        markdown: lines.join("  \n"),
        span: claim.span,
    })
}

/// The hover at byte `offset` of a parsed report whose times are `times` (the
/// check's own: [`crate::Analysis::hover`] is the way in).
pub(crate) fn hover(
    parsed: &Parsed,
    times: &Times,
    offset: usize,
    config: &Config,
) -> Option<Hover> {
    let (pointer, span, on_key) = locate(&parsed.tree, offset, String::new())?;
    let field = crate::suggest::display_path(&pointer);
    let mut parts = Vec::new();
    if pointer.ends_with("/time") || pointer.starts_with("/milestones/") {
        if let Some(value) = times.all().find(|v| v.pointer == pointer) {
            parts.extend(time_text(value, times));
        }
        if let Some(name) = pointer.strip_prefix("/milestones/") {
            parts.extend(metrics_text(name, times));
        }
    }
    // A report read as written: say how a milestone was read from the words.
    if let Some(reading) = &parsed.freeform
        && let Some(entry) = pointer
            .strip_suffix("/time")
            .or_else(|| pointer.strip_suffix("/milestone"))
            .or_else(|| pointer.strip_suffix("/text"))
        && let Some(read) = reading.milestones.iter().find(|m| m.entry == entry)
    {
        parts.push(format!(
            "milestone **{}**, read from {}",
            read.milestone, read.read_from
        ));
    }
    if !on_key
        && pointer == "/severity"
        && let Some(level) = parsed
            .tree
            .pointer(&pointer)
            .and_then(|(n, _)| n.as_str().map(str::to_string))
        && let Some(defined) = config.severity.level(&level)
    {
        let rank = config.severity.rank(&level).map_or(0, |r| r + 1);
        let of = config.severity.levels.len();
        let description = if defined.description.is_empty() {
            "no description configured".to_string()
        } else {
            defined.description.clone()
        };
        parts.push(format!(
            "**{level}** (level {rank} of {of}, worst first): {description}"
        ));
    }
    if let Some(description) = validate::field_description(&pointer) {
        parts.push(format!("`{field}`: {}", description.replace('\n', " ")));
    }
    (!parts.is_empty()).then(|| Hover {
        markdown: parts.join("\n\n"),
        span,
    })
}

/// The deepest key or value containing `offset`: (pointer, span, whether it is a key).
fn locate(node: &Node, offset: usize, pointer: String) -> Option<(String, Span, bool)> {
    let contains =
        |s: Span| s.start <= offset && offset <= s.end && !(s.is_empty() && s.start != offset);
    match &node.value {
        Value::Map(entries) => {
            for entry in entries {
                let child = format!(
                    "{pointer}/{}",
                    entry.key.replace('~', "~0").replace('/', "~1")
                );
                if contains(entry.key_span) && !contains(entry.value.span) {
                    return Some((child, entry.key_span, true));
                }
                if contains(entry.value.span) {
                    return locate(&entry.value, offset, child.clone()).or(Some((
                        child,
                        entry.value.span,
                        false,
                    )));
                }
            }
            None
        }
        Value::Seq(items) => items
            .iter()
            .enumerate()
            .find(|(_, n)| contains(n.span))
            .and_then(|(i, n)| {
                let child = format!("{pointer}/{i}");
                locate(n, offset, child.clone()).or(Some((child, n.span, false)))
            }),
        _ => None,
    }
}

fn time_text(value: &TimeValue, times: &Times) -> Option<String> {
    let resolved = value.instant()?;
    let utc = resolved.timestamp.strftime("%Y-%m-%d %H:%M UTC");
    let mut text = format!(
        "**{utc}** (UTC{})",
        crate::time::format_offset(resolved.offset)
    );
    if let Some(start) = times
        .milestone(Milestone::Started)
        .and_then(TimeValue::instant)
    {
        let minutes = (resolved.timestamp.as_second() - start.timestamp.as_second()) / 60;
        let offset = crate::assist::format_minutes(minutes);
        text.push_str(&format!(", T{offset} from the start of impact"));
    }
    if let Some(note) = &times.named.note
        && value.report_zone.is_some()
        && value.report_zone == times.named.adopted
    {
        text.push_str(&format!("; {note}"));
    }
    Some(text)
}

/// The metrics milestone `name` takes part in, one line each.
fn metrics_text(name: &str, times: &Times) -> Option<String> {
    let lines: Vec<String> = crate::metrics::compute(times)
        .iter()
        .filter(|m| m.from.as_str() == name || m.to.as_str() == name)
        .map(|m| {
            format!(
                "{}: **{}** ({} to {})",
                m.definition.name,
                m.human,
                m.from.as_str(),
                m.to.as_str()
            )
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join("  \n"))
}

#[cfg(test)]
mod tests {
    use super::Hover;
    use crate::{Analysis, Config, Format};

    fn hover(text: &str, format: Format, offset: usize) -> Option<Hover> {
        hover_with(text, format, offset, &Config::default())
    }

    fn hover_with(text: &str, format: Format, offset: usize, config: &Config) -> Option<Hover> {
        Analysis::new(text, format, config).hover(offset)
    }

    #[test]
    fn a_claim_hover_says_how_it_was_read() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2023-07-01 10:51 CEST\n  resolved: 2023-07-01 12:26 CEST\nsummary: The outage lasted about 1h30m.\n";
        let at = text.find("1h30m").unwrap_or(0) + 1;
        let h = hover(text, Format::Yaml, at).expect("hover on a claim");
        assert_eq!(h.span.slice(text), "about 1h30m");
        assert!(
            h.markdown
                .contains("about 1h 30m; measures the incident's length")
                && h.markdown.contains("started to resolved: **1h 35m**")
                && h.markdown.contains("agrees"),
            "{}",
            h.markdown
        );
    }

    #[test]
    fn a_relative_claim_not_compared_says_why_on_hover() {
        let text = "title: t\nstatus: draft\nsummary: The change was rolled back 20 minutes after the deploy.\ntimeline:\n  - time: 2023-07-01 10:00 UTC\n    text: Change deployed to one region\n  - time: 2023-07-01 10:05 UTC\n    text: Change deployed to the other region\n  - time: 2023-07-01 10:30 UTC\n    text: Change rolled back\n";
        let at = text.find("20 minutes").unwrap_or(0) + 1;
        let h = hover(text, Format::Yaml, at).expect("hover on a claim");
        assert!(
            h.markdown.contains("measures the time between two events")
                && h.markdown.contains(
                    "not compared: relative claim: 2 timeline entries say a deploy went out"
                ),
            "{}",
            h.markdown
        );
    }

    #[test]
    fn hovers_show_documentation_times_and_levels() {
        let text = "title: t\nstatus: draft\nseverity: SEV2\nmilestones:\n  started: 2024-06-10 16:05 CEST\ntimeline:\n  - time: 2024-06-10 16:19 CEST\n    text: Alert\n";
        let at = |needle: &str| text.find(needle).unwrap_or(0) + 1;
        let key = hover(text, Format::Yaml, at("status")).expect("hover on a key");
        assert!(
            key.markdown.contains("review lifecycle"),
            "{}",
            key.markdown
        );
        let level = hover(text, Format::Yaml, at("SEV2")).expect("hover on a severity");
        assert!(
            level
                .markdown
                .contains("**SEV2** (level 2 of 5, worst first): Major"),
            "{}",
            level.markdown
        );
        let time = hover(text, Format::Yaml, at("2024-06-10 16:19")).expect("hover on a time");
        assert!(
            time.markdown.contains("14:19 UTC") && time.markdown.contains("T+14m"),
            "{}",
            time.markdown
        );
        assert_eq!(hover(text, Format::Yaml, text.len() + 5), None);
    }

    #[test]
    fn a_time_that_took_the_only_zone_named_says_so_on_hover() {
        let text = "# Outage\n\nWe kept our notes in PST, as the pager does.\n\n## Timeline\n\n- 2024-01-10 16:05 Service degradation began\n";
        let at = text.find("16:05").expect("time");
        let hover = hover(text, Format::Markdown, at).expect("hover");
        assert!(
            hover
                .markdown
                .contains("zone taken from `PST` on line 3, the only zone the report names"),
            "{}",
            hover.markdown
        );
    }

    #[test]
    fn a_milestone_read_from_words_says_so_on_hover() {
        let text = "# Outage\n\n## Timeline\n\n- 2024-06-10 16:05 UTC Service degradation began\n";
        let at = text.find("16:05").expect("time");
        let hover = hover(text, Format::Markdown, at).expect("hover");
        assert!(
            hover.markdown.contains(
                "milestone **started**, read from timeline text 'Service degradation began'"
            ),
            "{}",
            hover.markdown
        );
    }

    #[test]
    fn milestone_hovers_show_their_metrics() {
        let text = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05 CEST\n  detected: 2024-06-10 16:10 CEST\n  acknowledged: 2024-06-10 16:20 CEST\n  resolved: 2024-06-10 17:20 CEST\n";
        let at = |needle: &str| text.find(needle).unwrap_or(0) + 1;
        let detected = hover(text, Format::Yaml, at("detected")).expect("hover on a key");
        assert!(
            detected
                .markdown
                .contains("Time to detect: **5m** (started to detected)")
                && detected
                    .markdown
                    .contains("Time to acknowledge: **10m** (detected to acknowledged)")
                && !detected.markdown.contains("Time to resolve"),
            "{}",
            detected.markdown
        );
        let resolved = hover(text, Format::Yaml, at("2024-06-10 17:20")).expect("hover on a value");
        assert!(
            resolved
                .markdown
                .contains("Time to resolve: **1h 15m** (started to resolved)"),
            "{}",
            resolved.markdown
        );
        let started = hover(text, Format::Yaml, at("started")).expect("hover");
        assert!(
            !started.markdown.contains("Time to mitigate"),
            "{}",
            started.markdown
        );
    }

    #[test]
    fn hovers_follow_the_configuration() {
        let (config, diagnostics) = Config::parse(
            "timezone = \"Europe/Paris\"\n[[severity.levels]]\nname = \"critical\"\ndescription = \"Customers cannot work.\"\n[[severity.levels]]\nname = \"minor\"\n",
        );
        assert_eq!(diagnostics, []);
        let text = "title: t\nstatus: draft\nseverity: critical\nmilestones:\n  started: 2024-06-10 16:05\n";
        let at = |needle: &str| text.find(needle).unwrap_or(0) + 1;
        let level = hover_with(text, Format::Yaml, at("critical"), &config).expect("level");
        assert!(
            level
                .markdown
                .contains("**critical** (level 1 of 2, worst first): Customers cannot work."),
            "{}",
            level.markdown
        );
        let time = hover_with(text, Format::Yaml, at("2024-06-10"), &config).expect("time");
        assert!(time.markdown.contains("14:05 UTC"), "{}", time.markdown);
    }
}
