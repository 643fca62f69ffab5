//! `--format junit`: JUnit XML, one test case per file.

use std::io::{self, Write};

use retrospec_check::LineIndex;

use super::json::locate;
use super::{label_for, tool_path};
use crate::check::{FileResult, Policy};

/// Text safe inside XML 1.0: markup characters escaped, and the control
/// characters XML 1.0 cannot carry at all (not even escaped) replaced by U+FFFD.
fn xml(s: &str) -> String {
    let allowed: String = s
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect();
    quick_xml::escape::escape(allowed.as_str()).into_owned()
}

/// JUnit XML: one `testsuite` per file; a file without findings is one passing
/// test case, otherwise each finding is a test case that fails when the policy
/// says the finding fails the check (errors; warnings with `--deny-warnings`).
pub fn junit(out: &mut impl Write, results: &[FileResult], policy: Policy) -> io::Result<()> {
    let tests: usize = results.iter().map(|r| r.diagnostics.len().max(1)).sum();
    let failures = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .filter(|d| policy.fails(d))
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="retrospec" tests="{tests}" failures="{failures}" errors="0">"#
    )?;
    for result in results {
        let file = xml(&tool_path(&result.path));
        let text = result.text.as_deref().unwrap_or("");
        let index = result.text.as_deref().map(LineIndex::new);
        let suite_failures = result
            .diagnostics
            .iter()
            .filter(|d| policy.fails(d))
            .count();
        writeln!(
            out,
            r#"  <testsuite name="{file}" tests="{}" failures="{suite_failures}" errors="0" skipped="0">"#,
            result.diagnostics.len().max(1)
        )?;
        if result.diagnostics.is_empty() {
            writeln!(
                out,
                r#"    <testcase classname="{file}" name="retrospec check" file="{file}"/>"#
            )?;
        }
        for d in &result.diagnostics {
            let at = locate(index.as_ref(), text, d.span);
            let name = xml(&format!(
                "{} {} at {}:{}",
                d.code,
                label_for(d),
                at.line,
                at.column
            ));
            writeln!(
                out,
                r#"    <testcase classname="{file}" name="{name}" file="{file}" line="{}">"#,
                at.line
            )?;
            let mut body = format!(
                "{}:{}:{}: {}[{}]: {}",
                result.path.display(),
                at.line,
                at.column,
                d.severity.as_str(),
                d.code,
                d.message
            );
            if let Some(help) = &d.help {
                body.push_str("\nhelp: ");
                body.push_str(help);
            }
            if policy.fails(d) {
                writeln!(
                    out,
                    r#"      <failure message="{}" type="{}">{}</failure>"#,
                    xml(&d.message),
                    d.code,
                    xml(&body)
                )?;
            } else {
                writeln!(out, "      <system-out>{}</system-out>", xml(&body))?;
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_drops_characters_xml_cannot_carry() {
        assert_eq!(xml("a<b&\"c\u{1}\td"), "a&lt;b&amp;&quot;c\u{fffd}\td");
    }
}
