//! The cells of an action-item table as a team fills them in, read in the model's
//! terms (a report read as written only; retrospec's own form is checked as written):
//!
//! | cell | written | read as |
//! |---|---|---|
//! | Due | `28 November`, `Nov 28` (no year) | the first such day on or after the report's date (`2025-11-28`) |
//! | Due | `8/15`, `15/8` (a slash, no year) | the same, month or day first as the table's cells say: a number above 12 is the day, and fixes the order of the others (`8/5` beside `8/22`); when no cell says, as the report's slashed dates with a year say (`13/08/2025`); else left as written |
//! | Due | `Done`, `Won't do` (a status, not a day) | the item's `status`, when no Status cell gives one |
//! | Due | `-`, `n/a`, `None` | no due date |
//! | Owner | `Unassigned`, `None`, `Nobody`, `-`, `n/a` | no owner (RS301) |
//! | Type, Kind | `Prevent`, `Prevention`, `Mitigation`, `Detection`, `Monitoring`, `Process`, `Documentation`, `Investigation` (any case) | the model's `type` (`prevent`, `mitigate`, `detect`, `process`, `investigate`) |
//! | Type, Kind | another kind (`Other`, `Repair`) | kept as `x-type`, as written |
//! | Priority | not `P0`..`P3` (`High`, `Medium`, `Must have`) | kept as `x-priority`, as written |
//!
//! The report's date is the front matter's `date` (mapped from another tool's),
//! else the first full date written in the report (`Incident date: Tuesday 4
//! November 2025`), else the first written year first with slashes (`2025/08/12`). A day without a year is left as written (RS105) when the report
//! gives no date. A Status cell's words (`In progress`, `Not started`) are read in
//! [`super::status::item_status`].

use jiff::civil::Date;

use crate::time;
use crate::tree::{Node, Value};

