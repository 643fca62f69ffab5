//! The rules beyond the schema: one file per rule, each a unit struct declared
//! with `declare_rule!`, whose doc comment is its documentation (printed by
//! `retrospec explain` and rendered into `docs/rules/`).
//!
//! Adding a rule: create `rules/<name>.rs`, declare it with the next free code in
//! its range (with its fix kind and the status it applies from, if any), add it
//! with `rule` to the one list in `registry.rs`, and add fixtures under
//! `tests/fixtures/<code>/` (see CONTRIBUTING.md).
//!
//! [`crate::registry::run`] reads each rule's metadata before running it: a rule whose status gate
//! the report has not reached, or that `[rules]` turns off, does not run.

use retrospec_model::Postmortem;

use crate::config::{Config, SeverityLevel};
use crate::diagnostic::{CodeInfo, Diagnostic};
use crate::parse::{Format, Parsed};
use crate::span::Span;
use crate::times::Times;
use crate::tree::Node;

pub mod action_item_due;
pub mod action_item_owner;
pub mod action_item_status;
pub mod action_item_tracking;
pub mod ambiguous_date;
pub mod blame_word;
pub mod counterfactual;
pub mod impact_unquantified;
pub mod invalid_time;
pub mod midnight_rollover;
pub mod milestone_entry;
pub mod milestone_marker_time;
pub mod milestone_order;
pub mod milestone_words;
pub mod missing_section;
pub mod missing_zone;
pub mod mixed_zones;
pub mod paired_clocks;
pub mod person_in_cause;
pub mod placeholder;
pub mod prevent_item_required;
pub mod report_date;
pub mod role_in_cause;
pub mod stated_duration;
pub mod status_text;
pub mod summary_times;
pub(crate) mod time_errors;
pub mod timeline_order;
pub mod unknown_service;
pub mod unknown_time;
pub mod unknown_zone;
pub mod vague_action_item;
pub mod weekday_mismatch;
pub mod words;
pub mod zone_season;

/// Everything a rule may look at. Rules read; they never parse or do I/O.
#[derive(Debug)]
pub struct Context<'a> {
    /// The file's text.
    pub text: &'a str,
    /// The file's text with ASCII letters lowercased: the same byte offsets, for
    /// case-insensitive literal searches that keep their fast prefilters.
    pub lowercase: &'a str,
    /// Its form.
    pub format: Format,
    /// The spanned tree.
    pub parsed: &'a Parsed,
    /// The model (values the schema rejected are left out).
    pub model: &'a Postmortem,
    /// Every time, parsed and resolved.
    pub times: &'a Times,
    /// The project configuration (defaults when there is no `retrospec.toml`).
    pub config: &'a Config,
    /// The report's time claims, read once on first use ([`Context::claims`]).
    pub claims: std::sync::OnceLock<Vec<crate::claims::Claim>>,
    /// What is not prose in `text` (code, quoted logs and mails, URLs), computed on first use
    /// by [`Context::masks`]: once per report, shared by every word rule.
    pub masks: std::sync::OnceLock<words::Masks>,
    /// Every string of the tree, walked once on first use (`Context::strings`).
    pub strings: crate::claims::Strings<'a>,
}

/// Whether `text` may state incident scopes: every scope is read from two or more
/// headings (`##` to `######`) or bold lines (`**...**`, `__...__`), so a text
/// without those marks has none, and is not read line by line for them.
fn may_have_scopes(text: &str) -> bool {
    crate::scan::has_doubled_mark(text)
}

impl<'a> Context<'a> {
    /// The durations the report states, read and compared once for every rule.
    pub fn claims(&self) -> &[crate::claims::Claim] {
        self.claims.get_or_init(|| {
            crate::claims::read(&crate::claims::Inputs {
                text: self.text,
                tree: &self.parsed.tree,
                model: self.model,
                times: self.times,
                config: self.config,
                events: std::cell::OnceCell::new(),
                relative: Default::default(),
                strings: self.strings(),
                // Read once by the free-form reader; read here for other reports,
                // unless the text has no heading for a scope (`##`) nor a bold
                // line (`**`, `__`): most reports in retrospec's form (perf11).
                scopes: self.parsed.freeform.as_ref().map_or_else(
                    || {
                        if may_have_scopes(self.text) {
                            crate::parse::freeform::scope::Scopes::read(self.text)
                        } else {
                            Default::default()
                        }
                    },
                    |r| r.scopes.clone(),
                ),
            })
        })
    }

