//! A length stated in a block of fields beside the block's own `Start` and `End`.

use std::ops::Range;

use super::{Clock, clocks, span};
use crate::claims::Compared;

/// A length written as a field in a block of fields that also holds one `Start`
/// and one `End` field, each with one clock (`Start of incident: 16:20`, `End of
/// incident: 18:50`, `Duration: 2 hours 30 minutes`, as a report to a regulator
/// lays out its facts): the window its own block states, with a date or without
/// (they stand together, so they are on the same day unless the end is earlier).
pub(super) fn fields_beside(masked: &str, range: Range<usize>) -> Option<Compared> {
    let line_start = masked[..range.start].rfind('\n').map_or(0, |i| i + 1);
    if !masked[line_start..range.start].contains(':') {
        return None;
    }
    let start = masked[..range.start].rfind("\n\n").map_or(0, |i| i + 2);
    let end = masked[range.end..]
        .find("\n\n")
        .map_or(masked.len(), |i| range.end + i);
    let block = &masked[start..end];
    if block.len() > 1500 {
        return None;
    }
    let mut found: [Option<(&str, Clock)>; 2] = [None, None];
    for field in crate::claims::timeline::start_end_fields(block) {
        let [clock] = clocks(field.value).try_into().ok()?;
        let slot = &mut found[usize::from(!field.start)];
        if slot.is_some() {
            return None; // two starts or two ends: which is meant is not clear
        }
        *slot = Some((field.value, clock));
    }
    let [Some((va, a)), Some((vb, b))] = found else {
        return None;
    };
    let minutes = span(&a, &b)?;
    Some(crate::claims::window::stated(
        format!("start `{}` (a field beside it)", va.trim()),
        format!("end `{}` (a field beside it)", vb.trim()),
        minutes * 60,
    ))
}
