//! What every relative claim of one report shares ([`Shared`]), and how a
//! claim's context reads it.

use std::cell::OnceCell;

use super::super::anchor::{self, Stamp};
use super::super::sorted_entries;
use super::Ctx;

/// What every relative claim of one report reads the same way: its entries as
/// stamps, the clauses of its prose with a time, the other places' events. Kept
/// on [`Inputs`](crate::claims::Inputs) and read once per report, when a claim first needs them: built
/// per claim, a line with many claims read every clause of it once per claim
/// (the instruction guard's `long` set grew 26-fold).
#[derive(Debug, Default)]
pub(crate) struct Shared<'a> {
    sorted: OnceCell<Vec<(usize, &'a crate::times::TimeValue, i64, &'a str)>>,
    entries: OnceCell<Vec<(String, Stamp)>>,
    clauses: OnceCell<Vec<anchor::Clause>>,
    /// The prose strings, masked once for the clauses and the column lines.
    pub(super) prose: OnceCell<Vec<anchor::Source>>,
    /// The events of status posts, front matter and labelled fields, by
    /// confidence (surest first).
    pub(super) others: OnceCell<Vec<(u8, Vec<anchor::Clause>)>>,
}

impl<'a> Ctx<'_, 'a> {
    pub(super) fn sorted(&self) -> &[(usize, &'a crate::times::TimeValue, i64, &'a str)] {
        self.inputs
            .relative
            .sorted
            .get_or_init(|| sorted_entries(self.inputs))
    }

    pub(super) fn entries(&self) -> &[(String, Stamp)] {
        let shared = &self.inputs.relative;
        shared
            .entries
            .get_or_init(|| anchor::entries(self.inputs, &shared.prose))
    }

    /// The part of the report that tells of the claim's own incident, in a
    /// report of several; `None` in a report of one.
    pub(super) fn scope_part(&self) -> Option<std::ops::Range<usize>> {
        let scopes = &self.inputs.scopes;
        if scopes.is_empty() {
            return None;
        }
        let (node, _) = self.inputs.tree.pointer(&self.own.0)?;
        scopes.part(node.span.start + self.own.1.borrow().start)
    }

    /// The impact's start as the report states it ("Starting at 08:40 UTC"), in
    /// the claim's own incident's part in a report of several
    /// ([`crate::parse::freeform::scope`]).
    pub(super) fn stated_start(&self) -> Option<Stamp> {
        let masked = super::super::mask(self.inputs.text);
        let part = self.scope_part().unwrap_or(0..masked.len());
        let masked = masked.get(part).unwrap_or_default();
        let (text, time) = super::super::window::stated_start(masked)
            .or_else(|| super::own::window_start(masked))?;
        let parsed = crate::time::parse_time(text.trim()).ok()?;
        let mut stamp = Stamp::written(&text, &parsed);
        stamp.clock = Some(
            i64::from(time.hour()) * 3600
                + i64::from(time.minute()) * 60
                + i64::from(time.second()),
        );
        stamp.label = format!("the stated start `{}`", text.trim());
        stamp.source = "field";
        Some(stamp)
    }

    pub(super) fn clauses(&self) -> &[anchor::Clause] {
        let shared = &self.inputs.relative;
        shared
            .clauses
            .get_or_init(|| anchor::clauses(self.inputs, &shared.prose))
    }
}
