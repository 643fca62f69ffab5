//! `retrospec rules` and `retrospec explain`: the table of codes and a code's
//! documentation, as text.

use std::io::{self, Write};

use retrospec_check::codes::CodeInfo;
use retrospec_check::registry;

/// `retrospec rules`: one line per code, with its default severity, whether its
/// findings come with a fix, and the first status it checks (blank: always / never / every status).
pub fn rules(out: &mut impl Write) -> io::Result<()> {
    for info in registry::ALL {
        let fix = match info.fix {
            retrospec_check::codes::FixKind::None => String::new(),
            kind => format!("fix: {}", kind.as_str()),
        };
        let from = info
            .from
            .map_or_else(String::new, |s| format!("from {}", s.as_str()));
        writeln!(
            out,
            "{}  {:<20} {:<8} {:<14} {:<14} {}",
            info.code,
            info.name,
            info.severity.as_str(),
            fix,
            from,
            info.summary()
        )?;
    }
    Ok(())
}

/// A code's documentation as Markdown (doc comments keep the space after `///`).
pub(super) fn doc_text(info: &CodeInfo) -> String {
    info.doc
        .lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// `retrospec explain CODE`: the code's documentation.
pub fn explain(out: &mut impl Write, info: &CodeInfo) -> io::Result<()> {
    writeln!(
        out,
        "# {} {} ({})\n",
        info.code,
        info.name,
        info.severity.as_str()
    )?;
    for line in info.doc.lines() {
        writeln!(out, "{}", line.strip_prefix(' ').unwrap_or(line))?;
    }
    Ok(())
}
