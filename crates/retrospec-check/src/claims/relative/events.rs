//! The words of a relative claim's own event, in the clause right before its
//! duration: "our status page was updated", "the incident was declared", "we
//! paged the on-call", "was rolled back".

use std::sync::LazyLock;

use super::re;
use crate::lean::Lean;

/// The event of the clause before the duration, by its verb: "was updated" with a
/// status page, "declared", "paged", "noticed", "rolled back".
pub(super) static EVENT_STATUS: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\bstatus[\s-]*page\b[^.;]*?\b(?:was|were|got|is)\s+(?:first\s+)?(?:updated|posted|changed)\s*$|\b(?:updated|posted\s+to)\s+(?:the|our)\s+status[\s-]*page\s*$|\b(?:first|initial)\s+(?:public\s+|status\s+|customer\s+)?(?:update|notice|post)\s+(?:went\s+(?:out|up|live)|was\s+(?:posted|published|sent|out|up))\s*$",
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
pub(super) static EVENT_DECLARED: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:incident|outage|it)\s+(?:was|got)\s+(?:formally\s+|only\s+)?declared(?:\s+as\s+(?:an?\s+)?[a-z0-9-]+)?\s*$|\bdeclared\s+(?:an?|the)\s+incident\s*$",
    )
});
/// "was paged", and a page someone sent: "we paged the on-call", "we started
/// paging maintainers", "support paged the database team", "paged the on-call
/// administrator within five minutes of ..."; a notice sent to someone: "the
/// vendor notified IST within 10 minutes of its first alert".
pub(super) static EVENT_PAGED: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were|got)\s+(?:first\s+|only\s+)?paged\s*$|\b(?:first\s+|only\s+)?(?:paged|(?:started|began|begun)\s+paging)\s+(?:the\s+|our\s+|an?\s+|their\s+)?(?:[a-z-]+\s+){0,2}?(?:on-?call|oncall|maintainers?|engineers?|responders?|team|infra|sre|admins?|owners?|someone|us|them)\s*$|\bpaged\s+(?:the|our|an?)\s+(?:[a-z-]+\s+){0,2}?(?:on-?call|oncall|sre|admin|administrator|engineer|responder|team|rotation)s?(?:\s+[a-z-]+){0,2}\s*$|\b(?:notified|informed|alerted)\s+(?:the\s+|our\s+|their\s+)?(?-i:[A-Z][A-Za-z-]*|[a-z-]+)(?:\s+[a-z-]+){0,2}\s*$",
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
/// "the fix was deployed", "we shipped the patch".
pub(super) static EVENT_DEPLOY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were|got)\s+(?:deployed|released|shipped|rolled\s+out)\s*$|\bwe\s+(?:deployed|shipped|released|rolled\s+out)\s+(?:the|a|our)\s+(?:fix|patch|hotfix|change)\s*$",
    )
});
pub(super) static EVENT_REPORTED: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were|got)\s+(?:first\s+|only\s+)?reported(?:\s+to\s+(?:us|the\s+[a-z-]+(?:\s+team)?))?\s*$|\b(?:first|initial)\s+(?:(?:customer|user)\s+)?(?:report|e-?mail|ticket|complaint)\s+(?:reached\s+(?:us|the\s+[a-z-]+(?:\s+team)?)|came\s+in|arrived|landed)\s*$|\b(?:customers?|users?|someone|a\s+[a-z-]+)\s+(?:first\s+)?reported\s+(?:it|the\s+(?:problem|issue|outage))(?:\s+to\s+us)?\s*$",
    )
});
/// "noticed", "detected it", "our alerting caught it".
pub(super) static EVENT_NOTICED: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:noticed|detected|spotted|alerted|caught)(?:\s+(?:it|us|the\s+(?:problem|issue|outage|errors?|failures?)))?\s*(?:only\s+)?$",
    )
});
