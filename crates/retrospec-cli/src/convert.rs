//! `retrospec convert FILE --to md|yaml|json [-o OUT]`: one report in another form.
//!
//! The report's parsed tree (not the lenient model) is written, so values the schema
//! rejects travel too and the diagnostics stay the same. What the new form cannot
//! carry (comments, paragraphs the Markdown grammar ignores, items it could not read)
//! is named on stderr, line by line; nothing is dropped silently.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use retrospec_check::{Analysis, Config, Format, LineIndex, Span, codes, emit};

use crate::check::FileResult;

/// A report form on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Form {
    /// Markdown with YAML front matter.
    #[value(alias = "markdown")]
    Md,
    /// YAML.
    #[value(alias = "yml")]
    Yaml,
    /// JSON.
    Json,
}

impl Form {
    pub fn format(self) -> Format {
        match self {
            Form::Md => Format::Markdown,
            Form::Yaml => Format::Yaml,
            Form::Json => Format::Json,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The report to convert (.md, .yaml, .yml or .json).
    file: PathBuf,
    /// The form to write (default: from the extension of --output).
    #[arg(long, value_enum)]
    to: Option<Form>,
    /// Write to this file, atomically, instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Replace OUT when it exists.
    #[arg(long)]
    force: bool,
}

/// Reads a report file as UTF-8 with its form; prints why not and returns `None` otherwise.
pub fn read_report(path: &Path) -> Option<(String, Format)> {
    let Some(format) = Format::from_path(path) else {
        eprintln!(
            "retrospec: {}: not a report: use a .md, .markdown, .txt, .yaml, .yml or .json file",
            crate::escape::path(path)
        );
        return None;
    };
    match crate::read::read_text(path, &crate::read::limits_for(path)) {
        Ok(text) => Some((text, format)),
        Err(e) => {
            eprintln!("retrospec: {}: {e}", crate::escape::path(path));
            None
        }
    }
}

/// Prints the diagnostics of a report that does not parse, to stderr.
pub fn print_unparsable(path: &Path, text: &str, format: Format) -> io::Result<()> {
    let checked = Analysis::new(text, format, &Config::default()).into_checked();
    let result = FileResult {
        path: path.to_path_buf(),
        format: Some(format),
        config: None,
        text: Some(text.to_string()),
        diagnostics: checked.diagnostics,
        metrics: Vec::new(),
        claims: Vec::new(),
        io_error: false,
        reading: None,
    };
    crate::render::human(&mut io::stderr().lock(), &[result], false)
}

pub fn run(args: &ConvertArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let Some(to) = args.to.or_else(|| {
        args.output
            .as_deref()
            .and_then(Format::from_path)
            .map(|f| match f {
                Format::Markdown => Form::Md,
                Format::Yaml => Form::Yaml,
                Format::Json => Form::Json,
            })
    }) else {
        eprintln!("retrospec: say which form to write: --to md, --to yaml or --to json");
        return Ok(ExitCode::from(2));
    };
    let Some((text, format)) = read_report(&args.file) else {
        return Ok(ExitCode::from(2));
    };
    let analysis = Analysis::new(text.as_str(), format, &Config::default());
    let Some(parsed) = analysis.parsed() else {
        eprintln!(
            "retrospec: {}: cannot convert a report that does not parse:",
            crate::escape::path(&args.file)
        );
        print_unparsable(&args.file, &text, format)?;
        return Ok(ExitCode::from(1));
    };
    if let Some(d) = emit::syntax_error(analysis.diagnostics()) {
        eprintln!(
            "retrospec: {}: cannot convert without losing content; fix the syntax error first ({}: {})",
            crate::escape::path(&args.file),
            d.code,
            d.message
        );
        return Ok(ExitCode::from(1));
    }
    let tree = parsed.tree.to_json();
    if !tree.is_object() {
        eprintln!(
            "retrospec: {}: cannot convert: the report is not a mapping of keys to values",
            crate::escape::path(&args.file)
        );
        return Ok(ExitCode::from(1));
    }
    warn_not_carried(&args.file, &text, parsed, analysis.diagnostics(), to, &[]);
    let written = emit::write(&tree, to.format());
    // Never hand over a conversion that reads back differently.
    let back = Analysis::new(written.as_str(), to.format(), &Config::default());
    if back.parsed().map(|p| p.tree.to_json()).as_ref() != Some(&tree) {
        eprintln!(
            "retrospec: {}: internal error: the {to:?} form does not read back as the report; nothing written",
            crate::escape::path(&args.file)
        );
        return Ok(ExitCode::from(2));
    }
    let Some(path) = &args.output else {
        out.write_all(written.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    let previous = if args.force && path.exists() {
        match crate::read::read_text(path, &crate::read::limits_for(path)) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("retrospec: {}: {e}", crate::escape::path(path));
                return Ok(ExitCode::from(2));
            }
        }
    } else {
        None
    };
    match crate::write::write_report(path, previous.as_deref(), &written, to.format()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("retrospec: {}: {e}", crate::escape::path(path));
            Ok(ExitCode::from(2))
        }
    }
}

/// Names on stderr each line whose text the new form will not hold; the lines in
/// `kept` (those `import` keeps under [`emit::UNPLACED_TITLE`]) are named once,
/// by their count and first line.
pub(crate) fn warn_not_carried(
    path: &Path,
    text: &str,
    parsed: &retrospec_check::parse::Parsed,
    diagnostics: &[retrospec_check::Diagnostic],
    to: Form,
    kept: &[Span],
) {
    let index = LineIndex::new(text);
    let line = |span: Span| index.line_col(text, span.start).line;
    let name = crate::escape::path(path);
    for d in diagnostics {
        if d.code == codes::DUPLICATE_FIELD.code || d.code == codes::MARKDOWN_ITEM.code {
            eprintln!(
                "retrospec: {name}:{}: not carried over: {} ({})",
                line(d.span),
                crate::escape::visible(&d.message),
                d.code
            );
        }
    }
    let all = emit::not_carried(text, parsed);
    let (kept, lines): (Vec<Span>, Vec<Span>) = all.iter().partition(|s| kept.contains(s));
    for span in &lines {
        let shown: String = span.slice(text).trim().chars().take(80).collect();
        let shown = crate::escape::visible(&shown);
        eprintln!(
            "retrospec: {name}:{}: not carried over: {shown}",
            line(*span)
        );
    }
    if !kept.is_empty() {
        let first = kept.iter().map(|s| line(*s)).min().unwrap_or(1);
        eprintln!(
            "retrospec: {name}:{first}: {} line(s) the reader placed nowhere are kept as written under `## {}` at the end: move them where they belong",
            kept.len(),
            emit::UNPLACED_TITLE
        );
    }
    if !lines.is_empty() {
        eprintln!(
            "retrospec: {name}: {} line(s) above (comments, or text the report format has no field for) are not in the {} output",
            lines.len(),
            match to {
                Form::Md => "Markdown",
                Form::Yaml => "YAML",
                Form::Json => "JSON",
            }
        );
    }
}
