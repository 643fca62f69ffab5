//! A trivial Rust binary: the start-up floor `bench/run.sh` compares
//! `retrospec check ONE_FILE` against.

fn main() {}
