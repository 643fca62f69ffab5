//! `retrospec import FILE... [-o DIR] [--to md|yaml|json] [--force]`: a report
//! written free-form (Markdown or plain text without retrospec front matter, see
//! `docs/import.md`) written out in retrospec's canonical form.
//!
//! The report is read exactly as `retrospec check` reads it, so `import` then
//! `check` gives the same findings about facts as `check` on the original. The
//! canonical form gets `status: draft` when the original says nothing of it. What
//! the reader could not place (prose outside any known section, items without a
//! time in a timeline) is named on stderr with its line; nothing is dropped
//! silently. Every file is written atomically through `write.rs`, and an existing
//! file is replaced only with `--force`.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use retrospec_check::{Analysis, Config, Format, emit};

use crate::convert::{Form, print_unparsable, read_report, warn_not_carried};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The reports to import (.md, .markdown or .txt; a report in retrospec form works too).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The form to write.
    #[arg(long, value_enum, default_value_t = Form::Md)]
    to: Form,
    /// Write into this directory (default: beside each file), as `NAME.md`,
    /// `NAME.yaml` or `NAME.json`.
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Replace a file that exists (including the original, when the names match).
    #[arg(long)]
    force: bool,
}

pub fn run(args: &ImportArgs) -> io::Result<ExitCode> {
    let mut worst = ExitCode::SUCCESS;
    for file in &args.files {
        let code = import_one(file, args)?;
        if code != ExitCode::SUCCESS {
            worst = code;
        }
    }
    Ok(worst)
}

fn import_one(file: &Path, args: &ImportArgs) -> io::Result<ExitCode> {
    let Some((text, format)) = read_report(file) else {
        return Ok(ExitCode::from(2));
    };
    let to = args.to.format();
    let checked = Analysis::new(text.as_str(), format, &Config::default()).into_checked();
    let Some(parsed) = &checked.parsed else {
        eprintln!(
            "retrospec: {}: cannot import a report that does not parse:",
            file.display()
        );
        print_unparsable(file, &text, format)?;
        return Ok(ExitCode::from(1));
    };
    if parsed.freeform.is_none() && format != Format::Markdown {
        eprintln!(
            "retrospec: {}: already in retrospec form; `retrospec convert` changes its form",
            file.display()
        );
    }
    let Some(written) = emit::imported(parsed, &text, to) else {
        eprintln!(
            "retrospec: {}: cannot import: the report is not a mapping of keys to values",
            file.display()
        );
        return Ok(ExitCode::from(1));
    };
    warn_not_carried(
        file,
        &text,
        parsed,
        &checked.diagnostics,
        args.to,
        &emit::unplaced(&text, parsed),
    );
    // A report whose text opens with a paragraph (no heading, no subject) has no
    // title to carry: say so rather than invent one.
    if parsed.tree.entry("title").is_none() {
        eprintln!(
            "retrospec: {}: no title found (no heading or title field); write `title:` in the imported report",
            crate::escape::path(file)
        );
    }
    let ext = match args.to {
        Form::Md => "md",
        Form::Yaml => "yaml",
        Form::Json => "json",
    };
    let name = format!(
        "{}.{ext}",
        file.file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("report")
    );
    let target = match &args.output {
        Some(dir) => {
            // `-o postmortems/` names where the reports go: made when missing, as
            // `mkdir -p` would, rather than failing with "No such file or directory".
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!(
                    "retrospec: {}: cannot create the directory: {e}",
                    dir.display()
                );
                return Ok(ExitCode::from(2));
            }
            dir.join(name)
        }
        None => file.with_file_name(name),
    };
    let previous = if target.exists() {
        if !args.force {
            eprintln!(
                "retrospec: {}: exists; pass --force to replace it",
                target.display()
            );
            return Ok(ExitCode::from(2));
        }
        match std::fs::read_to_string(&target) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("retrospec: {}: {e}", target.display());
                return Ok(ExitCode::from(2));
            }
        }
    } else {
        None
    };
    match crate::write::write_report(&target, previous.as_deref(), &written, to) {
        Ok(()) => {
            eprintln!(
                "retrospec: {}: imported to {}",
                file.display(),
                target.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("retrospec: {}: {e}", target.display());
            Ok(ExitCode::from(2))
        }
    }
}
