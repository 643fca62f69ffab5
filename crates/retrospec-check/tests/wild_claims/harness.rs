//! Builds a shape's versions, runs the checker and names the stage a wrong
//! version failed at, from `claims[]`.

use retrospec_check::{Analysis, Config, Format};

/// One phrasing seen in real reports: a report with `{c}` where the claim's
/// sentence goes, and the sentence in each version (`[[...]]` marks the claim).
pub struct Shape {
    pub id: &'static str,
    pub report: &'static str,
    pub agree: Option<&'static str>,
    pub off: Option<&'static str>,
    pub other: Option<&'static str>,
    /// Versions wrong today: `"off: not read"`, `"agree: false alarm"`.
    pub gaps: &'static [&'static str],
}

/// How one version came out.
#[derive(Default)]
pub struct Outcome {
    pub ok: bool,
    pub stage: String,
    pub text: String,
}

/// The report with `sentence` in place of `{c}`, and the byte range of the
/// claim it marks.
fn build(report: &str, sentence: &str) -> (String, std::ops::Range<usize>) {
    let at = report.find("{c}").expect("a report has a {c}");
    let open = sentence.find("[[").expect("a sentence marks its claim");
    let close = sentence.find("]]").expect("a sentence marks its claim");
    let plain = format!(
        "{}{}{}",
        &sentence[..open],
        &sentence[open + 2..close],
        &sentence[close + 2..]
    );
    let text = format!("{}{}{}", &report[..at], plain, &report[at + 3..]);
    (text, at + open..at + close - 2)
}

const CODES: &[&str] = &["RS207", "RS208"];

/// Each version of `shape` and how it came out.
pub fn measure(shape: &Shape) -> Vec<(&'static str, Outcome)> {
    let mut out = Vec::new();
    for (version, sentence) in [
        ("agree", shape.agree),
        ("off", shape.off),
        ("other", shape.other),
    ] {
        let Some(sentence) = sentence else { continue };
        let (text, range) = build(shape.report, sentence);
        let analysis = Analysis::new(text.clone(), Format::Markdown, &Config::default());
        let findings: Vec<_> = analysis
            .diagnostics()
            .iter()
            .filter(|d| CODES.contains(&d.code))
            .collect();
        let on_claim = findings
            .iter()
            .any(|d| d.span.start < range.end && range.start < d.span.end);
        let ok = match version {
            "off" => on_claim,
            _ => findings.is_empty(),
        };
        let stage = if ok {
            String::new()
        } else {
            stage(&analysis, &range, version, &findings)
        };
        out.push((
            version,
            Outcome {
                ok,
                stage,
                text: if ok { String::new() } else { text },
            },
        ));
    }
    out
}

/// Where a wrong version failed: the claim not read, read but not compared
/// (with the reason), compared with a window that is not the claim's, or a
/// finding where none belongs.
fn stage(
    analysis: &Analysis,
    range: &std::ops::Range<usize>,
    version: &str,
    findings: &[&retrospec_check::Diagnostic],
) -> String {
    let json = serde_json::to_value(analysis.claims()).expect("claims serialise");
    let claim = json.as_array().into_iter().flatten().find(|c| {
        let start = c["span"]["start"].as_u64().unwrap_or(0) as usize;
        let end = c["span"]["end"].as_u64().unwrap_or(0) as usize;
        start < range.end && range.start < end
    });
    let compared = |c: &serde_json::Value| {
        let w = &c["compared_with"];
        format!(
            "{} {}..{} ({}s)",
            w["source"].as_str().unwrap_or("?"),
            w["from"].as_str().unwrap_or("?"),
            w["to"].as_str().unwrap_or("?"),
            w["seconds"]
        )
    };
    match version {
        "off" => match claim {
            None => "not read".into(),
            Some(c) if c["verdict"] == "not_compared" => format!(
                "not compared: {} [{}]",
                c["note"].as_str().unwrap_or("no reason"),
                c["measures"].as_str().unwrap_or("?")
            ),
            Some(c) => format!(
                "compared with the wrong window: {} [{}]",
                compared(c),
                c["measures"].as_str().unwrap_or("?")
            ),
        },
        _ => {
            let what: Vec<String> = findings
                .iter()
                .map(|d| format!("{} {}", d.code, d.message))
                .collect();
            match claim {
                Some(c) if c["verdict"] == "contradicts" => format!(
                    "false alarm: compared with {} [{}]: {}",
                    compared(c),
                    c["measures"].as_str().unwrap_or("?"),
                    what.join(" | ")
                ),
                _ => format!("false alarm elsewhere: {}", what.join(" | ")),
            }
        }
    }
}
