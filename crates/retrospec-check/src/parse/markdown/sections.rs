//! Section headings and the model field each fills: the alias table of
//! `docs/format.md`, extended by `[sections]` in `retrospec.toml`.

/// The model field a `##` heading fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Summary,
    Impact,
    RootCause,
    ContributingFactors,
    Trigger,
    Detection,
    Resolution,
    Timeline,
    Lessons,
    ActionItems,
    Links,
}

/// Section headings, normalised (see [`normalise_heading`]), and the field each fills.
pub(super) const SECTION_ALIASES: &[(&str, Field)] = &[
    ("summary", Field::Summary),
    ("overview", Field::Summary),
    ("executive summary", Field::Summary),
    ("tldr", Field::Summary),
    ("incident summary", Field::Summary),
    ("what happened", Field::Summary),
    ("incident overview", Field::Summary),
    ("description", Field::Summary),
    ("problem statement", Field::Summary),
    ("problem description", Field::Summary),
    ("impact", Field::Impact),
    ("customer impact", Field::Impact),
    ("user impact", Field::Impact),
    ("impact assessment", Field::Impact),
    ("business impact", Field::Impact),
    ("impact analysis", Field::Impact),
    ("what broke", Field::Impact),
    ("root cause", Field::RootCause),
    ("root causes", Field::RootCause),
    ("root cause analysis", Field::RootCause),
    ("rca", Field::RootCause),
    ("why it happened", Field::RootCause),
    ("why", Field::RootCause),
    ("cause", Field::RootCause),
    ("causes", Field::RootCause),
    ("contributing factors", Field::ContributingFactors),
    ("trigger", Field::Trigger),
    ("detection", Field::Detection),
    ("resolution", Field::Resolution),
    ("recovery", Field::Resolution),
    ("mitigation", Field::Resolution),
    ("recovery and mitigation", Field::Resolution),
    ("mitigation and recovery", Field::Resolution),
    ("remediation", Field::Resolution),
    ("resolution and recovery", Field::Resolution),
    ("mitigation and resolution", Field::Resolution),
    ("how we fixed it", Field::Resolution),
    ("timeline", Field::Timeline),
    ("event timeline", Field::Timeline),
    ("incident timeline", Field::Timeline),
    ("chronology", Field::Timeline),
    ("timeline of events", Field::Timeline),
    ("rough timeline", Field::Timeline),
    ("brief timeline", Field::Timeline),
    ("short timeline", Field::Timeline),
    ("approximate timeline", Field::Timeline),
    ("detailed timeline", Field::Timeline),
    ("engineering timeline", Field::Timeline),
    ("technical timeline", Field::Timeline),
    ("internal timeline", Field::Timeline),
    ("response timeline", Field::Timeline),
    ("stitched timeline", Field::Timeline),
    ("combined timeline", Field::Timeline),
    ("full timeline", Field::Timeline),
    ("complete timeline", Field::Timeline),
    ("sequence of events", Field::Timeline),
    ("timeline utc", Field::Timeline),
    ("updates", Field::Timeline),
    ("status updates", Field::Timeline),
    ("incident updates", Field::Timeline),
    ("incident history", Field::Timeline),
    ("overview of times", Field::Timeline),
    ("timeline overview", Field::Timeline),
    ("course of events", Field::Timeline),
    ("chronology of events", Field::Timeline),
    ("lessons learned", Field::Lessons),
    ("lesson learned", Field::Lessons),
    ("lessons", Field::Lessons),
    ("learnings", Field::Lessons),
    ("what we learned", Field::Lessons),
    ("things we learned", Field::Lessons),
    ("things we learnt", Field::Lessons),
    ("lessons learnt", Field::Lessons),
    ("lesson learnt", Field::Lessons),
    ("conclusion", Field::Lessons),
    ("conclusions", Field::Lessons),
    ("action items", Field::ActionItems),
    ("actions", Field::ActionItems),
    ("actionables", Field::ActionItems),
    ("corrective actions", Field::ActionItems),
    ("followups", Field::ActionItems),
    ("followup", Field::ActionItems),
    ("follow up", Field::ActionItems),
    ("follow ups", Field::ActionItems),
    ("sub tasks", Field::ActionItems),
    ("subtasks", Field::ActionItems),
    ("followup items", Field::ActionItems),
    ("followup tasks", Field::ActionItems),
    ("follow up tasks", Field::ActionItems),
    ("followup actions", Field::ActionItems),
    ("next steps", Field::ActionItems),
    ("preventive actions", Field::ActionItems),
    ("preventative actions", Field::ActionItems),
    ("prevention actions", Field::ActionItems),
    ("preventive measures", Field::ActionItems),
    ("remediation actions", Field::ActionItems),
    ("remediation items", Field::ActionItems),
    ("follow up actions", Field::ActionItems),
    ("follow up items", Field::ActionItems),
    ("action plan", Field::ActionItems),
    ("planned actions", Field::ActionItems),
    ("corrective and preventive actions", Field::ActionItems),
    ("what well do", Field::ActionItems),
    ("what we will do", Field::ActionItems),
    ("what were changing", Field::ActionItems),
    ("things were changing", Field::ActionItems),
    ("things we are changing", Field::ActionItems),
    ("things we will change", Field::ActionItems),
    ("things well change", Field::ActionItems),
    ("things well do", Field::ActionItems),
    ("things we will do", Field::ActionItems),
    ("what we are changing", Field::ActionItems),
    ("what we change", Field::ActionItems),
    ("what we will change", Field::ActionItems),
    ("what well change", Field::ActionItems),
    ("what we do now", Field::ActionItems),
    ("what we do next", Field::ActionItems),
    ("what we are doing about it", Field::ActionItems),
    ("what were doing about it", Field::ActionItems),
    ("what we are doing", Field::ActionItems),
    ("what were doing", Field::ActionItems),
    ("what we are going to do", Field::ActionItems),
    ("what were going to do", Field::ActionItems),
    // The same, asked (`6. What are we doing about it?`, `What will we change?`).
    ("what are we doing about it", Field::ActionItems),
    ("what are we changing", Field::ActionItems),
    ("what will we do", Field::ActionItems),
    ("what will we change", Field::ActionItems),
    ("next actions", Field::ActionItems),
    // Minutes of a review meeting (British usage).
    ("action points", Field::ActionItems),
    ("agreed actions", Field::ActionItems),
    ("actions agreed", Field::ActionItems),
    ("links", Field::Links),
    ("references", Field::Links),
];

