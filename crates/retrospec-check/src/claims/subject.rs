//! What a stated duration measures, read from the words around it. A duration is
//! compared only when this is clear; everything else is listed as a claim that was
//! not compared ("the release took 2 weeks to prepare" is not the incident).

use std::sync::LazyLock;

use crate::lean::Lean;
use retrospec_model::Milestone;

use super::duration::Duration;

mod class;
mod other;
mod parts;
pub(super) mod phrasings;
pub(crate) use parts::{sentence_start, state_subject, sub_event};
pub(crate) use phrasings::not_compared;
use phrasings::{FIXED_IN, PLAN_SENTENCE, sentence_head};

/// The milestone pairs a claim may be compared with; any one agreeing is enough.
pub type Pairs = &'static [(Milestone, Milestone)];

/// What a duration measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    /// `incident` (its length) or a metric key (`time_to_detect`, ...).
    pub measures: &'static str,
    /// The milestone pairs that give it.
    pub pairs: Pairs,
    /// Whether a metric label names it ("Time to resolution: ~2h30").
    pub labelled: bool,
}

use crate::span::{ceil_char as ceil, floor_char as floor};
use Milestone::{Acknowledged, Detected, Mitigated, Resolved, Started};

const INCIDENT: Subject = Subject {
    measures: "incident",
    pairs: &[(Started, Resolved), (Started, Mitigated)],
    labelled: false,
};
const DETECT: Pairs = &[(Started, Detected)];
const ACKNOWLEDGE: Pairs = &[(Detected, Acknowledged)];
/// "noticed N later": from the start, or from the detection it follows.
const DETECT_LATER: Pairs = &[(Started, Detected), (Detected, Acknowledged)];
// Not `mitigated` - `started`: a first action ("restarted the pods") often comes
// long before the step that mitigates.
const FIRST_ACTION: Pairs = &[(Started, Acknowledged), (Detected, Acknowledged)];
const MITIGATE: Pairs = &[(Started, Mitigated)];
// A report that never says "resolved" ends with the mitigation: either agreeing is enough.
const RESOLVE: Pairs = &[(Started, Resolved), (Started, Mitigated)];
const RESTORE_ANY: Pairs = &[
    (Started, Mitigated),
    (Started, Resolved),
    (Detected, Mitigated),
    (Detected, Resolved),
    (Acknowledged, Mitigated),
    (Acknowledged, Resolved),
];

/// Where the text is: the summary-like fields read looser introducers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The title, the summary, `impact.description`.
    Summary,
    /// Any other prose.
    Prose,
}

/// A metric's label: "time to detect", "Time to first corrective action", "TTR".
pub(crate) static LABEL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?ix)
        \btime[\s_-]+to[\s_-]+(?:the[\s_-]+)?(?P<what>
            detect(?:ion)? | identif(?:y|ication)
          | acknowledge?(?:ment)?
          | first[\s_-]+(?:corrective[\s_-]+)?(?:action|response) | respon(?:d|se)
          | mitigat(?:e|ion)
          | resol(?:ve|ution) | recover(?:y)? | restor(?:e|ation)
        )\b
        | \b(?:total[\s_-]+)?(?P<what2>resolution|recovery|restoration)[\s_-]+time\b
        | \bTT(?P<abbr>[DAMR])\b",
    )
    .expect("the label pattern is valid")
});

/// What may sit between a label and its duration (`:** `, ` | `, ` was `, the `): ` after
/// "Time to mitigate (TTM)").
static GLUE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\)?[\s*_:=\-–—|]*(?:(?:was|is|of|were|took)\s+)?$")
        .expect("the glue pattern is valid")
});

/// The subject for a label's `what` (or abbreviation letter).
pub fn for_label(what: &str) -> Subject {
    let w = what.to_ascii_lowercase();
    let (measures, pairs) = if w == "d" || w.starts_with("detect") || w.starts_with("identif") {
        ("time_to_detect", DETECT)
    } else if w == "a" || w.starts_with("acknowledge") {
        ("time_to_acknowledge", ACKNOWLEDGE)
    } else if w.starts_with("first") || w.starts_with("respon") {
        ("time_to_first_action", FIRST_ACTION)
    } else if w == "m" || w.starts_with("mitigat") {
        ("time_to_mitigate", MITIGATE)
    } else {
        ("time_to_resolve", RESOLVE)
    };
    Subject {
        measures,
        pairs,
        labelled: true,
    }
}

/// "took N to notice", "took us N to restore service".
static TOOK: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:took|takes|taking|needed|required|spent)(?:\s+(?:us|them|the\s+team|the\s+on-?call(?:\s+engineers?)?|engineers|everyone))?\s*$")
        .expect("the pattern is valid")
});
static TO_VERB: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:for\s+(?:us|the\s+team|anyone|someone)\s+)?(?:to|before\s+(?:we|they|anyone|someone))\s+(?:be\s+|get\s+)?(?P<verb>[a-z]+)")
        .expect("the pattern is valid")
});
/// "noticed 40 minutes later", "restored 2 hours after the start".
static RELATION: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:(?P<later>later)\b|after\s+(?:the\s+)?(?:start|beginning|onset)\b|(?:after|of)\s+(?:the\s+)?(?:first|initial)\s+[a-z]+|of\s+(?:the\s+|our\s+)?(?:release|deploy(?:ment)?|rollout|roll-out|change|update|upgrade|migration)\b|after\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?:started|began|begun|stopped|failed|broke|went\s+down)\b|into\s+the\s+(?:incident|outage))")
        .expect("the pattern is valid")
});
/// A step of the response named as what began: "after the investigation began",
/// "after the call started".
static RESPONSE_STEP: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:investigat\w*|response|responders?|call|bridge|triage|debugg\w*|escalation|meeting|work|rollback|roll-back|mitigation|recovery|fix|repair|on-?call|page|paging|war\s+room)\b")
        .expect("the pattern is valid")
});
static DETECT_VERB: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:notic(?:ed|ing)|detect(?:ed|ing)|spott(?:ed|ing)|discover(?:ed|ing)|identified|alerted|paged|found|reported)\b")
        .expect("the pattern is valid")
});
static RESTORE_VERB: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:restor(?:ed|ing)|recover(?:ed|ing)|mitigat(?:ed|ing)|resolv(?:ed|ing)|fixed|stopped|ceased|subsided|cleared|back\s+(?:up|online|to\s+normal))\b")
        .expect("the pattern is valid")
});

