//! The words a timeline entry or a sentence of the prose names each role of a
//! relative claim's events by: a small table of synonyms per role, one pattern
//! each. The declaration is "declared" or "opened an incident"; the alert is an
//! alert or alarm that fired, or one named as a noun at an entry's head
//! ("Loss-of-light alarms on both links"); a report from outside is a report,
//! ticket, complaint or the first email or message from a user; the status page
//! updated is a status page, status update or post (every status post is one);
//! the impact's start is the first errors, failures, declines or rejections.

use std::sync::LazyLock;

use super::re;
use crate::lean::Lean;

/// "First login failures", "the first 502s", "first export batches fail".
pub(super) static FIRST_IMPACT: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\bfirst\s+(?:[a-z0-9-]+\s+){0,2}?(?:errors?|failures?|failed|fails?|timeouts?|5\d\ds?|declines?|declined|rejections?|rejected)\b",
    )
});
pub(super) static STATUS_PAGE: LazyLock<Lean> = LazyLock::new(|| {
    re(r"(?i)\bstatus[\s-]*page\b|\bstatuspage\b|\bstatus\s+(?:update|notice|post)\b")
});
/// An alert that fired, in words ("the latency alert fires", "received
/// multiple alerts", "Loss-of-light alarms on both links", "queue-age alert at
/// 08:09"), as a chat bot posts it (`alertbot: FIRING: ingest lag`), as a
/// monitor named in code that fires ("`CheckoutErrorBudgetBurn` fires"), as the
/// monitoring that alerted ("Our monitoring alerted on IMAP login failures"), or as
/// an entry labelled with it ("13:55 Alert: card authorisation success below 90%").
pub(super) static ALERT_ENTRY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)(?-i:\bFIRING\b)|\balert-?bot\b|`[^`\n]{1,60}`\s+(?:fires|fired|triggers|triggered|trips|tripped|goes\s+off|went\s+off)\b|\b(?:monitoring|monitors?|alerting)\s+(?:alerted|alerts)\b|\b(?:monitoring|monitors?|checks?|probes?)\b[^.;]{0,80}?\band\s+alerted\s+(?:at|the|our|on-?call)\b|\b(?:alerts?|alarms?)\b[^.;]*?\b(?:fire|fired|fires|trigger|triggered|triggers|trips|tripped|pages|paged|alerts?\s+the|went\s+off|sounded)\b|\balerts?\s+the\b|\b(?:raised|raises|sent|sends|issued|issues)\s+(?:an?\s+|the\s+|its\s+)?(?:first\s+)?(?:[a-z-]+\s+)?(?:alert|alarm)s?\b|\b(?:alert|alarm)s?\s+(?:was|were)\s+(?:first\s+)?(?:raised|sent|issued)\b|\b(?:monitoring|monitors?|checks?|probes?)\s+(?:began|begins|started|starts)\s+alerting\b|^\W*(?:(?:[01]?\d|2[0-3]):[0-5]\d\s*[-–—:|]?\s*)?(?:detect(?:ed|ion)\W+)?(?:[a-z0-9-]+\s+){0,3}?(?:alerts?|alarms?)\s+(?:on|for|from|in|at)\b|\b(?:received|receives|got|gets)\s+(?:an?\s+|the\s+|multiple\s+|several\s+|many\s+|(?:its|their|our)\s+first\s+|the\s+first\s+)?(?:[a-z-]+\s+)?(?:alerts?|alarms?)\b|^\W*(?:(?:[01]?\d|2[0-3]):[0-5]\d\s*[-–—:|]?\s*)?(?:[a-z0-9-]+\s+){0,2}?(?:alert|alarm)s?\s*[:–—]\s",
    )
});
/// An alert or page that reached someone, someone noticing, and the team
/// seeing it: "One of our engineers saw the queue graph", "@ana sees the
/// messages", "our support team saw the tickets pile up" (customers seeing
/// errors is the impact, not its notice).
pub(super) static NOTICED_ENTRY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:we|i|engineers?|on-?call(?:\s+engineer)?|team|support|sre|ops|admins?|operators?|maintainers?|responders?)|@[a-z0-9_-]+)\s+(?:first\s+|finally\s+|only\s+)?(?:saw|sees|see)\b|\b(?:alerts?|alarms?)\b[^.;]*?\b(?:fire|fired|fires|trigger|triggered|triggers|trips|tripped|pages|paged)\b|\balerts?\s+the\b|\bpaged\b|\bnotic(?:e|es|ed)\b|\bdetect(?:s|ed)\b|\bspott(?:s|ed)\b|\b(?:customers?|users?)\s+report",
    )
});
/// A page, not a status page: "paged", "pages the on-call", "the first page"; a
/// notice sent to someone: "support was alerted by the vendor", "notifies the team".
pub(super) static PAGED_ENTRY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\bpag(?:ed|ing)\b|\bpages\s+(?:the\s+|our\s+|an?\s+)?(?:[a-z-]+\s+){0,2}?(?:on-?call|oncall|engineers?|sre|team|responders?|admins?|administrators?|someone|us|them|maintainers?|primary|secondary)\b|\bpages\s+(?:@[a-z0-9_-]+|[a-z0-9]+[._][a-z0-9._-]*[a-z0-9]|(?-i:[A-Z][a-z]+)\b)|\b(?:a|the|first|second)\s+page\b|\bpage\s+sent\b|\b(?:was|were|is|are|gets|got)\s+(?:notified|informed|alerted)\s+by\b|\b(?:notifies|notified|informs|informed)\b",
    )
});
/// The incident declared, or opened under another word: "declared", "opened an
/// incident", "the incident was opened", "opens the incident channel".
pub(super) static DECLARED_ENTRY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\bdeclar(?:e|es|ed|ing)\b|\bopen(?:s|ed|ing)?\s+(?:an?|the|our)\s+(?:[a-z0-9-]+\s+)?incident\b|\bincident\s+(?:was\s+|is\s+)?opened\b",
    )
});
/// A deploy ("released" alone is too often a lock or a hold).
pub(super) static DEPLOY_ENTRY: LazyLock<Lean> = LazyLock::new(|| {
    re(r"(?i)\b(?:deploy(?:s|ed|ment)?|release|rolled\s+out|rollout|roll-out|shipped)\b")
});
/// A report from outside the team: "reports", "problem-reporting address",
/// "emails support", "first ticket", "complains", "first school rings the
/// helpline".
pub(super) static REPORTED_ENTRY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:rings?|rang|calls?|called|phones?|phoned)\s+(?:the\s+|our\s+)?(?:help\s*line|help\s*desk|support(?:\s+line)?|service\s+desk|hotline)\b|\breport(?:s|ed|ing)?\b|\bcomplain(?:s|ed|ts?)?\b|\btickets?\b|\be-?mail(?:s|ed)\b|\bfirst\s+(?:[a-z-]+\s+){0,2}?(?:e-?mail|message|call)\b|\be-?mail\s+from\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+)?(?:user|customer|member|merchant|client)s?\b",
    )
});
/// The cause found: "identified", "we notice that", "spots the query", "root cause".
pub(super) static IDENTIFIED_ENTRY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\bidentif(?:y|ies|ied|ying)\b|\bfound\b|\bfinds?\b|\bnotic(?:e|es|ed)\b|\bspott?(?:s|ed)?\b|\bpinpoint(?:s|ed)?\b|\bdiagnos(?:e|es|ed)\b|\broot[\s-]+cause\b",
    )
});
/// An entry that says the service is back: "systems back up", "restored",
/// "answers again", "came back online"; not data "restored from" a backup, an
/// operation rather than the service back.
pub(super) static RESTORED_ENTRY: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:restored|recovered|back\s+(?:up|online|to\s+normal|in\s+service)|(?:is|are|was|were|came|comes|come)\s+back|(?:working|running|available|reachable|online|answering|serving)\s+(?:[a-z]+\s+)?again)\b",
    )
});
/// Whether an entry says the service is back ([`RESTORED_ENTRY`]), other
/// than by data "restored from" somewhere.
pub(super) fn restored_entry(text: &str) -> bool {
    RESTORED_ENTRY.find_iter(text).any(|m| {
        let from = text[m.end()..]
            .trim_start()
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("from"));
        !(from && m.as_str().eq_ignore_ascii_case("restored"))
    })
}

/// A change undone: "rolled back", "reverted", and the earlier version put back
/// in either order ("restored the previous GeoIP database", "the prior release
/// was redeployed"). A backup restored is not one: its object is no earlier
/// version of what was changed.
pub(super) static ROLLBACK: LazyLock<Lean> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:roll(?:ing)?[\s-]?back|rolled\s+back|revert(?:s|ed|ing)?)\b|\b(?:restored|reinstated|put\s+back|redeployed|re-deployed|switched\s+back\s+to|went\s+back\s+to)\s+(?:the\s+|our\s+|its\s+)?(?:previous|prior|old|older|last\s+good|last[\s-]known[\s-]good)\s+(?:[a-z0-9-]+\s+){0,2}?(?:version|release|build|config(?:uration)?|database|file|image|deploy(?:ment)?|binary|package|rules?|settings|schema|mapping|index)\b|\b(?:previous|prior|old|older|last\s+good|last[\s-]known[\s-]good)\s+(?:[a-z0-9-]+\s+){0,2}?(?:version|release|build|config(?:uration)?|database|file|image|deploy(?:ment)?|binary|package|rules?|settings|schema|mapping|index)\s+(?:was|were|had\s+been|has\s+been|is)\s+(?:restored|reinstated|put\s+back|redeployed|re-deployed)\b",
    )
});

#[cfg(test)]
mod tests {
    use super::PAGED_ENTRY;

    /// A page sent is a page; pages of a site are not.
    #[test]
    fn a_page_is_sent_not_shown() {
        for text in [
            "Synthetic check fails three runs in a row and pages on-call",
            "On-call paged",
            "The alert pages the payments team",
            "First page to the secondary",
            "alert kafka_under_replicated_partitions fires, pages r.sato",
            "Alert `topup-success-rate` under 80% pages Mira",
            "pages @dana",
        ] {
            assert!(PAGED_ENTRY.is_match(text), "{text}");
        }
        for text in [
            "First blank pages; browser error in the ETA widget",
            "CDN purge complete; last blank pages gone",
        ] {
            assert!(!PAGED_ENTRY.is_match(text), "{text}");
        }
    }
}
