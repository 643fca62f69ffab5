use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule};
use crate::suggest::display_path;

declare_rule! {
    /// A timeline time without a date went backwards, so retrospec read it as the
    /// next day (the timeline ran past midnight).
    ///
    /// ## Why
    /// `23:40` followed by `00:15` almost always means a quarter past midnight,
    /// and every duration after it depends on that reading. It is still an
    /// inference: a reviewer asks for the date, because an entry written out of
    /// order reads exactly the same. A date on the entry, or a date line above it,
    /// confirms the day and this finding goes away.
    ///
    /// ## Example
    /// ```yaml
    /// timeline:
    ///   - time: 2024-06-10 23:40 UTC
    ///     text: Disk usage alert on the primary
    ///   - time: 00:15 UTC
    ///     text: Primary stops accepting writes
    /// ```
    /// Use instead: `2024-06-11 00:15 UTC`, or a `### 2024-06-11` line above the entry.
    pub struct MidnightRollover = "RS215", "midnight-rollover", Info;
}

impl Rule for MidnightRollover {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for value in cx.times.timeline.iter().flatten() {
            if !value.rolled_over {
                continue;
            }
            let Some(resolved) = value.instant() else {
                continue;
            };
            let time = value
                .parsed
                .as_ref()
                .map_or(String::new(), |p| p.time.strftime("%H:%M").to_string());
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    cx.span(&value.pointer),
                    format!(
                        "`{}` ({time}) comes before the entry above it, so it is read as the next day, {}",
                        display_path(&value.pointer),
                        resolved.date
                    ),
                )
                .with_help(format!(
                    "write the date to confirm it (`{} {time}`), or a date line above the entry",
                    resolved.date
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::Format;
    use crate::rules::spans_of;

    const HEAD: &str = "title: t\nstatus: draft\ntimezone: UTC\n";

    #[test]
    fn a_time_going_backwards_is_read_as_the_next_day_and_said() {
        let text = format!(
            "{HEAD}timeline:\n  - time: 2024-06-10 23:40\n    text: a\n  - time: '00:15'\n    text: b\n  - time: '00:20'\n    text: c\n"
        );
        assert_eq!(spans_of("RS215", &text, Format::Yaml), ["'00:15'"]);
    }

    #[test]
    fn a_written_date_confirms_the_day() {
        let text = format!(
            "{HEAD}timeline:\n  - time: 2024-06-10 23:40\n    text: a\n  - time: 2024-06-11 00:15\n    text: b\n"
        );
        assert!(spans_of("RS215", &text, Format::Yaml).is_empty());
        let text = format!(
            "{HEAD}timeline:\n  - time: 2024-06-10 10:40\n    text: a\n  - time: '11:15'\n    text: b\n"
        );
        assert!(spans_of("RS215", &text, Format::Yaml).is_empty());
    }
}