    /// Every string value of the tree, with its JSON pointer and whether it is
    /// prose, walked once per report.
    pub(crate) fn strings(&self) -> &[(String, &'a Node, bool)] {
        self.strings.of(&self.parsed.tree)
    }

    /// The regions of the text that are not prose, computed once per report.
    pub fn masks(&self) -> &words::Masks {
        self.masks
            .get_or_init(|| words::Masks::new(self.text, self.format))
    }

    /// The node at a JSON pointer.
    pub fn node(&self, pointer: &str) -> Option<&Node> {
        self.parsed.tree.pointer(pointer).map(|(n, _)| n)
    }

    /// The node of timeline entry `i`'s text: [`Context::node`] of
    /// `/timeline/i/text` without building and walking the pointer, for the rules
    /// that read every entry (a 2,500-entry timeline paid 3 M instructions for
    /// the pointers of one rule).
    pub fn entry_text(&self, i: usize) -> Option<&'a Node> {
        match &self.parsed.tree.entry("timeline")?.value.value {
            crate::tree::Value::Seq(items) => items.get(i)?.entry("text").map(|e| &e.value),
            _ => None,
        }
    }

    /// The span of the value at `pointer`, or the report's anchor.
    pub fn span(&self, pointer: &str) -> Span {
        self.node(pointer).map_or(self.parsed.anchor, |n| n.span)
    }

    /// The span of the key that holds the value at `pointer`, else of the value.
    pub fn key_span(&self, pointer: &str) -> Span {
        match self.parsed.tree.pointer(pointer) {
            Some((_, Some(entry))) => entry.key_span,
            Some((node, None)) => node.span,
            None => self.parsed.anchor,
        }
    }

    /// The report's severity level on the configured scale, when it names one.
    pub fn severity_level(&self) -> Option<&'a SeverityLevel> {
        let name = self.model.severity.as_deref()?;
        self.config.severity.level(name)
    }

    /// How messages name action item `i`: by its title, or by its place when untitled.
    pub fn action_item_name(&self, i: usize) -> String {
        match self
            .model
            .action_items
            .get(i)
            .map_or("", |item| item.title.trim())
        {
            "" => format!("`action_items[{i}]`"),
            title => format!("action item \"{title}\""),
        }
    }

    /// The span of `value[range]` inside the value at `pointer`, where `value` is the
    /// value's text as read. The value's text may differ from the file (YAML
    /// escapes, folded Markdown lines), so the same words are found in the file by
    /// counting: the n-th occurrence in the value is taken to be the n-th in the
    /// file. When the file has fewer, the whole value.
    pub fn span_of_match(&self, pointer: &str, value: &str, range: std::ops::Range<usize>) -> Span {
        let span = self.span(pointer);
        let Some(needle) = value.get(range.clone()).filter(|n| !n.is_empty()) else {
            return span;
        };
        let nth = value[..range.start].matches(needle).count();
        match span.slice(self.text).match_indices(needle).nth(nth) {
            Some((i, _)) => Span::new(span.start + i, span.start + i + needle.len()),
            None => span,
        }
    }

    /// The span of `needle` inside the value at `pointer` (its last occurrence,
    /// as written in the file), else the whole value.
    pub fn span_within(&self, pointer: &str, needle: &str) -> Span {
        let span = self.span(pointer);
        match span.slice(self.text).rfind(needle) {
            Some(i) if !needle.is_empty() => {
                Span::new(span.start + i, span.start + i + needle.len())
            }
            _ => span,
        }
    }
}

/// Places words found in a value's text in the file as written, where the two may
/// differ (YAML escapes, folded Markdown lines): the n-th occurrence of a word in
/// the value is taken to be its n-th in the file. Matches must be asked for in
/// increasing order per word (as `find_iter` gives them); each word keeps a cursor
/// in both texts, so placing every match of a value costs one pass over each text
/// instead of one per match (counting from the start each time was quadratic: a
/// 10 MB value full of `TODO` took minutes).
#[derive(Debug)]
pub struct Placer<'a> {
    value: &'a str,
    source: &'a str,
    base: usize,
    /// Per word: (position counted to in the value, occurrences before it, position
    /// searched to in the file, occurrences consumed there).
    cursors: Vec<(&'a str, usize, usize, usize, usize)>,
}

impl<'a> Placer<'a> {
    /// For `value`, read from `source`, which starts at byte `base` of the file.
    pub fn new(value: &'a str, source: &'a str, base: usize) -> Self {
        Placer {
            value,
            source,
            base,
            cursors: Vec::new(),
        }
    }

