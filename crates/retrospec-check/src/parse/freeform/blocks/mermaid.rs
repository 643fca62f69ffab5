//! A mermaid sequence diagram drawn as the timeline (```` ```mermaid ````,
//! `sequenceDiagram`): its messages and notes are the entries.

/// Where the text of a mermaid sequence diagram's message or note starts in
/// `line`: after `A->>B:`, `A-->>B:`, `A-)B:`, `A-xB:` or `Note over A,B:`
/// (`right of`, `left of`). `None` for its other lines.
pub(super) fn mermaid_text(line: &str) -> Option<usize> {
    let (head, _) = line.split_once(':')?;
    let note = head
        .strip_prefix("Note ")
        .or_else(|| head.strip_prefix("note "))
        .is_some_and(|rest| {
            let rest = rest.trim_start().to_ascii_lowercase();
            ["over ", "left of ", "right of "]
                .iter()
                .any(|w| rest.starts_with(w))
        });
    let arrow = ["->>", "-->>", "-)", "--)", "-x", "--x", "->", "-->"]
        .iter()
        .any(|a| head.contains(a))
        && !head.trim().contains(' ');
    if !(note || arrow) {
        return None;
    }
    let after = &line[head.len() + 1..];
    Some(head.len() + 1 + (after.len() - after.trim_start().len()))
}