/// Reads the due and owner cells of `items` (the `action_items` list) in the
/// model's terms; `front_date` is the report's `date` field when it has one.
pub(crate) fn read_cells(text: &str, items: &mut Node, front_date: Option<&str>) {
    let Value::Seq(items) = &mut items.value else {
        return;
    };
    let mut report_date: Option<Option<Date>> = None;
    // The table's cells settle the order, else the report's dates with a year. The
    // report-wide scan reads the whole text, so it runs only for a slashed due day.
    let cells_order = slashed_order(items);
    let mut month_first: Option<Option<bool>> = None;
    for item in items {
        let Value::Map(fields) = &mut item.value else {
            continue;
        };
        fields.retain(|e| {
            let written = e.value.as_str();
            !(e.key == "owner" && written.is_some_and(is_no_owner)
                || e.key == "due" && written.is_some_and(is_blank)
                || e.key == "type" && written.is_some_and(is_blank))
        });
        if let Some(kind) = fields.iter_mut().find(|e| e.key == "type")
            && let Some(written) = kind.value.as_str()
        {
            match action_type(written) {
                Some(model) => kind.value.value = Value::String(model.into()),
                None => kind.key = "x-type".into(),
            }
        }
        // A priority in the team's words (`High`, `Medium`, `Must have`) has no
        // reading on the model's P0..P3 scale: kept as written under `x-priority`.
        if let Some(priority) = fields.iter_mut().find(|e| e.key == "priority")
            && priority
                .value
                .as_str()
                .is_some_and(|w| !is_model_priority(w))
        {
            priority.key = "x-priority".into();
        }
        let has_status = fields.iter().any(|e| e.key == "status");
        let Some(due) = fields.iter_mut().find(|e| e.key == "due") else {
            continue;
        };
        let Some(written) = due.value.as_str().map(str::to_string) else {
            continue;
        };
        if time::parse_iso_date(written.trim()).is_some() {
            continue;
        }
        // A date with its year in words (`27 Jun 2025`, `June 27, 2025`) or a
        // slashed one with one reading: the day, as the model writes it.
        if let Some(day) = time::parse_date_line(written.trim().trim_matches(['*', '_'])) {
            due.value.value = Value::String(day.to_string());
            continue;
        }
        if let Some(status) = super::status::item_status(&written) {
            if !has_status {
                due.key = "status".into();
                due.value.value = Value::String(status.into());
            }
            continue;
        }
        let report = *report_date.get_or_insert_with(|| {
            front_date
                .and_then(|d| d.get(..10))
                .and_then(time::parse_iso_date)
                .or_else(|| super::date::first_date(text).map(|(d, _)| d))
                .or_else(|| year_first_slashed(text))
        });
        let slashed = slashed_day(&written).and_then(|(a, b)| {
            let month_first = *month_first.get_or_insert_with(|| {
                cells_order.or_else(|| super::date::report_slashed_order(text))
            });
            month_first.map(|month_first| if month_first { (a, b) } else { (b, a) })
        });
        // `07/02/2025` beside `14/02/2025`: the order the cells fix, the year
        // as written.
        let year = slashed_date(&written).and_then(|(.., y)| y);
        let day = match slashed {
            Some((month, day)) if year.is_some() => year.and_then(|y| {
                Date::new(y, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
            }),
            Some((month, day)) => report.and_then(|r| month_day_after(month, day, r)),
            None => report.and_then(|r| day_after(&written, r)),
        };
        if let Some(day) = day {
            due.value.value = Value::String(day.to_string());
        }
    }
}

/// The model's action type for a kind of work as teams write it in a `Type` or
/// `Kind` column (the SRE book's and incident tools' vocabularies, any case):
/// `Prevent`, `Prevention`, `Preventive`, `Mitigate`, `Mitigation`, `Detect`,
/// `Detection`, `Monitoring`, `Process`, `Documentation`, `Runbook`, `Training`,
/// `Investigate`, `Investigation`. `None` for a kind the
/// model has no type for (`Other`, `Repair`: restoring what the incident broke is
/// neither mitigating nor preventing a repeat).
fn action_type(written: &str) -> Option<&'static str> {
    let lower = written
        .trim()
        .trim_matches(['*', '_', '`'])
        .trim()
        .to_lowercase();
    Some(match lower.as_str() {
        "prevent" | "prevention" | "preventive" | "preventative" | "prevent recurrence" => {
            "prevent"
        }
        "mitigate" | "mitigation" | "mitigative" => "mitigate",
        "detect" | "detection" | "monitoring" | "alerting" => "detect",
        // The model's `process`: how people work (runbooks, reviews, training).
        "process"
        | "process change"
        | "process improvement"
        | "documentation"
        | "runbook"
        | "training" => "process",
        "investigate" | "investigation" | "research" => "investigate",
        _ => return None,
    })
}

/// A priority on the model's scale: `P0` to `P3`, in either case.
fn is_model_priority(written: &str) -> bool {
    let w = written.trim().trim_matches(['*', '_', '`']).trim();
    w.len() == 2
        && w.as_bytes()[0].eq_ignore_ascii_case(&b'p')
        && (b'0'..=b'3').contains(&w.as_bytes()[1])
}

/// `28 November` (no year) as the first 28 November on or after `report`.
fn day_after(written: &str, report: Date) -> Option<Date> {
    let read = time::scan_date_line(written, Some(report.year()))?.ok()?;
    if !read.year_inferred || read.weekday_mismatch.is_some() {
        return None;
    }
    if read.date >= report {
        return Some(read.date);
    }
    Date::new(report.year() + 1, read.date.month(), read.date.day()).ok()
}

/// A day written with a slash and no year (`8/15`, `15/8`, `08/22`): its two
/// numbers as written.
fn slashed_day(written: &str) -> Option<(u8, u8)> {
    slashed_date(written).map(|(a, b, _)| (a, b))
}

/// A slashed day (`8/15`, `15/8`) or one with its four-digit year (`07/02/2025`):
/// the two numbers before the year, in the order written, and the year.
fn slashed_date(written: &str) -> Option<(u8, u8, Option<i16>)> {
    let w = written.trim().trim_matches(['*', '_', '`']).trim();
    let (a, rest) = w.split_once('/')?;
    let (b, year) = match rest.split_once('/') {
        Some((b, y)) if y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()) => {
            (b, Some(y.parse::<i16>().ok()?))
        }
        Some(_) => return None,
        None => (rest, None),
    };
    let number = |s: &str| {
        (matches!(s.len(), 1 | 2) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u8>().ok())
            .flatten()
            .filter(|n| *n >= 1)
    };
    Some((number(a)?, number(b)?, year))
}

