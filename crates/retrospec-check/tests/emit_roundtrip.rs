//! Every example and seed report, written in each form and read back, is the same
//! report: md -> yaml -> json -> md gives the same tree, the same model and the same
//! diagnostic codes.

use std::path::{Path, PathBuf};

use retrospec_check::{Format, check, emit};

/// Every report in `examples/`, `tests/seeds/`, the per-code fixtures and the schema
/// corpus: the fixtures hold the odd cases (bad values, unknown keys, tables, CRLF).
fn reports() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = ["examples", "tests/seeds", "tests/fixtures", "tests/schema"]
        .iter()
        .map(|d| root.join(d))
        .collect();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if Format::from_path(&path).is_some() {
                out.push(path);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 10, "{out:?}");
    out
}

/// Codes that only the Markdown form can produce: a section that conflicts with the
/// front matter (RS008), a list item that could not be read (RS009) and a checkbox
/// that contradicts the item's `status:` (RS306; the written form keeps the status),
/// and a next day inferred under a Markdown date line (RS215; the written form carries
/// the inferred date on the entry) or a date line whose weekday the date does not fall
/// on (RS216; the written form keeps the date, not the weekday). Converting reports them on stderr instead (see
/// `retrospec convert`).
const MARKDOWN_ONLY: &[&str] = &["RS008", "RS009", "RS215", "RS216", "RS306"];

fn codes(text: &str, format: Format) -> Vec<&'static str> {
    let mut c: Vec<&'static str> = check(text, format)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .filter(|c| !MARKDOWN_ONLY.contains(c))
        .collect();
    c.sort_unstable();
    c
}

/// [`codes`] without the policy findings, which a report read as written gathers
/// into RS407 and its canonical form reports one by one, and without RS210: a
/// milestone another tool's front matter gives (`resolvedWhen`) is that tool's
/// record and needs no entry, but the canonical form writes it as the report's
/// own milestone, which does.
fn fact_codes(text: &str, format: Format) -> Vec<&'static str> {
    codes(text, format)
        .into_iter()
        .filter(|c| {
            !matches!(*c, "RS407" | "RS210") && !retrospec_check::policy::POLICY_CODES.contains(c)
        })
        .collect()
}

#[test]
fn every_report_survives_md_yaml_json_md() {
    for path in reports() {
        let text = std::fs::read_to_string(&path).expect("read");
        let format = Format::from_path(&path).expect("form");
        let checked = check(&text, format);
        let Some(parsed) = &checked.parsed else {
            continue;
        };
        // A duplicate key or another syntax error: refused by convert and fmt (tested below).
        if emit::syntax_error(&checked.diagnostics).is_some() || !parsed.tree.to_json().is_object()
        {
            continue;
        }
        let tree = parsed.tree.to_json();
        let model = checked.model.clone();
        let freeform = parsed.freeform.is_some();
        let codes = if freeform { fact_codes } else { codes };
        let want_codes = codes(&text, format);
        // Suppressions are comments, and comments do not travel (convert names them on
        // stderr): what they silence comes back, so only the tree and model are compared.
        let compare_codes = parsed.suppressions.is_empty();
        let mut current = text.clone();
        let mut current_format = format;
        for next in [
            Format::Markdown,
            Format::Yaml,
            Format::Json,
            Format::Markdown,
        ] {
            let c = check(&current, current_format);
            let written = emit::write(&c.parsed.expect("parses").tree.to_json(), next);
            let back = check(&written, next);
            let name = format!("{} as {next:?}", path.display());
            let back_tree = back.parsed.as_ref().map(|p| p.tree.to_json());
            assert_eq!(back_tree.as_ref(), Some(&tree), "{name}:\n{written}");
            assert_eq!(back.model, model, "{name}");
            // A zone stated in prose ("All times are in CET" under the timeline) travels
            // only with that prose: a form that drops the paragraph (named on stderr) reads
            // the times as zoneless, so the codes are compared where the zone travelled.
            let zone_travelled = retrospec_check::time::scan_report_zone(&written).is_some()
                == retrospec_check::time::scan_report_zone(&text).is_some();
            if compare_codes && zone_travelled {
                assert_eq!(codes(&written, next), want_codes, "{name}:\n{written}");
            }
            // Writing is stable: the written form, written again, is the same text.
            let again = emit::write(&back_tree.expect("tree"), next);
            assert_eq!(again, written, "{name}");
            current = written;
            current_format = next;
        }
    }
}

/// `fmt` keeps every report's meaning (the same tree and model, times normalised) and
/// is idempotent: formatting a formatted report changes nothing.
#[test]
fn tidy_keeps_meaning_and_is_idempotent_on_every_report() {
    use retrospec_check::emit::tidy::{Tidied, normalise_times, tidy};
    let mut changed = 0;
    for path in reports() {
        let text = std::fs::read_to_string(&path).expect("read");
        let format = Format::from_path(&path).expect("form");
        let before = check(&text, format);
        let name = path.display();
        let Some(parsed) = &before.parsed else {
            assert!(matches!(tidy(&text, format), Tidied::Refused(_)), "{name}");
            continue;
        };
        if emit::syntax_error(&before.diagnostics).is_some() {
            assert!(matches!(tidy(&text, format), Tidied::Refused(_)), "{name}");
            continue;
        }
        let once = match tidy(&text, format) {
            Tidied::Changed(t) => {
                changed += 1;
                t
            }
            Tidied::Unchanged => text.clone(),
            Tidied::Refused(why) => panic!("{name}: refused: {why}"),
        };
        let after = check(&once, format);
        let want = normalise_times(&parsed.tree.to_json());
        assert_eq!(
            after.parsed.as_ref().map(|p| p.tree.to_json()),
            Some(want.clone()),
            "{name}"
        );
        let want_model: Option<retrospec_check::Postmortem> = serde_json::from_value(want)
            .ok()
            .filter(|_| !before.has_errors());
        if let Some(m) = want_model {
            assert_eq!(after.model, Some(m), "{name}");
        }
        assert_eq!(codes(&once, format), codes(&text, format), "{name}");
        assert_eq!(
            tidy(&once, format),
            Tidied::Unchanged,
            "{name}: not idempotent"
        );
    }
    assert!(
        changed > 0,
        "no report needed formatting; the test would prove nothing"
    );
}
