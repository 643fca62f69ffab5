//! Headings below the section level that are sections of their own (a template's
//! `# Summary` over `## Timeline`).

use crate::parse::markdown::{Block, Field};

/// A heading below the section level that names a section is a section of its
/// own when what encloses it cannot hold it: an issue template's `# Summary`
/// with `## Timeline` under it, or `# After-action report` (no section's name)
/// over `## What went wrong` and `## Action items`. Under a section of another
/// kind only the timeline and the action items move out (a `### Impact` under a
/// summary stays the summary's words). Out of a timeline move only the sections
/// no incident passes through: a root cause, contributing factors, lessons,
/// action items (`# Timeline` over `## Root Cause` and `## Resulting Action`, the
/// report's other sections one level down); its `### Detection` or `### Impact`
/// is a phase of it. The headings under a moved one move with it; the ones beside
/// it stay under what enclosed it (a `### Timeline` and a `### Impact` under `#
/// Context` both move).
pub(super) fn promote_nested_sections(out: &mut [Block], heads: &[(usize, u8, Option<Field>)]) {
    let level_of = |out: &[Block], i: usize| match &out[i] {
        Block::Heading { level, .. } => *level,
        _ => 0,
    };
    // The field of the level-2 heading above (`None` before any).
    let mut parent: Option<Option<Field>> = None;
    // The level at which a section moved out of a timeline: the headings after it
    // at that level are the report's other sections too, named or not.
    let mut released: Option<u8> = None;
    let mut k = 0;
    while k < heads.len() {
        let (i, _, field) = heads[k];
        let level = level_of(out, i);
        k += 1;
        if level == 2 {
            parent = Some(field);
            released = None;
            continue;
        }
        if level < 3 {
            continue;
        }
        let moves = if released == Some(level) {
            true
        } else {
            let (Some(field), Some(above)) = (field, parent) else {
                continue;
            };
            match above {
                None => true,
                Some(Field::Timeline) => {
                    let out_of_timeline = matches!(
                        field,
                        Field::RootCause
                            | Field::ContributingFactors
                            | Field::Lessons
                            | Field::ActionItems
                    );
                    if out_of_timeline {
                        released = Some(level);
                    }
                    out_of_timeline
                }
                Some(above) => {
                    above != field && matches!(field, Field::Timeline | Field::ActionItems)
                }
            }
        };
        if !moves {
            continue;
        }
        let by = level - 2;
        if let Block::Heading { level, .. } = &mut out[i] {
            *level = 2;
        }
        while k < heads.len() && level_of(out, heads[k].0) > level {
            if let Block::Heading { level, .. } = &mut out[heads[k].0] {
                *level -= by;
            }
            k += 1;
        }
    }
}