/// Whether the slashed days of a table's Due cells are month first (`8/15`) or
/// day first (`15/8`): a number above 12 says which is the day, and one such cell
/// fixes the order of the others (`8/5` beside `8/22` is 5 August). `None` when no
/// cell says, or cells say both.
fn slashed_order(items: &[Node]) -> Option<bool> {
    super::date::slashed_order(items.iter().filter_map(|item| {
        let Value::Map(fields) = &item.value else {
            return None;
        };
        fields
            .iter()
            .find(|e| e.key == "due")
            .and_then(|e| e.value.as_str())
            .and_then(slashed_day)
    }))
}

/// The first date written year first with slashes (`2025/08/12`, as East Asian
/// reports write it), for a report whose date is written no other way.
fn year_first_slashed(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find('/') {
        let at = from + i;
        from = at + 1;
        if at < 4 || !bytes[at - 4..at].iter().all(u8::is_ascii_digit) {
            continue;
        }
        if at > 4 && bytes[at - 5].is_ascii_alphanumeric() {
            continue;
        }
        let rest: String = text[at + 1..].chars().take(6).collect();
        let mut parts = rest.splitn(2, '/');
        let (Some(month), Some(day)) = (parts.next(), parts.next()) else {
            continue;
        };
        let day: String = day.chars().take_while(char::is_ascii_digit).collect();
        let (Ok(year), Ok(month), Ok(day)) = (
            text[at - 4..at].parse::<i16>(),
            month.parse::<i8>(),
            day.parse::<i8>(),
        ) else {
            continue;
        };
        if let Ok(date) = Date::new(year, month, day) {
            return Some(date);
        }
    }
    None
}

