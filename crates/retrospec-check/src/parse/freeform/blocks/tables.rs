//! Tables written in another markup than Markdown's, read as Markdown tables are
//! (each row its cells' byte ranges), so the timeline and action-item readers
//! take them as they take a pipe table:
//!
//! - a wiki's pipe table without a delimiter row: Confluence and Jira
//!   (`||Time||Event||` over `|10:31|Deploy|`), DokuWiki (`^ Date ^ Time ^` over
//!   `| Tue 2025-12-02 | 22:45 |`, `:::` for the cell above), Textile (`|_. Time
//!   |_. Event |`);
//! - an HTML table (`<table>` with `<tr>` rows of `<th>`/`<td>` cells), as a
//!   blog's editor or a wiki export writes it.
//!
//! Written by hand: the rows and cells are all these readers need, and an HTML
//! parser would bring a dependency for one tag family.

use std::ops::Range;

/// The rows of a wiki table in the lines `lines` (ranges into `text`, blank
/// lines left out), or `None` when they are not one: two lines at least, each
/// opening and closing with a cell mark (`|`, `^`), and a header row marked as
/// such (`||`, `^`, `|_.`).
pub(super) fn wiki_table(text: &str, lines: &[Range<usize>]) -> Option<Vec<Vec<Range<usize>>>> {
    if lines.len() < 2 {
        return None;
    }
    let row_line = |l: &Range<usize>| {
        let t = text[l.clone()].trim();
        t.len() >= 2 && t.starts_with(['|', '^']) && t.ends_with(['|', '^'])
    };
    if !lines.iter().all(row_line) {
        return None;
    }
    let head = text[lines[0].clone()].trim_start();
    if !(head.starts_with("||") || head.starts_with('^') || head.starts_with("|_.")) {
        return None;
    }
    let mut rows: Vec<Vec<Range<usize>>> = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let mut row = cells(text, line.clone(), i == 0 && head.starts_with("||"));
        // DokuWiki's `:::`: the cell spans from the row above.
        if let Some(above) = rows.last() {
            for (c, cell) in row.iter_mut().enumerate() {
                if text[cell.clone()].trim() == ":::"
                    && let Some(up) = above.get(c)
                {
                    *cell = up.clone();
                }
            }
        }
        rows.push(row);
    }
    Some(rows)
}

/// The cells of one row at `line`: between single marks (`|`, `^`), or between
/// doubled ones in a Confluence header (`double`), each trimmed, Textile's
/// header mark (`_.`) left out.
fn cells(text: &str, line: Range<usize>, double: bool) -> Vec<Range<usize>> {
    let raw = &text[line.clone()];
    let lead = raw.len() - raw.trim_start().len();
    let row = raw.trim();
    let base = line.start + lead;
    let bytes = row.as_bytes();
    let mut out = Vec::new();
    // Positions of the marks: `||` as one in a Confluence header.
    let mut marks = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if matches!(bytes[i], b'|' | b'^') {
            marks.push(i);
            if double && bytes.get(i + 1) == Some(&b'|') {
                i += 1;
            }
            // The end of a mark, where the cell's content starts.
            marks.push(i + 1);
        }
        i += 1;
    }
    // (start of content, end of content) between each mark's end and the next mark.
    let mut k = 1;
    while k + 1 < marks.len() {
        let (from, to) = (marks[k], marks[k + 1]);
        let mut cell = &row[from..to];
        let mut start = from;
        if let Some(rest) = cell.trim_start().strip_prefix("_.") {
            start = to - rest.len();
            cell = rest;
        }
        let lead = cell.len() - cell.trim_start().len();
        let content = cell.trim();
        out.push(base + start + lead..base + start + lead + content.len());
        k += 2;
    }
    out
}