/// Headings that always name the summary (others, like "What happened", only when
/// there is no opening text before the first section).
pub(super) const STRONG_SUMMARY: &[&str] = &[
    "summary",
    "overview",
    "executive summary",
    "tldr",
    "incident summary",
];

/// The section headings retrospec recognises, for completion in editors.
pub fn section_headings() -> impl Iterator<Item = &'static str> {
    SECTION_ALIASES.iter().map(|(name, _)| *name)
}

/// Lower case, `&` as "and", letters, digits and single spaces only.
pub(crate) fn normalise_heading(heading: &str) -> String {
    let mut out = String::with_capacity(heading.len());
    for c in heading.replace('&', " and ").chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() && !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// The field a heading names: the configured headings first, then the built-in table.
pub(crate) fn field_for(heading: &str, extra: &[(String, Field)]) -> Option<Field> {
    // A wiki page copied as text keeps its edit links: `Summary[edit | edit source]`.
    // A heading written bold as well (`## **Timeline (all times EDT)**`, as a
    // document editor's export writes every heading) names what its words name.
    let heading = heading
        .trim()
        .trim_start_matches(['*', '_'])
        .trim_end_matches(['*', '_'])
        .trim();
    let heading = strip_section_number(strip_edit_links(heading));
    field_named_by(heading, extra)
        .or_else(|| {
            // A trailing parenthesis qualifies the section, it does not name it:
            // `Timeline (PT)`, `Timeline (all times approximate)`, `Action items (draft)`.
            let bare = heading.trim_end();
            let open = bare.strip_suffix(')').and_then(|b| b.rfind('('))?;
            field_named_by(&bare[..open], extra)
        })
        .or_else(|| {
            // A heading in two languages (`Acciones · Action items`, `Zeitablauf /
            // Timeline`): the part that names a section, when only one does.
            let sep = [" · ", " / ", " | "]
                .into_iter()
                .find(|sep| heading.contains(sep))?;
            let mut named = heading
                .split(sep)
                .filter_map(|part| field_named_by(part, extra));
            let first = named.next()?;
            named.all(|f| f == first).then_some(first)
        })
}

/// A heading without the number a numbered template puts before it (`1. Incident
/// Summary`, `2) Timeline`, `6.1 Action items`, `3 - Root cause`): the number is
/// followed by a stop, a parenthesis or a dash and a space (or by a space after a
/// dotted number), and words follow. A heading that is only a number, or a number
/// that is part of the words (`5 whys`, `2025 outage`), is kept as written.
pub(super) fn strip_section_number(heading: &str) -> &str {
    let t = heading.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return heading;
    }
    let mut rest = &t[digits..];
    // `6.1`, `2.3.4`: a dotted section number.
    let mut dotted = false;
    while let Some(after) = rest.strip_prefix('.') {
        let more = after.bytes().take_while(u8::is_ascii_digit).count();
        if more == 0 || more > 2 {
            break;
        }
        rest = &after[more..];
        dotted = true;
    }
    let after_mark = if let Some(r) = rest.strip_prefix(['.', ')', ':']) {
        r
    } else if let Some(r) = [" - ", " – ", " — "]
        .iter()
        .find_map(|dash| rest.strip_prefix(dash))
    {
        r
    } else if dotted {
        rest
    } else {
        return heading;
    };
    let words = after_mark.trim_start();
    let spaced = after_mark.len() > words.len() || rest.starts_with(' ');
    if spaced && words.starts_with(char::is_alphabetic) {
        words
    } else {
        heading
    }
}

