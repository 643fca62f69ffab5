//! A phrase bank of time claims as real authors write them (round eighteen,
//! "wild claims"): each shape is one phrasing seen in a public postmortem
//! (company engineering blogs, status-page histories, issue-tracker incident
//! reports, university IT incident pages, mailing-list outage mails), rewritten
//! in our own words around a fictional report whose timeline keeps the source's
//! form (headings, bullets, tables, bold times, update lines; its clock forms and
//! zone statements). The source kind is noted beside each shape; no source text
//! is copied.
//!
//! Every shape is written in up to three versions, the claim marked `[[...]]`:
//! - `agree`: the claim agrees with the report's own times: no RS207/RS208 finding;
//! - `off`: the claim is off beyond any tolerance: a RS207/RS208 finding on the
//!   claim's span;
//! - `other`: a length about something else (a sub-step, a plan, a retry
//!   interval, the write-up): no finding.
//!
//! A version the checker gets wrong today is listed in the shape's `gaps` with
//! the stage that failed (`not read`, `not compared: REASON`, `compared with the
//! wrong window`, `false alarm`), and asserted to be wrong, so fixing it makes
//! the test fail until the gap is removed. `WILD_TABLE=1` prints the measured
//! table (shape, version, outcome, stage).

mod wild_claims {
    pub mod harness;
    pub mod lengths;
    pub mod relative;
    pub mod windows;
}

use wild_claims::harness::{Outcome, measure};

#[test]
fn the_bank_behaves_as_measured() {
    let shapes: Vec<_> = wild_claims::lengths::SHAPES
        .iter()
        .chain(wild_claims::windows::SHAPES)
        .chain(wild_claims::relative::SHAPES)
        .collect();
    let mut ids = std::collections::HashSet::new();
    let mut unexpected = Vec::new();
    let mut rows = Vec::new();
    let (mut right, mut total) = (0, 0);
    for shape in &shapes {
        assert!(ids.insert(shape.id), "two shapes named {}", shape.id);
        for (version, outcome) in measure(shape) {
            total += 1;
            let gap = shape.gaps.iter().find(|g| g.starts_with(version));
            if outcome.ok {
                right += 1;
            }
            rows.push(format!(
                "{:<34} {:<6} {:<5} {}",
                shape.id,
                version,
                if outcome.ok { "ok" } else { "WRONG" },
                outcome.stage
            ));
            match (outcome.ok, gap) {
                (true, Some(g)) => unexpected.push(format!(
                    "{} {version}: listed as a known gap ({g}) but now right: remove the gap",
                    shape.id
                )),
                (false, None) => unexpected.push(format!(
                    "{} {version}: wrong ({}): {}",
                    shape.id, outcome.stage, outcome.text
                )),
                _ => {}
            }
        }
    }
    if std::env::var_os("WILD_TABLE").is_some() {
        eprintln!("{}", rows.join("\n"));
        eprintln!("shapes {}, versions right {right}/{total}", shapes.len());
        let mut by_stage = std::collections::BTreeMap::new();
        for shape in &shapes {
            for (version, outcome) in measure(shape) {
                if !outcome.ok {
                    let stage = outcome.stage.split(':').next().unwrap_or("").to_string();
                    *by_stage.entry(format!("{version}: {stage}")).or_insert(0) += 1;
                }
            }
        }
        for (stage, n) in by_stage {
            eprintln!("{n:>3} {stage}");
        }
    }
    assert!(shapes.len() >= 60, "the bank has {} shapes", shapes.len());
    let _ = Outcome::default();
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n-----\n"));
}
