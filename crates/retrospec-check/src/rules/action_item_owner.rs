use std::sync::LazyLock;

use crate::diagnostic::Diagnostic;
use crate::lean::Lean;
use crate::ptr::Ptr;
use crate::rules::{Context, Rule, declare_rule};

declare_rule! {
    /// An action item has no owner.
    ///
    /// ## Why
    /// Work that belongs to everyone is done by no one. Every action item names
    /// the one person or team who will see it through.
    ///
    /// In a report read as written (no retrospec front matter) an owner written in
    /// a shape the reader does not take apart (`Rotate the logs (@bob)`, `Rotate the
    /// keys — owner: ops`, a tag such as `[ops]` (not one that says when: `(due
    /// 2025-10-10)`, `[by Friday]`) or a short tail after a dash,
    /// `— Jane Doe`, at the end, or a name then a due or state phrase in parentheses,
    /// `(Mateo, this week)`, `(platform team, by Friday)`, `(Marek, patch in review)`,
    /// `(Ines Carvalho, tracked in INC-2291)`,
    /// a full name and where the person works, `(Omar Reyes, Transit customer
    /// service)`, also two or three names:
    /// `(Ana and Bo, first drill in April)`, `(Owners: Ana & Bo)`, `— Kim, Lee`, or
    /// such a name and a due phrase as the last sentence or after a colon, `...
    /// through the canary. Data Platform team, due 28 Mar`, `...: Search team, 31
    /// January`), or a task list's fields after middle dots, `... · Liam Fraser · 15
    /// Aug`) counts as one, unless it names nobody: a dash or a
    /// word for nobody after the owner word (`Assignee: — · Due: 2025-10-03`, `Owner:
    /// n/a`) or a tag that says so (`(unassigned)`) is no owner, and the finding
    /// points at it. Such a
    /// report's missing owners are gathered into RS407, except where other items
    /// name an owner: then the item without one is reported where it is.
    ///
    /// Advice to the reader under a report's next steps is not work anyone owns:
    /// an item that tells customers what they can do (`Merchants can retry declined
    /// payments`, `If you still see errors, sign out and in`, `You do not need to
    /// do anything`) is not reported, in a report read as written.
    ///
    /// ## Example
    /// ```markdown
    /// ## Action items
    /// - [ ] Alert when the event rate flatlines (due: 2024-07-01)
    /// ```
    /// Use instead: `- [ ] Alert when the event rate flatlines (owner: @sre, due: 2024-07-01)`.
    pub struct ActionItemOwner = "RS301", "action-item-owner", Error;
}

/// Whether the title of an action item of a report read as written names an owner
/// in a shape the reader does not take apart: a mention (`(@bob)`, `, @carol`),
/// the word owner or assignee as a label ([`OWNER_LABEL`]: `— owner: ops`, `Owner:
/// Alice`; not `Page the service owner`), or a short
/// bracketed tag at the end (`[ops]`). Such an item is not reported: a finding
/// there would be wrong more often than right.
pub(crate) fn names_an_owner(title: &str) -> bool {
    if says_no_owner(title).is_some() {
        return false;
    }
    if OWNER_LABEL.is_match(title) {
        return true;
    }
    let mention = title.match_indices('@').any(|(i, _)| {
        let before = title[..i].chars().next_back();
        let after = title[i + 1..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
    });
    let trimmed = title.trim_end_matches(['.', ' ']);
    let tag = trimmed.ends_with([']', ')'])
        && trimmed.rfind(['[', '(']).is_some_and(|open| {
            trimmed[open..].split_whitespace().count() <= 2 && !when_tag(&trimmed[open..])
        });
    // `Document the failover — Jane Doe`: a short tail after a dash.
    let dashed = [" — ", " – ", " - ", "—", "–"].iter().any(|dash| {
        trimmed.rsplit_once(dash).is_some_and(|(head, tail)| {
            !head.trim().is_empty() && (1..=3).contains(&tail.split_whitespace().count())
        })
    });
    // `Send config changes through the canary. Data Platform team, due 28 Mar`: a
    // last sentence that is only an owner and a due phrase.
    // `... under 90% of the old one's documents: Search team, 31 January`: or
    // after a colon, as a slide's list writes it.
    let last_sentence = [". ", ": "].iter().any(|mark| {
        trimmed.rsplit_once(mark).is_some_and(|(head, tail)| {
            !head.trim().is_empty()
                && tail
                    .split_once(',')
                    .is_some_and(|(who, when)| named_then_due(who, when))
        })
    });
    // `Renew the credential · Liam Fraser · 15 Aug`: a task list's fields parted by
    // middle dots, the owner's name the first after the title.
    let dotted = trimmed.split(" · ").nth(1).is_some_and(|who| {
        let words: Vec<&str> = who.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()) && !w.contains(char::is_numeric))
    });
    mention || tag || dashed || last_sentence || dotted || owner_then_due(trimmed)
}

