use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::rules::words::{CAUSE, find_in, find_with, place, texts};
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// A person is @mentioned in the root cause, the trigger, a contributing factor
    /// or what went wrong.
    ///
    /// ## Why
    /// A blameless review explains how the system made a mistake easy and why
    /// nothing caught it. Naming the person nearest to the mistake stops the
    /// analysis there, and teaches everyone to say less in the next review.
    ///
    /// What is detected: `@handles` (`@alice`, `@sre-team`) in those sections,
    /// outside inline code and HTML comments; e-mail addresses, URLs and scoped
    /// package names (`@types/node`) are not mentions. Teams are mentioned here too:
    /// a team is not the cause either. Plain names are detected when the report
    /// itself says they are people: an entry of `authors` or an action item `owner`
    /// written as a capitalised name ("Alice Martin"), found whole or by its first
    /// word. Other plain names ("John deployed...") are not detected: no pattern
    /// tells a person's name from a product, a company or a service without
    /// flagging far more that is fine. Owners of action items are not checked.
    ///
    /// ## Example
    /// ```yaml
    /// title: Checkout errors after a deploy
    /// status: draft
    /// root_cause: "@alice deployed the release without running the migration."
    /// ```
    /// Use instead: `The deploy pipeline does not run or check pending migrations, so a release could go out before its migration.`
    pub struct PersonInCause = "RS402", "person-in-cause", Warning;
}

static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"@[A-Za-z0-9][A-Za-z0-9_-]*").expect("the mention pattern is valid")
});

/// The people the report names as such: authors and action-item owners written as
/// capitalised names, whole and by their first word, longest first so a full name
/// wins over its first word.
fn known_people<'a>(cx: &Context<'a>) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    let owners = cx
        .model
        .action_items
        .iter()
        .filter_map(|i| i.owner.as_deref());
    for name in cx.model.authors.iter().map(String::as_str).chain(owners) {
        let name = name.trim();
        let first = name.split_whitespace().next().unwrap_or("");
        if !first.starts_with(|c: char| c.is_uppercase()) || !first.chars().all(char::is_alphabetic)
        {
            continue;
        }
        names.push(name);
        if first.chars().count() >= 3 {
            names.push(first);
        }
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names
}

/// Where `names` (longest first) occur in `text` as whole words, case-sensitive,
/// leftmost first and the longest name at a place: what the regex
/// `\b(?:Alice Martin|Alice)\b` finds. Written by hand because the names differ in
/// every report, and building that regex cost more than checking the rest of the
/// report (half a million instructions per file).
fn find_names(names: &[&str], text: &str) -> Vec<Range<usize>> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut found: Vec<Range<usize>> = Vec::new();
    for name in names {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let (first, last) = (name.chars().next(), name.chars().next_back());
            if word(text[..start].chars().next_back()) == word(first)
                || word(text[end..].chars().next()) == word(last)
            {
                continue;
            }
            found.push(start..end);
        }
    }
    // Longest first among names starting at one place (a stable sort keeps the
    // order of `names`), then drop what overlaps an earlier match.
    found.sort_by_key(|r| r.start);
    let mut end = 0;
    found.retain(|r| {
        let keep = r.start >= end;
        if keep {
            end = r.end;
        }
        keep
    });
    found
}

impl Rule for PersonInCause {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let people = known_people(cx);
        for pattern in CAUSE {
            for (pointer, node) in texts(cx, pattern) {
                for (span, handle) in find_in(cx, node, &MENTION) {
                    let before = cx.text[..span.start].chars().next_back();
                    let after = cx.text[span.end..].chars().next();
                    // `a@b.example`, `https://host/@user`, `@scope/package`.
                    if before.is_some_and(|c| c.is_alphanumeric() || "@./+-_:".contains(c))
                        || after.is_some_and(|c| c == '/' || c == '@')
                    {
                        continue;
                    }
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("`{handle}` is named in {}", place(&pointer)),
                        )
                        .with_help(
                            "describe what in the system allowed this and why nothing caught it, not who was nearest to it; name a role or a system if one is needed",
                        ),
                    );
                }
                if people.is_empty() {
                    continue;
                }
                for (span, name) in find_with(cx, node, |text| find_names(&people, text)) {
                    out.push(
                        Diagnostic::new(
                            &Self::INFO,
                            span,
                            format!("{name}, a person this report names, is named in {}", place(&pointer)),
                        )
                        .with_help(
                            "describe what in the system allowed this and why nothing caught it, not who was nearest to it; name a role or a system if one is needed",
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Format;

    fn found(text: &str, format: Format) -> Vec<&str> {
        crate::rules::spans_of("RS402", text, format)
    }

    #[test]
    fn finds_mentions_but_not_addresses_urls_packages_or_code() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Root cause\n\n@alice merged it; mail ops@example.com, see https://x.example/@bob, \
                  the `@Cacheable` cache and @types/node. <!-- @carol -->\n\n## Contributing factors\n\n- Review by @sre-team was skipped.\n\n\
                  ## Action items\n\n- [ ] Gate merges on the migration check (owner: @platform)\n";
        assert_eq!(found(md, Format::Markdown), ["@alice", "@sre-team"]);
        let yaml = "title: t\nstatus: draft\ntrigger: \"A deploy by @dave\"\nsummary: \"@erin was paged\"\n";
        assert_eq!(found(yaml, Format::Yaml), ["@dave"]);
        let json = r#"{"title": "t", "status": "draft", "lessons": {"went_wrong": ["@frank's change was not reviewed"]}}"#;
        assert_eq!(found(json, Format::Json), ["@frank"]);
    }

    #[test]
    fn finds_people_the_report_names_as_authors_or_owners() {
        let yaml = "title: t\nstatus: draft\nauthors: [Alice Martin, sre-team]\n\
                    root_cause: \"Alice ran the script; later Alice Martin rolled back. Alicebot and sre-team did not.\"\n\
                    action_items:\n  - title: Gate the script\n    owner: Bob Stone\n\
                    trigger: \"Bob's change, then Bobby's\"\n";
        assert_eq!(found(yaml, Format::Yaml), ["Alice", "Alice Martin", "Bob"]);
        let none = "title: t\nstatus: draft\nauthors: [Alice Martin]\nsummary: Alice wrote this.\n";
        assert!(found(none, Format::Yaml).is_empty());
    }
}
