//! Distributions of durations and ages: count, missing, median, 90th percentile,
//! min and max. Incident durations are skewed (a few long incidents pull a mean far
//! from the typical one), so no mean is given.

use serde::Serialize;

/// A distribution of whole numbers (seconds or days) with how many were missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// How many values there are.
    pub count: usize,
    /// How many reports had no value (a milestone missing, unresolved or out of
    /// order). Never counted as zero.
    pub missing: usize,
    /// The median (`None` without values).
    pub median: Option<i64>,
    /// The 90th percentile.
    pub p90: Option<i64>,
    /// The smallest value.
    pub min: Option<i64>,
    /// The largest value.
    pub max: Option<i64>,
}

impl Summary {
    /// The summary of `values` (sorted here), with `missing` reports without one.
    pub fn of(values: &mut [i64], missing: usize) -> Summary {
        values.sort_unstable();
        Summary {
            count: values.len(),
            missing,
            median: percentile(values, 50),
            p90: percentile(values, 90),
            min: values.first().copied(),
            max: values.last().copied(),
        }
    }
}

/// The `p`th percentile of sorted `values` by linear interpolation between the
/// closest ranks (the definition of numpy's default, R's type 7 and spreadsheets'
/// PERCENTILE.INC): the value at position `(n - 1) * p / 100`, rounded to the
/// nearest whole number, halves away from zero. For `p = 50` this is the usual
/// median: the middle value, or the mean of the two middle values.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    let last = sorted.len().checked_sub(1)?;
    // Exact in integers: position = last * p / 100 = lower + fraction / 100.
    let scaled = last as u128 * u128::from(p);
    let lower = (scaled / 100) as usize;
    let fraction = (scaled % 100) as i128;
    let a = i128::from(sorted[lower]);
    let b = i128::from(sorted[(lower + 1).min(last)]);
    // a + (b - a) * fraction / 100, rounded half away from zero.
    let numerator = a * 100 + (b - a) * fraction;
    let rounded = if numerator >= 0 {
        (numerator + 50) / 100
    } else {
        (numerator - 50) / 100
    };
    i64::try_from(rounded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_ranks() {
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[7], 50), Some(7));
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(percentile(&[1, 2, 3], 50), Some(2));
        // Even count: the mean of the two middle values.
        assert_eq!(percentile(&[10, 20, 30, 40], 50), Some(25));
        // Position 0.5 between 1 and 2: 1.5 rounds away from zero to 2.
        assert_eq!(percentile(&[1, 2], 50), Some(2));
        // Position 2.7 of [10, 20, 30, 40]: 30 + 0.7 * 10 = 37.
        assert_eq!(percentile(&[10, 20, 30, 40], 90), Some(37));
        // Position 9 * 0.9 = 8.1 of 1..=10: 9 + 0.1 = 9.1, rounds to 9.
        let ten: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&ten, 90), Some(9));
        // No overflow at the extremes: -0.5 rounds away from zero.
        assert_eq!(percentile(&[i64::MIN, i64::MAX], 50), Some(-1));
    }

    #[test]
    fn a_summary_counts_missing_values_apart() {
        let mut values = vec![300, 60, 3600];
        let s = Summary::of(&mut values, 2);
        assert_eq!(
            s,
            Summary {
                count: 3,
                missing: 2,
                median: Some(300),
                p90: Some(2940),
                min: Some(60),
                max: Some(3600),
            }
        );
        assert_eq!(Summary::of(&mut [], 4).median, None);
    }
}