/// The rows of an HTML table in `text[range]`, or `None` when the range holds no
/// `<table>` with a row of two cells or more: each `<tr>`'s `<th>`/`<td>` cells,
/// their content's ranges (tags inside a cell, `<b>`, are part of its text).
pub(super) fn html_table(text: &str, range: Range<usize>) -> Option<Vec<Vec<Range<usize>>>> {
    let block = &text[range.clone()];
    let lower = block.to_ascii_lowercase();
    let table = lower.find("<table")?;
    let end = lower[table..]
        .find("</table")
        .map_or(lower.len(), |e| table + e);
    let mut rows = Vec::new();
    let mut at = table;
    while let Some(open) = lower[at..end].find("<tr") {
        let row_start = at + open;
        let row_end = lower[row_start..end]
            .find("</tr")
            .map_or(end, |e| row_start + e);
        let mut row = Vec::new();
        let mut c = row_start + 3;
        loop {
            let next = [lower[c..row_end].find("<td"), lower[c..row_end].find("<th")]
                .into_iter()
                .flatten()
                .min();
            let Some(open) = next else { break };
            let tag = c + open;
            // `<thead>` is no cell.
            if lower[tag + 3..].starts_with(|ch: char| ch.is_ascii_alphabetic()) {
                c = tag + 3;
                continue;
            }
            let Some(close) = lower[tag..row_end].find('>') else {
                break;
            };
            let content = tag + close + 1;
            let stop = [
                lower[content..row_end].find("</t"),
                lower[content..row_end].find("<t"),
            ]
            .into_iter()
            .flatten()
            .min()
            .map_or(row_end, |e| content + e);
            let cell = &block[content..stop];
            let lead = cell.len() - cell.trim_start().len();
            let trimmed = cell.trim();
            row.push(range.start + content + lead..range.start + content + lead + trimmed.len());
            c = stop.max(content);
            if c >= row_end {
                break;
            }
            c += 1;
        }
        if !row.is_empty() {
            rows.push(row);
        }
        at = row_end.max(row_start + 3);
    }
    (rows.len() >= 2 && rows.iter().any(|r| r.len() >= 2)).then_some(rows)
}

#[cfg(test)]
mod tests {
    use super::{html_table, wiki_table};

    fn lines(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches('\n');
            if !content.trim().is_empty() {
                out.push(at..at + content.len());
            }
            at += line.len();
        }
        out
    }

    fn shown(text: &str, rows: &[Vec<std::ops::Range<usize>>]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| text[c.clone()].to_string()).collect())
            .collect()
    }

    #[test]
    fn confluence_dokuwiki_and_textile_tables_are_rows_of_cells() {
        let confluence = "||Time||Event||Who||\n|10:31|Deploy completes|CI|\n|11:52|Rollback| |\n";
        let rows = wiki_table(confluence, &lines(confluence)).expect("a table");
        assert_eq!(
            shown(confluence, &rows),
            [
                vec!["Time", "Event", "Who"],
                vec!["10:31", "Deploy completes", "CI"],
                vec!["11:52", "Rollback", ""],
            ]
        );
        let doku = "^ Date ^ Time ^ Event ^\n| Tue 2025-12-02 | 22:45 | Report starts |\n| ::: | 22:52 | Clients hang |\n";
        let rows = wiki_table(doku, &lines(doku)).expect("a table");
        assert_eq!(
            shown(doku, &rows)[2],
            ["Tue 2025-12-02", "22:52", "Clients hang"]
        );
        let textile = "|_. Time |_. Event |\n| 09:02 | Rotation runs |\n";
        let rows = wiki_table(textile, &lines(textile)).expect("a table");
        assert_eq!(shown(textile, &rows)[0], ["Time", "Event"]);
    }

    #[test]
    fn lines_without_a_header_mark_are_no_table() {
        let plain = "| a | b |\n| c | d |\n";
        assert!(wiki_table(plain, &lines(plain)).is_none());
        let prose = "||Time||Event||\nnot a row\n";
        assert!(wiki_table(prose, &lines(prose)).is_none());
    }

    #[test]
    fn an_html_table_is_rows_of_cells() {
        let html = "<table>\n<thead><tr><th>Time</th><th>What happened</th></tr></thead>\n<tbody>\n<tr><td>09:02</td><td>Rotation <b>runs</b>.</td></tr>\n<tr>\n  <td> 09:05 </td>\n  <td>Declines start</td>\n</tr>\n</tbody>\n</table>\n";
        let rows = html_table(html, 0..html.len()).expect("a table");
        assert_eq!(
            shown(html, &rows),
            [
                vec!["Time", "What happened"],
                vec!["09:02", "Rotation <b>runs</b>."],
                vec!["09:05", "Declines start"],
            ]
        );
        assert!(html_table("<p>no table</p>", 0..15).is_none());
    }
}
