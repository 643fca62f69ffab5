//! The one list of diagnostic codes (after ruff's `map_codes`): every code in
//! order, the codes no rule reports ([`crate::codes`]) and the rules with theirs.
//! It generates [`ALL`] (explain, `retrospec rules`, `docs/rules/`, SARIF) and
//! `RULES`, what a check runs. The top of the core's imports: it names every
//! rule, so nothing a rule depends on may import it (`tests/module_graph.rs`).

use crate::codes::*;
use crate::config::RuleLevel;
#[cfg(test)]
use crate::diagnostic::FixKind;
use crate::diagnostic::{CodeInfo, Diagnostic};
use crate::rules::{self, Context, Rule};

/// Generates the table of codes and the table of rules from one list: a code
/// declared above, or `rule` and a rule's type (its metadata is its `INFO`).
macro_rules! registry {
    (@list [$($codes:expr),*] [$($rules:expr),*]) => {
        /// Every code, in order. Codes are never removed from this table.
        pub const ALL: &[CodeInfo] = &[$($codes),*];
        /// Every rule, in code order: what a check runs.
        pub(crate) const RULES: &[&dyn Rule] = &[$($rules),*];
    };
    (@list [$($codes:expr),*] [$($rules:expr),*] rule $rule:path, $($rest:tt)*) => {
        registry!(@list [$($codes,)* <$rule>::INFO] [$($rules,)* &$rule] $($rest)*);
    };
    (@list [$($codes:expr),*] [$($rules:expr),*] $code:ident, $($rest:tt)*) => {
        registry!(@list [$($codes,)* $code] [$($rules),*] $($rest)*);
    };
    ($($entries:tt)*) => {
        registry!(@list [] [] $($entries)*);
    };
}

// The one list: every code in order, and with `rule` the rules that report them.
registry! {
    SYNTAX,
    UNREADABLE,
    DUPLICATE_KEY,
    YAML_ANCHOR,
    YAML_TAG,
    MULTIPLE_DOCUMENTS,
    FRONT_MATTER,
    DUPLICATE_FIELD,
    MARKDOWN_ITEM,
    LIMIT,
    UNKNOWN_FIELD,
    MISSING_FIELD,
    WRONG_TYPE,
    INVALID_VALUE,
    INVALID_FORMAT,
    SCHEMA,
    rule rules::timeline_order::TimelineOrder,
    rule rules::missing_zone::MissingZone,
    rule rules::zone_season::ZoneSeason,
    rule rules::unknown_zone::UnknownZone,
    rule rules::milestone_order::MilestoneOrder,
    rule rules::invalid_time::InvalidTime,
    rule rules::summary_times::SummaryTimes,
    rule rules::stated_duration::StatedDuration,
    rule rules::mixed_zones::MixedZones,
    rule rules::milestone_entry::MilestoneWithoutEntry,
    rule rules::report_date::ReportDateBeforeResolution,
    rule rules::milestone_marker_time::MilestoneMarkerTime,
    rule rules::unknown_time::UnknownTime,
    rule rules::ambiguous_date::AmbiguousDate,
    rule rules::midnight_rollover::MidnightRollover,
    rule rules::weekday_mismatch::WeekdayMismatch,
    rule rules::status_text::StatusText,
    rule rules::milestone_words::MilestoneWords,
    rule rules::paired_clocks::PairedClocks,
    rule rules::action_item_owner::ActionItemOwner,
    rule rules::action_item_tracking::ActionItemTracking,
    rule rules::action_item_due::ActionItemDue,
    rule rules::vague_action_item::VagueActionItem,
    rule rules::prevent_item_required::PreventItemRequired,
    rule rules::action_item_status::ActionItemStatus,
    rule rules::placeholder::Placeholder,
    rule rules::person_in_cause::PersonInCause,
    rule rules::blame_word::BlameWord,
    rule rules::counterfactual::Counterfactual,
    rule rules::missing_section::MissingSection,
    rule rules::impact_unquantified::ImpactUnquantified,
    POLICY_SUMMARY,
    rule rules::role_in_cause::RoleInCause,
    rule rules::unknown_service::UnknownService,
    CONFIG_SYNTAX,
    CONFIG_VALUE,
    CONFIG_UNKNOWN_RULE,
    INVALID_SUPPRESSION,
    UNUSED_SUPPRESSION,
}

/// Looks up a code (case-insensitive) or a code's name.
pub fn lookup(code_or_name: &str) -> Option<&'static CodeInfo> {
    ALL.iter()
        .find(|c| c.code.eq_ignore_ascii_case(code_or_name) || c.name == code_or_name)
}

/// Whether `[rules]` in `retrospec.toml` may turn `code` off or change its severity:
/// every code except those about the configuration itself.
pub fn configurable(code: &str) -> bool {
    ![
        CONFIG_SYNTAX.code,
        CONFIG_VALUE.code,
        CONFIG_UNKNOWN_RULE.code,
    ]
    .contains(&code)
}