/// The first `month`/`day` on or after `report`.
fn month_day_after(month: u8, day: u8, report: Date) -> Option<Date> {
    let this = Date::new(
        report.year(),
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    if this >= report {
        return Some(this);
    }
    Date::new(report.year() + 1, this.month(), this.day()).ok()
}

/// A cell that says there is nothing: `-`, `n/a`, `None`.
fn is_blank(written: &str) -> bool {
    let lower = written.trim().trim_matches(['*', '_', '`']).to_lowercase();
    matches!(
        lower.as_str(),
        "none" | "n/a" | "na" | "-" | "--" | "—" | "–"
    )
}

/// An Owner cell that says nobody owns the item.
pub(crate) fn is_no_owner(written: &str) -> bool {
    let lower = written.trim().trim_matches(['*', '_', '`']).to_lowercase();
    is_blank(&lower)
        || matches!(
            lower.as_str(),
            "unassigned" | "not assigned" | "nobody" | "no owner"
        )
}

#[cfg(test)]
mod tests {
    use crate::parse::markdown;
    use crate::tree::Value;

    fn item_fields(text: &str) -> Vec<Vec<(String, String)>> {
        let mut diags = Vec::new();
        let parsed = markdown::parse(text, &mut diags).expect("parses");
        let items = parsed.tree.entry("action_items").expect("action items");
        let Value::Seq(items) = &items.value.value else {
            panic!("a list")
        };
        items
            .iter()
            .map(|i| {
                i.as_map()
                    .expect("map")
                    .iter()
                    .map(|e| (e.key.clone(), e.value.as_str().unwrap_or("").to_string()))
                    .collect()
            })
            .collect()
    }

    const TABLE: &str = "| Action | Owner | Due |\n|---|---|---|\n\
        | Prune the cache | Platform | Done |\n\
        | Alert on queue age | Unassigned | 28 November |\n\
        | Two workers in maintenance | SRE | 10 January |\n\
        | Document the cache | - | n/a |\n";

    #[test]
    fn due_days_without_a_year_take_the_report_s_year_or_the_next() {
        let text = format!(
            "# Mail delayed\n\nIncident date: 4 November 2025.\n\n## Action items\n\n{TABLE}"
        );
        let items = item_fields(&text);
        assert_eq!(items[0][1], ("owner".into(), "Platform".into()));
        assert_eq!(items[0][2], ("status".into(), "done".into()));
        assert_eq!(
            items[1],
            [
                ("title".to_string(), "Alert on queue age".to_string()),
                ("due".to_string(), "2025-11-28".to_string()),
            ]
        );
        assert_eq!(items[2][2], ("due".into(), "2026-01-10".into()));
        assert_eq!(
            items[3],
            [("title".to_string(), "Document the cache".to_string())]
        );
    }

    /// A due date written with its year in words is that day; an ambiguous
    /// slashed one is left as written.
    #[test]
    fn due_dates_with_their_year_in_words_are_days() {
        let text = "# Pick lists late\n\n## Actions\n\n| Action | Owner | Due |\n|---|---|---|\n\
                    | Inventory the certificates | Sione | 27 Jun 2025 |\n\
                    | Log publish failures | Daniel | July 11, 2025 |\n\
                    | Print backup lists | Ana | 03/04/2025 |\n";
        let items = item_fields(text);
        assert_eq!(items[0][2], ("due".into(), "2025-06-27".into()));
        assert_eq!(items[1][2], ("due".into(), "2025-07-11".into()));
        assert_eq!(items[2][2], ("due".into(), "03/04/2025".into()));
        let codes: Vec<&str> = crate::check(text, crate::Format::Markdown)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        assert_eq!(
            codes.iter().filter(|c| **c == "RS105").count(),
            1,
            "{codes:?}"
        );
    }

    /// Slashed days without a year take the order the table's cells fix (a number
    /// above 12 is the day) and the report's year; with no cell to say, they are
    /// left as written.
    #[test]
    fn slashed_due_days_take_the_order_their_table_fixes() {
        let table = |cells: [&str; 3]| {
            format!(
                "# API errors\n\nIncident date: 12 August 2025.\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n\
                 | Close connections | @yuki | {} |\n| Split the pool | @kenta | {} |\n| Alert on waits | @mariko | {} |\n",
                cells[0], cells[1], cells[2]
            )
        };
        let dues = |text: &str| -> Vec<String> {
            item_fields(text)
                .iter()
                .map(|i| {
                    i.iter()
                        .find(|(k, _)| k == "due")
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                })
                .collect()
        };
        assert_eq!(
            dues(&table(["8/15", "8/5", "9/1"])),
            ["2025-08-15", "2026-08-05", "2025-09-01"]
        );
        assert_eq!(
            dues(&table(["15/8", "5/9", "1/9"])),
            ["2025-08-15", "2025-09-05", "2025-09-01"]
        );
        assert_eq!(dues(&table(["8/5", "9/1", "10/2"])), ["8/5", "9/1", "10/2"]);
        // With their years: the order the cells fix, the year as written; left as
        // written when no cell fixes it.
        assert_eq!(
            dues(&table(["14/02/2025", "07/02/2025", "28/02/2025"])),
            ["2025-02-14", "2025-02-07", "2025-02-28"]
        );
        assert_eq!(
            dues(&table(["07/02/2025", "08/03/2025", "09/04/2025"]))[0],
            "07/02/2025"
        );
        // No cell says: the report's own slashed dates with a year settle it.
        let dated = |date: &str| {
            table(["8/5", "9/1", "10/2"]).replace(
                "12 August 2025.",
                &format!("12 August 2025 (logged {date})."),
            )
        };
        assert_eq!(
            dues(&dated("13/08/2025")),
            ["2026-05-08", "2026-01-09", "2026-02-10"]
        );
        assert_eq!(
            dues(&dated("08/13/2025")),
            ["2026-08-05", "2025-09-01", "2025-10-02"]
        );
    }

    /// A Kind or Type column in a team's words: the model's type where the
    /// meaning is clear, the kind as written under `x-type` otherwise.
    #[test]
    fn kinds_of_work_read_as_the_model_s_types() {
        let text = "# Mail delayed\n\n## Action items\n\n| Action | Kind |\n|---|---|\n\
            | Probe the responder | Detect |\n| Fail the renewal job | **Prevention** |\n\
            | Drain the queue faster | MITIGATE |\n| Review the runbook | process |\n\
            | Schedule a failure test | Other |\n| Re-send the lost mail | Repair |\n\
            | Find why the cache grew | Investigation |\n| Page sooner | - |\n\
            | Graph queue age | Monitoring |\n| Update the runbook | Documentation |\n";
        let kinds: Vec<Option<(String, String)>> = item_fields(text)
            .into_iter()
            .map(|fields| fields.into_iter().find(|(k, _)| k != "title"))
            .collect();
        let kind = |k: &str, v: &str| Some((k.to_string(), v.to_string()));
        assert_eq!(
            kinds,
            [
                kind("type", "detect"),
                kind("type", "prevent"),
                kind("type", "mitigate"),
                kind("type", "process"),
                kind("x-type", "Other"),
                kind("x-type", "Repair"),
                kind("type", "investigate"),
                None,
                kind("type", "detect"),
                kind("type", "process"),
            ]
        );
        // Nothing is reported about them: not a type the model lacks, nor the key.
        let found = crate::check(text, crate::Format::Markdown).diagnostics;
        assert!(
            !found.iter().any(|d| d.code.starts_with("RS1")),
            "{:?}",
            found
                .iter()
                .map(|d| (d.code, &d.message))
                .collect::<Vec<_>>()
        );
        // Retrospec's own form is checked as written.
        let own = format!(
            "---\ntitle: t\nstatus: draft\n---\n{}",
            &text[text.find("\n\n").unwrap_or(0)..]
        );
        assert_eq!(item_fields(&own)[0][1], ("type".into(), "Detect".into()));
    }

    #[test]
    fn priorities_off_the_model_s_scale_are_kept_as_written() {
        let text = "# Mail delayed\n\n## Action items\n\n| Task | Owner | Priority |\n|---|---|---|\n\
            | Probe the responder | Ana | High |\n| Drain the queue faster | Ben | p2 |\n\
            | Page sooner | Ana | **Medium** |\n| Graph queue age | Ben | P1 |\n| Add a runbook | Ana | Must have |\n";
        let priorities: Vec<Option<(String, String)>> = item_fields(text)
            .into_iter()
            .map(|fields| fields.into_iter().find(|(k, _)| k.ends_with("priority")))
            .collect();
        let p = |k: &str, v: &str| Some((k.to_string(), v.to_string()));
        assert_eq!(
            priorities,
            [
                p("x-priority", "High"),
                p("priority", "p2"),
                p("x-priority", "**Medium**"),
                p("priority", "P1"),
                p("x-priority", "Must have"),
            ]
        );
        let found = crate::check(text, crate::Format::Markdown).diagnostics;
        assert!(
            !found
                .iter()
                .any(|d| d.code == "RS104" && d.message.contains("High"))
        );
    }

    #[test]
    fn another_tool_s_front_matter_date_dates_the_due_cells() {
        let text = format!("---\nslug: /mail\ndate: 2024-12-02\n---\n\n## Action items\n\n{TABLE}");
        let items = item_fields(&text);
        assert_eq!(items[1][1], ("due".into(), "2025-11-28".into()));
        assert_eq!(items[2][2], ("due".into(), "2025-01-10".into()));
    }

    #[test]
    fn without_a_report_date_a_day_is_left_as_written() {
        let text = format!("# Mail delayed\n\n## Action items\n\n{TABLE}");
        let items = item_fields(&text);
        assert_eq!(items[1][1], ("due".into(), "28 November".into()));
    }

    #[test]
    fn retrospec_s_own_form_is_read_as_written() {
        let text = format!(
            "---\ntitle: Mail delayed\nstatus: draft\ndate: 2025-11-04\n---\n\n## Action items\n\n{TABLE}"
        );
        let items = item_fields(&text);
        assert_eq!(items[1][1], ("owner".into(), "Unassigned".into()));
        assert_eq!(items[1][2], ("due".into(), "28 November".into()));
        assert_eq!(items[0][2], ("due".into(), "Done".into()));
    }
}