/// Whether a short bracketed tail says when, not who: `(due 2025-10-10)`,
/// `[by Friday]`, `(2025-10-10)`.
fn when_tag(group: &str) -> bool {
    let inner = group.trim_matches(['(', ')', '[', ']', ' ']);
    let first = inner
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(':')
        .to_ascii_lowercase();
    matches!(
        first.as_str(),
        "due" | "by" | "eta" | "target" | "deadline" | "until" | "before"
    ) || crate::time::parse_date_line(inner).is_some()
}

/// Whether `title` ends in a parenthesis that names an owner and then, after a
/// comma, when or how far (`(Mateo, this week)`, `(platform team, by Friday)`,
/// `(Ana Ruiz, in progress)`): one or two words before the comma, capitalized or
/// ending in `team`, and after it a due or state phrase of at most four words.
/// `(Kafka, Redis and Postgres)` or `(for example, the queue)` is not one.
fn owner_then_due(trimmed: &str) -> bool {
    let Some(inner) = trimmed
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').map(|open| &t[open + 1..]))
    else {
        return false;
    };
    // `(Ana, this week)` at the first comma; `(Ana, Bo and Carla, next week)` at
    // the last.
    let first = inner.split_once(',');
    let last = inner.rsplit_once(',');
    first.is_some_and(|(who, when)| named_then_due(who, when))
        || (last != first && last.is_some_and(|(who, when)| named_then_due(who, when)))
}

/// The owner a title names in its closing parenthesis before a due or state
/// phrase (`... (Tobias Brandt, this week)`): `Tobias Brandt`; or alone, after
/// the sentence has ended (`... in #staff-changes. (Kestrel)`): one or two
/// capitalised words. Read by RS402, which knows a person by the report's own
/// owners.
pub(crate) fn owner_in_parentheses(title: &str) -> Option<&str> {
    let trimmed = title.trim_end_matches(['.', ' ']);
    let (before, inner) = trimmed
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').map(|open| (&t[..open], &t[open + 1..])))?;
    let Some((who, when)) = inner.split_once(',') else {
        let words: Vec<&str> = inner.split_whitespace().collect();
        let name = |w: &&str| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w[1..].bytes().all(|b| b.is_ascii_lowercase())
        };
        let alone = before.trim_end().ends_with(['.', '!']);
        return (alone && (1..=2).contains(&words.len()) && words.iter().all(name))
            .then(|| inner.trim());
    };
    named_then_due(who, when).then(|| who.trim())
}