/// The incident named as the subject, anywhere in prose ("the outage lasted",
/// "the site was down for", "services were affected for"), the people it
/// kept from the service ("customers could not log in for"), or a service that
/// failed everything asked of it ("answered every request with tryLater for").
static STRICT: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?ix)(?:
            \b(?:downtime|outage|incident|disruption|degradation|impact|unavailability|interruption)\s+(?:that\s+)?(?:lasted|lasting|took|of|was|totall?ed|spanned|ran|(?:did|would)\s+(?:take|last|run)|(?:has|had)\s+(?:lasted|taken|run))(?:\s+(?:for|just))?
          | \b(?:customers|users|people|players|students|staff|clients|merchants|members|visitors|subscribers)\s+(?:could\s+not|couldn't|could\s+no\s+longer|were\s+unable\s+to|were\s+not\s+able\s+to)\s+[a-z][^.;:,()\n]{2,60}?\s+for
          | \b(?:returned|answered|served|rejected|failed)\s+(?:to\s+)?(?:every|all|each)\s+(?:[a-z-]+\s+){0,2}(?:requests?|calls?|queries|lookups|attempts?|logins?|payments?|uploads?|checks?)\b[^.;:()\n]{0,60}?\s+for
          | \btotal\s+(?:downtime|duration|outage|impact)(?:\s+(?:was|of))?\s*:?
          | \b(?:was|were|been|remained|stayed|went|being|is|are)\s+(?:[a-z]+ly\s+)?(?:down|unavailable|offline|unreachable|inaccessible|degraded|broken|unusable|disabled|stuck|stalled|blocked|halted|frozen|unresponsive|read-only|out\s+of\s+service|affected|impacted|disrupted|without\s+(?:power|service|internet|connectivity|network|access|e-?mail|phones?))\s+for
          | \b(?:customers|users|people|players|students|staff|clients|merchants|members|visitors|subscribers|businesses)\s+(?:had|got|received|saw)\s+(?:no|delayed|late|slow|stale|missing|broken|failed|failing)\s+(?:[a-z-]+\s+){0,3}?(?:service|internet|access|connectivity|power|network|phones?|e-?mails?|mail|messages?|notifications?|timelines?|invoices?|updates?|data|pages?|results|calls?|tickets?|payments?|orders?|deliveries|posts|feeds?|responses?)\s+for
          | \b(?:this|it|the\s+(?:problem|issue|outage|incident|disruption|impact))\s+(?:went\s+on|continued|persisted|carried\s+on|lasted)\s+(?:for\s+)?
        )\s*$",
    )
    .expect("the pattern is valid")
});
/// A coordinated clause with its own subject: "and it was", "but the array".
static NEW_CLAUSE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^(?:and|but|so|then|while)\s+(?:it|we|they|the|our|its|this|that|he|she)\b")
        .expect("the pattern is valid")
});
/// A length whose subject is not the outage: what logs or monitoring recorded
/// ("the controllers had logged correctable errors for several weeks", "the
/// worker printed warnings for two days"), or the time before it ("for the
/// preceding three weeks", "over the previous 2 days").
static OTHER_SUBJECT_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:\b(?:logged|logging|logs|recorded|recording|emitted|emitting|printed|printing|threw|thrown|throwing|raised|raising)\s+(?:[a-z-]+\s+){0,3}?(?:errors?|warnings?|exceptions?|events?|messages?|alerts?|lines?|entries|faults?)\b[^.;]{0,40}?\s+(?:for|over)|\b(?:for|over|during|in)\s+the\s+(?:past|previous|preceding|prior)|\bfor\s+(?:[a-z]+\s+)?(?:weeks|months)\s+before)\s*$")
        .expect("the pattern is valid")
});
/// A service in an outage state with its length straight after, no "for": "In
/// total the CI was down around 1,5 hours", "the portal stayed offline 40 minutes".
static DOWN_BARE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:was|were|been|went|stayed|remained)\s+(?:completely\s+|fully\s+)?(?:down|unavailable|unreachable|offline|inaccessible|out\s+of\s+service)\s*$")
        .expect("the pattern is valid")
});
/// ...unless the length places an event: "was down 2 hours after the deploy".
static RELATIVE_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:after|later|into|since|before|ago|of|earlier|past|in\s+a\s+row|a\s+(?:day|week|month))\b")
        .expect("the pattern is valid")
});
/// "for a period lasting N", "for a period of N": the incident's length in any prose
/// when the clause names the impact and no action of the team.
static PERIOD: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\bfor\s+a\s+(?:period|duration)\s+(?:lasting|of)\s*$")
        .expect("the pattern is valid")
});
/// Looser introducers of the incident's length, read in the summary-like fields.
static LOOSE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:\b(?P<for>for)|\blasted(?:\s+for)?|\blasting|\b(?:went\s+on|continued|persisted)\s+for|\bduration\s*:?)\s*$")
        .expect("the pattern is valid")
});
static NOUN_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:-\s*)?(?:long\s+)?(?:of\s+)?(?:total\s+|complete\s+|partial\s+|full\s+|cascading\s+|global\s+|major\s+|brief\s+|unplanned\s+|site-?wide\s+)?(?:downtime|outage|degradation|disruption|service\s+(?:disruption|degradation|outage)|unavailability|interruption|failure)\b")
        .expect("the pattern is valid")
});

static DOWNTIME_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*of\s+(?:total\s+)?downtime\b").expect("the pattern is valid")
});
/// Words before "N of downtime" that make it an allowance, not what happened:
/// "a 99.9% target allows about 2 hours 12 minutes of downtime", "an error budget
/// of 43 minutes of downtime".
static ALLOWANCE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|budget(?:s|ed)?(?:\s+of)?|toleran(?:ce|t)\s+of|up\s+to|at\s+most)\s+(?:(?:about|around|roughly|approximately|only|just)\s+|~\s*)?$")
        .expect("the pattern is valid")
});
/// A label naming the incident's length: `| Duration | 3h 45m |`, `**Duration**: ...`,
/// `- LENGTH of the disruption: 5 hours`, `| Outage | 2h30 |`, `| Customer impact
/// duration | 3h 15m |`; also a field of a header line whose fields a middle dot
/// or a bullet parts (`**Start:** 16:07 · **Duration:** 41 minutes`).
static LENGTH_LABEL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:^|\n|\||[·•]\s)\s*(?:[-*]\s+)?[*_]*(?:(?:total|outage|incident|impact|customer|user|service|overall)\s+){0,2}(?:(?:duration|length)(?:\s+of\s+(?:the\s+)?(?:customer\s+|user\s+)?(?:disruption|outage|incident|impact))?|downtime|outage)[*_]*\s*(?::|\|)[*_]*\s*$")
        .expect("the pattern is valid")
});
/// A sentence that labels the total as the impact's: "Resolved. Total interruption
/// for the affected accounts: about 1 hour.", "Overall downtime: 52 minutes",
/// "Total customer-visible impact: 2 hours 5 minutes".
static TOTAL_LABEL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*[*_]*(?:total|overall)\s+(?:(?:customer|user|client|service)(?:[\s-](?:visible|facing))?\s+)?(?:downtime|outage|interruption|disruption|unavailability|impact|duration)(?:\s+(?:for|of)\s+(?:the\s+|all\s+)?(?:[a-z-]+\s+){0,3}?[a-z-]+)?[*_]*\s*:[*_]*\s*$")
        .expect("the pattern is valid")
});
/// A line labelled with what was out, in an outage state: "- Saves failing: 25
/// minutes", "API down: 2 hours".
static OUTAGE_STATE_LABEL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)(?:^|\n)\s*(?:[-*]\s+)?[*_]*(?:[a-z][a-z-]*\s+){1,3}(?:failing|down|unavailable|unreachable|offline|broken|degraded)[*_]*\s*:[*_]*\s*$")
        .expect("the pattern is valid")
});
/// The duration is the label's whole value: the line or the sentence ends after it.
static END_OF_VALUE: LazyLock<Lean> =
    LazyLock::new(|| Lean::new(r"^[*_]*\s*(?:\.|\n|$)").expect("the pattern is valid"));
