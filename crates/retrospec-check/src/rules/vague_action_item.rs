use crate::diagnostic::Diagnostic;
use crate::rules::words::{WordList, texts};
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// An action item opens with a vague verb or phrase (`Improve`, `Investigate
    /// more`, `Look into`, `Be more careful`).
    ///
    /// ## Why
    /// An action item is a change someone can finish and anyone can check. "Improve
    /// monitoring" is never done and never late; "Alert when the event rate drops
    /// by half for 5 minutes" is. "Be more careful" asks people to be better
    /// instead of changing the system that let the mistake through.
    ///
    /// The phrases are the `vague` list in the `[words]` table of `retrospec.toml`
    /// (default: improve, investigate more, look into, be more careful, try to,
    /// consider, monitor better, better). Only the opening of the title is checked:
    /// "Alert sooner to improve response" starts with a concrete change. Code and
    /// link targets are not read (`` `better-sqlite3` ``, `[ticket](https://x/improve)`),
    /// nor is a word joined to the next by a hyphen, a compound name
    /// (`Better-sqlite3 pinned to 9.4`).
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// title: Login errors
    /// status: draft
    /// ---
    /// ## Action items
    /// - [ ] Improve monitoring (owner: @sre)
    /// ```
    /// Use instead: `- [ ] Alert when the login error rate exceeds 2% for 5 minutes (owner: @sre)`.
    pub struct VagueActionItem = "RS304", "vague-action-item", Warning;
}

impl Rule for VagueActionItem {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let titles = texts(cx, "/action_items/*/title");
        // Asked first: the word list's gate reads the whole text, and most
        // reports as drafted (a long timeline, no action items yet) have no title.
        if titles.is_empty() {
            return;
        }
        let vague = WordList::cached(&cx.config.words.vague);
        if !vague.may_match(cx) {
            return;
        }
        for (pointer, node) in titles {
            let Some((span, words)) = vague.find_in(cx, node).into_iter().next() else {
                continue;
            };
            // Only an opening phrase counts: what stands before it may be a quote.
            let before = &cx.text[node.span.start..span.start];
            if !before
                .trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '\'')
                .is_empty()
            {
                continue;
            }
            // A compound name (`Better-sqlite3 pinned to 9.4`): not the verb.
            let next = cx.text[span.end..].chars().take(2).collect::<Vec<_>>();
            if next.first() == Some(&'-') && next.get(1).is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            let i = pointer
                .split('/')
                .nth(2)
                .and_then(|i| i.parse().ok())
                .unwrap_or(0);
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    span,
                    format!(
                        "{} opens with `{words}`, too vague to be done or checked",
                        cx.action_item_name(i)
                    ),
                )
                .with_help(
                    "name a concrete change and when it counts as done, for example `Alert when the error rate exceeds 2% for 5 minutes` instead of `Improve monitoring`",
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Format;

    fn found(text: &str, format: Format) -> Vec<&str> {
        crate::rules::spans_of("RS304", text, format)
    }

    #[test]
    fn points_at_the_opening_words_in_every_form() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Action items\n- [ ] Look  into the cache (owner: @a)\n- [ ] Alert sooner to improve response (owner: @a)\n\n| Action | Owner |\n|---|---|\n| Be more careful | @a |\n";
        assert_eq!(
            found(md, Format::Markdown),
            ["Look  into", "Be more careful"]
        );
        let yaml = "title: t\nstatus: draft\naction_items:\n  - title: \"Investigate\n      more\"\n    owner: a\n  - title: Improvement of alerts\n    owner: a\n";
        assert_eq!(found(yaml, Format::Yaml), ["Investigate\n      more"]);
        let json = r#"{"title": "t", "status": "draft", "action_items": [{"title": "Try to deploy less on Fridays", "owner": "a"}]}"#;
        assert_eq!(found(json, Format::Json), ["Try to"]);
    }

    #[test]
    fn code_and_link_targets_are_not_openings() {
        let md = "---\ntitle: t\nstatus: draft\n---\n## Action items\n- [ ] `better-sqlite3` pinned to 9.4 (owner: @a)\n- [ ] <https://x.example/improve> tracked as a bug (owner: @a)\n- [ ] Improve the runbook (owner: @a)\n- [ ] Better-sqlite3 pinned to 9.4 (owner: @a)\n";
        assert_eq!(found(md, Format::Markdown), ["Improve"]);
    }
}
