#![no_main]

// Configuration: any JSON-shaped configuration is accepted or rejected by serde,
// and a report checked under an accepted one (odd limits, scales and word lists
// included) never panics. When retrospec.toml loading lands, feed TOML here too.

use retrospec_check::{Config, Format, check_with};

const REPORT: &str = include_str!("../../examples/proton-2018-03-15-mail-outage.md");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(config) = serde_json::from_slice::<Config>(data) else {
        return;
    };
    let _ = check_with(REPORT, Format::Markdown, &config);
    let _ = check_with("title: t\nstatus: draft\ntimeline:\n  - time: 10:00\n    text: x\n", Format::Yaml, &config);
});
