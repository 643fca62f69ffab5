//! `retrospec new [PATH]`: a draft report from a template, with today's date and the
//! time zone filled in, every section present with guidance, passing `check` as a
//! draft (placeholders are allowed in drafts, RS401).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use retrospec_check::{Analysis, Config, Format, emit};
use serde_json::{Value as Json, json};

use crate::convert::Form;

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Where to create the report (refuses an existing file). Without it, the report
    /// goes to standard output.
    path: Option<PathBuf>,
    /// The form to write (default: from PATH's extension, else md).
    #[arg(long, value_enum)]
    format: Option<Form>,
    /// The report's title.
    #[arg(long)]
    title: Option<String>,
    /// The severity level, for example SEV2.
    #[arg(long, value_name = "LEVEL")]
    severity: Option<String>,
    /// The IANA time zone for times written without a zone (default: the `timezone`
    /// of the nearest retrospec.toml, else UTC).
    #[arg(long, value_name = "ZONE")]
    timezone: Option<String>,
    /// A report in any form to start from instead of the built-in template;
    /// `{{date}}`, `{{timezone}}`, `{{title}}` and `{{severity}}` in it are filled in.
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
}

const TITLE: &str = "TODO: what broke, and for whom";

pub fn run(args: &NewArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let from_path = args.path.as_deref().and_then(Format::from_path);
    let format = match (args.format.map(Form::format), from_path, &args.path) {
        (Some(f), Some(p), _) if f != p => {
            eprintln!("retrospec: --format and the extension of PATH disagree");
            return Ok(ExitCode::from(2));
        }
        (Some(f), _, _) | (None, Some(f), _) => f,
        (None, None, Some(path)) => {
            eprintln!(
                "retrospec: {}: give the file a .md, .yaml, .yml or .json extension",
                path.display()
            );
            return Ok(ExitCode::from(2));
        }
        (None, None, None) => Format::Markdown,
    };
    if let Some(path) = &args.path
        && path.exists()
    {
        eprintln!(
            "retrospec: {}: the file exists; not overwritten",
            path.display()
        );
        return Ok(ExitCode::from(2));
    }
    // The nearest retrospec.toml, walking up from where the report will be, gives the
    // default zone and the configuration the draft must pass.
    let anchor = args
        .path
        .clone()
        .unwrap_or_else(|| PathBuf::from("incident.md"));
    let config = crate::files::Configs::discover()
        .for_file(&anchor)
        .ok()
        .flatten()
        .map(|loaded| loaded.config.clone())
        .unwrap_or_default();
    let zone_name = args
        .timezone
        .clone()
        .or_else(|| config.timezone.clone())
        .unwrap_or_else(|| "UTC".to_string());
    let Ok(zone) = jiff::tz::TimeZone::get(&zone_name) else {
        eprintln!(
            "retrospec: unknown time zone `{zone_name}`; use an IANA name such as Europe/Paris"
        );
        return Ok(ExitCode::from(2));
    };
    let today = jiff::Timestamp::now().to_zoned(zone).date().to_string();
    let text = match &args.template {
        None => builtin(args, &today, &zone_name, format),
        Some(template) => match from_template(template, args, &today, &zone_name, format) {
            Some(t) => t,
            None => return Ok(ExitCode::from(2)),
        },
    };
    if Analysis::new(text.as_str(), format, &config).has_errors() {
        let name = args
            .path
            .as_ref()
            .map_or("the new report".into(), |p| p.display().to_string());
        eprintln!("retrospec: note: {name} has errors as a draft; `retrospec check` lists them");
    }
    match &args.path {
        None => {
            out.write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(path) => match crate::write::write_report(path, None, &text, format) {
            Ok(()) => {
                eprintln!("retrospec: created {}", path.display());
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("retrospec: {}: {e}", path.display());
                Ok(ExitCode::from(2))
            }
        },
    }
}

/// The built-in template, written in `format`.
fn builtin(args: &NewArgs, today: &str, zone: &str, format: Format) -> String {
    let mut report = json!({
        "$schema": retrospec_model::schema::SCHEMA_ID,
        "title": args.title.as_deref().unwrap_or(TITLE),
        "date": today,
        "status": "draft",
        "owner": "TODO: the person or team accountable for this report",
        "timezone": zone,
        "summary": "TODO: two or three sentences a reader outside the team understands: what happened, to whom, for how long.",
        "impact": {"description": "TODO: what users saw and could not do; how many, where, for how long."},
        "root_cause": "TODO: why it happened: the underlying cause, not the person nearest to it.",
        "contributing_factors": ["TODO: a condition that made the incident possible, larger or longer."],
        "trigger": "TODO: the event that set it off (a deploy, a configuration change, a traffic spike).",
        "detection": {"description": "TODO: how the team found out, and how it could have been sooner."},
        "resolution": "TODO: what was done to mitigate and resolve the incident.",
        "timeline": [],
        "lessons": {
            "went_well": ["TODO: what worked."],
            "went_wrong": ["TODO: what did not."],
            "got_lucky": ["TODO: where luck, not design, limited the damage."]
        },
        "action_items": [{
            "title": "TODO: a concrete change, starting with a verb",
            "owner": "TODO: who will do it",
            "status": "open"
        }],
        "links": []
    });
    if let (Some(sev), Json::Object(map)) = (&args.severity, &mut report) {
        map.insert("severity".into(), Json::String(sev.clone()));
    }
    let text = emit::write(&report, format);
    with_guidance(&text, format)
}

/// Guidance where the form has room for it: HTML comments under the Timeline and
/// Links headings (Markdown), comments above the empty lists (YAML). JSON has none.
fn with_guidance(text: &str, format: Format) -> String {
    const TIMELINE: &str = "one line per event, oldest first, with its zone; mark milestones: - 2024-06-10 16:05 CEST Deploy starts [started]";
    const MILESTONES: &str =
        "milestones (started, detected, acknowledged, mitigated, resolved) go in the front matter";
    const LINKS: &str = "dashboards, tickets, chat logs: - [Title](https://...)";
    let mut out = String::with_capacity(text.len() + 400);
    for line in text.split_inclusive('\n') {
        match (format, line.trim_end()) {
            (Format::Markdown, "## Timeline") => {
                out.push_str(line);
                out.push_str(&format!("\n<!-- {TIMELINE}.\n     The {MILESTONES}. -->"));
            }
            (Format::Markdown, "## Links") => {
                out.push_str(line);
                out.push_str(&format!("\n<!-- {LINKS} -->"));
            }
            (Format::Yaml, "timeline: []") => {
                out.push_str(
                    "# timeline: one entry per event, oldest first, each time with its zone:\n",
                );
                out.push_str("#   - time: 2024-06-10 16:05 CEST\n#     text: Deploy starts\n#     milestone: started\n");
                out.push_str("# Milestones (started, detected, acknowledged, mitigated, resolved) go under `milestones:`.\n");
                out.push_str(line);
            }
            (Format::Yaml, "links: []") => {
                out.push_str(&format!("# links: {LINKS}\n"));
                out.push_str(line);
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// A template file with its fields filled in, written in `format`.
fn from_template(
    path: &std::path::Path,
    args: &NewArgs,
    today: &str,
    zone: &str,
    format: Format,
) -> Option<String> {
    let (raw, template_format) = crate::convert::read_report(path)?;
    let text = raw
        .replace("{{date}}", today)
        .replace("{{timezone}}", zone)
        .replace("{{title}}", args.title.as_deref().unwrap_or(TITLE))
        .replace("{{severity}}", args.severity.as_deref().unwrap_or("SEV3"));
    if template_format == format {
        return Some(text);
    }
    let analysis = Analysis::new(text.as_str(), template_format, &Config::default());
    let Some(parsed) = analysis.parsed() else {
        eprintln!(
            "retrospec: {}: the template does not parse:",
            path.display()
        );
        let _ = crate::convert::print_unparsable(path, &text, template_format);
        return None;
    };
    for span in emit::not_carried(&text, parsed) {
        eprintln!(
            "retrospec: {}: not carried over to the new form: {}",
            path.display(),
            span.slice(&text).trim()
        );
    }
    Some(emit::write(&parsed.tree.to_json(), format))
}