/// A heading without the edit links a MediaWiki page shows after it (`[edit]`,
/// `[edit | edit source]`, also without the space: `Timeline[edit]`), which a
/// page copied as text keeps.
pub(super) fn strip_edit_links(heading: &str) -> &str {
    let bare = heading.trim_end();
    for tail in [
        "[edit | edit source]",
        "[edit|edit source]",
        "[edit source]",
        "[edit]",
    ] {
        if let Some(head) = bare.strip_suffix(tail) {
            return head.trim_end();
        }
    }
    heading
}

pub(super) fn field_named_by(heading: &str, extra: &[(String, Field)]) -> Option<Field> {
    let normal = normalise_heading(heading);
    named_by(&normal, extra)
        .or_else(|| named_by(asked_for(&normal)?, extra))
        .or_else(|| named_by(counted(&normal)?, extra))
}

/// A heading that counts its items (`3 things we're changing`, `Five things we
/// learned`), without the count: `things were changing`.
fn counted(normal: &str) -> Option<&str> {
    let (count, rest) = normal.split_once(' ')?;
    let number = count.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            count,
            "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        );
    (number && rest.starts_with("things ")).then_some(rest)
}

/// What a question heading asks for, in a form's words (normalised): `What was the
/// impact?` asks for the impact, `What was the timeline of the incident?` for the
/// timeline, `What were the root causes of this outage?` for the root causes.
fn asked_for(normal: &str) -> Option<&str> {
    let rest = [
        "what was the ",
        "what were the ",
        "what is the ",
        "what are the ",
    ]
    .iter()
    .find_map(|q| normal.strip_prefix(q))?;
    let bare = [
        " of the incident",
        " of this incident",
        " of the outage",
        " of this outage",
        " of the issue",
        " of this issue",
    ]
    .iter()
    .find_map(|tail| rest.strip_suffix(tail))
    .unwrap_or(rest);
    (!bare.is_empty()).then_some(bare)
}

fn named_by(normal: &str, extra: &[(String, Field)]) -> Option<Field> {
    extra
        .iter()
        .find(|(alias, _)| *alias == normal)
        .map(|(_, f)| *f)
        .or_else(|| {
            SECTION_ALIASES
                .iter()
                .find(|(alias, _)| *alias == normal)
                .map(|(_, f)| *f)
        })
}

/// The model keys a section can fill, for `[sections]` in the configuration.
pub fn section_fields() -> Vec<&'static str> {
    ALL_FIELDS.iter().map(|f| field_key(*f)).collect()
}

/// The field of a model key (`root_cause`), for `[sections]` in the configuration.
pub(crate) fn field_named(key: &str) -> Option<Field> {
    ALL_FIELDS.iter().copied().find(|f| field_key(*f) == key)
}

/// Every field a section can fill.
pub(crate) const ALL_FIELDS: &[Field] = &[
    Field::Summary,
    Field::Impact,
    Field::RootCause,
    Field::ContributingFactors,
    Field::Trigger,
    Field::Detection,
    Field::Resolution,
    Field::Timeline,
    Field::Lessons,
    Field::ActionItems,
    Field::Links,
];

pub(crate) fn field_key(field: Field) -> &'static str {
    match field {
        Field::Summary => "summary",
        Field::Impact => "impact",
        Field::RootCause => "root_cause",
        Field::ContributingFactors => "contributing_factors",
        Field::Trigger => "trigger",
        Field::Detection => "detection",
        Field::Resolution => "resolution",
        Field::Timeline => "timeline",
        Field::Lessons => "lessons",
        Field::ActionItems => "action_items",
        Field::Links => "links",
    }
}
