//! The top-level blocks of a Markdown body (pulldown-cmark's offset iterator),
//! with ranges in file coordinates.

use super::*;

#[derive(Debug)]
pub(crate) enum Block {
    Heading { level: u8, range: Range<usize> },
    List { items: Vec<Item> },
    Table { rows: Vec<Vec<Range<usize>>> },
    Paragraph { range: Range<usize> },
    Comment,
    Other { range: Range<usize> },
}

#[derive(Debug)]
pub(crate) struct Item {
    pub(crate) range: Range<usize>,
    pub(crate) checked: Option<bool>,
}

impl Block {
    pub(crate) fn range(&self) -> Option<Range<usize>> {
        match self {
            Block::Heading { range, .. } | Block::Paragraph { range } | Block::Other { range } => {
                Some(range.clone())
            }
            Block::List { items } => Some(items.first()?.range.start..items.last()?.range.end),
            Block::Table { rows } => {
                let first = rows.first()?.first()?;
                let last = rows.last()?.last()?;
                Some(first.start..last.end)
            }
            Block::Comment => None,
        }
    }
}

/// The line of a heading that holds its words: the first, unless it is a
/// reStructuredText overline (`=====` above the title, read by Markdown as part
/// of a setext heading).
pub(crate) fn heading_line(raw: &str) -> &str {
    let adornment = |l: &str| {
        let l = l.trim();
        l.len() >= 3
            && l.chars()
                .all(|c| matches!(c, '=' | '-' | '~' | '*' | '+' | '^'))
    };
    raw.lines()
        .find(|l| !adornment(l))
        .or_else(|| raw.lines().next())
        .unwrap_or("")
}

/// Collects the top-level blocks of `body` with ranges in file coordinates.
pub(crate) fn collect_blocks(body: &str, base: usize) -> Vec<Block> {
    collect_view(body, base, &super::View::new(body))
}

/// [`collect_blocks`] of the text pulldown-cmark reads for `body` (see [`super::View`]).
pub(crate) fn collect_view(body: &str, base: usize, view: &super::View) -> Vec<Block> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut list_depth = 0usize;
    let mut current: Option<Block> = None;
    for (event, range) in Parser::new_ext(view.text(), options).into_offset_iter() {
        let range = view.to_body(range.start) + base..view.to_body(range.end) + base;
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    current = Some(match tag {
                        Tag::Heading { level, .. } => Block::Heading {
                            level: level as u8,
                            range: range.clone(),
                        },
                        Tag::List(_) => Block::List { items: Vec::new() },
                        Tag::Table(_) => Block::Table { rows: Vec::new() },
                        Tag::Paragraph => Block::Paragraph {
                            range: range.clone(),
                        },
                        Tag::HtmlBlock
                            if is_comment(&body[range.start - base..range.end - base]) =>
                        {
                            Block::Comment
                        }
                        _ => Block::Other {
                            range: range.clone(),
                        },
                    });
                }
                match (&tag, current.as_mut()) {
                    (Tag::List(_), _) => list_depth += 1,
                    (Tag::Item, Some(Block::List { items })) if list_depth == 1 => {
                        items.push(Item {
                            range: trim_range(body, base, range.clone()),
                            checked: None,
                        })
                    }
                    (Tag::TableHead | Tag::TableRow, Some(Block::Table { rows })) => {
                        rows.push(Vec::new())
                    }
                    (Tag::TableCell, Some(Block::Table { rows })) => {
                        if let Some(row) = rows.last_mut() {
                            row.push(trim_range(body, base, range.clone()));
                        }
                    }
                    _ => {}
                }
                depth += 1;
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if matches!(tag, TagEnd::List(_)) {
                    list_depth = list_depth.saturating_sub(1);
                }
                if depth == 0 {
                    blocks.extend(current.take());
                }
            }
            Event::TaskListMarker(checked) if list_depth == 1 => {
                if let Some(Block::List { items }) = current.as_mut()
                    && let Some(item) = items.last_mut()
                {
                    item.checked = Some(checked);
                }
            }
            Event::Html(_) if depth == 0 => {}
            Event::Rule if depth == 0 => {}
            _ => {}
        }
    }
    blocks
}

pub(super) fn is_comment(html: &str) -> bool {
    let t = html.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// Trims whitespace (and a table cell's pipes) off both ends of a range.
pub(super) fn trim_range(body: &str, base: usize, range: Range<usize>) -> Range<usize> {
    let local = &body[range.start - base..range.end - base];
    let trimmed_start = local.len()
        - local
            .trim_start_matches(|c: char| c.is_whitespace() || c == '|')
            .len();
    let trimmed = local.trim_end_matches(|c: char| c.is_whitespace() || c == '|');
    let end = trimmed.len().max(trimmed_start);
    range.start + trimmed_start..range.start + end
}

// ---------------------------------------------------------------------------
// Sections
