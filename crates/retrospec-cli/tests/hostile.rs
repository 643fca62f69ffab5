//! Hostile and broken input, end to end: every case is generated here (no large
//! files are committed), run through the real binary, and must end with a
//! diagnostic, never a panic, a crash or a hang.
//!
//! Each run has a watchdog, not a speed target (speed lives in benchmarks): the
//! binary is killed and the test fails after 60 s, and on Linux it runs under
//! `ulimit -v` (1 GiB of address space), so a run whose memory grows with the
//! input aborts instead of passing. `docs/reliability.md` lists the cases.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use retrospec_check::{Config, Format, Limits, check, check_with};

const WATCHDOG: Duration = Duration::from_secs(60);
/// Address space for one run, in KiB (`ulimit -v`).
const MEMORY_KIB: u64 = 1024 * 1024;

/// A scratch directory for one test, removed when the test ends (passed or
/// failed): these cases add up to over 150 MB, and CI machines have had little
/// disk to spare (a run once failed here with "No space left on device").
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    Scratch(dir)
}

/// Writes `head` to `dir/name` and extends the file to `len` bytes without
/// writing them: a sparse file, so a size-limit case costs no disk. The reader
/// sees NUL bytes after `head`, which it must never get to.
fn write_sparse(dir: &Path, name: &str, head: &str, len: u64) -> PathBuf {
    let path = write(dir, name, head);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open the case");
    file.set_len(len).expect("extend the case");
    path
}

/// Runs `retrospec check --format json FILE` under the watchdog and memory cap.
fn check_file(path: &Path) -> Output {
    let mut args = vec!["check".into(), "--format".into(), "json".into()];
    args.push(path.as_os_str().to_owned());
    run(&args, WATCHDOG)
}

/// Runs `retrospec ARGS` under a watchdog of `limit` and the memory cap; the test
/// fails when the binary has not answered in time (a read that blocks, a loop).
fn run(args: &[std::ffi::OsString], limit: Duration) -> Output {
    let bin = env!("CARGO_BIN_EXE_retrospec");
    let mut command = if cfg!(target_os = "linux") {
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
            .arg(bin);
        c
    } else {
        Command::new(bin)
    };
    let mut child = command
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the retrospec binary runs");
    // Read output on threads so a large report cannot block the child on a full pipe.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).map(|_| v)
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).map(|_| v)
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("retrospec {args:?}: no answer within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().expect("stdout thread").expect("stdout"),
        stderr: err.join().expect("stderr thread").expect("stderr"),
    }
}

/// The codes and messages reported for `path`; fails on a crash or a panic.
fn findings(path: &Path) -> Vec<(String, String)> {
    let output = check_file(path);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("overflow"),
        "{}: {stderr}",
        path.display()
    );
    assert!(
        matches!(output.status.code(), Some(0..=2)),
        "{}: ended with {:?}: {stderr}",
        path.display(),
        output.status
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{}: JSON output: {e}; {stderr}", path.display()));
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn codes(path: &Path) -> Vec<String> {
    findings(path).into_iter().map(|(c, _)| c).collect()
}

/// Writes `text` to `dir/name` and returns the path.
fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write a case");
    path
}

fn assert_limit(path: &Path, setting_words: &str) {
    let found = findings(path);
    assert!(
        found
            .iter()
            .any(|(c, m)| c == "RS010" && m.contains(setting_words)),
        "{}: expected RS010 ({setting_words}), got {found:?}",
        path.display()
    );
}

const HEAD: &str = "title: Hostile input\nstatus: draft\n";

#[test]
fn a_100_mb_file_is_not_read_past_the_limit() {
    let dir = scratch("100mb");
    let path = write_sparse(&dir, "huge.yaml", HEAD, 100 * 1024 * 1024);
    assert_limit(&path, "over the limit of 10485760 bytes");
}

