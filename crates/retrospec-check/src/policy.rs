//! The policy findings of a report read as written, gathered into one RS407.
//!
//! A report without retrospec front matter (`parse::freeform`) is checked by every
//! rule, but the findings about policy (a missing `status`, owners, tracking fields,
//! required sections) say what the canonical form would need rather than what is
//! wrong with the facts. Unless `policy = "full"` is configured (`--policy full`),
//! they are replaced by one information finding per report that lists them; an
//! action item without an owner in a list where half the items or more name one stays reported.

use retrospec_model::Postmortem;

use crate::codes;
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;

/// The codes gathered: required fields and sections, and what action items need.
pub const POLICY_CODES: &[&str] = &[
    "RS102", "RS301", "RS302", "RS303", "RS305", "RS306", "RS405",
];

/// Replaces the policy findings in `diagnostics` with one RS407 at `anchor`.
///
/// One kind stays: when half the action items of `model` or more name an owner, an item
/// without one (RS301) is a gap in the report's own record, not a field the
/// canonical form would want, and it is reported where it is.
pub fn summarise(anchor: Span, model: &Postmortem, diagnostics: &mut Vec<Diagnostic>) {
    // Advice to the reader under next steps is no item to own (RS301).
    let items: Vec<_> = model
        .action_items
        .iter()
        .filter(|i| !crate::rules::action_item_owner::addresses_the_reader(&i.title))
        .collect();
    let named = items
        .iter()
        .filter(|i| {
            i.owner.as_deref().is_some_and(|o| !o.trim().is_empty())
                || crate::rules::action_item_owner::names_an_owner(&i.title)
        })
        .count();
    // Half the items or more name one: the list keeps owners, and an item
    // without is a gap. One tag-like tail among plain items is not a practice.
    let owners_named = named > 0 && named * 2 >= items.len();
    let (policy, kept): (Vec<Diagnostic>, Vec<Diagnostic>) = std::mem::take(diagnostics)
        .into_iter()
        .partition(|d| POLICY_CODES.contains(&d.code) && !(owners_named && d.code == "RS301"));
    *diagnostics = kept;
    if policy.is_empty() {
        return;
    }
    let mut needs: Vec<String> = Vec::new();
    for code in POLICY_CODES {
        let found: Vec<&Diagnostic> = policy.iter().filter(|d| d.code == *code).collect();
        if found.is_empty() {
            continue;
        }
        let n = found.len();
        let items = |what: &str| {
            format!(
                "{what} on {n} action item{} ({code})",
                if n == 1 { "" } else { "s" }
            )
        };
        needs.push(match *code {
            "RS102" | "RS405" => {
                let names: Vec<String> = found
                    .iter()
                    .filter_map(|d| quoted(&d.message))
                    .map(|n| format!("`{n}`"))
                    .collect();
                let what = if *code == "RS102" {
                    "fields"
                } else {
                    "sections"
                };
                format!("{what} {} ({code})", names.join(", "))
            }
            "RS301" => items("an owner"),
            "RS302" => items("tracking fields"),
            "RS303" => items("a due date"),
            "RS306" => items("a status"),
            _ => format!("{} ({code})", found[0].message),
        });
    }
    let mut d = Diagnostic::new(&codes::POLICY_SUMMARY,
        anchor,
        format!(
            "read as written (no retrospec front matter): {} policy finding{} gathered here",
            policy.len(),
            if policy.len() == 1 { "" } else { "s" }
        ),
    )
    .with_help(format!(
        "the canonical form would need: {}; `retrospec import` writes it to fill in, `--policy full` lists each finding",
        needs.join("; ")
    ));
    d.severity = Severity::Info;
    diagnostics.push(d);
}

/// The first backquoted name in a message (`status`, `## Action items`).
fn quoted(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(&message[start..start + len])
}

#[cfg(test)]
mod tests {
    use crate::{Config, Format, check, check_with};

    #[test]
    fn policy_findings_on_a_free_form_report_are_one_info() {
        let text = "# Queue outage\n\n## Timeline\n\n- 2024-03-02 10:00 UTC Disk full\n\n## Follow-ups\n\n- Add a disk alert\n- Rotate the logs\n";
        let codes: Vec<&str> = check(text, Format::Markdown)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        assert_eq!(codes, ["RS407"]);
        let (config, _) = Config::parse("policy = \"full\"\n");
        let full: Vec<&str> = check_with(text, Format::Markdown, &config)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        assert!(full.contains(&"RS301"), "{full:?}");
    }

    #[test]
    fn an_owner_missing_beside_named_owners_is_reported_where_it_is() {
        let list = "# Queue outage\n\n## Timeline\n\n- 2024-03-02 10:00 UTC Disk full\n\n## Follow-ups\n\n- Add a disk alert (owner: @storage)\n- Rotate the logs\n";
        let checked = check(list, Format::Markdown);
        let owners: Vec<&str> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS301")
            .map(|d| d.span.slice(list))
            .collect();
        assert_eq!(owners, ["Rotate the logs"]);
        let table = "# Queue outage\n\n## Timeline\n\n- 2024-03-02 10:00 UTC Disk full\n\n## Corrective actions\n\n| Task | Owner |\n|---|---|\n| Add a disk alert | storage |\n| Rotate the logs |  |\n";
        let codes: Vec<&str> = check(table, Format::Markdown)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        assert!(codes.contains(&"RS301"), "{codes:?}");
        // Owners written after the item ('Owner: @web') name owners too.
        let written = list.replace(" (owner: @storage)", ". Owner: @storage");
        let owners = crate::rules::spans_of("RS301", &written, Format::Markdown);
        assert_eq!(owners, ["Rotate the logs"]);
        // A task list's fields after middle dots (`· Dana Holt · 15 Aug`).
        let dotted = list.replace(" (owner: @storage)", " · Dana Holt · 15 Aug");
        let owners = crate::rules::spans_of("RS301", &dotted, Format::Markdown);
        assert_eq!(owners, ["Rotate the logs"]);
        let unnamed = list.replace(" (owner: @storage)", " · in review · 15 Aug");
        let owners = crate::rules::spans_of("RS301", &unnamed, Format::Markdown);
        assert!(owners.is_empty(), "no owner named: gathered, {owners:?}");
        // No owner anywhere: what the canonical form needs, gathered into RS407.
        let none = list.replace(" (owner: @storage)", "");
        let codes: Vec<&str> = check(&none, Format::Markdown)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        assert!(
            !codes.contains(&"RS301") && codes.contains(&"RS407"),
            "{codes:?}"
        );
    }

    /// Owners are the list's practice when half its items or more name one; one
    /// tag-like tail (`[link]`) among plain items is not.
    #[test]
    fn an_owner_is_missing_only_where_most_items_name_one() {
        let most = "# Queue outage\n\n## Timeline\n\n- 2024-03-02 10:00 UTC Disk full\n\n## What we'll do\n\n- Add a disk alert (@dana, done)\n- Rotate the logs (@omar)\n- Put the disk size on the status page\n- Write the runbook (@dana)\n";
        let owners = crate::rules::spans_of("RS301", most, Format::Markdown);
        assert_eq!(owners, ["Put the disk size on the status page"]);
        let one = "# Queue outage\n\n## Timeline\n\n- 2024-03-02 10:00 UTC Disk full\n\n## What we are changing\n\n- Add a disk alert\n- Rotate the logs\n- The write-up is at [link].\n";
        let codes: Vec<&str> = check(one, Format::Markdown)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        assert!(
            !codes.contains(&"RS301") && codes.contains(&"RS407"),
            "{codes:?}"
        );
    }
}