/// "Detection took 10 to 15 minutes", "mitigation took 40 minutes".
static PHASE_TOOK: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?P<what>detection|identification|acknowledge?ment|mitigation|resolution|recovery)\s+(?:took|was|lasted)(?:\s+(?:us|just|only))?\s*$")
        .expect("the pattern is valid")
});
/// "about 26 hours in total", in the summary.
static TOTAL_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:in\s+total|all\s+told|overall|altogether|in\s+all\s*(?:[.,;:)]|$))")
        .expect("the pattern is valid")
});
/// "kept serving the old photos for a total of 47 minutes", in the summary.
static TOTAL_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:for\s+)?(?:a\s+)?total\s+of\s*$").expect("the pattern is valid")
});
/// The team as the subject of a clause: "we retried for a total of 10 minutes".
pub(super) static TEAM_SUBJECT: LazyLock<Lean> = LazyLock::new(|| {
    // "us" in lower case and as a word of its own: `US` is a country, `US/Pacific`
    // a zone and `us-west2` a region.
    Lean::new(
        r"\b(?:(?i:we)\b|us(?:[\s,.;:!?)]|$)|(?i:our\s+team|the\s+team|on-?call|engineers?)\b)",
    )
    .expect("the pattern is valid")
});
/// What makes a duration about something else: "ago", "every", "per", "before".
static NOT_LENGTH_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:ago|late\b|behind|old\b|early|earlier|before|prior|beforehand|from\s+now|per\b|each\b|window|interval|timeout|ttl|cache|retention|sla|cron|delay|backoff|cadence|rotation|apart)").expect("the pattern is valid")
});
/// A duration that is a setting or a rule about something else, never the incident's
/// length: retention ("the store keeps raw files for 14 days", "logs are retained for
/// 30 days"), expiry and time-outs ("tokens expire after 1 hour", "a TTL of 5
/// minutes"), age thresholds ("older than 90 days", "baskets that have been empty for
/// more than 90 days", "inactive for 30 days"), schedules ("runs every 6 hours"),
/// alert conditions ("the alert fires when the queue stays above 500 for 10
/// minutes", "pages if errors persist for 5 minutes"), promises and budgets ("our SLA allows 4 hours", "an error budget of 43
/// minutes", "a 2-year warranty") and configured values ("set to 30 seconds"). Read
/// in the clause just before the duration.
static SETTING_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?ix)(?:
            \b(?:expir(?:e|es|ed|y|ing|ation)|ttl|time-?outs?|lifetime|lease|validity|retention(?:\s+period)?|max(?:imum)?[\s_-]+age|grace\s+period|interval|cadence|cooldown|cool-down|backoff|deadline)\s+(?:(?:is|was|of|after|in|set\s+to|=|:|\(|at)\s+)*(?:(?:at\s+(?:least|most)|about|around|roughly|approximately|over|only|just|up\s+to)\s+)?
          | \b(?:valid|validity|lease[ds]?|ttl)\s+(?:of|for)\s+
          | \b(?:older|newer|younger)\s+than\s+(?:(?:about|around|roughly)\s+)?
          | \b(?:that|which|who|whose|they)\s+(?:have|has)\s+(?:not\s+)?been\b[^.;]*\bfor\s+(?:(?:more|longer|less)\s+than\s+|over\s+|at\s+least\s+|upwards\s+of\s+)?
          | \b(?:inactive|idle|unused|untouched|dormant|abandoned|not\s+(?:been\s+)?(?:used|accessed|touched|updated|modified|opened|logged\s+in(?:to)?|active|seen))\s+(?:for|in|over)\s+(?:(?:more|longer|less)\s+than\s+|over\s+|at\s+least\s+|the\s+(?:last|past)\s+)?
          | \b(?:set|configured|defaults?|defaulted|tuned|raised|lowered|increased|reduced|changed)\s+(?:it\s+)?(?:to|at|of)\s+
          | \b(?:alerts?|alarms?|pages?|monitors?|checks?|rules?|fires?|triggers?)\b[^.;]{0,80}\b(?:when|if|once|whenever|unless)\b[^.;]{0,80}\bfor\s+(?:(?:more|longer)\s+than\s+|over\s+|at\s+least\s+)?
          | \b(?:when|if|once|whenever|unless)\b[^.;,]{0,80}\b(?:stays?|remains?|persists?|exceeds?|is\s+(?:above|below|over|under)|are\s+(?:above|below|over|under))\b[^.;,]{0,60}\bfor\s+(?:(?:more|longer)\s+than\s+|over\s+|at\s+least\s+)?
          | \b(?:sla|slas|slo|slos|error\s+budget|budget|warrant(?:y|ies)|guarantee[sd]?|contract(?:ual(?:ly)?)?|commitment|policy|schedule[ds]?|scheduled|planned|projected)\b[^.;]{0,80}
        )$",
    )
    .expect("the pattern is valid")
});
/// Something kept for a length: "the object store keeps the raw files for 14 days",
/// "messages are retained for 7 days" - unless a verb of state sits between ("the
/// store was unavailable for 14 days" is the incident), see [`STATE_VERB`].
static RETAIN: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(
        r"(?ix)\b(?:keeps?|keeping|kept|retains?|retained|retaining|stores?|stored|storing|caches?|cached|archives?|archived|persists?|preserves?|preserved|saves?)\b(?:\s+[\w'-]+){0,5}?\s+(?:for|up\s+to)\s+(?:(?:at\s+(?:least|most)|about|around|roughly|approximately|over|only|just)\s+)?$",
    )
    .expect("the pattern is valid")
});
static STATE_VERB: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:was|were|is|are|been|being|be|went|stayed|remained|got|became)\b")
        .expect("the pattern is valid")
});
/// ...and just after it: "after 30 days of inactivity", "a 14-day retention", "a
/// 2-year warranty", "of history", "-old backups".
static SETTING_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:of\s+(?:inactivity|idleness|idle\s+time|no\s+activity|non-?use|retention|history|logs?|data|backups?|snapshots?)\b|(?:retention|expiry|expiration|lifetime|warranty|guarantee|budget|grace\s+period|ttl|lease|timeout|time-out|limit|threshold|schedule|cycle|intervals?|increments?|slots?|buckets?)\b|(?:-|\s+)?old\b|or\s+(?:older|more|longer)\b|and\s+(?:older|over)\b)")
        .expect("the pattern is valid")
});
/// A service in an outage state "for" a length: "was down for", "were unreachable for".
static DOWN_FOR: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:was|were|been|went|stayed|remained)\s+(?:completely\s+|fully\s+)?(?:down|unavailable|unreachable|offline|inaccessible)\s+for\s*$")
        .expect("the pattern is valid")
});
/// "the better part of", "the best part of", "a good part of".
static BETTER_PART: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:the\s+(?:better|best|greater)|a\s+good|a\s+large)\s+part\s+of\s+$")
        .expect("the pattern is valid")
});
/// "before <someone> <did something>": the event that ended it.
static BEFORE_CLAUSE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*before\s+(?:a|an|the|our|we|someone|somebody|one|[a-z]+)\b")
        .expect("the pattern is valid")
});
static NOT_LENGTH_BEFORE: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:every|each|per|once\s+in)\s*$").expect("the pattern is valid")
});
/// In a loose "for N": words that say the subject is the impact...
pub(crate) static IMPACT_WORDS: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:down|unavailable|unreachable|offline|outage|degrad|errors?\b|fail(?:ed|ing|ures?|s)?\b|did\s+not|didn't|were\s+not|was\s+not|weren't|wasn't|without|stuck|stall|hung|queued|missing|stale|inflated|overstated|understated|over-?count|under-?count|double[\s-]?count|counted\s+(?:[\w-]+\s+){0,3}twice|duplicated|(?:wrong|incorrect|inaccurate)\s+(?:numbers|figures|data|totals|counts|results|values|metrics|balances|prices|amounts)|empty|blank|dropp|reject|disabled|could\s+not|couldn't|cannot|can't|unable|disrupt|inaccessible|slow|latenc|time[sd]?\s*out|broken|delay|\blate\b|impact|affected|lost|interrupt|5[0-9][0-9]s?\b|not\s+(?:load|work|respond|reachable|available)|\b(?:had|have|received|got)\s+no\s+(?:[a-z-]+\s+){0,3}?(?:service|internet|access|connectivity|power|network|phones?|e-?mails?|mail|messages?|notifications?|timelines?|invoices?|updates?|data|pages?|results|calls?|tickets?|payments?|orders?|deliveries|posts|feeds?|responses?)\b)")
        .expect("the pattern is valid")
});
/// `From <the impact's start> until <its end>, roughly N passed`: the clause
/// before the length ([`classify`]).
static FROM_UNTIL: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*from\s+(?P<a>[^,;]{3,80}?)\s+(?:until|till)\s+(?P<b>[^;]{3,100}?),?\s+(?:(?:roughly|about|around|approximately|nearly|almost|some|just\s+over|over|more\s+than|less\s+than|under)\s+)?$")
        .expect("the pattern is valid")
});
static PASSED_AFTER: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)^\s*(?:passed|elapsed|went\s+by)\b").expect("the pattern is valid")
});
/// ...and words that say it is an action of the team.
static ACTION_WORDS: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"(?i)\b(?:wait|monitor|watch|observ|paus|retr(?:y|ied|ies)|sleep|hold|kept|ran\b|run\b|test|investigat|debug|review|triag|audit|analy[sz]|discuss|meet|cach|retain|budget|froze|freez|block|rate.limit|throttl)")
        .expect("the pattern is valid")
});