#[test]
fn a_10_mb_single_line() {
    let dir = scratch("10mb-line");
    let text = format!("{HEAD}summary: {}\n", "word ".repeat(2_000_000));
    assert_limit(&write(&dir, "line.yaml", &text), "a line of 10000009 bytes");
    let md = format!(
        "---\n{HEAD}---\n\n## Summary\n\n{}\n",
        "word ".repeat(2_000_000)
    );
    assert_limit(&write(&dir, "line.md", &md), "a line of 10000000 bytes");
}

#[test]
fn a_timeline_of_100_000_entries() {
    let dir = scratch("100k-entries");
    let mut yaml = format!("{HEAD}timezone: UTC\ntimeline:\n");
    let mut md = format!("---\n{HEAD}timezone: UTC\n---\n\n## Timeline\n\n");
    let mut json = String::from(r#"{"title": "t", "status": "draft", "timeline": ["#);
    for i in 0..100_000 {
        let (h, m) = (i / 60 % 24, i % 60);
        writeln!(
            yaml,
            "  - time: 2024-01-01 {h:02}:{m:02}\n    text: Step {i}"
        )
        .ok();
        writeln!(md, "- {h:02}:{m:02} Step {i}").ok();
        if i > 0 {
            json.push_str(",\n");
        }
        write!(
            json,
            r#"{{"time": "2024-01-01T{h:02}:{m:02}Z", "text": "Step {i}"}}"#
        )
        .ok();
    }
    json.push_str("]}\n");
    assert_limit(&write(&dir, "timeline.yaml", &yaml), "100000 items");
    assert_limit(&write(&dir, "timeline.md", &md), "100000 items");
    assert_limit(&write(&dir, "timeline.json", &json), "100000 items");
}

#[test]
fn nesting_10_000_levels_deep() {
    let dir = scratch("nesting");
    let n = 10_000;
    let flow = format!("{HEAD}tags: {}{}\n", "[".repeat(n), "]".repeat(n));
    let flow_maps = format!("{HEAD}x-a: {}{}\n", "{a: ".repeat(n), "}".repeat(n));
    let block_seq = format!("{HEAD}tags:\n  {}x\n", "- ".repeat(n));
    // Block mappings need indentation per level: 3,000 levels stay under the size limit.
    let block_map: String = (0..3_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    let json = format!(
        r#"{{"title": "t", "status": "draft", "tags": {}{}}}"#,
        "[".repeat(n),
        "]".repeat(n)
    );
    let json_maps = format!(r#"{{"x-a": {}1{}}}"#, r#"{"a": "#.repeat(n), "}".repeat(n));
    let front = format!("---\n{HEAD}tags:\n  {}x\n---\n# T\n", "- ".repeat(n));
    for (name, text) in [
        ("block-seq.yaml", &block_seq),
        ("block-map.yaml", &block_map),
        ("flow.json", &json),
        ("maps.json", &json_maps),
        ("front.md", &front),
    ] {
        assert_limit(&write(&dir, name, text), "nested more than 64 levels");
    }
    // Deep flow YAML: saphyr-parser's own recursion guard reports it first (RS001).
    for (name, text) in [("flow.yaml", &flow), ("flow-maps.yaml", &flow_maps)] {
        let found = codes(&write(&dir, name, text));
        assert!(
            found.iter().any(|c| c == "RS010" || c == "RS001"),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn billion_laughs_is_never_expanded() {
    let dir = scratch("laughs");
    let mut text = format!("{HEAD}x-lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        writeln!(text, "x-lol{i}: &a{i} [{refs}]").ok();
    }
    let found = codes(&write(&dir, "laughs.yaml", &text));
    assert!(found.iter().all(|c| c == "RS004"), "{found:?}");
    assert!(found.len() > 10, "{found:?}");
    let md = format!("---\n{text}---\n# Laughs\n");
    let found = codes(&write(&dir, "laughs.md", &md));
    assert!(found.contains(&"RS004".to_string()), "{found:?}");
}

#[test]
fn invalid_utf8_nul_and_line_endings() {
    let dir = scratch("bytes");
    let mut bad = HEAD.as_bytes().to_vec();
    bad.extend_from_slice(b"summary: caf\xe9\n");
    let found = codes(&write(&dir, "latin1.yaml", &bad));
    assert_eq!(found, ["RS002"]);

    for (name, text) in [
        ("nul.yaml", format!("{HEAD}summary: a\0b\n")),
        (
            "nul.json",
            "{\"title\": \"a\0b\", \"status\": \"draft\"}".to_string(),
        ),
        ("nul.md", format!("---\n{HEAD}---\n\n## Summary\n\na\0b\n")),
    ] {
        // A NUL byte is either a syntax error (YAML, JSON) or text (Markdown); never a crash.
        let found = findings(&write(&dir, name, &text));
        if !name.ends_with(".md") {
            assert!(found.iter().any(|(c, _)| c == "RS001"), "{name}: {found:?}");
        }
    }

    // BOM, CRLF and mixed line endings report what the LF file reports.
    for example in [
        "minimal.yaml",
        "complete.json",
        "proton-2018-03-15-mail-outage.md",
    ] {
        let text = std::fs::read_to_string(common::root().join("examples").join(example))
            .expect("example");
        let expected = codes(&write(&dir, example, &text));
        let crlf = text.replace('\n', "\r\n");
        let mixed: String = text
            .split_inclusive('\n')
            .enumerate()
            .map(|(i, l)| {
                if i % 2 == 0 {
                    l.replace('\n', "\r\n")
                } else {
                    l.to_string()
                }
            })
            .collect();
        for (variant, text) in [
            ("bom", format!("\u{feff}{text}")),
            ("crlf", crlf),
            ("mixed", mixed),
        ] {
            let path = write(&dir, &format!("{variant}-{example}"), &text);
            assert_eq!(codes(&path), expected, "{variant} {example}");
        }
    }
}

#[test]
fn absurd_times_and_huge_numbers() {
    let dir = scratch("values");
    let text = format!(
        "{HEAD}timezone: UTC\nmilestones:\n  started: 99999-01-01 10:00\n  resolved: 2024-01-01 25:61\n\
         impact:\n  users_affected: 999999999999999999999999999999\n  percentage: 1e999\n\
         timeline:\n  - time: 2024-13-45 99:99:99\n    text: Impossible\n  - time: -0001-01-01 00:00\n    text: Before year zero\n"
    );
    let found = codes(&write(&dir, "absurd.yaml", &text));
    assert!(found.iter().any(|c| c.starts_with("RS2")), "{found:?}");
    assert!(found.iter().any(|c| c.starts_with("RS1")), "{found:?}");
    let json = r#"{"title": "t", "status": "draft", "impact": {"users_affected": 1e400, "percentage": -1e999}, "milestones": {"started": "2024-01-01T10:00:00+99:00"}}"#;
    let found = codes(&write(&dir, "absurd.json", json));
    assert!(!found.is_empty(), "{found:?}");
}

/// The core answers the same way for text that never went through the command
/// line's capped reader (the language server's path).
#[test]
fn the_core_bounds_text_it_is_handed() {
    let huge = "x".repeat(Limits::default().max_file_size + 1);
    let checked = check(&huge, Format::Markdown);
    assert_eq!(checked.diagnostics.len(), 1);
    assert_eq!(checked.diagnostics[0].code, "RS010");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(check(&deep, Format::Json).diagnostics[0].code, "RS010");
    let deep = format!("---\ntags:\n  {}x\n---\n", "- ".repeat(100_000));
    assert_eq!(check(&deep, Format::Markdown).diagnostics[0].code, "RS010");
}

/// A 10 MB line of free text through every rule, with the line limit raised:
/// the regex crate is linear-time and so must be everything around it; the time is
/// printed, not asserted (figures in docs/reliability.md; about 35 s in a debug
/// build, minutes while finding columns or a claim's clause was quadratic).
#[test]
fn a_10_mb_line_of_free_text_through_every_rule() {
    let config = Config {
        limits: Limits {
            max_line_length: 20 * 1024 * 1024,
            max_file_size: 20 * 1024 * 1024,
            ..Limits::default()
        },
        ..Config::default()
    };
    // Words the wording rules look for, times the time rules read, and long runs
    // without spaces (the worst case for word-boundary searches).
    let chunk = "The operator simply should have TBD at 10:50 UTC for 3 hours aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ";
    let line = chunk.repeat(10_000_000 / chunk.len());
    let text = format!(
        "---\ntitle: Long\nstatus: in-review\ntimezone: UTC\n---\n\n## Summary\n\n{line}\n\n## Root cause\n\n{line}\n"
    );
    let started = Instant::now();
    let checked = check_with(&text, Format::Markdown, &config);
    eprintln!(
        "10 MB line x2 through every rule: {:?}, {} diagnostics",
        started.elapsed(),
        checked.diagnostics.len()
    );
    assert!(checked.parsed.is_some());
    assert!(
        checked
            .diagnostics
            .iter()
            .any(|d| d.code.starts_with("RS4"))
    );
    for d in &checked.diagnostics {
        assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start));
    }
}

/// The human output of a line past miette's column range, full of findings: no
/// panic, every finding printed with its location (no snippet on such a line).
#[test]
fn a_long_line_full_of_findings_renders_without_snippets() {
    let dir = scratch("long-line-human");
    // Hindsight about people, one finding a sentence (RS404 leaves "the rollback
    // should have run", an expectation about a system, alone).
    let line = "We should have caught it at once. ".repeat(4_000);
    let path = write(
        &dir,
        "long.md",
        format!("---\ntitle: Long\nstatus: draft\n---\n\n## Summary\n\n{line}\n"),
    );
    let output = Command::new(env!("CARGO_BIN_EXE_retrospec"))
        .args(["check", "--color", "never"])
        .arg(&path)
        .output()
        .expect("the retrospec binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let located = stdout.matches("info[RS404]: ").count();
    assert_eq!(located, 4_000, "{}", &stdout[..stdout.len().min(2_000)]);
    assert!(
        stdout.contains(&format!("{}:8:", path.display())),
        "no file:line:col"
    );
    assert!(
        stdout.contains("0 errors, 0 warnings, 4000 infos"),
        "{}",
        &stdout[stdout.len().saturating_sub(300)..]
    );
}

/// Arguments for [`run`].
fn args(list: &[&dyn AsRef<std::ffi::OsStr>]) -> Vec<std::ffi::OsString> {
    list.iter().map(|a| a.as_ref().to_owned()).collect()
}

/// What a command printed (stdout, then stderr), after asserting it ended (no
/// crash, no panic, no signal) with `code`.
fn stderr_of(output: &Output, code: i32) -> String {
    let stderr = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(code), "{stderr}");
    stderr
}

/// A short watchdog for the cases that blocked or grew without bound before.
const QUICK: Duration = Duration::from_secs(20);

/// A report name that is a symbolic link to `/dev/zero` (a hostile pull request can
/// commit one) is refused by every command that reads, without reading it: before,
/// `fmt` and `convert` grew to gigabytes and `check --config /dev/zero` ran out of
/// memory.
#[cfg(unix)]
#[test]
fn a_link_to_dev_zero_is_refused_by_every_command() {
    let dir = scratch("dev-zero");
    let zero = dir.join("zero.yaml");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    let report = write(&dir, "ok.yaml", "title: Fine\nstatus: draft\n");
    let out = dir.join("out.json");
    for (command, code) in [
        (args(&[&"check", &zero]), 2),
        (args(&[&"fmt", &zero]), 2),
        (args(&[&"fmt", &"--check", &zero]), 2),
        (args(&[&"convert", &zero, &"--to", &"json"]), 2),
        (args(&[&"new", &out, &"--template", &zero]), 2),
        (args(&[&"check", &"--config", &"/dev/zero", &report]), 2),
        (args(&[&"schema", &"--config", &"/dev/zero"]), 2),
    ] {
        let stderr = stderr_of(&run(&command, QUICK), code);
        assert!(
            stderr.contains("not a regular file"),
            "{command:?}: {stderr}"
        );
    }
    assert!(!out.exists());
}

/// A FIFO named on the command line is refused at once: opening it for reading
/// would wait for a writer that never comes.
#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.yaml");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let toml = dir.join("retrospec.toml");
    let made = Command::new("mkfifo")
        .arg(&toml)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let report = write(&dir, "ok.yaml", "title: Fine\nstatus: draft\n");
    for command in [
        args(&[&"check", &fifo]),
        args(&[&"fmt", &fifo]),
        args(&[&"convert", &fifo, &"--to", &"json"]),
        args(&[&"check", &"--config", &toml, &report]),
        // Found by discovery, next to the report.
        args(&[&"check", &report]),
    ] {
        let stderr = stderr_of(&run(&command, QUICK), 2);
        assert!(
            stderr.contains("not a regular file"),
            "{command:?}: {stderr}"
        );
    }
}

/// `fmt` on a file over the size limit says so (it used to say "does not parse"
/// after reading all of it), and reads no more than the limit.
#[test]
fn fmt_says_a_file_is_over_the_size_limit() {
    let dir = scratch("fmt-too-large");
    let path = write_sparse(&dir, "large.yaml", HEAD, 11 * 1024 * 1024 + 1);
    let stderr = stderr_of(&run(&args(&[&"fmt", &path]), WATCHDOG), 2);
    assert!(stderr.contains("over the size limit"), "{stderr}");
    assert!(!stderr.contains("does not parse"), "{stderr}");
}

/// `max-file-size = 18446744073709551615` (u64::MAX) is not an overflow: the
/// report is read whole (it used to be read as empty, or to panic in a debug build).
#[test]
fn an_absurd_file_size_limit_saturates() {
    let dir = scratch("absurd-size-limit");
    write(
        &dir,
        "retrospec.toml",
        "[limits]\nmax-file-size = 18446744073709551615\n",
    );
    let path = write(
        &dir,
        "report.yaml",
        "status: draft\nsummary: no title here\n",
    );
    let found = codes(&path);
    assert!(found.iter().all(|c| c != "RS010"), "{found:?}");
    // The title is missing, and nothing else is: the text was read.
    let titled = write(&dir, "titled.yaml", "title: Fine\nstatus: draft\n");
    let found = findings(&titled);
    assert!(found.iter().all(|(_, m)| !m.contains("title")), "{found:?}");
}

/// Terminal control characters, bidi overrides and zero-width characters in a
/// report's values and in its file name never reach the terminal raw in human or
/// GitHub output: each is named (`sta<U+200B>tus`), so a report cannot clear the
/// screen, retitle the window or hide its findings, and "did you mean" shows the
/// difference between `sta\u{200b}tus` and `status`.
#[cfg(unix)]
#[test]
fn control_and_invisible_characters_are_named_in_human_and_github_output() {
    let dir = scratch("controls");
    let name = "evil\u{1b}]0;owned\u{7}.yaml";
    let text = "title: \"Clear \\e[2J\\e[H the screen\"\nsta\u{200b}tus: draft\nsummary: \"abc \u{202e}txt.exe\u{202c} \\x9b31m\"\nseverity: SEV\u{1b}[8m9\n";
    let path = write(&dir, name, text);
    for format in ["human", "github"] {
        let output = run(
            &args(&[&"check", &"--color", &"never", &"--format", &format, &path]),
            WATCHDOG,
        );
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
        for raw in [
            '\u{1b}', '\u{7}', '\u{200b}', '\u{202e}', '\u{202c}', '\u{9b}',
        ] {
            assert!(
                !stdout.contains(raw),
                "{format}: raw U+{:04X} in {stdout}",
                raw as u32
            );
        }
        let mut named = vec!["sta<U+200B>tus", "evil<U+001B>]0;owned<U+0007>.yaml"];
        if format == "human" {
            // In the source snippet.
            named.extend(["abc <U+202E>txt.exe<U+202C>", "severity: SEV<U+001B>[8m9"]);
        }
        for named in named {
            assert!(stdout.contains(named), "{format}: no {named} in {stdout}");
        }
    }
}

/// `max-depth = 1000000` no longer lets a 20,000-deep report overflow the stack
/// (the process aborted): the setting is capped at 256 with RS502, and the report
/// gets RS010.
#[test]
fn a_raised_max_depth_is_capped() {
    let dir = scratch("raised-depth");
    write(&dir, "retrospec.toml", "[limits]\nmax-depth = 1000000\n");
    for (name, text) in [
        (
            "deep.json",
            format!(
                "{{\"title\": \"t\", \"status\": \"draft\", \"x\": {}{}}}",
                "[".repeat(20_000),
                "]".repeat(20_000)
            ),
        ),
        (
            "deep.yaml",
            format!(
                "{HEAD}x:\n{}",
                (0..4_000)
                    .map(|i| format!("{}- \n", " ".repeat(i)))
                    .collect::<String>()
            ),
        ),
    ] {
        let path = write(&dir, name, text);
        let found = findings(&path);
        assert!(
            found.iter().any(|(c, m)| c == "RS502" && m.contains("256")),
            "{name}: {found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(c, m)| c == "RS010" && m.contains("more than 256 levels")),
            "{name}: {found:?}"
        );
    }
}

/// Issue 16, fault 4: a wall-clock time that happened twice (clocks went back) is
/// reported with both readings, like a gap, and no metric is derived from it; a
/// later time meant in the second reading no longer gives "resolved before started".
#[test]
fn a_repeated_wall_clock_time_is_reported_and_never_measured() {
    let text = format!(
        "{HEAD}timezone: Europe/Paris\nmilestones:\n  started: 2024-10-27 02:45\n  resolved: 2024-10-27 02:30 CET\n"
    );
    let checked = check(&text, Format::Yaml);
    let repeated: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == "RS206" && d.message.contains("happened twice"))
        .collect();
    assert_eq!(repeated.len(), 1, "{:?}", checked.diagnostics);
    let d = repeated[0];
    assert!(d.message.contains("+02:00 to +01:00"), "{}", d.message);
    let help = d.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("`+02:00`") && help.contains("`CEST` or `CET`"),
        "{help}"
    );
    assert!(checked.metrics.is_empty(), "{:?}", checked.metrics);
    assert!(
        !checked.diagnostics.iter().any(|d| d.code == "RS205"),
        "no order finding from an ambiguous time: {:?}",
        checked.diagnostics
    );
    // The offset says which one: measured again.
    let text = format!(
        "{HEAD}timezone: Europe/Paris\nmilestones:\n  started: 2024-10-27 02:45 +02:00\n  resolved: 2024-10-27 02:30 CET\n"
    );
    let checked = check(&text, Format::Yaml);
    assert!(
        !checked.diagnostics.iter().any(|d| d.code == "RS206"),
        "{:?}",
        checked.diagnostics
    );
    assert_eq!(checked.metrics.first().map(|m| m.seconds), Some(45 * 60));
}

/// Issue 16, fault 8: valid edge times are accepted, or refused with the exact reason.
#[test]
fn edge_times_are_accepted_or_refused_with_the_reason() {
    let text = format!(
        "{HEAD}milestones:\n  started: 2016-12-31 23:59:60 UTC\n  resolved: 2016-12-31 24:00 UTC\n"
    );
    let checked = check(&text, Format::Yaml);
    assert!(
        checked
            .diagnostics
            .iter()
            .all(|d| !d.code.starts_with("RS2") && d.code != "RS105"),
        "{:?}",
        checked.diagnostics
    );
    // The leap second reads as :59, so one second to the end of the day.
    assert_eq!(checked.metrics.first().map(|m| m.seconds), Some(1));
    let text = format!("{HEAD}milestones:\n  started: 9999-12-31 23:59 UTC\n");
    let checked = check(&text, Format::Yaml);
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.code == "RS206")
        .expect("an exact reason for the last minute of year 9999");
    assert!(d.message.contains("9999-12-30 22:00:00"), "{}", d.message);
}
