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
    // A field is a short line: its label within a few dozen bytes before the
    // length (a long line is prose, and is not searched back through per claim).
    let reach = crate::span::floor_char(masked, range.start.saturating_sub(120));
    let line_start = match masked[reach..range.start].rfind('\n') {
        Some(i) => reach + i + 1,
        None if reach == 0 => 0,
        None => return None,
    };
    if !masked[line_start..range.start].contains(':') {
        return None;
    }
    // The block, of at most 1,500 bytes: searched no further either way.
    const BLOCK: usize = 1500;
    let back = crate::span::floor_char(masked, range.start.saturating_sub(BLOCK));
    let start = match masked[back..range.start].rfind("\n\n") {
        Some(i) => back + i + 2,
        None if back == 0 => 0,
        None => return None,
    };
    let ahead = crate::span::floor_char(masked, (range.end + BLOCK).min(masked.len()));
    let end = masked[range.end..ahead]
        .find("\n\n")
        .map_or(masked.len(), |i| range.end + i);
    let block = &masked[start..end];
    if block.len() > BLOCK {
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