/// Where the clause holding byte `at` starts.
pub(super) fn clause_start(text: &str, at: usize) -> usize {
    // At most CLAUSE_REACH bytes back: every claim asks for its clause, and a
    // megabyte without a full stop must not be searched whole for each of them
    // (a clause that long is read from its last CLAUSE_REACH bytes).
    let from = ceil(text, at.saturating_sub(CLAUSE_REACH));
    let head = &text[from..at];
    [". ", ".\n", "; ", "\n\n", "|", "\n- ", "\n* ", "! ", "? "]
        .iter()
        .filter_map(|b| head.rfind(b).map(|i| from + i + b.len()))
        .max()
        .unwrap_or(from)
}

/// How far back a clause is looked for, in bytes.
const CLAUSE_REACH: usize = 600;

/// The cells of a pipe-table row, without its outer pipes.
fn cells(row: &str) -> Vec<&str> {
    let r = row.trim();
    let r = r.strip_prefix('|').unwrap_or(r);
    let r = r.strip_suffix('|').unwrap_or(r);
    r.split('|').collect()
}

/// Whether byte `at` of `text` is on a line of cells (a `|` in it).
fn in_row(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[line_start..line_end].contains('|')
}

/// A pipe table's delimiter row (`|---|:--:|`).
fn is_delimiter(row: &str) -> bool {
    row.contains('-')
        && cells(row).iter().all(|c| {
            let c = c.trim();
            !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':'))
        })
}

/// A header cell that names a metric or the incident's length, alone but for
/// emphasis and a parenthesis ("TTD", "**Time to detect**", "Time to restore
/// (TTR)", "Duration").
fn header_subject(cell: &str) -> Option<Subject> {
    let cell = cell.trim().trim_matches(['*', '_', ' ']);
    let cell = match cell.find('(') {
        Some(i) if cell.ends_with(')') => cell[..i].trim_end().trim_end_matches(['*', '_']),
        _ => cell,
    };
    if let Some(label) = LABEL.captures(cell)
        && let Some(whole) = label.get(0)
        && whole.start() == 0
        && whole.end() == cell.len()
        && let Some(what) = label
            .name("what")
            .or(label.name("what2"))
            .or(label.name("abbr"))
    {
        return Some(for_label(what.as_str()));
    }
    let lower = cell.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "duration"
            | "downtime"
            | "total downtime"
            | "outage duration"
            | "incident duration"
            | "impact duration"
    )
    .then_some(Subject {
        labelled: true,
        ..INCIDENT
    })
}

/// The subject a header cell names among the header's `cells`: a plain
/// "Duration" is the incident's length only beside metrics, times and the
/// incident's own fields (`| Start | End | Duration |`), not beside a step or a
/// component it could be the length of (`| Step | Duration |`).
fn column_subject(cell: &str, cells: &[&str]) -> Option<Subject> {
    let subject = header_subject(cell)?;
    let bare = |c: &str| {
        let c = c.trim().trim_matches(['*', '_', ' ']);
        c[..c.find('(').unwrap_or(c.len())]
            .trim()
            .to_ascii_lowercase()
    };
    if bare(cell) != "duration" {
        return Some(subject);
    }
    cells
        .iter()
        .all(|c| {
            let b = bare(c);
            b == "duration" || header_subject(c).is_some() || INCIDENT_COLUMN.is_match(&b)
        })
        .then_some(subject)
}

/// Header cells about the incident itself, beside which "Duration" is its length.
static INCIDENT_COLUMN: LazyLock<Lean> = LazyLock::new(|| {
    Lean::new(r"^(?:(?:incident|impact|outage)\s+)?(?:start(?:ed)?|end(?:ed)?|began|date|window|impact|severity|sev|status|detected|resolved|mitigated|time\s+window|from|to|until)?$")
        .expect("the pattern is valid")
});

/// For a byte `at` in a body row of a pipe table: `Some(subject)` when the table has
/// that one row of values and its header names the column's metric, else
/// `Some(None)`; `None` outside a table's body. A table of several rows (past
/// incidents, phases) says nothing of this incident by its header.
fn table_column(text: &str, at: usize) -> Option<Option<Subject>> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let row = &text[line_start..line_end];
    if !row.contains('|') || is_delimiter(row) {
        return None;
    }
    // The rows above, nearest first, up to the delimiter row.
    let above: Vec<&str> = text[..line_start]
        .lines()
        .rev()
        .take_while(|l| l.contains('|'))
        .collect();
    let delimiter = above.iter().position(|l| is_delimiter(l))?;
    let header = above.get(delimiter + 1)?;
    let only_row = delimiter == 0
        && text[line_end..]
            .strip_prefix('\n')
            .unwrap_or("")
            .lines()
            .next()
            .is_none_or(|next| !next.contains('|'));
    if !only_row {
        return Some(None);
    }
    let before = text[line_start..at].trim_start();
    let index = before
        .strip_prefix('|')
        .unwrap_or(before)
        .matches('|')
        .count();
    let header_cells = cells(header);
    if header_cells.len() != cells(row).len() {
        return Some(None);
    }
    Some(
        header_cells
            .get(index)
            .and_then(|c| column_subject(c, &header_cells)),
    )
}

/// Bare numbers under a table header that names a metric and its unit
/// (`| TTD (min) | TTR (hours) |` over `| 4 | 1.5 |`), in a table of that one
/// row of values: each number as a duration, with the subject its header names.
pub(crate) fn header_unit_cells(text: &str) -> Vec<(Duration, Subject)> {
    let mut out = Vec::new();
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l.trim_end_matches(['\n', '\r'])))
        })
        .collect();
    for (i, &(_, delimiter)) in lines.iter().enumerate() {
        if i == 0 || !is_delimiter(delimiter) {
            continue;
        }
        let (_, header) = lines[i - 1];
        let Some(&(row_at, row)) = lines.get(i + 1) else {
            continue;
        };
        if !header.contains('|')
            || !row.contains('|')
            || lines.get(i + 2).is_some_and(|(_, next)| next.contains('|'))
        {
            continue;
        }
        let heads = cells(header);
        let values = cells(row);
        if heads.len() != values.len() {
            continue;
        }
        // Where each cell of the row starts in `text`.
        let trimmed = row.trim_start();
        let mut at = row_at + (row.len() - trimmed.len());
        if trimmed.starts_with('|') {
            at += 1;
        }
        for (head, value) in heads.iter().zip(&values) {
            let cell_at = at;
            at += value.len() + 1;
            let cell = *head;
            let head = head.trim().trim_matches(['*', '_', ' ']);
            let Some(open) = head.rfind('(') else {
                continue;
            };
            let Some(unit) = head[open + 1..].strip_suffix(')').map(str::trim) else {
                continue;
            };
            let seconds = match unit.to_ascii_lowercase().as_str() {
                "s" | "sec" | "secs" | "seconds" => 1,
                "m" | "min" | "mins" | "minutes" => 60,
                "h" | "hr" | "hrs" | "hours" => 3_600,
                "d" | "days" => 86_400,
                _ => continue,
            };
            if header_subject(head[..open].trim_end()).is_none() {
                continue;
            }
            let Some(subject) = column_subject(cell, &heads) else {
                continue;
            };
            let number = value.trim();
            let Ok(n) = number.parse::<f64>() else {
                continue;
            };
            if n <= 0.0 || !number.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                continue;
            }
            let start = cell_at + value.find(number).unwrap_or(0);
            let low = n * seconds as f64;
            out.push((
                Duration {
                    range: start..start + number.len(),
                    low,
                    high: low,
                    qualifier: crate::claims::Qualifier::Exact,
                    unit: if n.fract() != 0.0 {
                        seconds / 2
                    } else {
                        seconds
                    },
                },
                subject,
            ));
        }
    }
    out
}

