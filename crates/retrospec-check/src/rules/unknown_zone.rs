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
        for value in cx.times.all() {
            match &value.resolved {
                Some(Err(ResolveError::Ambiguous { text, meanings })) => out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        cx.span_within(&value.pointer, text),
                        format!("`{text}` is ambiguous: it can mean {}", meanings.join("; ")),
                    )
                    .with_help("write the UTC offset the clocks showed (for example `-06:00`), or an IANA zone name as `timezone:` and leave the abbreviation out"),
                ),
                Some(Err(ResolveError::UnknownZone(text))) => out.push(
                    Diagnostic::new(
                        &Self::INFO,
                        cx.span_within(&value.pointer, text),
                        format!("`{text}` is not a time zone retrospec knows"),
                    )
                    .with_help("write `UTC`, an offset such as `+02:00`, an IANA name such as `Europe/Paris`, or a common abbreviation such as `CEST`"),
                ),
                _ => {}
            }
        }
    }
}
