//! Stage benchmarks: each step of `check_with` timed on its own, per form, so a
//! regression shows which stage moved. Run by hand (never in CI):
//!
//! ```sh
//! python3 bench/gen.py target/bench-corpus/1k 1000
//! cargo bench -p retrospec-check --bench stages
//! ```
//!
//! Each benchmark runs over the first `RETROSPEC_BENCH_FILES` (default 50) reports
//! of `RETROSPEC_BENCH_CORPUS` (default `target/bench-corpus/1k`), so one iteration
//! is one pass over those files.

use std::path::PathBuf;
use std::sync::LazyLock;

use retrospec_check::parse::{self, Format, Parsed};
use retrospec_check::{Config, model, registry, rules, times, validate};

fn main() {
    divan::main();
}

const FORMS: [Format; 3] = [Format::Yaml, Format::Json, Format::Markdown];

struct Corpus {
    yaml: Vec<String>,
    json: Vec<String>,
    md: Vec<String>,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let root = std::env::var_os("RETROSPEC_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-corpus/1k")
        });
    let count: usize = std::env::var("RETROSPEC_BENCH_FILES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50);
    let read = |dir: &str| -> Vec<String> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| {
                panic!(
                    "{}: {e}; write the corpus first: python3 bench/gen.py target/bench-corpus/1k 1000",
                    root.join(dir).display()
                )
            })
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        paths.truncate(count);
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap_or_default())
            .collect()
    };
    Corpus {
        yaml: read("yaml"),
        json: read("json"),
        md: read("md"),
    }
});

fn texts(format: Format) -> &'static [String] {
    match format {
        Format::Yaml => &CORPUS.yaml,
        Format::Json => &CORPUS.json,
        Format::Markdown => &CORPUS.md,
    }
}

/// Everything up to the rules, kept so that later stages can be timed alone.
struct Prepared {
    text: &'static str,
    parsed: Parsed,
    json: serde_json::Value,
}

fn prepare(format: Format) -> Vec<Prepared> {
    texts(format)
        .iter()
        .filter_map(|text| {
            let parsed = parse::parse(text, format, &mut Vec::new())?;
            let json = parsed.tree.to_json();
            Some(Prepared { text, parsed, json })
        })
        .collect()
}

/// Text to spanned tree.
#[divan::bench(args = FORMS)]
fn parse(bencher: divan::Bencher, format: Format) {
    let texts = texts(format);
    bencher.bench(|| {
        for text in texts {
            divan::black_box(parse::parse(text, format, &mut Vec::new()));
        }
    });
}

/// Spanned tree to `serde_json::Value`.
#[divan::bench(args = FORMS)]
fn to_json(bencher: divan::Bencher, format: Format) {
    let prepared = prepare(format);
    bencher.bench(|| {
        for p in &prepared {
            divan::black_box(p.parsed.tree.to_json());
        }
    });
}

/// JSON Schema validation and the translation of its errors (schema compiled before).
#[divan::bench(args = FORMS)]
fn validate(bencher: divan::Bencher, format: Format) {
    let prepared = prepare(format);
    let scale = Config::default().severity;
    if let Some(p) = prepared.first() {
        validate::validate(p.text, &p.parsed, &p.json, &scale);
    }
    bencher.bench(|| {
        for p in &prepared {
            divan::black_box(validate::validate(p.text, &p.parsed, &p.json, &scale));
        }
    });
}

/// Lenient model, times and every rule.
#[divan::bench(args = FORMS)]
fn model_times_rules(bencher: divan::Bencher, format: Format) {
    let prepared = prepare(format);
    let config = Config::default();
    bencher.bench(|| {
        for p in &prepared {
            let model = model::lenient(p.json.clone(), &[]);
            let times = times::Times::for_report(&model, p.text, config.timezone.as_deref());
            let lowercase = p.text.to_ascii_lowercase();
            let cx = rules::Context {
                text: p.text,
                lowercase: &lowercase,
                format,
                parsed: &p.parsed,
                model: &model,
                times: &times,
                config: &config,
                claims: std::sync::OnceLock::new(),
                masks: Default::default(),
                strings: Default::default(),
            };
            let mut out = Vec::new();
            registry::run(&cx, &mut out);
            divan::black_box(out);
        }
    });
}

/// The whole check, for comparison with the sum of the stages.
#[divan::bench(args = FORMS)]
fn check(bencher: divan::Bencher, format: Format) {
    let texts = texts(format);
    let config = Config::default();
    bencher.bench(|| {
        for text in texts {
            divan::black_box(retrospec_check::check_with(text, format, &config));
        }
    });
}

/// Compiling the schema at run time: paid once per configured severity scale (the
/// published schema's validator is generated at build time).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn compile_schema() {
    divan::black_box(validate::compile(&validate::SCHEMA));
}
