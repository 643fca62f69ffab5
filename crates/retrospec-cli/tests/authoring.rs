//! End-to-end tests of the authoring commands: convert, fmt, new, completions, man.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{root, run, run_in, stdout};

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("retrospec-authoring-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The codes `check` reports for a file, sorted.
fn codes_of(dir: &Path, file: &str) -> Vec<String> {
    let output = run_in(dir, &["check", "--format", "json", file]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let mut codes: Vec<String> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .filter(|c| c != "RS008" && c != "RS009")
        .collect();
    codes.sort();
    codes
}

#[test]
fn convert_round_trips_every_example_through_the_binary() {
    let dir = temp_dir("convert");
    for entry in fs::read_dir(root().join("examples")).expect("examples") {
        let path = entry.expect("entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).expect("name");
        let want = codes_of(&root(), path.to_str().expect("path"));
        let mut current = path.clone();
        for (i, ext) in ["yaml", "json", "md"].iter().enumerate() {
            let out = dir.join(format!("{name}-{i}.{ext}"));
            let output = run(&[
                "convert",
                current.to_str().expect("path"),
                "-o",
                out.to_str().expect("path"),
            ]);
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
            assert_eq!(
                codes_of(&dir, out.to_str().expect("path")),
                want,
                "{}",
                out.display()
            );
            current = out;
        }
    }
}

#[test]
fn convert_writes_stdout_refuses_to_overwrite_and_names_what_it_drops() {
    let dir = temp_dir("convert-out");
    let source = dir.join("r.yaml");
    fs::write(
        &source,
        "# a comment that JSON cannot hold\ntitle: T\nstatus: draft\nseverity: high\n",
    )
    .expect("write");
    let output = run_in(&dir, &["convert", "r.yaml", "--to", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "{\n  \"title\": \"T\",\n  \"status\": \"draft\",\n  \"severity\": \"high\"\n}\n"
    );
    assert!(
        stderr(&output).contains("r.yaml:1: not carried over: # a comment that JSON cannot hold"),
        "{}",
        stderr(&output)
    );

    fs::write(dir.join("r.json"), "keep me").expect("write");
    let output = run_in(&dir, &["convert", "r.yaml", "-o", "r.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not overwritten"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.join("r.json")).expect("read"),
        "keep me"
    );

    let output = run_in(&dir, &["convert", "r.yaml", "-o", "r.json", "--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        fs::read_to_string(dir.join("r.json"))
            .expect("read")
            .contains("\"high\"")
    );
    // No temporary file is left behind.
    let names: Vec<_> = fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    let output = run_in(&dir, &["convert", "r.yaml"]);
    assert_eq!(output.status.code(), Some(2), "no form given");
    fs::write(dir.join("bad.yaml"), "title: [unclosed\n").expect("write");
    let output = run_in(&dir, &["convert", "bad.yaml", "--to", "md"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("does not parse"),
        "{}",
        stderr(&output)
    );
}

/// A YAML file mixing CRLF, LF and a lone CR after its modeline: `fmt` writes it with
/// CRLF throughout, once; `fmt --check` then finds nothing, and `check` reads the same.
#[test]
fn fmt_writes_a_mixed_line_ending_yaml_file_once() {
    let dir = temp_dir("fmt-crlf");
    let mixed = "# yaml-language-server: $schema=x.json\r\r\nstatus: draft\rtitle: Search results\r\n  delayed\nowner: search-team\r\n";
    fs::write(dir.join("r.yaml"), mixed).expect("write");
    let before = codes_of(&dir, "r.yaml");

    let output = run_in(&dir, &["fmt", "r.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(dir.join("r.yaml")).expect("read"),
        "# yaml-language-server: $schema=x.json\r\ntitle: Search results delayed\r\nstatus: draft\r\nowner: search-team\r\n"
    );
    let output = run_in(&dir, &["fmt", "--check", "r.yaml"]);
    assert_eq!(output.status.code(), Some(0), "fmt twice = fmt once");
    assert_eq!(codes_of(&dir, "r.yaml"), before);
}

#[test]
fn fmt_check_lists_changes_fmt_writes_only_those_and_is_idempotent() {
    let dir = temp_dir("fmt");
    let messy = "---\nstatus: draft # keep this comment\ntitle: T\nmilestones:\n  started: 2024-06-10  9:05 CEST\n---\n\nProse  stays   *as written*.\n\n## Timeline\n\n* 9:05 CEST — Start [Started]\n\n## Action items\n\n* [X] Fix it (priority: P1, owner: me)\n";
    fs::write(dir.join("messy.md"), messy).expect("write");
    let tidy = "title: T\nstatus: draft\n";
    fs::write(dir.join("tidy.yaml"), tidy).expect("write");
    fs::write(dir.join("broken.yaml"), "title: [\n").expect("write");

    let output = run_in(&dir, &["fmt", "--check", "messy.md", "tidy.yaml"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stdout(&output), "would reformat messy.md\n");
    assert_eq!(
        fs::read_to_string(dir.join("messy.md")).expect("read"),
        messy
    );

    let output = run_in(&dir, &["fmt", "messy.md", "tidy.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "formatted messy.md\n");
    let formatted = fs::read_to_string(dir.join("messy.md")).expect("read");
    assert_eq!(
        formatted,
        "---\nstatus: draft # keep this comment\ntitle: T\nmilestones:\n  started: 2024-06-10 09:05 CEST\n---\n\nProse  stays   *as written*.\n\n## Timeline\n\n- 09:05 CEST — Start [started]\n\n## Action items\n\n- [x] Fix it (owner: me, priority: P1)\n"
    );
    assert_eq!(
        fs::read_to_string(dir.join("tidy.yaml")).expect("read"),
        tidy
    );

    let output = run_in(&dir, &["fmt", "--check", "messy.md", "tidy.yaml"]);
    assert_eq!(output.status.code(), Some(0), "fmt twice = fmt once");
    assert_eq!(stdout(&output), "");

    let output = run_in(&dir, &["fmt", "broken.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not formatted"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.join("broken.yaml")).expect("read"),
        "title: [\n"
    );
}

fn is_date(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

#[test]
fn new_in_every_form_passes_check_as_a_draft() {
    let dir = temp_dir("new");
    for ext in ["md", "yaml", "json"] {
        let name = format!("r.{ext}");
        let output = run_in(
            &dir,
            &[
                "new",
                "--severity",
                "SEV2",
                "--title",
                "Login fails",
                "--timezone",
                "Europe/Paris",
                &name,
            ],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let output = run_in(&dir, &["check", "--format", "json", &name]);
        assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        assert_eq!(json["diagnostics"], serde_json::json!([]), "{name}");
        let text = fs::read_to_string(dir.join(&name)).expect("read");
        for want in [
            "Login fails",
            "SEV2",
            "Europe/Paris",
            "draft",
            "Root cause",
            "Action items",
        ] {
            let found = text.contains(want)
                || (want == "Root cause" && text.contains("root_cause"))
                || (want == "Action items" && text.contains("action_items"));
            assert!(found, "{name} lacks {want}:\n{text}");
        }
        let date = text
            .lines()
            .find_map(|l| {
                l.trim()
                    .trim_start_matches("\"date\": ")
                    .strip_prefix("date: ")
                    .map(str::to_string)
                    .or_else(|| {
                        l.trim()
                            .strip_prefix("\"date\": \"")
                            .map(|d| d.trim_end_matches("\",").to_string())
                    })
            })
            .expect("a date line");
        assert!(is_date(&date), "{date}");
        // Never overwrites.
        let output = run_in(&dir, &["new", &name]);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(fs::read_to_string(dir.join(&name)).expect("read"), text);
    }
    // Standard output when no path is given.
    let output = run_in(&dir, &["new", "--format", "yaml"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).contains("status: draft\n"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("timezone: UTC\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn new_takes_its_zone_from_the_nearest_configuration() {
    let dir = temp_dir("new-config");
    fs::create_dir_all(dir.join("reports")).expect("dir");
    fs::write(dir.join("retrospec.toml"), "timezone = \"Europe/Paris\"\n").expect("write");
    let output = run_in(&dir, &["new", "reports/r.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = fs::read_to_string(dir.join("reports/r.yaml")).expect("read");
    assert!(text.contains("timezone: Europe/Paris"), "{text}");
    // --timezone still wins over the configuration.
    let output = run_in(&dir, &["new", "--timezone", "Asia/Tokyo", "reports/s.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = fs::read_to_string(dir.join("reports/s.yaml")).expect("read");
    assert!(text.contains("timezone: Asia/Tokyo"), "{text}");
}

#[test]
fn new_then_edit_then_fmt_then_check_passes() {
    let dir = temp_dir("new-edit");
    assert_eq!(run_in(&dir, &["new", "r.md"]).status.code(), Some(0));
    let text = fs::read_to_string(dir.join("r.md")).expect("read");
    // The author fills in a few fields, in their own style.
    let edited = text
        .replace(
            "## Timeline\n\n",
            "## Timeline\n\n* 2024-06-10  9:05 UTC — Deploy starts [Started]\n* 9:20 UTC: Rolled back [resolved]\n\n",
        )
        .replace(
            "- [ ] TODO: a concrete change, starting with a verb (owner: TODO: who will do it)",
            "- [X] Add a canary stage (due: 2024-07-01, owner: @platform, priority: P1)",
        )
        .replace("status: draft\n", "status: draft\nmilestones:\n  started: 2024-06-10  9:05 UTC\n");
    assert_ne!(edited, text);
    fs::write(dir.join("r.md"), &edited).expect("write");
    let output = run_in(&dir, &["fmt", "r.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let formatted = fs::read_to_string(dir.join("r.md")).expect("read");
    assert!(formatted.contains("- 2024-06-10 09:05 UTC — Deploy starts [started]\n- 09:20 UTC: Rolled back [resolved]\n"), "{formatted}");
    assert!(
        formatted.contains(
            "- [x] Add a canary stage (owner: @platform, due: 2024-07-01, priority: P1)\n"
        ),
        "{formatted}"
    );
    assert!(
        formatted.contains("milestones:\n  started: 2024-06-10 09:05 UTC\n"),
        "{formatted}"
    );
    let output = run_in(&dir, &["check", "r.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn new_from_a_template_fills_in_its_fields_in_any_form() {
    let dir = temp_dir("new-template");
    fs::write(
        dir.join("template.yaml"),
        "title: \"{{title}}\"\nstatus: draft\ndate: \"{{date}}\"\nseverity: \"{{severity}}\"\ntimezone: \"{{timezone}}\"\nsummary: Our house template.\n",
    )
    .expect("write");
    let output = run_in(
        &dir,
        &[
            "new",
            "--template",
            "template.yaml",
            "--title",
            "Queue backlog",
            "--severity",
            "SEV3",
            "--timezone",
            "Asia/Tokyo",
            "out.md",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = fs::read_to_string(dir.join("out.md")).expect("read");
    assert!(text.contains("title: Queue backlog\n"), "{text}");
    assert!(text.contains("severity: SEV3\n"), "{text}");
    assert!(text.contains("timezone: Asia/Tokyo\n"), "{text}");
    assert!(
        text.contains("## Summary\n\nOur house template.\n"),
        "{text}"
    );
    assert!(!text.contains("{{"), "{text}");
    assert_eq!(run_in(&dir, &["check", "out.md"]).status.code(), Some(0));
}

/// The subcommands `retrospec --help` lists.
fn subcommands() -> Vec<String> {
    let help = stdout(&run(&["--help"]));
    let list = help.split("Commands:").nth(1).expect("a Commands section");
    let names: Vec<String> = list
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        // A name is indented two spaces; a wrapped description line is indented further.
        .filter(|l| l.starts_with("  ") && !l[2..].starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(str::to_string)
        .collect();
    for want in [
        "check",
        "convert",
        "fmt",
        "new",
        "completions",
        "man",
        "lsp",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} not in {names:?}");
    }
    names
}

#[test]
fn completions_cover_every_subcommand_and_bash_accepts_the_script() {
    let commands = subcommands();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = run(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = stdout(&output);
        for command in &commands {
            assert!(
                script.contains(command.as_str()),
                "{shell} script lacks {command}"
            );
        }
    }
    // Each shell that is installed checks the syntax of its script without running it
    // (bash is everywhere; fish and zsh when present, e.g. `apt-get install fish zsh`).
    let dir = temp_dir("completions");
    for (shell, program, flag) in [
        ("bash", "bash", "-n"),
        ("zsh", "zsh", "-n"),
        ("fish", "fish", "--no-execute"),
    ] {
        let script = dir.join(format!("retrospec.{shell}"));
        fs::write(&script, run(&["completions", shell]).stdout).expect("write");
        let Ok(out) = std::process::Command::new(program)
            .arg(flag)
            .arg(&script)
            .output()
        else {
            assert_ne!(shell, "bash", "bash must be installed");
            continue;
        };
        assert!(
            out.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_page_is_roff_and_lists_every_subcommand() {
    let output = run(&["man"]);
    assert_eq!(output.status.code(), Some(0));
    let page = stdout(&output);
    assert!(page.contains(".TH retrospec 1"), "{page}");
    for command in subcommands() {
        assert!(
            page.contains(&format!("retrospec\\-{command}(1)")),
            "man page lacks {command}"
        );
    }
}

#[test]
fn no_progress_output_when_stderr_is_not_a_terminal() {
    let dir = temp_dir("progress");
    for i in 0..250 {
        fs::write(
            dir.join(format!("r{i:03}.yaml")),
            "title: T\nstatus: draft\n",
        )
        .expect("write");
    }
    let output = run_in(&dir, &["check", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("checked 250 files"),
        "{}",
        stdout(&output)
    );
    assert_eq!(stderr(&output), "", "piped stderr must stay clean");
}