/// What the duration `d` in `text` measures, or `None` when that is not clear.
pub fn classify(text: &str, d: &Duration, place: Place) -> Option<Subject> {
    let start = d.range.start;
    let after = &text[d.range.end..];
    // A metric's label shortly before: "Time to resolution: ~2h30", "| TTR | 2h |".
    // A table's header naming the column over its one row of values
    // ("| TTD | TTM |" over "| 4 min | 38 min |"); in any other row of cells a
    // label is read on the row itself, never on a line above.
    let column = table_column(text, start);
    if let Some(Some(subject)) = column {
        return Some(subject);
    }
    let near = &text[floor(text, start.saturating_sub(120))..start];
    if let Some(label) = LABEL.captures_iter(near).last()
        && let (Some(whole), Some(what)) = (
            label.get(0),
            label
                .name("what")
                .or(label.name("what2"))
                .or(label.name("abbr")),
        )
        && GLUE.is_match(&near[whole.end()..])
        && !(near[whole.end()..].contains('\n') && in_row(text, start))
    {
        return Some(for_label(what.as_str()));
    }
    if phrasings::answers_how_long(text, start) {
        return Some(INCIDENT);
    }
    let before = &text[clause_start(text, start)..start];
    // "Federation was down for nearly four hours before a volunteer renewed the
    // certificate": the outage's length, ended by what follows "before".
    if place == Place::Summary && DOWN_FOR.is_match(before) && BEFORE_CLAUSE.is_match(after) {
        return Some(INCIDENT);
    }
    if phrasings::incident(before, after, place == Place::Summary) {
        return Some(INCIDENT);
    }
    // "the better part of an hour": more than half of it, no band a reviewer
    // would hold the report to; not compared.
    if before.ends_with("part of ") && BETTER_PART.is_match(before) {
        return None;
    }
    if NOT_LENGTH_AFTER.is_match(after)
        || PLAN_SENTENCE.is_match(sentence_head(text, start))
        || phrasings::bounded_in_words(after)
        || NOT_LENGTH_BEFORE.is_match(before)
        || SETTING_BEFORE.is_match(before)
        || RETAIN
            .find(before)
            .is_some_and(|m| !STATE_VERB.is_match(m.as_str()))
        || SETTING_AFTER.is_match(after)
        || OTHER_SUBJECT_BEFORE.is_match(before)
        || other::about_something_else(before, after)
    {
        return None;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    if LENGTH_LABEL.is_match(&text[line_start..start])
        || TOTAL_LABEL.is_match(&text[clause_start(text, start)..start])
        || (place == Place::Summary
            && OUTAGE_STATE_LABEL.is_match(&text[line_start..start])
            && END_OF_VALUE.is_match(after))
    {
        return Some(Subject {
            labelled: true,
            ..INCIDENT
        });
    }
    if let Some(caps) = PHASE_TOOK.captures(before)
        && let Some(what) = caps.name("what")
    {
        return Some(Subject {
            labelled: false,
            ..for_label(what.as_str())
        });
    }
    // "took (us) N to <verb>": the verb says what.
    if let Some(caps) = TO_VERB.captures(after) {
        if !TOOK.is_match(before) {
            return None;
        }
        let verb = caps.name("verb").map_or("", |v| v.as_str());
        let verb_is = |list: &[&str]| {
            list.iter()
                .any(|v| verb.to_ascii_lowercase().starts_with(v))
        };
        return if verb_is(&[
            "notic", "detect", "identif", "spot", "discover", "find", "realis", "realiz",
        ]) {
            Some(Subject {
                measures: "time_to_detect",
                pairs: DETECT_LATER,
                labelled: false,
            })
        } else if verb_is(&["restor", "recover", "mitigat", "resolv", "fix", "stabili"]) {
            Some(Subject {
                measures: "time_to_restore",
                pairs: RESTORE_ANY,
                labelled: false,
            })
        } else {
            None
        };
    }
    // "noticed 40 minutes later", "recovered 2 hours after the start".
    if let Some(caps) = RELATION.captures(after) {
        // "found 38 minutes after the investigation began": counted from a step of
        // the response, not from the start of the incident; not compared.
        if caps
            .get(0)
            .is_some_and(|m| RESPONSE_STEP.is_match(m.as_str()))
        {
            return None;
        }
        // The verb of the nearest sub-clause: "we noticed it, and service was back up N after"
        // (the comma may end a wrapped line: `...first duplicate,⏎and the engineer ...`).
        let comma = [", ", ",\n", ",\r\n"]
            .iter()
            .filter_map(|b| before.rfind(b).map(|i| i + b.len()))
            .max();
        let sub = &before[comma.unwrap_or(0)..];
        let has_verb = |t: &str| DETECT_VERB.is_match(t) || RESTORE_VERB.is_match(t);
        // A clause of its own ("..., and it was rebuilding N after it failed"):
        // its verb alone says what, even when it says nothing this reads.
        let before = if has_verb(sub) || NEW_CLAUSE.is_match(sub) {
            sub
        } else {
            before
        };
        // "paged N after the first errors" counts from a beginning: the start.
        let later = caps.name("later").is_some();
        return if DETECT_VERB.is_match(before) {
            Some(Subject {
                measures: "time_to_detect",
                pairs: if later { DETECT_LATER } else { DETECT },
                labelled: false,
            })
        } else if !later && RESTORE_VERB.is_match(before) {
            Some(Subject {
                measures: "time_to_restore",
                pairs: &[(Started, Mitigated), (Started, Resolved)],
                labelled: false,
            })
        } else {
            None
        };
    }
    // "From the first failures until the queue was back to normal, roughly six
    // hours passed": from the impact's start to its end (span17).
    if place == Place::Summary
        && after.trim_start().starts_with(['p', 'e', 'w'])
        && let Some(caps) = FROM_UNTIL.captures(before)
        && PASSED_AFTER.is_match(after)
        && caps
            .name("a")
            .is_some_and(|a| IMPACT_WORDS.is_match(a.as_str()))
        && caps
            .name("b")
            .is_some_and(|b| RESTORE_VERB.is_match(b.as_str()))
    {
        return Some(INCIDENT);
    }
    if STRICT.is_match(before)
        || FIXED_IN.is_match(before)
        || (DOWNTIME_AFTER.is_match(after) && !ALLOWANCE.is_match(before))
        || (DOWN_BARE.is_match(before) && !RELATIVE_AFTER.is_match(after))
    {
        return Some(INCIDENT);
    }
    if let Some(m) = PERIOD.find(before) {
        let clause = &before[..m.start()];
        if IMPACT_WORDS.is_match(clause) && !ACTION_WORDS.is_match(clause) {
            return Some(INCIDENT);
        }
    }
    if place == Place::Summary {
        if NOUN_AFTER.is_match(after) || TOTAL_AFTER.is_match(after) {
            return Some(INCIDENT);
        }
        // "for a total of N" sums up the impact, unless the team is what went on.
        if let Some(m) = TOTAL_BEFORE.find(before) {
            let clause = &before[..m.start()];
            let sub = &clause[clause.rfind(", ").map_or(0, |i| i + 2)..];
            if !(TEAM_SUBJECT.is_match(sub) && ACTION_WORDS.is_match(sub)) {
                return Some(INCIDENT);
            }
        }
        if let Some(caps) = LOOSE.captures(before) {
            let clause = &before[..caps.get(0).map_or(before.len(), |m| m.start())];
            // "For eleven hours on Sunday, outgoing email was delayed": the clause follows.
            let rest = &after[..after.find(". ").unwrap_or(after.len())];
            let clause = if clause.trim().is_empty() {
                rest
            } else {
                clause
            };
            if caps.name("for").is_none()
                || (IMPACT_WORDS.is_match(clause) && !ACTION_WORDS.is_match(clause))
            {
                return Some(INCIDENT);
            }
        }
    }
    // In any prose, by the class of its words: users unable to do something for
    // the length, the state named after it, the whole episode.
    if class::impact_by_class(before, after) {
        return Some(INCIDENT);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{Place, classify, header_unit_cells};
    use crate::claims::duration;

    fn measures(text: &str, place: Place) -> Vec<&'static str> {
        duration::find(text)
            .iter()
            .map(|d| classify(text, d, place).map_or("unknown", |s| s.measures))
            .collect()
    }

    /// Phrasings of the incident's length seen in real reports: the impact over
    /// "in" a length, an adjective before the noun, "N long" after the noun,
    /// "for N before service was restored"; a plan's length is not it.
    #[test]
    fn real_phrasings_of_the_incident_length() {
        let s = Place::Summary;
        for text in [
            "Everything was fixed in about 50 minutes.",
            "We were able to respond and recover in less than 20 minutes.",
            "At roughly 18:52 UTC the instance experienced a 14 minute cascading failure.",
            "It resolved the issue at 9:12, in an incident less than 20 minutes long.",
            "The endpoint returned HTTP 503 for roughly two hours before service was restored.",
        ] {
            assert_eq!(measures(text, s), ["incident"], "{text}");
        }
        // In any prose: the outage "ran", services "were affected", the outage
        // "did take" (as a non-native writer puts it), people who could not do
        // what the service is for.
        for text in [
            "The outage ran for roughly five and a half hours.",
            "In total, University services were affected for around 18 hours over the weekend.",
            "Bookings were impacted for about 40 minutes.",
            "So the outage did take approx. 3 hours.",
            "The outage had lasted about 2 hours by then.",
            "Customers could not log in to the panel for roughly 50 minutes.",
            "Users were unable to upload photos for about 20 minutes.",
            "In short, the suite was without power for roughly four hours.",
            "Our members had delayed timelines for about a day.",
            "Their clients received no invoice emails for about 40 minutes.",
            "The responders answered every request with the tryLater status for approximately 40 minutes.",
            "The gateway rejected all login attempts for about ten minutes.",
            "During planned maintenance of our HSM cluster on 2025-05-13, the OCSP responders for\ncertificates issued by Harbor TLS ICA G2 answered every request with the tryLater status for\napproximately 40 minutes.",
        ] {
            assert_eq!(measures(text, Place::Prose), ["incident"], "{text}");
        }
        // A person's or a job's running is not the outage's, nor what the
        // team could not do.
        for text in [
            "The import job ran for 40 minutes.",
            "Our on-call engineer ran for the stairs for 2 minutes.",
            "We could not reproduce it for two days.",
            "The engineers were unable to reach the vendor for 3 hours.",
            "Customers had no reason to retry for 3 hours.",
        ] {
            assert_eq!(measures(text, Place::Prose), ["unknown"], "{text}");
        }
        for text in [
            "The next move is planned for Wednesday, starting at 6:00 a.m. and lasting about three hours.",
            "The downtime is projected to last about 30 minutes.",
            "The config was fixed in 2 days by the vendor.",
            "We paused deploys for 2 hours before the freeze was restored.",
            // More than half of it, no band to hold the report to (this pattern
            // once held a backspace where its `\b` belonged, and never matched).
            "The site was down for the better part of an hour.",
            // Bounded in words: between two events, not the incident's length.
            "- Duration: ~27 minutes from the first alert firing to someone taking action.",
        ] {
            assert_eq!(measures(text, s), ["unknown"], "{text}");
        }
    }

    /// The incident's length labelled with who it fell on (`Customer impact
    /// duration`), or as one field of a header line parted by middle dots; a
    /// step's or a setting's duration is not it.
    #[test]
    fn qualified_and_dotted_length_labels() {
        let p = Place::Prose;
        for text in [
            "| Incident start | 01:52 UTC |\n| Customer impact duration | 3h 15m |\n",
            "- User impact duration: 45 minutes\n",
            "**Start:** 14/05/2025 16:07 · **Duration:** 41 minutes\n",
            "Priority: P2 • Total duration: 2 hours\n",
        ] {
            assert_eq!(measures(text, p), ["incident"], "{text}");
        }
        for text in [
            "| Build step duration | 4 minutes |\n",
            "**Start:** 16:07 · **Retry duration:** 5 minutes\n",
            "Priority: P2 · Session duration limit is 30 minutes\n",
        ] {
            assert_eq!(measures(text, p), ["unknown"], "{text}");
        }
    }

    /// A bare answer under a question that asks how long the service was out
    /// measures the outage; under another question, or with words of its own
    /// before it, it does not.
    #[test]
    fn an_answer_to_how_long_it_was_down() {
        let p = Place::Prose;
        for text in [
            "Q: How long was the portal down?\nA: About 40 minutes. We are sorry.\n",
            "**How long did the outage last?**\n\nRoughly two hours.\n",
        ] {
            assert_eq!(measures(text, p), ["incident"], "{text}");
        }
        for text in [
            "Q: How long did the restore take?\nA: About 40 minutes.\n",
            "Q: How long was the portal down?\nA: Backups are kept for 30 days.\n",
            "Q: How long do refunds take?\nA: 5 days.\n",
        ] {
            assert_eq!(measures(text, p), ["unknown"], "{text}");
        }
    }

    /// A table's header names the metric of each column over its one row of
    /// values; under a header of other words, in a table of several rows, or in a
    /// row of another table, nothing is read from a header.
    #[test]
    fn a_table_header_names_its_columns_over_one_row() {
        let p = Place::Prose;
        let m = |t: &str| measures(t, p);
        let tail = ["time_to_detect", "time_to_mitigate", "time_to_resolve"];
        assert_eq!(
            m("| TTD | TTM | TTR |\n|---|---|---|\n| 4 min | 38 min | 1 h 10 min |\n"),
            tail
        );
        assert_eq!(
            m("TTD | TTM | TTR\n--- | :-: | ---\n4 min | 38 min | 70 min\n"),
            tail
        );
        assert_eq!(
            m(
                "| **Time to detect** | Time to mitigate (TTM) | Time to restore |\n|:--|--|--:|\n| 4 min | 38 min | 70 min |"
            ),
            tail
        );
        assert_eq!(
            m("| Start | Duration |\n|---|---|\n| 10:05 | 45 minutes |\n"),
            ["incident"]
        );
        // Transposed: the label on the row.
        assert_eq!(
            m("| Metric | Value |\n|---|---|\n| TTD | 4 min |\n| Time to resolve | 70 min |\n"),
            ["time_to_detect", "time_to_resolve"]
        );
        // Several rows: past incidents, not this one; the header is not read,
        // nor a label rows above.
        assert_eq!(
            m(
                "| Incident | TTD | TTR |\n|---|---|---|\n| Disk | 25 min | 3 hours |\n| TLS | 2 hours | 5 hours |\n"
            ),
            ["unknown"; 4]
        );
        assert_eq!(
            m("| TTR |\n|---|\n| 2 hours |\n| 3 hours |\n"),
            ["unknown"; 2]
        );
        // A header of other words, a row count that differs from the header's.
        assert_eq!(
            m("| Phase | Time spent |\n|---|---|\n| Rebuild | 2 hours |\n"),
            ["unknown"]
        );
        assert_eq!(m("| TTD | TTR |\n|---|---|\n| 4 min |\n"), ["unknown"]);
        // Not a table: no delimiter row.
        assert_eq!(m("TTD | TTR\n4 min | 70 min\n"), ["unknown", "unknown"]);
        // "Duration" beside a step or a component: the length of that, not the incident.
        assert_eq!(
            m("| Step | Duration |\n|---|---|\n| Reindex | 2 hours |\n"),
            ["unknown"]
        );
        assert_eq!(
            m("| Service | Duration |\n|---|---|\n| search | 2 hours |\n"),
            ["unknown"]
        );
        assert_eq!(
            m("| Start | End | Duration |\n|---|---|---|\n| 10:05 | 10:50 | 2 hours |\n"),
            ["incident"]
        );
    }

    /// Bare numbers under headers that name a metric and a unit, in a table of
    /// one row; not under a header without a unit or a metric, nor in several rows.
    #[test]
    fn bare_numbers_under_a_metric_header_with_a_unit() {
        let read = |t: &str| -> Vec<(String, f64, &'static str)> {
            header_unit_cells(t)
                .into_iter()
                .map(|(d, s)| (t[d.range].to_string(), d.low / 60.0, s.measures))
                .collect()
        };
        assert_eq!(
            read("| TTD (min) | TTM (min) | TTR (hours) |\n|---|---|---|\n| 4 | 38 | 1.5 |\n"),
            [
                ("4".into(), 4.0, "time_to_detect"),
                ("38".into(), 38.0, "time_to_mitigate"),
                ("1.5".into(), 90.0, "time_to_resolve"),
            ]
        );
        assert_eq!(
            read("**Time to detect (minutes)** | Incidents\n--- | ---\n12 | 3\n"),
            [("12".into(), 12.0, "time_to_detect")]
        );
        assert_eq!(
            read("| Date | Duration (h) |\n|---|---|\n| 2025-03-04 | 2.5 |\n"),
            [("2.5".into(), 150.0, "incident")]
        );
        for t in [
            "| TTD | TTR |\n|---|---|\n| 4 | 70 |\n",
            "| Pages (count) | TTD (min) |\n|---|---|\n| 3 | n/a |\n",
            "| TTD (min) |\n|---|\n| 4 |\n| 9 |\n",
            "| Step | Duration (min) |\n|---|---|\n| Reindex | 45 |\n",
            "| TTD (min) | TTR (min) |\n|---|---|\n| ~4 | 70+ |\n",
        ] {
            assert_eq!(read(t), [], "{t}");
        }
    }

    /// A data incident's impact in the summary ("dashboards showed inflated
    /// numbers for N"): its length, as "was down for N" is; the words of a
    /// setting that was wrong, or a copy the team made, are not the impact.
    #[test]
    fn wrong_data_for_n_in_the_summary_is_the_incident() {
        let s = Place::Summary;
        for text in [
            "Dashboards showed inflated numbers for about a day and a half, until the rollups were rebuilt.",
            "Reports counted sign-ups twice for 3 hours.",
            "For two days, invoices showed wrong amounts.",
            "The billing page displayed incorrect balances for 40 minutes.",
            "Some events were duplicated for six hours.",
            "Usage was overstated for 2 days in the admin console.",
        ] {
            assert_eq!(measures(text, s), ["incident"], "{text}");
        }
        for text in [
            "The wrong config had been in place for two weeks.",
            "We kept a duplicate of the database for 3 days.",
            "Inflated numbers were reviewed by the team for 2 hours.",
        ] {
            assert_eq!(measures(text, s), ["unknown"], "{text}");
        }
    }

    #[test]
    fn labels_and_the_incident() {
        let p = Place::Prose;
        // Set against another incident, this one's length is still read.
        for text in [
            "Like the previous incident, this outage lasted 2 hours.",
            "As in the last outage, the incident lasted 2 hours.",
        ] {
            assert_eq!(measures(text, Place::Summary), ["incident"], "{text}");
        }
        assert_eq!(
            measures(
                "The homeserver was down for nearly four hours before a volunteer renewed the certificate.",
                Place::Summary
            ),
            ["incident"]
        );
        assert_eq!(
            measures(
                "- How long was the outage visible?\n  - Saves failing: 25 minutes. All wikis working again at 10:31.",
                Place::Summary
            ),
            ["incident"]
        );
        assert_eq!(
            measures("- Saves failing: 25 minutes per retry", Place::Summary),
            ["unknown"]
        );
        assert_eq!(
            measures("- Retry delay: 5 minutes.", Place::Summary),
            ["unknown"]
        );
        assert_eq!(
            measures("**Time to identification:** 6 minutes", p),
            ["time_to_detect"]
        );
        assert_eq!(
            measures("| Time to resolution | ~2h30 |", p),
            ["time_to_resolve"]
        );
        assert_eq!(measures("TTR was about 2 hours", p), ["time_to_resolve"]);
        // The label with "time" after it, as report headers write it.
        for label in [
            "Total Resolution Time: 2 hours 45 minutes",
            "**Resolution time:** 2h 45m",
            "| Recovery Time | 70 min |",
        ] {
            assert_eq!(measures(label, p), ["time_to_resolve"], "{label}");
        }
        assert_eq!(
            measures("Time to detect: within 15 minutes", p),
            ["time_to_detect"]
        );
        assert_eq!(measures("the outage lasted 66 minutes", p), ["incident"]);
        assert_eq!(
            measures("The API was unavailable for 75 minutes.", p),
            ["incident"]
        );
        assert_eq!(
            measures("It took us 40 minutes to notice.", p),
            ["time_to_detect"]
        );
        assert_eq!(
            measures("The on-call noticed it 20 minutes later.", p),
            ["time_to_detect"]
        );
        assert_eq!(
            measures("Service was restored 2 hours after the start.", p),
            ["time_to_restore"]
        );
        // A later clause of its own, after a comma that ends a wrapped line: its own
        // verb says what, not the detection before the comma.
        for text in [
            "The alert paged us within five minutes of the first error,\nand the engineer had the job disabled 28 minutes later.",
            "The alert paged us within five minutes of the first error, and the engineer had the job disabled 28 minutes later.",
        ] {
            assert_eq!(measures(text, p), ["time_to_detect", "unknown"], "{text}");
        }
        assert_eq!(
            measures(
                "The queue filled up,\nand we noticed it 20 minutes later.",
                p
            ),
            ["time_to_detect"]
        );
        let s = Place::Summary;
        assert_eq!(measures("a 1h30m downtime of the service", s), ["incident"]);
        assert_eq!(
            measures("Customers could not log in for 75 minutes.", s),
            ["incident"]
        );
        assert_eq!(measures("Duration: two and a half hours", s), ["incident"]);
        assert_eq!(measures("| Duration | 3h 45m |", p), ["incident"]);
        assert_eq!(
            measures("- LENGTH of the disruption: 5 hours", p),
            ["incident"]
        );
        assert_eq!(measures("**Duration**: 1 hour 38 minutes", p), ["incident"]);
        assert_eq!(
            measures("**Duration of customer impact:** 2h10m", p),
            ["incident"]
        );
        assert_eq!(
            measures("Detection took 10 to 15 minutes.", p),
            ["time_to_detect"]
        );
        assert_eq!(
            measures(
                "The duplicates stopped once the run was paused, 2h40m after they began.",
                p
            ),
            ["time_to_restore"]
        );
        assert_eq!(
            measures(
                "The team noticed the problem 20 minutes after the first failed build.",
                p
            ),
            ["time_to_detect"]
        );
        // A coordinated clause with its own detect or restore verb still reads.
        assert_eq!(
            measures(
                "The disk failed at noon, and we noticed it 20 minutes after it failed.",
                p
            ),
            ["time_to_detect"]
        );
        assert_eq!(
            measures(
                "We paged the team, and the service was restored 2 hours after the start.",
                p
            ),
            ["time_to_restore"]
        );
        assert_eq!(
            measures("It stayed unusable for at least three hours.", p),
            ["incident"]
        );
        assert_eq!(
            measures("This went on for roughly five hours.", s),
            ["incident"]
        );
        assert_eq!(
            measures("For eleven hours on Sunday, outgoing email was delayed.", s),
            ["incident"]
        );
        assert_eq!(measures("Jobs queued for three hours.", s), ["incident"]);
        assert_eq!(
            measures("The site returned a blank page for under 15 minutes.", s),
            ["incident"]
        );
        assert_eq!(
            measures(
                "Deliveries were delayed or failed for a period lasting just under three hours.",
                p
            ),
            ["incident"]
        );
        assert_eq!(
            measures(
                "It was over by Wednesday evening, about 26 hours in total.",
                s
            ),
            ["incident"]
        );
        assert_eq!(
            measures(
                "The mirror handed out broken archives for a total of two hours.",
                s
            ),
            ["incident"]
        );
        // A total labelled as the impact's in its own sentence.
        for text in [
            "Resolved. Total interruption for the affected accounts: about 1 hour.",
            "- All good again. Overall downtime: 52 minutes",
            "| Update | Back up. Total outage of the mail service: 2,5 hours |",
            "> Fixed. **Total disruption:** 40 minutes.",
            "Total customer-visible impact: 2 hours 5 minutes.",
            "Overall user-facing downtime: 52 minutes",
        ] {
            assert_eq!(measures(text, p), ["incident"], "{text}");
        }
        // An allowance of downtime is no length of this incident.
        for text in [
            "A 99.9% target allows about 2 hours 12 minutes of downtime in a quarter.",
            "That leaves an error budget of 43 minutes of downtime a month.",
        ] {
            assert_eq!(measures(text, p), ["unknown"], "{text}");
        }
        assert_eq!(
            measures("The service saw 2 hours 12 minutes of downtime.", p),
            ["incident"]
        );
        for text in [
            "Total retention for the affected accounts: 30 days.",
            "Total interruption budget: 4 hours a year.",
            "Resolved. Total time spent: 3 hours.",
        ] {
            assert_eq!(measures(text, p), ["unknown"], "{text}");
        }
        // An outage state with its length straight after, no "for".
        for text in [
            "In total the CI was down around 1,5 hours.",
            "The portal stayed offline 40 minutes.",
            "- Both runners were unavailable roughly 2 hours",
            "| Impact | the wiki was down 90-ish minutes |",
            "> Search was completely unreachable 1.5h that night.",
        ] {
            assert_eq!(measures(text, p), ["incident"], "{text}");
        }
        // ...but not a length that places an event.
        for text in [
            "The CI was down 2 hours after the deploy.",
            "The portal was offline 3 days ago as well.",
            "It was down 20 minutes into the migration.",
        ] {
            assert_eq!(measures(text, p), ["unknown"], "{text}");
        }
    }

    #[test]
    fn other_durations_are_not_compared() {
        for (text, place) in [
            ("the release took 2 weeks to prepare", Place::Summary),
            ("The rollback took 10 minutes.", Place::Prose),
            (
                "We waited for 10 minutes for DNS to propagate.",
                Place::Summary,
            ),
            ("We monitored errors for 2 hours.", Place::Summary),
            (
                "After the fix we watched the dashboards for a total of 3 hours.",
                Place::Summary,
            ),
            (
                "The broken archives were served for a total of two hours.",
                Place::Prose,
            ),
            ("Alerts fire within 15 minutes of a failure.", Place::Prose),
            ("Our MTTR is 45 minutes.", Place::Prose),
            (
                "We monitored the delayed queue for a period of 2 hours.",
                Place::Prose,
            ),
            ("**Duration of the investigation:** 2h10m", Place::Prose),
            ("Time to detect target: 5 minutes", Place::Prose),
            ("the cache expires every 5 minutes", Place::Summary),
            ("We had an outage of this kind 2 weeks ago", Place::Prose),
            // Another incident's length.
            (
                "The previous incident of this kind, on 2025-05-02, lasted 3 hours.",
                Place::Summary,
            ),
            ("Last year's outage lasted 6 hours.", Place::Summary),
            (
                "A similar disruption in March lasted about two hours.",
                Place::Summary,
            ),
            (
                "We deployed 2 hours before the outage began.",
                Place::Summary,
            ),
            (
                "The job had been failing for 3 weeks before anyone noticed.",
                Place::Summary,
            ),
            (
                "Customers saw errors for 10 minutes per hour",
                Place::Summary,
            ),
            ("The deploy went out 3 hours later.", Place::Prose),
            (
                "A status notice went up at 09:35, 21 minutes after the first failures.",
                Place::Prose,
            ),
            (
                "Notifications arrived up to 40 minutes late.",
                Place::Summary,
            ),
            ("Results were up to six hours old.", Place::Summary),
            (
                "- 19:05 no failover for two hours, incident closed",
                Place::Prose,
            ),
            (
                "Each failover caused 30 to 90 seconds of write errors.",
                Place::Prose,
            ),
            // A coordinated clause of its own: its verb, not the first one, says what.
            (
                "Monitoring paged the on-call engineer quickly, and it was rebuilding about half an hour after it failed.",
                Place::Summary,
            ),
            (
                "- We noticed the errors at once, but the array was resyncing 40 minutes after the disk failed",
                Place::Prose,
            ),
            (
                "| Detection | Alerts fired, and the cache was warming 20 minutes after it broke |",
                Place::Prose,
            ),
        ] {
            assert_eq!(measures(text, place), ["unknown"], "{text}");
        }
    }

    #[test]
    fn settings_and_rules_about_other_things_are_not_the_incident() {
        for text in [
            // Retention.
            "No data was lost: the object store keeps the raw files for 14 days.",
            "Nothing was lost, since failed events are retained for 30 days.",
            "The broker kept undelivered messages for up to 24 hours, so none were dropped.",
            "Backups are stored for 90 days.",
            "Failed uploads stay in a 7-day retention bucket.",
            // Age thresholds and inactivity.
            "Each night a cleanup job deletes carts that have been empty for more than 90 days.",
            "The purge removes accounts inactive for 400 days.",
            "Sessions are dropped after 30 minutes of inactivity.",
            "The script treated every row older than 90 days as expired.",
            "Users who have not logged in for over 60 days were unaffected.",
            // Expiry, time-outs and schedules.
            "The signing tokens expire after 1 hour, so broken sessions failed.",
            "The upstream timeout is 30 seconds and requests failed.",
            "The certificate is valid for 90 days, so renewal failed silently.",
            "The sync job runs on a schedule of 6 hours, so stale data was missing.",
            // Promises, budgets and configured values.
            "Our SLA with customers allows for 4 hours of downtime a year.",
            "The outage consumed the error budget of 43 minutes for the month.",
            "We set the health check grace period to 90 seconds, so pods failed.",
            "The retry limit was raised to 10 minutes after the failed deploys.",
            // Alert conditions.
            "The alert fires when the queue stays above 500 batches for 10 minutes.",
            "The monitor pages if error rates exceed 5% for more than 10 minutes.",
            "When the error rate remains above 2% for 15 minutes, on-call is paged.",
            // Counted from a step of the response, not from the start.
            "The full disk was found 38 minutes after the investigation began.",
            "The cause was identified 20 minutes after the call started.",
            // What logs or monitoring recorded, and the time before the incident.
            "The two controllers had logged correctable errors for several weeks.",
            "- the worker printed warnings for two days before it failed",
            "| db-2 | recorded disk errors over 3 weeks |",
            "Latency was degraded for the preceding three weeks, which nobody noticed.",
            "> The queue failed intermittently over the previous 2 days.",
        ] {
            assert_eq!(measures(text, Place::Summary), ["unknown"], "{text}");
        }
        // Near misses: the incident's own length, said next to the same words.
        for text in [
            "The store was unavailable for 14 days.",
            "Saved baskets were empty for nearly two hours.",
            "Uploads failed for more than 90 minutes.",
            "Checkout requests timed out for 40 minutes.",
            "Customers saw timeouts for 40 minutes.",
            "Nightly reports were missing for three days.",
            "When the disk filled, exports failed for 75 minutes.",
            "Logins failed and users were logged out for 40 minutes.",
            "Mail delivery failed for 2 hours on the previous evening.",
            "Errors were logged by every request for 25 minutes of downtime.",
        ] {
            assert_eq!(measures(text, Place::Summary), ["incident"], "{text}");
        }
    }

    /// "The better part of an hour" is held to no band: not compared.
    #[test]
    fn the_better_part_of_is_not_held_to_a_band() {
        let s = Place::Summary;
        assert_eq!(
            measures("The outage lasted the better part of an hour.", s),
            ["unknown"]
        );
        assert_eq!(
            measures("The outage lasted just shy of an hour.", s),
            ["incident"]
        );
    }

    /// Every claim not compared says why, in its `note`.
    #[test]
    fn every_claim_not_compared_says_why() {
        let text = "# Outage\n\nThe team met for 30 minutes. Time to detect: 4 minutes. The site was down for 2 hours.\n";
        let claims = crate::check(text, crate::Format::Markdown).claims;
        assert_eq!(claims.len(), 3);
        for c in &claims {
            assert_eq!(c.verdict, crate::claims::Verdict::NotCompared);
            let note = c.note.as_deref().unwrap_or_default();
            assert!(note.starts_with("not compared: "), "{c:?}");
        }
        assert!(
            claims[0]
                .note
                .as_deref()
                .unwrap_or_default()
                .contains("what it measures")
        );
        assert!(
            claims[1]
                .note
                .as_deref()
                .unwrap_or_default()
                .contains("time to detect")
        );
        assert!(
            claims[2]
                .note
                .as_deref()
                .unwrap_or_default()
                .contains("start and end")
        );
    }
}
