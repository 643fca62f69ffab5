use crate::diagnostic::Diagnostic;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};
use crate::time::{self, ResolveError};

declare_rule! {
    /// A zone that retrospec cannot place: an ambiguous abbreviation (`CST` is US
    /// Central, China or Cuba; `NZT` is either NZST or NZDT), an unknown one, or a
    /// `timezone` that is not an IANA name.
    ///
    /// ## Why
    /// An ambiguous zone makes the instant a guess. Times that cannot be placed
    /// are left out of every order and duration check.
    ///
    /// ## Example
    /// ```yaml
    /// milestones:
    ///   started: 2022-05-19 05:30 NZT
    /// ```
    /// Use instead: `2022-05-19 05:30 NZST` or `2022-05-19 05:30 +12:00`.
    ///
    /// A zone written on every line of a timeline is one question for the author,
    /// so it is one finding: at its first use, with the other uses as labels.
    ///
    /// An abbreviation used as an organisation's or a group's name is no zone:
    /// `10:40 IST staff restarted the hosts`, `IST's notice`, or any use in a
    /// report that spells it out beside it (`Information Services and Technology
    /// (IST)`).
    pub struct UnknownZone = "RS204", "unknown-zone", Error;
}

impl Rule for UnknownZone {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if let Some(name) = cx.model.timezone.as_deref()
            && cx.times.default_zone.is_none()
        {
            let mut d = Diagnostic::new(
                &Self::INFO,
                cx.span(&Ptr::timezone()),
                format!("`{name}` is not an IANA time zone name"),
            );
            d = match time::abbreviation(name) {
                Some(abbr) => d.with_help(format!(
                    "write the region's name, for example `{}`",
                    abbr.region
                )),
                None => {
                    d.with_help("use a name such as `Europe/Paris`, `America/New_York` or `UTC`")
                }
            };
            out.push(d);
        }
        // One finding per zone text (compared without case), at its first use in
        // the text; later uses become labels of it.
        let mut found: Vec<(String, Diagnostic)> = Vec::new();
        let mut names = time::NameUses::new(cx.text);
        for value in cx.times.all() {
            let (text, diagnostic) = match &value.resolved {
                Some(Err(ResolveError::Ambiguous { text, meanings })) => (
                    text,
                    Diagnostic::new(
                        &Self::INFO,
                        cx.span_within(&value.pointer, text),
                        format!("`{text}` is ambiguous: it can mean {}", meanings.join("; ")),
                    )
                    .with_help("write the UTC offset the clocks showed (for example `-06:00`), or an IANA zone name as `timezone:` and leave the abbreviation out"),
                ),
                Some(Err(ResolveError::UnknownZone(text))) => (
                    text,
                    Diagnostic::new(
                        &Self::INFO,
                        cx.span_within(&value.pointer, text),
                        format!("`{text}` is not a time zone retrospec knows"),
                    )
                    .with_help("write `UTC`, an offset such as `+02:00`, an IANA name such as `Europe/Paris`, or a common abbreviation such as `CEST`"),
                ),
                _ => continue,
            };
            // An organisation's name read after a clock ("10:40 IST staff restarted
            // the hosts", "IST" spelled out as a department elsewhere): no zone.
            if names.is_name(diagnostic.span.start..diagnostic.span.end) {
                continue;
            }
            found.push((text.to_lowercase(), diagnostic));
        }
        found.sort_by_key(|(_, d)| d.span.start);
        let mut kept: Vec<(String, Diagnostic)> = Vec::new();
        for (key, diagnostic) in found {
            match kept.iter_mut().find(|(k, _)| *k == key) {
                Some((_, first)) => {
                    if first.span != diagnostic.span
                        && !first.labels.iter().any(|l| l.span == diagnostic.span)
                    {
                        let again = format!("`{}` again", diagnostic.span.slice(cx.text));
                        first.labels.push(crate::diagnostic::Label {
                            span: diagnostic.span,
                            message: again,
                        });
                    }
                }
                None => kept.push((key, diagnostic)),
            }
        }
        for (_, mut diagnostic) in kept {
            match diagnostic.labels.len() {
                0 => {}
                1 => diagnostic.message.push_str(" (written once more)"),
                more => diagnostic
                    .message
                    .push_str(&format!(" (written {more} more times)")),
            }
            out.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::Format;

    fn rs204(text: &str) -> Vec<crate::Diagnostic> {
        crate::check(text, Format::Markdown)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "RS204")
            .collect()
    }

    #[test]
    fn a_zone_written_on_every_line_is_one_finding_with_labels() {
        let text = "# Chain halted\n\nDate: 2023-09-20.\n\n## Timeline\n\n- 13:50 XYZT first report\n- 14:00 XYZT investigation\n- 14:32 XYZT halt confirmed\n- 15:10 CST validators upgraded\n- 15:20 CST chain resumed\n";
        let found = rs204(text);
        assert_eq!(found.len(), 2, "{found:#?}");
        // At the first use in the text, the other uses as labels.
        let unknown = &found[0];
        assert_eq!(unknown.span.slice(text), "XYZT");
        assert!(
            text[..unknown.span.start].ends_with("13:50 "),
            "{unknown:?}"
        );
        assert_eq!(unknown.labels.len(), 2, "{unknown:?}");
        assert!(
            unknown.message.ends_with("(written 2 more times)"),
            "{}",
            unknown.message
        );
        let ambiguous = &found[1];
        assert_eq!(ambiguous.labels.len(), 1, "{ambiguous:?}");
        assert!(
            ambiguous.message.ends_with("(written once more)"),
            "{}",
            ambiguous.message
        );
    }

    #[test]
    fn a_zone_written_once_has_no_count() {
        let found = rs204(
            "# Chain halted\n\nDate: 2023-09-20.\n\n## Timeline\n\n- 13:50 CST first report\n- 14:00 UTC investigation\n",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].labels.is_empty() && !found[0].message.contains("written"),
            "{:?}",
            found[0]
        );
    }
}