/// Whether `who` names one to three owners and `when` is a due or state phrase
/// (see [`owner_then_due`]).
fn named_then_due(who: &str, when: &str) -> bool {
    let written_when = when.trim();
    // `Ines and Greta`, `Ana & Bo`, `Kim/Lee`: up to three owners, each one or two
    // capitalized words (or a team), read as one owner would be.
    let owners: Vec<Vec<&str>> = who
        .split(" and ")
        .flat_map(|part| part.split(','))
        .filter(|part| !part.trim().is_empty())
        .flat_map(|part| part.split(['&', '/', '+']))
        .map(|part| part.split_whitespace().collect())
        .collect();
    let is_team = |w: &[&str]| {
        // `search team`, `flag platform team`, `search on-call`, `SRE rotation`,
        // and an organisation's unit (`Data centre operations`, `IT support`).
        (1..=3).contains(&w.len())
            && w.last().is_some_and(|w| {
                [
                    "team",
                    "on-call",
                    "oncall",
                    "rotation",
                    "squad",
                    "operations",
                    "ops",
                    "engineering",
                    "support",
                    "security",
                    "infrastructure",
                    "networking",
                    "department",
                    "desk",
                    "group",
                ]
                .iter()
                .any(|t| w.eq_ignore_ascii_case(t))
            })
    };
    let is_name = |w: &[&str]| {
        matches!(w.len(), 1 | 2) && w.iter().all(|w| w.starts_with(char::is_uppercase))
    };
    let team = owners.len() == 1 && is_team(&owners[0]);
    let named = (1..=3).contains(&owners.len()) && owners.iter().all(|w| is_name(w) || is_team(w));
    let when = when
        .trim()
        .trim_end_matches(['.', ' '])
        .to_ascii_lowercase();
    if team {
        // `(Platform team, first drill in July.)`: a team is an owner whatever follows.
        return when.split_whitespace().count() <= 6;
    }
    let first = when.split_whitespace().next().unwrap_or("");
    let due = [
        "this",
        "next",
        "by",
        "due",
        "done",
        "before",
        "end",
        "in",
        "ongoing",
        "open",
        "todo",
        "planned",
        "tomorrow",
        "today",
        "shipped",
        "merged",
        "complete",
        "completed",
        "started",
        "tracked",
        "q1",
        "q2",
        "q3",
        "q4",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
    ]
    .contains(&first)
        || first.starts_with(|c: char| c.is_ascii_digit())
        || (first.len() >= 3
            && [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ]
            .contains(&first.get(..3).unwrap_or("")));
    // `first rehearsal in April`: a short phrase that ends in when.
    let dated = when.split_whitespace().count() <= 5
        && when
            .rsplit_once(" in ")
            .or_else(|| when.rsplit_once(" by "))
            .is_some_and(|(_, at)| is_date_word(at));
    // `(Marek, patch in review)`, `(Ruth, with the meeting on 24 June)`, `(LTS,
    // from next Monday)`: a short phrase with a state or a date in it.
    let stated = when.split_whitespace().count() <= 8
        && when.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            is_date_word(w)
                || matches!(
                    w,
                    "review" | "progress" | "testing" | "staging" | "draft" | "planned" | "done"
                )
        });
    // `(Omar Reyes, Lakeside Transit customer service)`: a full name, then where
    // the person works (not a list: `(Kafka, Redis and Postgres)`).
    let affiliation = owners.len() == 1
        && owners[0].len() == 2
        && is_name(&owners[0])
        && written_when.starts_with(char::is_uppercase)
        && written_when.split_whitespace().count() <= 5
        && !written_when.contains(" and ")
        && !written_when.contains(',');
    named && ((due && when.split_whitespace().count() <= 4) || dated || stated || affiliation)
}

/// Whether `word` (lower case) is a month, a weekday or a quarter: `april`, `q3`.
fn is_date_word(word: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let word = word.trim();
    (word.len() >= 3
        && MONTHS.contains(&word.get(..3).unwrap_or(""))
        && word.chars().all(char::is_alphabetic))
        || word.ends_with("day") && word.len() >= 6
        || matches!(word, "q1" | "q2" | "q3" | "q4")
}

/// The word owner or assignee as a label before a value (`Owner: Alice`, `**Owner**:
/// ops`, `Assignee group: Store`, `owner - ops`, `assigned to ops`, `owned by
/// ops`), not the word in the work itself (`Page the service owner`, `Add an owner
/// to every alert`).
static OWNER_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)\b(?:owners?|assignees?|responsible|dri)\b(?:\s+[a-z]+)?[*_]*\s*[:=：]|\b(?:owners?|assignees?)[*_]*\s+[-–—]\s+\S|\b(?:assigned\s+to|owned\s+by)\s+\S",
    )
    .expect("the owner-label pattern is valid")
});

/// The words for who owns an item, as a title writes them before the owner.
const OWNER_WORDS: &[&str] = &[
    "owner",
    "owners",
    "assignee",
    "assigned to",
    "owned by",
    "responsible",
];

