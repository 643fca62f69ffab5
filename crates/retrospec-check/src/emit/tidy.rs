//! Canonical formatting (`retrospec fmt`); see below.
