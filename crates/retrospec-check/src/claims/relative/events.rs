//! The words of a relative claim's own event, in the clause right before its
//! duration: "our status page was updated", "the incident was declared", "we
//! paged the on-call", "was rolled back".

use std::sync::LazyLock;

use super::re;
use crate::lean::Lean;

/// The event of the clause before the duration, by its verb: "was updated" with a
/// status page, "declared", "paged", "noticed", "rolled back".
/// The first word to users in any of its names: "our first announcement went
/// out", "the initial customer notice was published", "we posted the first
/// update on this page".
pub(super) static EVENT_STATUS: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\bstatus[\s-]*page\b[^.;]*?\b(?:was|were|got|is)\s+(?:first\s+)?(?:updated|posted|changed)\s*$|\b(?:updated|posted\s+to)\s+(?:the|our)\s+status[\s-]*page\s*$|\b(?:first|initial)\s+(?:(?:public|status|customer)\s+){0,2}(?:update|notice|post|announcement|communication|status\s+message)\s+(?:went\s+(?:out|up|live)|was\s+(?:posted|published|sent|out|up))\s*$|\b(?:posted|published|put\s+up|sent\s+out)\s+(?:the|our)\s+(?:first|initial)\s+(?:public\s+|status\s+)?(?:update|notice|post|announcement)(?:\s+(?:on|to)\s+(?:this|the|our)\s+(?:status\s+)?page)?\s*$",
    )
});
/// An anchor that is the first report from outside: "the first customer report",
/// "that first email", "the first ticket", "the user's report".
pub(super) static ANCHOR_REPORTED: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^(?:the|that|this|our)\s+(?:first\s+|initial\s+)?(?:(?:customer|user|merchant|member|client)(?:'s)?\s+)?(?:report|e-?mail|ticket|complaint|call)(?:\s+(?:from|by)\s+(?:an?\s+|the\s+)?(?:customer|user|merchant|member|client))?\s*$",
    )
});
/// An anchor that is the declaration: "the declaration", "the incident
/// declaration", "the SEV2 declaration".
pub(super) static ANCHOR_DECLARED: LazyLock<Lean> = LazyLock::new(|| {
    re(r"(?i)^(?:the\s+|our\s+)?(?:(?:incident|outage|sev-?[0-9]|p[0-9])\s+)?declaration\s*$")
});
/// "the incident was declared", "we declared an incident", and "we declared"
/// with nothing after it (an incident's channel says "declare" alone).
pub(super) static EVENT_DECLARED: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:incident|outage|it)\s+(?:was|got)\s+(?:formally\s+|only\s+)?declared(?:\s+as\s+(?:an?\s+)?[a-z0-9-]+)?\s*$|\bdeclared\s+(?:an?|the)\s+incident\s*$|\bwe\s+(?:formally\s+|only\s+)?declared(?:\s+it)?\s*$",
    )
});
/// "was paged", and a page someone sent: "we paged the on-call", "we started
/// paging maintainers", "support paged the database team", "paged the on-call
/// administrator within five minutes of ..."; a notice sent to someone: "the
/// vendor notified IST within 10 minutes of its first alert"; someone told of
/// it ("the control centre was made aware of the failure within 10 minutes").
pub(super) static EVENT_PAGED: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were|got)\s+(?:first\s+|only\s+)?paged\s*$|\b(?:first\s+|only\s+)?(?:paged|(?:started|began|begun)\s+paging)\s+(?:the\s+|our\s+|an?\s+|their\s+)?(?:[a-z-]+\s+){0,2}?(?:on-?call|oncall|maintainers?|engineers?|responders?|team|infra|sre|admins?|owners?|someone|us|them)\s*$|\bpaged\s+(?:the|our|an?)\s+(?:[a-z-]+\s+){0,2}?(?:on-?call|oncall|sre|admin|administrator|engineer|responder|team|rotation)s?(?:\s+[a-z-]+){0,2}\s*$|\b(?:notified|informed|alerted)\s+(?:the\s+|our\s+|their\s+)?(?-i:[A-Z][A-Za-z-]*|[a-z-]+)(?:\s+[a-z-]+){0,2}\s*$|\b(?:was|were)\s+(?:first\s+|only\s+)?(?:made\s+aware|notified|informed)(?:\s+of\s+(?:the|this|our)\s+(?:failure|outage|incident|problem|issue|fault))?\s*$|\b(?:the|a|our|my)\s+(?:first\s+)?page\s+(?:came(?:\s+in|\s+through)?|arrived|went\s+out)\s*$",
    )
});
pub(super) static EVENT_ROLLBACK: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were)\s+(?:rolled\s+back|reverted)\s*$|\b(?:rolled\s+(?:it\s+)?back|reverted\s+(?:it|the\s+[a-z-]+))\s*$",
    )
});