/// Runs every rule that applies: the report has reached its status gate, and
/// `[rules]` does not turn it off. An off rule still runs when a suppression in the
/// report names it: whether that suppression is used (or reported by RS505) depends
/// on the rule's findings, which are then dropped with the level.
pub fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for rule in RULES {
        let info = rule.info();
        if !info.applies_to(cx.model.status) {
            continue;
        }
        if !cx.config.rules.is_empty()
            && cx.config.rule_level(info.code) == Some(RuleLevel::Off)
            && !suppressed(cx, info)
        {
            continue;
        }
        rule.check(cx, out);
    }
}

/// Whether a `retrospec-ignore` comment of the report names the rule.
fn suppressed(cx: &Context<'_>, info: &CodeInfo) -> bool {
    cx.parsed.suppressions.iter().any(|s| {
        s.codes
            .iter()
            .any(|(written, _)| lookup(written).is_some_and(|c| c.code == info.code))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_documented() {
        for (i, a) in ALL.iter().enumerate() {
            assert!(a.code.starts_with("RS") && a.code.len() == 5, "{}", a.code);
            assert!(!a.summary().is_empty(), "{} has no documentation", a.code);
            for b in &ALL[i + 1..] {
                assert_ne!(a.code, b.code);
                assert_ne!(a.name, b.name);
            }
        }
    }

    /// What the sources declare: each line `pub struct Name = ...;` of a
    /// `declare_rule!` in `rules/` (its code written `"RSnnn"`, or `codes::NAME` for a
    /// code declared in `codes.rs`), and each `pub const NAME = "RSnnn", ...` of a
    /// `declare_code!` in `codes.rs`: (rules' codes, codes.rs' names and codes).
    fn declared() -> (Vec<String>, Vec<(String, String)>) {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let quoted = |rest: &str| rest.split('"').nth(1).map(str::to_string);
        let codes_rs = std::fs::read_to_string(src.join("codes.rs")).expect("codes.rs");
        let consts: Vec<(String, String)> = codes_rs
            .lines()
            .filter_map(|l| l.trim().strip_prefix("pub const "))
            .filter_map(|rest| {
                let (name, value) = rest.split_once(" = ")?;
                Some((name.to_string(), quoted(value)?))
            })
            .collect();
        let mut rules = Vec::new();
        // Rule files, and the files of a rule's own folder (`rules/counterfactual/`).
        let mut files = Vec::new();
        let mut dirs = vec![src.join("rules")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("rules/").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        for path in files {
            let text = std::fs::read_to_string(&path).expect("a source file");
            for rest in text
                .lines()
                .filter_map(|l| l.trim().strip_prefix("pub struct "))
            {
                let Some((_, value)) = rest.split_once(" = ") else {
                    continue;
                };
                let code = match value.strip_prefix("codes::") {
                    Some(name) => consts
                        .iter()
                        .find(|(n, _)| name.trim_end_matches(';') == n)
                        .map(|(_, code)| code.clone()),
                    None => quoted(value),
                };
                rules.push(code.unwrap_or_else(|| panic!("no code in `{rest}`")));
            }
        }
        rules.sort();
        (rules, consts)
    }

    /// The one list is the whole truth: every rule declared in `rules/` is in it (a
    /// rule left out would never run and be documented nowhere), and so is every
    /// code declared in `codes.rs`; nothing else is.
    #[test]
    fn the_list_holds_every_declared_rule_and_code() {
        let (rules, consts) = declared();
        assert!(rules.len() > 30 && consts.len() > 20);
        let mut listed: Vec<String> = RULES.iter().map(|r| r.info().code.to_string()).collect();
        listed.sort();
        assert_eq!(rules, listed, "add each rule to `registry!`");
        let mut all: Vec<String> = rules
            .into_iter()
            .chain(consts.into_iter().map(|(_, c)| c))
            .collect();
        all.sort();
        all.dedup();
        let mut listed: Vec<String> = ALL.iter().map(|c| c.code.to_string()).collect();
        listed.sort();
        assert_eq!(all, listed, "add each code to `registry!`");
        // The list is in code order, as `retrospec rules` and the docs show it.
        assert!(ALL.windows(2).all(|w| w[0].code < w[1].code));
    }

    /// Every report in the repository: the fixtures, the seeds and the examples.
    fn reports() -> Vec<(std::path::PathBuf, crate::Format)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut dirs = vec![root.join("tests/seeds"), root.join("examples")];
        for entry in std::fs::read_dir(root.join("tests/fixtures"))
            .expect("fixtures")
            .flatten()
        {
            dirs.push(entry.path());
        }
        let mut files = Vec::new();
        for dir in dirs {
            for entry in std::fs::read_dir(&dir).expect("a directory").flatten() {
                let path = entry.path();
                if let Some(format) = crate::Format::from_path(&path) {
                    files.push((path, format));
                }
            }
        }
        files
    }

    #[test]
    fn declared_fix_kinds_agree_with_the_findings() {
        let mut fixed = std::collections::BTreeSet::new();
        let mut texts: Vec<(String, String, crate::Format)> = reports()
            .into_iter()
            .filter_map(|(path, format)| {
                // The invalid UTF-8 fixture is not text.
                let text = std::fs::read_to_string(&path).ok()?;
                Some((path.display().to_string(), text, format))
            })
            .collect();
        // A misspelled key, which no fixture has.
        let typo = "title: t\nstatus: draft\nsumary: s\n";
        texts.push(("typo".into(), typo.into(), crate::Format::Yaml));
        for (path, text, format) in texts {
            for d in crate::check(&text, format).diagnostics {
                let info = lookup(d.code).expect("a declared code");
                match info.fix {
                    FixKind::None => {
                        assert!(d.fix.is_none(), "{path}: {} has a fix", d.code)
                    }
                    FixKind::Always => {
                        assert!(d.fix.is_some(), "{path}: {} has no fix", d.code)
                    }
                    FixKind::Sometimes => {}
                }
                if d.fix.is_some() {
                    fixed.insert(d.code);
                }
            }
        }
        for info in ALL.iter().filter(|i| i.fix != FixKind::None) {
            assert!(
                fixed.contains(info.code),
                "no report shows a fix of {}",
                info.code
            );
        }
    }

    #[test]
    fn gated_rules_do_not_run_on_drafts() {
        let gated: Vec<&str> = RULES
            .iter()
            .map(|r| r.info())
            .filter(|i| i.from.is_some())
            .map(|i| i.code)
            .collect();
        assert_eq!(gated, ["RS302", "RS305", "RS401", "RS405", "RS406"]);
        // A published report without an impact, sections or tracking, and a placeholder.
        let report = |status: &str| {
            format!(
                "title: t\nstatus: {status}\nseverity: SEV1\nsummary: TBD\nimpact:\n  description: Some users could not log in.\naction_items:\n  - title: Fix it\n    owner: me\n"
            )
        };
        let codes = |status: &str| -> Vec<&'static str> {
            crate::check(&report(status), crate::Format::Yaml)
                .diagnostics
                .iter()
                .map(|d| d.code)
                .collect()
        };
        let published = codes("published");
        for code in &gated {
            assert!(published.contains(code), "{code} in {published:?}");
        }
        assert!(codes("draft").iter().all(|c| !gated.contains(c)));
    }

    /// A rule that `[rules]` turns off does not run, so it builds nothing either:
    /// with every rule off, a report full of words the word rules weigh and of
    /// durations computes neither the prose masks nor the claims (both built on
    /// first use by a rule), which the defaults do.
    #[test]
    fn rules_turned_off_build_nothing() {
        let text = "title: t\nstatus: published\nsummary: TODO. The outage lasted 2 hours.\n\
                    root_cause: Human error by a careless operator; we should have known.\n\
                    milestones:\n  started: 2024-06-10 16:05 UTC\n  resolved: 2024-06-10 18:05 UTC\n";
        let built = |config: &crate::Config| {
            let mut diagnostics = Vec::new();
            let parsed = crate::parse::parse_with(
                text,
                crate::Format::Yaml,
                &config.limits,
                &config.section_aliases(),
                &mut diagnostics,
            )
            .expect("parsed");
            let model = crate::model::from_tree(&parsed.tree, &[]);
            let times = crate::times::Times::for_report(&model, text, None);
            let lowercase = text.to_ascii_lowercase();
            let cx = Context {
                text,
                lowercase: &lowercase,
                format: crate::Format::Yaml,
                parsed: &parsed,
                model: &model,
                times: &times,
                config,
                claims: std::sync::OnceLock::new(),
                masks: Default::default(),
                strings: Default::default(),
            };
            run(&cx, &mut diagnostics);
            (cx.masks.get().is_some(), cx.claims.get().is_some())
        };
        assert_eq!(built(&crate::Config::default()), (true, true));
        let off: String = RULES
            .iter()
            .map(|r| format!("{} = \"off\"\n", r.info().code))
            .collect();
        let (config, errors) = crate::Config::parse(&format!("[rules]\n{off}"));
        assert_eq!(errors, []);
        assert_eq!(built(&config), (false, false));
    }

    #[test]
    fn an_off_rule_does_not_run_unless_a_suppression_names_it() {
        let (config, errors) = crate::Config::parse("[rules]\nRS202 = \"off\"\n");
        assert_eq!(errors, []);
        let report = "title: t\nstatus: draft\nmilestones:\n  # retrospec-ignore missing-zone: as shown\n  started: 2024-06-10 16:05\n";
        // The suppression is used, as when the rule ran and its finding was dropped.
        assert_eq!(
            crate::check_with(report, crate::Format::Yaml, &config).diagnostics,
            []
        );
        let bare = "title: t\nstatus: draft\nmilestones:\n  started: 2024-06-10 16:05\n";
        assert_eq!(
            crate::check_with(bare, crate::Format::Yaml, &config).diagnostics,
            []
        );
    }
}
