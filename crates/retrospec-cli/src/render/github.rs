//! `--format github`: GitHub workflow commands (annotations on the pull request).

use std::io::{self, Write};

use retrospec_check::{LineIndex, Severity};

use super::json::locate;
use super::{label_for, tool_path};
use crate::check::FileResult;
use crate::escape::visible;

/// Escapes a workflow command's message: `%`, CR and LF (GitHub's rules, as in
/// the `@actions/core` toolkit's `escapeData`).
pub fn github_escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value: the message rules plus `:` and
/// `,`, which separate the command from its properties (`escapeProperty`).
pub fn github_escape_property(s: &str) -> String {
    github_escape_data(s)
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// GitHub Actions workflow commands, one annotation per finding:
/// `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=RS203 zone-season::message`.
/// Columns are 1-based characters, as in the human and JSON output.
pub fn github(out: &mut impl Write, results: &[FileResult]) -> io::Result<()> {
    for result in results {
        let text = result.text.as_deref().unwrap_or("");
        let index = result.text.as_deref().map(LineIndex::new);
        let file = visible(&tool_path(&result.path)).into_owned();
        for d in &result.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let at = locate(index.as_ref(), text, d.span);
            let title = format!("{} {}", d.code, label_for(d));
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                github_escape_property(&file),
                at.line,
                at.column,
                at.end_line,
                at.end_column,
                github_escape_property(&title),
                github_escape_data(&visible(&message)),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_command_escaping() {
        assert_eq!(github_escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(
            github_escape_property("50% a:b,c\r\nd"),
            "50%25 a%3Ab%2Cc%0D%0Ad"
        );
    }
}