    /// The file span of the match at `range` of the value, or `None` when the file
    /// holds fewer occurrences of the word than the value.
    pub fn place(&mut self, range: std::ops::Range<usize>) -> Option<Span> {
        let needle = self.value.get(range.clone()).filter(|n| !n.is_empty())?;
        if self.value.len() == self.source.len() && self.source.get(range.clone()) == Some(needle) {
            return Some(Span::new(self.base + range.start, self.base + range.end));
        }
        let i = match self.cursors.iter().position(|c| c.0 == needle) {
            Some(i) => i,
            None => {
                self.cursors.push((needle, 0, 0, 0, 0));
                self.cursors.len() - 1
            }
        };
        let cursor = &mut self.cursors[i];
        if range.start < cursor.1 {
            *cursor = (needle, 0, 0, 0, 0);
        }
        cursor.2 += self.value[cursor.1..range.start].matches(needle).count();
        cursor.1 = range.start;
        let nth = cursor.2;
        while cursor.4 <= nth {
            let at = cursor.3 + self.source.get(cursor.3..)?.find(needle)?;
            cursor.4 += 1;
            cursor.3 = at + needle.len();
            if cursor.4 > nth {
                return Some(Span::new(self.base + at, self.base + at + needle.len()));
            }
        }
        None
    }
}

/// A rule's metadata, implemented by `declare_rule!`.
pub trait Declared {
    /// The rule's code, name, severity, fix kind, status gate and documentation.
    fn info(&self) -> &'static CodeInfo;
}

/// A check beyond the schema.
pub trait Rule: Declared + Sync + Send {
    /// Adds the rule's findings to `out`; called only for reports its metadata
    /// says it applies to.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// Declares a rule: a unit struct whose doc comment is its documentation, or, for
/// a code the readers below the rules report too (`= codes::NAME`), a rule whose
/// metadata and documentation are that code's in `codes.rs`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:expr])*
        $vis:vis struct $name:ident = codes::$code:ident;
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $name;

        impl $name {
            /// The rule's code, name, default severity, fix kind, status gate and documentation.
            pub const INFO: $crate::diagnostic::CodeInfo = $crate::codes::$code;
        }

        impl $crate::rules::Declared for $name {
            fn info(&self) -> &'static $crate::diagnostic::CodeInfo {
                &Self::INFO
            }
        }
    };
    (
        $(#[doc = $doc:expr])*
        $vis:vis struct $name:ident = $code:literal, $rule:literal, $severity:ident
        $(, fix: $fix:ident)? $(, from: $from:ident)?;
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $name;

        impl $name {
            /// The rule's code, name, default severity, fix kind, status gate and documentation.
            pub const INFO: $crate::diagnostic::CodeInfo = $crate::diagnostic::CodeInfo {
                code: $code,
                name: $rule,
                severity: $crate::diagnostic::Severity::$severity,
                fix: declare_rule!(@fix $($fix)?),
                from: declare_rule!(@from $($from)?),
                doc: concat!($($doc, "\n"),*),
            };
        }

        impl $crate::rules::Declared for $name {
            fn info(&self) -> &'static $crate::diagnostic::CodeInfo {
                &Self::INFO
            }
        }
    };
    (@fix) => { $crate::diagnostic::FixKind::None };
    (@fix $fix:ident) => { $crate::diagnostic::FixKind::$fix };
    (@from) => { None };
    (@from $from:ident) => { Some(retrospec_model::Status::$from) };
}
pub(crate) use declare_rule;

/// The text under each finding of `code` in `text`: the rule tests' shared probe.
#[cfg(test)]
pub(crate) fn spans_of<'t>(code: &str, text: &'t str, format: Format) -> Vec<&'t str> {
    crate::check(text, format)
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.span.slice(text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::may_have_scopes;
    use crate::parse::freeform::scope::Scopes;

    #[test]
    fn a_text_without_heading_or_bold_marks_has_no_scopes() {
        let two = "# May digest\n\n## Incident 1: checkout errors\n\n- 10:00 errors\n- 10:40 fixed\n\n## Incident 2: search outage\n\n- 14:00 down\n- 15:30 back\n";
        assert!(may_have_scopes(two));
        assert!(!Scopes::read(two).is_empty());
        let plain = two.replace('#', "");
        assert!(!may_have_scopes(&plain));
        assert!(Scopes::read(&plain).is_empty());
        let bold = "**2025-05-12: API latency**\n\nslow\n\n**2025-05-19: API errors**\n\nerrors\n";
        assert!(may_have_scopes(bold));
        // Over every report the repository has: the gate never hides a scope.
        for (path, text) in crate::gated::corpus() {
            if !may_have_scopes(&text) {
                assert!(Scopes::read(&text).is_empty(), "{}", path.display());
            }
        }
    }
}
