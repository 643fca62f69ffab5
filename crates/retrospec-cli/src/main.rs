//! The `retrospec` command: a thin layer over `retrospec-check` that finds
//! files, reads them, and renders diagnostics for people (miette) or tools (JSON).

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

mod alloc;
mod check;
mod convert;
mod escape;
mod files;
mod fix;
mod fmt;
mod generate;
mod import;
mod new;
mod progress;
mod read;
mod render;
mod report;
mod report_html;
mod write;

/// Check incident postmortems: schema, times and zones, timeline order, action items.
#[derive(Debug, Parser)]
#[command(name = "retrospec", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check reports (files or directories; directories are searched for
    /// `.md` with front matter, `.yaml`, `.yml` and `.json`, honouring .gitignore).
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// Print the postmortem JSON Schema (by default the published one, with SEV1..SEV5).
    Schema(SchemaArgs),
    /// List every diagnostic code.
    Rules,
    /// Print the documentation of one code, for example `retrospec explain RS203`.
    Explain {
        /// A code (`RS203`) or a rule name (`zone-season`).
        code: String,
    },
    /// Run the language server on standard input and output (for editors).
    #[cfg(feature = "lsp")]
    Lsp,
    /// Write a report in another form (Markdown, YAML or JSON) without losing content.
    Convert(convert::ConvertArgs),
    /// Write reports written free-form (Markdown or plain text without retrospec
    /// front matter) in retrospec's canonical form, beside them or into -o DIR;
    /// what could not be placed is named on stderr (docs/import.md).
    Import(import::ImportArgs),
    /// Format reports canonically: times, key order, timeline and action-item lines.
    /// Prose and YAML comments are kept.
    Fmt(fmt::FmtArgs),
    /// Figures across many reports: counts, durations (median, 90th percentile),
    /// follow-ups and findings, as a self-contained HTML page, JSON or CSV.
    Report(report::ReportArgs),
    /// Start a new draft report from a template, with today's date filled in.
    New(new::NewArgs),
    /// Print a shell completion script, for example
    /// `retrospec completions bash > ~/.local/share/bash-completion/completions/retrospec`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for example `retrospec man > retrospec.1`.
    Man,
}

/// The exit-code contract of `retrospec check`, printed by `--help` (and in README.md).
const EXIT_CODES: &str = "\
Exit codes:
  0  no finding that fails (warnings and infos do not, unless --deny-warnings or --max-warnings)
  1  findings that fail: an error, any warning with --deny-warnings, more warnings than --max-warnings
  2  usage, I/O or configuration error (unknown option, missing or unreadable file)";

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files and directories to check (default: the current directory).
    paths: Vec<std::path::PathBuf>,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Apply the safe fixes (zone abbreviations, misspelled keys) and write the
    /// files atomically. A file with an error that has no safe fix is left untouched.
    #[arg(long)]
    fix: bool,
    /// Print what --fix would change, as a unified diff, and write nothing.
    #[arg(long)]
    diff: bool,
    /// Use this configuration for every file instead of the nearest `retrospec.toml`
    /// above each file (docs/configuration.md).
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<std::path::PathBuf>,
    /// Ignore every `retrospec.toml`: check with the defaults.
    #[arg(long)]
    no_config: bool,
    /// Print only the findings that fail the check (errors, and warnings with
    /// --deny-warnings), and no summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Fail (exit 1) on any warning, as on an error.
    #[arg(long)]
    deny_warnings: bool,
    /// Skip Markdown files without YAML front matter even when named explicitly
    /// (for hooks that pass every changed `.md` file, such as pre-commit).
    #[arg(long)]
    require_front_matter: bool,
    /// On reports read as written (no retrospec front matter): `summary` gathers the
    /// policy findings (owners, tracking fields, required sections) into one RS407
    /// per report; `full` reports each (default: `policy` in retrospec.toml, else summary).
    #[arg(long, value_enum)]
    policy: Option<PolicyArg>,
    /// Use colour: auto (when writing to a terminal and NO_COLOR is unset), always or never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Debug, clap::Args)]
struct SchemaArgs {
    /// Print the schema specialised to the severity scale of a `retrospec.toml`:
    /// the one at PATH, or without PATH the nearest above the current directory.
    #[arg(long, value_name = "PATH", num_args = 0..=1, conflicts_with = "config_schema")]
    config: Option<Option<std::path::PathBuf>>,
    /// Print the JSON Schema of `retrospec.toml` itself
    /// (also committed at schema/retrospec-config.schema.json).
    #[arg(long)]
    config_schema: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// Source snippets with underlined spans and help, and a summary line.
    Human,
    /// One JSON document (see docs/json-output.md).
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub's upload-sarif and other SARIF viewers).
    Sarif,
    /// GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding.
    Github,
    /// JUnit XML: one test suite per file, one test case per finding, failures for failing ones.
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PolicyArg {
    /// One RS407 per report lists what the canonical form would need.
    Summary,
    /// Every policy finding on its own.
    Full,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// mimalloc, configured by `alloc::configure` (issue 15; see `alloc.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    alloc::configure();
    let cli = Cli::parse();
    #[cfg(feature = "lsp")]
    if let Command::Lsp = cli.command {
        alloc::for_server();
        retrospec_lsp::after_check(alloc::collect);
        // The server writes to stdout from its own threads: no lock may be held here.
        return match retrospec_lsp::run_stdio() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("retrospec: {e}");
                ExitCode::from(2)
            }
        };
    }
    let mut stdout = std::io::stdout().lock();
    let result = match cli.command {
        #[cfg(feature = "lsp")]
        Command::Lsp => unreachable!("handled above"),
        Command::Check(args) => check::run(&args, &mut stdout),
        Command::Convert(args) => convert::run(&args, &mut stdout),
        Command::Fmt(args) => fmt::run(&args, &mut stdout),
        Command::Import(args) => import::run(&args),
        Command::New(args) => new::run(&args, &mut stdout),
        Command::Report(args) => report::run(&args, &mut stdout),
        Command::Completions { shell } => {
            generate::completions(shell, Cli::command(), &mut stdout);
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => generate::man(Cli::command(), &mut stdout).map(|()| ExitCode::SUCCESS),
        Command::Schema(args) => check::schema(&args, &mut stdout),
        Command::Rules => render::rules(&mut stdout).map(|()| ExitCode::SUCCESS),
        Command::Explain { code } => match retrospec_check::registry::lookup(&code) {
            Some(info) => render::explain(&mut stdout, info).map(|()| ExitCode::SUCCESS),
            None => {
                eprintln!(
                    "retrospec: no code or rule named `{code}`; `retrospec rules` lists them"
                );
                Ok(ExitCode::from(2))
            }
        },
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`retrospec check | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("retrospec: {e}");
            ExitCode::from(2)
        }
    }
}
