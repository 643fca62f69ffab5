//! A table's header, read one way by both Markdown readers (retrospec's own
//! timeline and action-item tables in `body.rs`, tables as written in
//! `parse/freeform/timeline/table.rs`): the first row names the columns, each name
//! normalised as a heading is (`Time (UTC)` is `time utc`), the rows after it are
//! the body. Which column is which stays with each reader: what a name means
//! differs between a table retrospec documents and one a team wrote.

use super::*;

/// The words of an event column's name (`Event`, `What happened`, `Description`):
/// a timeline table's text. The free-form reader also takes `Update`.
pub(crate) const EVENT_WORDS: &[&str] =
    &["event", "what", "description", "text", "details", "action"];

/// A table as the block reader gives it (each row its cells' byte ranges), split
/// into its header and its body.
pub(crate) struct Table<'r> {
    /// The header row's cells.
    pub(crate) header: &'r [Range<usize>],
    /// Each header cell's text normalised as a heading ([`normalise_heading`]).
    pub(crate) names: Vec<String>,
    /// The rows after the header.
    pub(crate) body: &'r [Vec<Range<usize>>],
}

impl<'r> Table<'r> {
    /// The table of `rows` (ranges into `text`); `None` when it has no row at all.
    pub(crate) fn read(text: &str, rows: &'r [Vec<Range<usize>>]) -> Option<Self> {
        let (header, body) = rows.split_first()?;
        let names = header
            .iter()
            .map(|r| normalise_heading(&text[r.clone()]))
            .collect();
        Some(Table {
            header,
            names,
            body,
        })
    }

    /// The first column whose index and name pass `pred`.
    pub(crate) fn column(&self, pred: impl Fn(usize, &str) -> bool) -> Option<usize> {
        self.names.iter().enumerate().position(|(i, n)| pred(i, n))
    }

    /// The header row, from its first cell to its last (empty at 0 without cells).
    pub(crate) fn header_span(&self) -> Span {
        row_span(self.header).unwrap_or(Span::empty(0))
    }
}

/// A row's span, from its first cell to its last; `None` for a row without cells.
pub(crate) fn row_span(row: &[Range<usize>]) -> Option<Span> {
    let (first, last) = (row.first()?, row.last()?);
    Some(Span::new(first.start, last.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_row_names_the_columns() {
        let text = "| Time (UTC) | What happened |\n|---|---|\n| 10:00 | a |\n";
        let cell = |s: &str| {
            let at = text.rfind(s).expect("in the text");
            at..at + s.len()
        };
        let rows = vec![
            vec![cell("Time (UTC)"), cell("What happened")],
            vec![cell("10:00"), cell("a")],
        ];
        let table = Table::read(text, &rows).expect("a table");
        assert_eq!(table.names, ["time utc", "what happened"]);
        assert_eq!(table.body.len(), 1);
        assert_eq!(table.column(|_, n| n.contains("time")), Some(0));
        assert_eq!(
            table.column(|i, n| i != 0 && EVENT_WORDS.iter().any(|w| n.contains(w))),
            Some(1)
        );
        assert_eq!(
            table.header_span().slice(text),
            "Time (UTC) | What happened"
        );
        assert_eq!(row_span(&rows[1]).map(|s| s.slice(text)), Some("10:00 | a"));
        assert_eq!(row_span(&[]), None);
        assert!(Table::read(text, &[]).is_none());
    }
}
