#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::check_all(data, retrospec_check::Format::Markdown);
});