/// Where the title of an action item says in words that nobody owns it, as a byte
/// range of `title`: an owner left as a dash or a word for nobody (`Owner: —`,
/// `Assignee: n/a · Due: 2025-10-03`, `owner - none`), or a tag (`(unassigned)`,
/// `[no owner]`). `Owner: TBD` is a placeholder (RS401), not this.
pub(crate) fn says_no_owner(title: &str) -> Option<std::ops::Range<usize>> {
    // ASCII lowercase: the offsets stay those of `title`.
    let lower = title.to_ascii_lowercase();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    for key in OWNER_WORDS {
        for (at, _) in lower.match_indices(key) {
            let end = at + key.len();
            if word(lower[..at].chars().next_back()) || word(lower[end..].chars().next()) {
                continue;
            }
            let rest = &title[end..];
            let spaced = rest.trim_start_matches([' ', '\t', '*', '_']);
            // `Owner: x`, `Owner = x`, `Owner - x`; `assigned to x` needs none.
            let after_sep = ["：", ":", "=", " - ", " — ", " – "]
                .iter()
                .find_map(|sep| spaced.strip_prefix(sep.trim_start()))
                .or_else(|| key.contains(' ').then_some(spaced));
            let Some(after_sep) = after_sep else {
                continue;
            };
            let value = after_sep.trim_start_matches([' ', '\t', '*', '_']);
            let start = title.len() - value.len();
            let len = value
                .find(['·', ',', ';', '|', ')', ']', '\n', '\r', '•'])
                .unwrap_or(value.len());
            // A dash is a value, and also what may separate the next field.
            let len = match value[..len].trim_end().find([' ', '\t']) {
                Some(space) if !crate::parse::freeform::actions::is_no_owner(&value[..len]) => {
                    space
                }
                _ => len,
            };
            let written = value[..len].trim_end();
            // The value ends its field: what follows up to the next separator is
            // nothing, `yet`, or the next field (`due 2025-10-01`).
            let tail = value[written.len()..]
                .split(['·', ',', ';', '|', ')', ']', '\n', '\r', '•'])
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let next = tail.split([' ', ':']).next().unwrap_or("");
            let ends = tail.is_empty()
                || ["yet", "due", "by", "eta", "status", "priority", "ticket"].contains(&next);
            if ends && !written.is_empty() && crate::parse::freeform::actions::is_no_owner(written)
            {
                return Some(start..start + written.len());
            }
        }
    }
    // A tag that says so: `(unassigned)`, `[no owner]`.
    for (open, close) in [('(', ')'), ('[', ']')] {
        let mut from = 0;
        while let Some(i) = title[from..].find(open) {
            let start = from + i + 1;
            let Some(len) = title[start..].find(close) else {
                break;
            };
            let inner = title[start..start + len].trim();
            if matches!(
                inner.to_lowercase().as_str(),
                "unassigned" | "not assigned" | "no owner" | "nobody" | "owner unknown"
            ) {
                return Some(start..start + len);
            }
            from = start + len;
        }
    }
    None
}

/// An item addressed to the reader or the customers: `If you ...`, `You can ...`,
/// `Customers should ...`, `Affected merchants who ... can ...`.
static ADVICE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?i)^(?:if\s+you\b|you(?:'ll|’ll|\s+will)?\s+(?:can|may|should|need|do\s+not|don't|don’t|might|must|no\s+longer)\b|(?:affected\s+|all\s+|our\s+|any\s+)?(?:customers|users|merchants|clients|subscribers|tenants|members|readers|partners|sellers|buyers|shoppers|players|visitors|anyone|everyone)\s+(?:who\s+[^.;]{0,60}?\s+)?(?:can|may|should|do\s+not\s+need|don't\s+need|don’t\s+need|need\s+not|no\s+longer\s+need|are\s+advised|are\s+encouraged|are\s+asked)\b)",
    )
    .expect("the advice pattern is valid")
});

