//! Code in a wiki's markup, which no word rule reads: Confluence's and Jira's
//! `{code}` / `{noformat}` blocks. Not `{{monospace}}`: in a Markdown report
//! `{{affected_accounts}}` is a template's variable, a placeholder RS401 reports.

use std::ops::Range;

/// Adds the code regions of wiki markup in `text` to `ranges`: a block from its
/// opening line (`{code:title=consumer.log}`) to its closing mark (`{code}`),
/// or to the end of the text when it is never closed.
pub(super) fn wiki_code(text: &str, ranges: &mut Vec<Range<usize>>) {
    if !text.contains('{') {
        return;
    }
    for (open, close) in [("{code", "{code}"), ("{noformat", "{noformat}")] {
        let mut at = 0;
        while let Some(found) = text[at..].find(open) {
            let start = at + found;
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let opener_end = text[start..]
                .find('}')
                .map_or(text.len(), |i| start + i + 1);
            // Only a mark that opens its line opens a block.
            if !text[line_start..start].trim().is_empty() || opener_end == text.len() {
                at = start + open.len();
                continue;
            }
            let end = text[opener_end..]
                .find(close)
                .map_or(text.len(), |i| opener_end + i + close.len());
            ranges.push(line_start..end);
            at = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::wiki_code;

    #[test]
    fn code_blocks_are_masked() {
        let text = "Before {{should have}} it.\n{code:title=x.log}\n10:42 WARN should have\n{code}\nAfter.\n";
        let mut ranges = Vec::new();
        wiki_code(text, &mut ranges);
        let masked: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            masked,
            ["{code:title=x.log}\n10:42 WARN should have\n{code}"]
        );
        let mut none = Vec::new();
        wiki_code("see {code} in the text\n", &mut none);
        assert!(none.is_empty(), "{none:?}");
    }
}
