#!/usr/bin/env python3
"""Write the instruction guard's long-line report (bench/instructions.sh, set `long`).

A free-form Markdown report whose Summary is one line of about 200 KB: clauses
joined by commas and "and", never a full stop, each with the things the prose
readers look for (durations, clock times, ranges, milestone words, roles, names
with pronouns, TBC, blame and hindsight words). A search that scans back or ahead
over the whole line once per claim or per clause (what made a long line quadratic
before 0314705 bounded the TBC and clause searches) multiplies the count many times
over; a linear check grows with the line. Deterministic: no randomness, so every
run writes the same bytes.

    python3 bench/long_line.py OUT.md [BYTES]
"""

import sys

CLAUSES = [
    "the API was down for {n} minutes",
    "checkout started failing at {h}:{m:02d} UTC",
    "errors stayed high between {h}:{m:02d} and {h2}:{m:02d}",
    "the on-call engineer forgot to drain the node",
    "Dana restarted the queue and she paged the database team",
    "the fix (TBC) was rolled back {n} minutes later",
    "it took us {n} minutes to notice",
    "impact was partially resolved but some users still saw {n}% errors",
    "we should have caught this with an alert on cache age",
    "the deploy went out {n} hours before the outage began",
    "service was restored {n} minutes after the start",
    "latency on api.example.com was back to normal by {h2}:{m:02d}",
    "a junior operator mistyped the region in the runbook",
    "the incident lasted {n} minutes in total",
]


def line(size: int) -> str:
    parts = []
    length = 0
    i = 0
    while length < size:
        n = 5 + (i * 7) % 90
        h = (i * 5) % 24
        text = CLAUSES[i % len(CLAUSES)].format(
            n=n, h=h, h2=(h + 1) % 24, m=(i * 13) % 60
        )
        joiner = " and " if i % 3 == 2 else ", "
        parts.append(text)
        parts.append(joiner)
        length += len(text) + len(joiner)
        i += 1
    return "On 3 February " + "".join(parts[:-1])


def main() -> None:
    out = sys.argv[1]
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    report = f"""# Checkout errors after a cache change

Date: 2026-02-03
All times in this document are UTC.

## Summary

{line(size)}

## Root cause

A cache setting was changed without a review.

## Timeline

- 09:00 the cache setting is changed
- 09:12 checkout errors begin
- 09:40 the change is rolled back; errors stop

## Action items

- Add an alert on checkout errors (owner: payments team)
"""
    with open(out, "w", encoding="utf-8") as f:
        f.write(report)


if __name__ == "__main__":
    main()