/// Whether an action item's `title` is advice to the reader, not work to own (see
/// [`ActionItemOwner`]).
pub(crate) fn addresses_the_reader(title: &str) -> bool {
    let title = title.trim_start_matches(|c: char| c.is_whitespace() || "*_>".contains(c));
    let lower = title.get(..12).unwrap_or(title).to_ascii_lowercase();
    [
        "if ",
        "you",
        "customer",
        "user",
        "merchant",
        "client",
        "subscriber",
        "tenant",
        "member",
        "reader",
        "partner",
        "seller",
        "buyer",
        "shopper",
        "player",
        "visitor",
        "anyone",
        "everyone",
        "affected",
        "all ",
        "our ",
        "any ",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
        && ADVICE.is_match(title)
}

impl Rule for ActionItemOwner {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let as_written = cx.parsed.freeform.is_some();
        for (i, item) in cx.model.action_items.iter().enumerate() {
            if item.owner.as_deref().is_some_and(|o| !o.trim().is_empty()) {
                continue;
            }
            if as_written && (names_an_owner(&item.title) || addresses_the_reader(&item.title)) {
                continue;
            }
            let pointer = Ptr::action_item(i).title();
            let title = cx.span(&pointer);
            // The owner the title leaves empty (`Assignee: —`), where it says so.
            let nobody = says_no_owner(title.slice(cx.text))
                .map(|r| crate::span::Span::new(title.start + r.start, title.start + r.end));
            let span = match (cx.node(&Ptr::action_item(i).owner()), nobody) {
                (Some(node), _) => node.span,
                (None, Some(nobody)) => nobody,
                (None, None) => title,
            };
            let example = match (cx.format, nobody) {
                (_, Some(nobody)) => &*format!(
                    "write the person or team who will see it through in place of `{}`",
                    nobody.slice(cx.text)
                ),
                (crate::parse::Format::Markdown, None) => {
                    "add `owner: @team` to the `(key: value, ...)` group at the end of the item, or end the item with `(owner: @team)`"
                }
                _ => "add `owner: team-name`",
            };
            out.push(
                Diagnostic::new(
                    &Self::INFO,
                    span,
                    format!("{} has no owner", cx.action_item_name(i)),
                )
                .with_help(example),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::says_no_owner;
    use crate::{Format, check};

    /// An owner left as a dash or a word for nobody, in the shapes a list item
    /// writes it; a named owner (a name that starts like a dash word included), a
    /// placeholder and owner words in the work itself are not.
    #[test]
    fn an_owner_written_as_nobody() {
        for (title, nobody) in [
            ("Soak test\n  Assignee: — · Due: 2025-10-03", "—"),
            ("Add a soak test. Owner: n/a", "n/a"),
            ("Add a soak test (Owner: -)", "-"),
            ("Rotate the keys, owner: none, due 2025-10-01", "none"),
            ("Rotate the keys — **Owner:** Unassigned", "Unassigned"),
            ("Rotate the keys; assigned to nobody yet", "nobody"),
            ("Document the reset policy (unassigned)", "unassigned"),
            ("Document the reset policy [no owner]", "no owner"),
            ("Page on lag | Owner: – | Due: Q3", "–"),
        ] {
            let found = says_no_owner(title).map(|r| &title[r]);
            assert_eq!(found, Some(nobody), "{title}");
        }
        for title in [
            "Soak test\n  Assignee: Ana Lima · Due: 2025-10-03",
            "Add a soak test. Owner: Nora Lind",
            "Add a soak test (owner: @platform)",
            "Split the index. Owner: TBD",
            "Rotate the keys - owner: Dash Rivera",
            "Name an owner for every alert - none of them has one",
            "Make the on-call the owner of the runbook",
            "Tell the owners: nobody reads the digest",
        ] {
            assert_eq!(says_no_owner(title), None, "{title}");
        }
    }

    /// Advice to customers under next steps is not an action item to own; work of
    /// the team's, in the same list, still is.
    #[test]
    fn advice_to_the_reader_is_no_work_to_own() {
        for advice in [
            "Merchants can retry declined payments; none was captured twice.",
            "If you still see errors, sign out and in again.",
            "You do not need to do anything.",
            "Affected customers who saw a timeout can retry the export.",
            "**Users should** rotate their API tokens.",
        ] {
            assert!(super::addresses_the_reader(advice), "{advice}");
        }
        for work in [
            "Customer emails go through the new relay (owner: ops)",
            "Users table gets an index on email",
            "Add an alert when merchants see declines",
            "Document how users can retry",
        ] {
            assert!(!super::addresses_the_reader(work), "{work}");
        }
        let text = "# Payments declined\n\n## Timeline\n\n- 2025-03-11 14:05 UTC declines start\n\n## Next steps\n\n\
                    - The rotation job checks every node (@payments, done)\n- Page on code 96 (@payments)\n- Merchants can retry declined payments.\n\
                    - Add a per-node decline alert\n";
        let missing: Vec<&str> = check(text, Format::Markdown)
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS301")
            .map(|d| d.span.slice(text))
            .collect();
        assert_eq!(missing, ["Add a per-node decline alert"]);
    }

    #[test]
    fn owners_written_in_other_shapes_are_not_reported_as_missing() {
        let text = "# Queue outage\n\n## Timeline\n\n- 2024-03-02 10:00 UTC disk full\n\n## Action items\n\n\
                    - Add a disk alert (owner: @storage)\n- Rotate the logs (@bob)\n- Rotate the keys — owner: ops\n\
                    - Rotate the certs. Owner: Alice\n- Page on queue depth, @carol\n- Shard the queue [ops]\n\
                    - Document the failover — Jane Doe\n- Split the queue - storage team\n\
                    - Mail ops@example.com when the disk fills\n- Rotate the audit logs too\n\
                    - Page the service owner on lag\n- Tag the queue. **Owner**: queue team\n\
                    - Prune the topic; assigned to ops\n";
        let missing: Vec<&str> = check(text, Format::Markdown)
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS301")
            .map(|d| d.span.slice(text))
            .collect();
        assert_eq!(
            missing,
            [
                "Mail ops@example.com when the disk fills",
                "Rotate the audit logs too",
                "Page the service owner on lag"
            ]
        );
    }

    /// A short bracketed tail that says when is no owner tag.
    #[test]
    fn a_due_in_brackets_is_no_owner() {
        for title in [
            "Alert on the age of returned positions (due 2025-10-10)",
            "Alert on lag [by Friday]",
            "Alert on lag (2025-10-10)",
        ] {
            assert!(!super::names_an_owner(title), "{title}");
        }
        for title in [
            "Shard the queue [ops]",
            "Rotate the logs (@bob)",
            "Split it (SRE team)",
        ] {
            assert!(super::names_an_owner(title), "{title}");
        }
    }

    /// An owner in parentheses followed by a due or state phrase after a comma is
    /// an owner; a parenthesis that lists things, or starts with lower-case words,
    /// is not.
    #[test]
    fn an_owner_then_a_due_phrase_in_parentheses() {
        for title in [
            "Alert after three minutes instead of ten (Mateo, this week).",
            "Check the metadata on rotation day (platform team, by Friday)",
            "Add a CI check for the schedules (Ana Ruiz, in progress)",
            "Key the emails by invoice (Billing team, done.)",
            "Drill the restore (Platform team, first drill in July.)",
            "Rehearse the move twice a year. (Ines and Greta, first rehearsal in April.)",
            "Move the status page off site (Ana & Bo, by Friday)",
            "Split the queue (Kim/Lee, done)",
            "Shard the topic (Ana Ruiz and Bo Li, in progress)",
            "Shard the topic (Ana and SRE team, this week)",
            "Document the failover — Kim, Lee",
            "Rotate the keys (Owners: Ana & Bo)",
            // A state or a date somewhere in a short phrase; a team of three words;
            // a full name with where the person works.
            "Page on error rate after 3 minutes\n   (search on-call, by June 24).",
            "Validate the file before reload (Marek, patch in review)",
            "Fill the rota slots (Ruth, with the volunteers' meeting on 24 June)",
            "Run backups every two hours (LTS, from next Monday).",
            "Publish the key to every verifier (Rivio platform team,\n  done 4 March).",
            "Tell riders how to claim a refund (Omar Reyes, Lakeside Transit customer service).",
            // An organisation's unit, wrapped onto the next line.
            "Label the spare line cards by slot. (Data centre\n  operations, done.)",
            "Renew the certificate (IT support, by 3 May)",
            // An owner and a due phrase as the last sentence.
            "Send config changes through the canary stage. Data Platform team, due 28 Mar",
            "Refuse to switch the alias on a small index: Search team, 31 January",
            "Alert on the zero-result rate: Rafa Duarte, 7 February",
            "Alert on partner keys too\n  (Ines Carvalho, tracked in INC-2291)",
        ] {
            assert!(super::names_an_owner(title), "{title}");
        }
        for title in [
            "Move the caches off the old hosts (Kafka, Redis and Postgres)",
            "Alert on a stuck consumer (for example, the billing queue)",
            "Review the retry budget (Mateo, Priya and the storage group)",
            "Restart the brokers (Kafka and Redis and Postgres and Consul, in order)",
            "Check the replicas (primary and standby, first thing in April)",
            "Rehearse the move (Ines and Greta, whoever is on call)",
            "Rehearse the move (Ines and Greta, first rehearsal in a quiet week)",
            "Move the caches (Kafka, Redis and Postgres in the new region)",
            "Move the caches (Kafka Streams, Redis, Postgres)",
            "Check the replicas (primary, standby and the review hosts)",
            "Review the rules (cache and queue operations, in order)",
            "Move the caches. Kafka, Redis and Postgres first",
            "Watch three things: latency, errors and saturation",
        ] {
            assert!(!super::names_an_owner(title), "{title}");
        }
    }

    fn rs301_spans(text: &str) -> Vec<&str> {
        check(text, Format::Markdown)
            .diagnostics
            .iter()
            .filter(|d| d.code == "RS301")
            .map(|d| d.span.slice(text))
            .collect()
    }

    /// A numbered template's action table, its title column named `Task
    /// description` (or `Tasks`, `Action description`): the row with an empty
    /// Owner cell is reported on its title, the rows with owners are not.
    #[test]
    fn an_empty_owner_cell_in_a_numbered_template_s_table() {
        for (heading, column) in [
            ("6. Action Items", "Task Description"),
            ("Action items", "Tasks"),
            ("4) Follow-ups", "Action description"),
            ("5.2 Corrective actions", "Task"),
        ] {
            let text = format!(
                "# Checkout errors\n\n## Timeline\n\n- 2025-03-18 21:02 UTC errors climb\n\n## {heading}\n\n\
                 | {column} | Owner | Priority | Deadline |\n|---|---|---|---|\n\
                 | Validate deprecated keys | Dana Reyes | High | 2025-03-28 |\n\
                 | Lengthen the canary |  | High | 2025-04-04 |\n\
                 | Alert on pool saturation | Marco Eld | Medium | 2025-04-11 |\n"
            );
            assert_eq!(
                rs301_spans(&text),
                ["Lengthen the canary"],
                "{heading} / {column}"
            );
            // Every row with an owner: nothing to report.
            let all = text.replace(
                "| Lengthen the canary |  |",
                "| Lengthen the canary | Ops |",
            );
            assert!(rs301_spans(&all).is_empty(), "{heading} / {column}");
        }
    }

    /// Task-list follow-ups that end in an @handle name their owner; the one
    /// among them that ends without one has none.
    #[test]
    fn task_items_ending_in_a_handle() {
        let text = "# CI down\n\n## Timeline\n\n- 2025-05-14 13:10 UTC disk full\n\n## What we do now\n\n\
                    - [ ] prune images on every runner @dvorsky\n- [ ] alert at 85% disk @shil-k\n\
                    - [x] stop taking jobs below 10 GB free @shil-k\n- [ ] write down how to re-register a runner\n";
        assert_eq!(
            rs301_spans(text),
            ["write down how to re-register a runner"]
        );
        // A mail address or a handle inside the words is not an owner at the end.
        for last in [
            "- [ ] write to ops@example.com about the runners\n",
            "- [ ] write down how to re-register a runner\n",
        ] {
            let t = text.replace("- [ ] write down how to re-register a runner\n", last);
            assert_eq!(rs301_spans(&t).len(), 1, "{last}");
        }
        // Every item with a handle: nothing to report.
        let all = text.replace("re-register a runner\n", "re-register a runner @dvorsky\n");
        assert!(rs301_spans(&all).is_empty());
    }
}
