use crate::diagnostic::Diagnostic;
use crate::rules::{Context, Rule, declare_rule};
use crate::suggest::display_path;

declare_rule! {
    /// RS215, declared with its documentation in `codes.rs` (`MIDNIGHT_ROLLOVER`): the
    /// readers below the rules report it too.
    pub struct MidnightRollover = codes::MIDNIGHT_ROLLOVER;
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