/// "the alert fired", "our latency alarm went off".
pub(super) static EVENT_ALERT: LazyLock<Lean> = LazyLock::new(|| {
    re(r"(?i)\b(?:alert|alarm)s?\s+(?:first\s+|only\s+)?(?:fired|triggered|went\s+off|tripped)\s*$")
});
/// "the fix was deployed", "we shipped the patch", "we had a fix deployed".
pub(super) static EVENT_DEPLOY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were|got)\s+(?:deployed|released|shipped|rolled\s+out)\s*$|\bwe\s+(?:deployed|shipped|released|rolled\s+out)\s+(?:the|a|our)\s+(?:fix|patch|hotfix|change)\s*$|\b(?:had|got)\s+(?:the|a|our)\s+(?:fix|patch|hotfix|change)\s+(?:deployed|shipped|released|rolled\s+out|out)\s*$",
    )
});
/// "was reported", "the first ticket came in", "customers reported it", and
/// the first reports as the team took them: "our help desk started taking
/// customer calls about failed calls", "we began receiving tickets".
pub(super) static EVENT_REPORTED: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:started|began|begun)\s+(?:taking|getting|receiving|fielding)\s+(?:the\s+first\s+)?(?:(?:customer|user|member|client)s?(?:'s?)?\s+)?(?:calls|reports|tickets|complaints|e-?mails)(?:\s+(?:about|on|of|reporting)\s+[^.;,]{1,40}?)?\s*$|\b(?:was|were|got)\s+(?:first\s+|only\s+)?reported(?:\s+to\s+(?:us|the\s+[a-z-]+(?:\s+team)?))?\s*$|\b(?:first|initial)\s+(?:(?:customer|user)\s+)?(?:report|e-?mail|ticket|complaint)\s+(?:reached\s+(?:us|the\s+[a-z-]+(?:\s+team)?)|came\s+in|arrived|landed)\s*$|\b(?:customers?|users?|someone|a\s+[a-z-]+)\s+(?:first\s+)?reported\s+(?:it|the\s+(?:problem|issue|outage))(?:\s+to\s+us)?\s*$",
    )
});
/// "noticed", "detected it", "our alerting caught it".
pub(super) static EVENT_NOTICED: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:noticed|detected|spotted|alerted|caught)(?:\s+(?:it|us|the\s+(?:problem|issue|outage|errors?|failures?)))?\s*(?:only\s+)?$",
    )
});

/// "Moodle was back up", "the site came back online", "access was restored",
/// "everything was working again": the service back, at the end of the clause.
pub(super) static EVENT_RESTORED: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were|is|are|had\s+been|has\s+been|came|got)\s+(?:fully\s+|finally\s+|all\s+)?(?:back(?:\s+(?:up|online|in\s+service|to\s+normal))?|restored|recovered|(?:up|online|working|running|available|reachable)\s+again)\s*$",
    )
});

/// The subject of a page or a notice that is the monitoring itself: "our
/// external monitoring alerted", "an alert on the zero-results ratio paged the
/// on-call", "and our queue-age alert paged the on-call engineer".
static ALERTING_SUBJECT: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:the\s+|our\s+|an?\s+|their\s+|its\s+)?(?:[a-z0-9-]+\s+){0,2}?(?:monitoring|alerting|alerts?|alarms?|probes?|health[\s-]?checks?|uptime\s+checks?|watchdog)\b[^,;]{0,60}$",
    )
});
/// ...whose words name no person or team as the one who acted.
static PERSON: LazyLock<Lean> =
    LazyLock::new(|| re(r"(?i)\b(?:we|i|they|he|she|someone|somebody|support|engineers?)\b"));

/// Whether the subject of the event words starting at `at` of `before` (from
/// the last joint of its clause: a comma, "and", "but") is the monitoring: then
/// the page or notice it sent is the alert firing.
pub(super) fn alerting_subject(before: &str, at: usize) -> bool {
    let head = &before[..at];
    // From the clause's last joint, past a lead-in label ("**Detection.**").
    let from = [", ", " and ", " but ", "; ", "** ", ": ", ". "]
        .iter()
        .filter_map(|j| head.rfind(j).map(|i| i + j.len()))
        .max()
        .unwrap_or(0);
    let subject = &head[from..];
    ALERTING_SUBJECT.is_match(subject) && !PERSON.is_match(subject)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_monitoring_as_subject_is_the_alert() {
        for (before, verb) in [
            ("Our external monitoring alerted", "alerted"),
            (
                "An alert on the zero-results ratio paged the on-call",
                "paged",
            ),
            (
                "The queue stopped at 07:48 and our queue-age alert paged the on-call",
                "paged",
            ),
            (
                "**Detection.** Our monitoring alerted the on-call",
                "alerted",
            ),
        ] {
            let at = before.rfind(verb).expect("the verb");
            assert!(super::alerting_subject(before, at), "{before}");
        }
        for (before, verb) in [
            ("After the alert we paged the on-call", "paged"),
            ("Support saw the alert and paged the on-call", "paged"),
            ("The database team was paged", "paged"),
        ] {
            let at = before.rfind(verb).expect("the verb");
            assert!(!super::alerting_subject(before, at), "{before}");
        }
    }
}
