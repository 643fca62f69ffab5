//! `retrospec fmt [--check] [PATHS]`: canonical formatting (see
//! `retrospec_check::emit::tidy` for what changes), written atomically and only to
//! files that change.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use retrospec_check::emit::tidy::{Tidied, tidy};

use crate::files::{self, Target};

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Files and directories to format (default: the current directory).
    paths: Vec<PathBuf>,
    /// Write nothing; list the files that would change and exit 1 if there are any.
    #[arg(long)]
    check: bool,
}

/// Exit codes: 0 done (or nothing to change), 1 `--check` found files to change,
/// 2 a file could not be read, written or safely formatted.
pub fn run(args: &FmtArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut failed = false;
    let configs = files::Configs::discover();
    let (mut changed, mut unchanged) = (0usize, 0usize);
    for target in files::collect(&paths) {
        let (path, format, explicit) = match target {
            Target::File {
                path,
                format,
                explicit,
            } => (path, format, explicit),
            Target::Problem { path, message } => {
                eprintln!("retrospec: {}: {message}", path.display());
                failed = true;
                continue;
            }
        };
        let limits = match configs.for_file(&path) {
            Ok(config) => config.map_or_else(Default::default, |c| c.config.limits),
            Err((config, e)) => {
                eprintln!(
                    "retrospec: {}: cannot read the configuration: {e}",
                    config.display()
                );
                failed = true;
                continue;
            }
        };
        let text = match crate::read::read_text(&path, &limits) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("retrospec: {}: {e}", path.display());
                failed = true;
                continue;
            }
        };
        if !files::is_report(format, &text, explicit) {
            continue;
        }
        match tidy(&text, format) {
            Tidied::Unchanged => unchanged += 1,
            Tidied::Refused(why) => {
                eprintln!("retrospec: {}: not formatted: {why}", path.display());
                failed = true;
            }
            Tidied::Changed(_) if args.check => {
                writeln!(out, "would reformat {}", path.display())?;
                changed += 1;
            }
            Tidied::Changed(new) => {
                match crate::write::write_report(&path, Some(&text), &new, format) {
                    Ok(()) => {
                        writeln!(out, "formatted {}", path.display())?;
                        changed += 1;
                    }
                    Err(e) => {
                        eprintln!("retrospec: {}: {e}", path.display());
                        failed = true;
                    }
                }
            }
        }
    }
    let verb = if args.check {
        "would be reformatted"
    } else {
        "reformatted"
    };
    eprintln!("retrospec: {changed} file(s) {verb}, {unchanged} already formatted");
    Ok(if failed {
        ExitCode::from(2)
    } else if args.check && changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
