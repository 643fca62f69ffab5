#!/usr/bin/env python3
"""Scores `retrospec check` on the realistic corpus against its manifest.

Runs `$RETROSPEC check --no-config --format json` (default target/debug/retrospec)
on every report listed in tests/realistic/manifest.toml and on the five seeds in
../shared/seeds/ (relative to the repository root; `$RETROSPEC_SEEDS` overrides;
skipped with a message when absent). For each report it prints what was found,
missed and falsely reported, then recall (planted items found / planted), false
alarms (listed traps that fired) and the findings of error or warning severity
that the manifest does not list (for review; they never fail the run), and ends
with `realistic: N passed, M failed` (the ratchet's guards: recall and false alarms
per group; the items found and missed are on the lines above).

Exit status: 1 when recall falls below, or false alarms rise above, the ratchet
in tests/realistic/baseline.toml, or when the manifest does not match the
reports (an anchor no longer on its line); 0 otherwise. `--update-baseline`
moves the ratchet with today's numbers (recall only up, false alarms only down).
`--self-test` checks the scorer itself on made-up findings, and that the manifest
fits the reports.

Python 3.11+ standard library only (tomllib).
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MANIFEST = HERE / "manifest.toml"
BASELINE = HERE / "baseline.toml"
# A held-out set kept apart from the corpus (its README): scored with
# `--heldout`, never against the baseline, never failing the run.
HELDOUT = HERE / "heldout"
CODE = re.compile(r"^RS\d{3}$")
# Severities that count as "unlisted" findings worth a reviewer's look.
LOUD = {"error", "warning"}


class ManifestError(Exception):
    pass


@dataclass
class Outcome:
    """What one report scored."""

    found: list = field(default_factory=list)  # (entry, diagnostic)
    missed: list = field(default_factory=list)  # entry
    fired: list = field(default_factory=list)  # (trap, diagnostic)
    silent: list = field(default_factory=list)  # trap
    unlisted: list = field(default_factory=list)  # diagnostic
    note: str | None = None  # why the binary produced no findings, if it said


# ---------------------------------------------------------------- manifest


def entry_range(entry: dict) -> tuple[int, int] | None:
    """The 1-based inclusive line range of an entry, or None for anywhere."""
    if "line" in entry and "lines" in entry:
        raise ManifestError(f"`{entry.get('id')}` has both `line` and `lines`")
    if "line" in entry:
        line = entry["line"]
        return (line, line)
    if "lines" in entry:
        first, last = entry["lines"]
        if first > last:
            raise ManifestError(f"`{entry.get('id')}`: lines {first}..{last} run backwards")
        return (first, last)
    return None


def validate_report(report: dict, text: str | None) -> None:
    """Checks one [[report]]/[[seed]] table; `text` is the file (None: absent)."""
    name = report.get("file", "?")
    ids = set()
    lines = text.split("\n") if text is not None else None
    for kind in ("planted", "trap"):
        for entry in report.get(kind, []):
            eid = entry.get("id")
            if not eid or eid in ids:
                raise ManifestError(f"{name}: missing or repeated id `{eid}`")
            ids.add(eid)
            codes = entry.get("codes") or []
            if not codes or not all(CODE.match(c) for c in codes):
                raise ManifestError(f"{name}: `{eid}` needs codes like [\"RS208\"], has {codes}")
            if not entry.get("why"):
                raise ManifestError(f"{name}: `{eid}` has no `why`")
            rng = entry_range(entry)
            if kind == "planted" and rng is None:
                raise ManifestError(f"{name}: planted `{eid}` needs `line` or `lines`")
            if rng is None or lines is None:
                continue
            first, last = rng
            if first < 1 or last > len(lines):
                raise ManifestError(f"{name}: `{eid}` points at lines {first}..{last}, the file has {len(lines)}")
            anchor = entry.get("anchor")
            if not anchor:
                raise ManifestError(f"{name}: `{eid}` has a line but no `anchor`")
            if not any(anchor in lines[i - 1] for i in range(first, last + 1)):
                now = [i + 1 for i, text in enumerate(lines) if anchor in text]
                raise ManifestError(
                    f"{name}: `{eid}`: anchor {anchor!r} is not on lines {first}..{last} "
                    f"(it is on {now or 'no line'}); the report changed, update the manifest"
                )
    check_conflicts(report)


def check_conflicts(report: dict) -> None:
    """A finding that would satisfy a planted item must not also fire a trap."""
    for entry in report.get("planted", []):
        for trap in report.get("trap", []):
            shared = set(entry["codes"]) & set(trap["codes"])
            rng = entry_range(trap)
            if shared and (rng is None or overlaps(entry_range(entry), rng)):
                raise ManifestError(
                    f"{report.get('file', '?')}: planted `{entry['id']}` and trap `{trap['id']}` "
                    f"share {sorted(shared)} on the same lines; one finding cannot be both right and wrong"
                )


def load_manifest(path: Path) -> dict:
    with open(path, "rb") as f:
        manifest = tomllib.load(f)
    if not manifest.get("report"):
        raise ManifestError(f"{path}: no [[report]]")
    return manifest


# ---------------------------------------------------------------- matching


def diag_lines(d: dict) -> tuple[int, int]:
    """The lines a span covers; a span ending at column 1 stops on the line before."""
    first = d["line"]
    last = d.get("end_line", first)
    if last > first and d.get("end_column") == 1:
        last -= 1
    return (first, max(first, last))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def lands_on(d: dict, rng: tuple[int, int], with_labels: bool) -> bool:
    if overlaps(diag_lines(d), rng):
        return True
    if with_labels:
        return any("line" in lab and overlaps(diag_lines(lab), rng) for lab in d.get("labels") or [])
    return False


def starts_on(d: dict, rng: tuple[int, int]) -> bool:
    """Whether a finding's span starts in `rng`: a trap is sprung only by a finding
    that starts on its lines, not by one that starts above and wraps onto them
    (a sentence over two lines says nothing about the line it wraps onto)."""
    return rng[0] <= d["line"] <= rng[1]


def off_anchor(d: dict, trap: dict, lines: list[str] | None) -> bool:
    """Whether a finding that starts on the line of a trap's anchor lies beside
    the anchor rather than on it: a line of wrapped prose holds several claims,
    and a finding about the next one says nothing about the trap's."""
    anchor = trap.get("anchor")
    rng = entry_range(trap)
    if not anchor or rng is None or lines is None or not (rng[0] <= d["line"] <= rng[1]):
        return False
    text = lines[d["line"] - 1] if d["line"] <= len(lines) else ""
    at = text.find(anchor)
    if at < 0:
        return False
    start = (d["line"], d.get("column", 1))
    end = (d.get("end_line", d["line"]), d.get("end_column", d.get("column", 1) + 1))
    return not (start < (d["line"], at + 1 + len(anchor)) and (d["line"], at + 1) < end)


def score_report(report: dict, diagnostics: list[dict], lines: list[str] | None = None) -> Outcome:
    """Matches one report's findings with its manifest entries; `lines` (the
    report's text) places trap anchors within their lines."""
    out = Outcome()
    used = set()
    for entry in report.get("planted", []):
        rng = entry_range(entry)
        hit = next(
            (
                (i, d)
                for i, d in enumerate(diagnostics)
                if d["code"] in entry["codes"] and lands_on(d, rng, with_labels=True)
            ),
            None,
        )
        if hit:
            used.add(hit[0])
            out.found.append((entry, hit[1]))
        else:
            out.missed.append(entry)
    for trap in report.get("trap", []):
        rng = entry_range(trap)
        hits = [
            (i, d)
            for i, d in enumerate(diagnostics)
            if d["code"] in trap["codes"]
            and (rng is None or starts_on(d, rng))
            and not off_anchor(d, trap, lines)
        ]
        if hits:
            used.update(i for i, _ in hits)
            out.fired.append((trap, hits[0][1]))
        else:
            out.silent.append(trap)
    out.unlisted = [d for i, d in enumerate(diagnostics) if i not in used and d.get("severity") in LOUD]
    return out


def run_check(binary: str, path: Path) -> tuple[list[dict], str | None]:
    """The findings `check` reports on one file, and a note when it read none."""
    proc = subprocess.run(
        [binary, "check", "--no-config", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return parse_check_output(proc.returncode, proc.stdout, proc.stderr)


def parse_check_output(code: int, stdout: str, stderr: str) -> tuple[list[dict], str | None]:
    try:
        doc = json.loads(stdout) if stdout.strip() else None
    except json.JSONDecodeError as e:
        raise RuntimeError(f"`check --format json` printed something that is not JSON ({e})") from e
    if doc is None:
        if code == 2:
            # A usage or I/O error, e.g. a kind of file check does not read yet.
            return [], (stderr.strip().splitlines() or ["exit 2"])[0]
        raise RuntimeError(f"`check` exited {code} without JSON: {stderr.strip()[:300]}")
    if doc.get("version") != 1:
        raise RuntimeError(f"unexpected JSON output version {doc.get('version')}")
    diagnostics = doc.get("diagnostics", [])
    if code == 2 and not diagnostics:
        return [], (stderr.strip().splitlines() or ["exit 2"])[0]
    return diagnostics, None


# ---------------------------------------------------------------- ratchet


def floor3(x: float) -> float:
    return math.floor(x * 1000 + 1e-9) / 1000


def load_baseline(path: Path) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def ratchet_failures(base: dict, recall: float, false_alarms: int, prefix: str) -> list[str]:
    """Why today's numbers break the committed ratchet (empty: they do not)."""
    problems = []
    want = base.get(f"{prefix}recall", 0.0)
    if recall + 1e-9 < want:
        problems.append(f"{prefix}recall {recall:.3f} fell below the baseline {want:.3f}")
    most = base.get(f"{prefix}false_alarms")
    if most is not None and false_alarms > most:
        problems.append(f"{prefix}false alarms {false_alarms} rose above the baseline {most}")
    return problems


def ratchet_update(base: dict, recall: float, false_alarms: int, prefix: str) -> dict:
    new = dict(base)
    new[f"{prefix}recall"] = max(base.get(f"{prefix}recall", 0.0), floor3(recall))
    old = base.get(f"{prefix}false_alarms")
    new[f"{prefix}false_alarms"] = false_alarms if old is None else min(old, false_alarms)
    return new


def write_baseline(path: Path, base: dict) -> None:
    text = (
        "# The realistic corpus's ratchet, read by score.py: CI fails when recall on\n"
        "# reports/ (or on the seeds) falls below these minimums, or when listed false\n"
        "# alarms rise above these maximums. Raise it with\n"
        "# `python3 tests/realistic/score.py --update-baseline` (recall only goes up,\n"
        "# false alarms only down); lower it by hand only with a reason in the commit.\n"
    )
    for key in ("recall", "false_alarms", "seed_recall", "seed_false_alarms"):
        if key in base:
            value = base[key]
            text += f"{key} = {value:.3f}\n" if isinstance(value, float) else f"{key} = {value}\n"
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# ---------------------------------------------------------------- report


def short(d: dict) -> str:
    msg = d.get("message", "").replace("\n", " ")
    if len(msg) > 110:
        msg = msg[:107] + "..."
    return f"{d['code']} {d.get('severity', '?')} line {d['line']}: {msg}"


def where(entry: dict) -> str:
    rng = entry_range(entry)
    if rng is None:
        return "anywhere"
    return f"line {rng[0]}" if rng[0] == rng[1] else f"lines {rng[0]}-{rng[1]}"


def print_outcome(name: str, out: Outcome) -> None:
    planted = len(out.found) + len(out.missed)
    print(f"{name}: {len(out.found)}/{planted} found, {len(out.fired)} false alarm(s), {len(out.unlisted)} unlisted")
    if out.note:
        print(f"  not read: {out.note}")
    for entry, d in out.found:
        print(f"  found     {entry['id']} ({entry['kind']}) {where(entry)}: {d['code']}")
    for entry in out.missed:
        print(f"  missed    {entry['id']} ({entry['kind']}) {where(entry)} {entry['codes'][0]}..: {entry['why']}")
    for trap, d in out.fired:
        print(f"  FALSE     {trap['id']} {where(trap)}: {short(d)} -- {trap['why']}")
    for d in out.unlisted:
        print(f"  unlisted  {short(d)}")


def tally(outcomes: list[Outcome]) -> tuple[int, int, int, int, int]:
    found = sum(len(o.found) for o in outcomes)
    planted = found + sum(len(o.missed) for o in outcomes)
    fired = sum(len(o.fired) for o in outcomes)
    silent = sum(len(o.silent) for o in outcomes)
    unlisted = sum(len(o.unlisted) for o in outcomes)
    return found, planted, fired, silent, unlisted


def by_kind(outcomes: list[Outcome]) -> str:
    """Found/planted per kind, and which codes the false alarms were."""
    counts: dict[str, list[int]] = {}
    for o in outcomes:
        for entry, _ in o.found:
            pair = counts.setdefault(entry["kind"], [0, 0])
            pair[0] += 1
            pair[1] += 1
        for entry in o.missed:
            counts.setdefault(entry["kind"], [0, 0])[1] += 1
    alarms: dict[str, int] = {}
    for o in outcomes:
        for _, d in o.fired:
            alarms[d["code"]] = alarms.get(d["code"], 0) + 1
    text = ", ".join(f"{k} {f}/{n}" for k, (f, n) in sorted(counts.items(), key=lambda kv: (-kv[1][1], kv[0])))
    if alarms:
        text += "; false alarms by code: " + ", ".join(f"{c} {n}" for c, n in sorted(alarms.items()))
    return text or "-"


def seeds_dir() -> Path:
    env = os.environ.get("RETROSPEC_SEEDS")
    return Path(env) if env else (ROOT.parent / "shared" / "seeds")


def main(argv: list[str]) -> int:
    if "--self-test" in argv:
        return self_test()
    update = "--update-baseline" in argv
    heldout = "--heldout" in argv
    unknown = [a for a in argv if a not in ("--update-baseline", "--heldout")]
    if unknown or (update and heldout):
        print(f"usage: score.py [--update-baseline | --heldout | --self-test] (unknown: {' '.join(unknown)})", file=sys.stderr)
        return 2
    binary = os.environ.get("RETROSPEC", str(ROOT / "target" / "debug" / "retrospec"))
    if not Path(binary).exists() and os.sep in binary:
        print(f"score.py: no binary at {binary} (build it, or set RETROSPEC)", file=sys.stderr)
        return 2
    try:
        manifest = load_manifest(HELDOUT / "manifest.toml" if heldout else MANIFEST)
        seeds = seeds_dir()
        groups = [("reports", HELDOUT if heldout else HERE, manifest["report"])]
        if heldout:
            pass
        elif seeds.is_dir():
            groups.append(("seeds", seeds, manifest.get("seed", [])))
        else:
            print(f"score.py: {seeds} is absent, the seeds are skipped (set RETROSPEC_SEEDS to score them)")
        results = {}
        kinds = {}
        for group, base_dir, reports in groups:
            outcomes = []
            for report in reports:
                path = base_dir / (report["file"] if group == "reports" else Path(report["file"]).name)
                if not path.is_file():
                    raise ManifestError(f"{report['file']}: no such file")
                text = path.read_text(encoding="utf-8")
                validate_report(report, text)
                diagnostics, note = run_check(binary, path)
                out = score_report(report, diagnostics, text.split("\n"))
                out.note = note
                print_outcome(report["file"], out)
                outcomes.append(out)
            results[group] = tally(outcomes)
            kinds[group] = by_kind(outcomes)
    except (ManifestError, RuntimeError, OSError, tomllib.TOMLDecodeError) as e:
        print(f"score.py: {e}")
        print("realistic: 0 passed, 1 failed")
        return 1

    if heldout:
        found, planted, fired, silent, unlisted = results["reports"]
        print(
            f"\nheld out: recall {found}/{planted} = {found / planted if planted else 1.0:.1%}, "
            f"false alarms {fired} of {fired + silent} traps, unlisted error/warning findings {unlisted}"
        )
        print(f"  by kind: {kinds['reports']}")
        return 0
    base = load_baseline(BASELINE) if BASELINE.exists() else {}
    problems = []
    passed = failed = 0
    print()
    for group, (found, planted, fired, silent, unlisted) in results.items():
        prefix = "" if group == "reports" else "seed_"
        recall = found / planted if planted else 1.0
        print(
            f"{group}: recall {found}/{planted} = {recall:.1%} (baseline {base.get(prefix + 'recall', 0.0):.1%}), "
            f"false alarms {fired} of {fired + silent} traps (baseline {base.get(prefix + 'false_alarms', '-')}), "
            f"unlisted error/warning findings {unlisted}"
        )
        print(f"  by kind: {kinds[group]}")
        group_problems = ratchet_failures(base, recall, fired, prefix)
        # The closing line counts the ratchet's guards (recall, false alarms), not
        # the corpus's items: a planted item still missed is the target's gap, not a
        # failed test, and must not read as one in the suite's total.
        failed += len(group_problems)
        passed += 2 - len(group_problems)
        problems += group_problems
        if update:
            base = ratchet_update(base, recall, fired, prefix)
    if update:
        write_baseline(BASELINE, base)
        print(f"score.py: wrote {BASELINE.relative_to(ROOT)}")
        problems = []
    for p in problems:
        print(f"score.py: REGRESSION: {p}")
    print(f"realistic: {passed} passed, {failed} failed")
    return 1 if problems else 0


# ---------------------------------------------------------------- self-test


def self_test() -> int:
    """Checks matching, manifest validation and the ratchet on made-up findings."""
    checks = []

    def check(name, cond):
        checks.append((name, bool(cond)))

    def diag(code, line, end_line=None, severity="error", labels=(), end_column=5, column=1):
        return {
            "code": code,
            "line": line,
            "column": column,
            "end_line": end_line or line,
            "end_column": end_column,
            "severity": severity,
            "message": "m",
            "labels": list(labels),
        }

    report = {
        "file": "fake.md",
        "planted": [
            {"id": "dur", "kind": "stated-duration", "codes": ["RS208"], "line": 3, "anchor": "45", "why": "w"},
            {"id": "order", "kind": "timeline-order", "codes": ["RS201"], "lines": [5, 7], "anchor": "b", "why": "w"},
            {"id": "lab", "kind": "summary-window", "codes": ["RS207"], "line": 9, "anchor": "x", "why": "w"},
        ],
        "trap": [
            {"id": "todo", "codes": ["RS401"], "line": 4, "anchor": "TODO", "why": "w"},
            {"id": "season", "codes": ["RS203"], "why": "w"},
        ],
    }
    text = "t\n\nabout 45 minutes\nlog TODO\na\nb\nc\n\nx\n"

    out = score_report(
        report,
        [
            diag("RS208", 3),  # the duration, on its line
            diag("RS201", 2, 6),  # a span reaching into the range
            diag("RS207", 1, labels=[{"line": 9, "end_line": 9, "message": "l"}]),  # by its label
            diag("RS102", 1),  # unlisted error
            diag("RS404", 1, severity="info"),  # unlisted but quiet
        ],
    )
    check("found by span", [e["id"] for e, _ in out.found] == ["dur", "order", "lab"])
    check("nothing missed", out.missed == [])
    check("traps silent", [t["id"] for t in out.silent] == ["todo", "season"] and out.fired == [])
    check("unlisted counts errors, not infos", [d["code"] for d in out.unlisted] == ["RS102"])

    out = score_report(report, [diag("RS208", 2), diag("RS209", 3), diag("RS201", 8, 9, end_column=1)])
    check("wrong line or code misses", [e["id"] for e in out.missed] == ["dur", "order", "lab"])
    out.fired = [({"id": "t"}, diag("RS401", 4))]
    check("by kind counts found of planted and names false alarms' codes",
          by_kind([out]) == "stated-duration 0/1, summary-window 0/1, timeline-order 0/1; false alarms by code: RS401 1")
    check("a span ending at column 1 stops on the line before", diag_lines(diag("RS201", 8, 9, end_column=1)) == (8, 8))

    out = score_report(report, [diag("RS401", 4, severity="info"), diag("RS203", 30), diag("RS401", 5)])
    check("trap on its line fires, any severity", [t["id"] for t, _ in out.fired] == ["todo", "season"])
    check("a trap's label does not count", not score_report(report, [diag("RS401", 1, labels=[{"line": 4}])]).fired)
    wrapped = score_report(report, [diag("RS401", 3, 4), diag("RS208", 2, 3)])
    check("a finding wrapping onto a trap's line does not spring it", not wrapped.fired)
    check("a finding wrapping onto a planted item's line finds it", [e["id"] for e, _ in wrapped.found] == ["dur"])
    check("a finding on another line is unlisted", [d["line"] for d in out.unlisted] == [5])
    lines = text.split("\n")
    beside = score_report(report, [diag("RS401", 4, column=1, end_column=4)], lines)
    check("a finding beside a trap's anchor on its line does not spring it", not beside.fired)
    on = score_report(report, [diag("RS401", 4, column=5, end_column=9)], lines)
    check("a finding on a trap's anchor springs it", [t["id"] for t, _ in on.fired] == ["todo"])

    try:
        validate_report(report, text)
        check("a manifest that fits validates", True)
    except ManifestError:
        check("a manifest that fits validates", False)
    shifted = "inserted\n" + text
    try:
        validate_report(report, shifted)
        check("a moved anchor is caught", False)
    except ManifestError as e:
        check("a moved anchor is caught, saying where it is now", "(it is on [4])" in str(e))
    bad = dict(report, planted=[{"id": "x", "kind": "k", "codes": ["RS20"], "line": 1, "anchor": "t", "why": "w"}])
    try:
        validate_report(bad, text)
        check("a malformed code is caught", False)
    except ManifestError:
        check("a malformed code is caught", True)

    clash = dict(report, trap=[{"id": "t", "codes": ["RS208"], "line": 3, "anchor": "45", "why": "w"}])
    try:
        validate_report(clash, text)
        check("a trap on a planted item's line with its code is caught", False)
    except ManifestError:
        check("a trap on a planted item's line with its code is caught", True)
    check("exit 2 without JSON reads as no findings", parse_check_output(2, "", "retrospec: x.txt: not a report\n") == ([], "retrospec: x.txt: not a report"))
    doc = json.dumps({"version": 1, "diagnostics": [diag("RS208", 3)], "files": [], "summary": {}})
    empty = json.dumps({"version": 1, "diagnostics": [], "files": [], "summary": {}})
    check("exit 2 with empty JSON says why", parse_check_output(2, empty, "retrospec: y.txt: not a report")[1] == "retrospec: y.txt: not a report")
    check("JSON findings are read", parse_check_output(1, doc, "")[0][0]["code"] == "RS208")

    base = {"recall": 0.5, "false_alarms": 2}
    check("recall at the baseline passes", ratchet_failures(base, 0.5, 2, "") == [])
    check("recall below the baseline fails", len(ratchet_failures(base, 0.49, 2, "")) == 1)
    check("more false alarms fail", len(ratchet_failures(base, 0.9, 3, "")) == 1)
    up = ratchet_update(base, 0.61234, 5, "")
    check("update raises recall, keeps false alarms down", up == {"recall": 0.612, "false_alarms": 2})
    down = ratchet_update(base, 0.2, 0, "")
    check("update never lowers recall", down == {"recall": 0.5, "false_alarms": 0})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "baseline.toml"
        write_baseline(path, {"recall": 0.25, "false_alarms": 1, "seed_recall": 0.0, "seed_false_alarms": 0})
        check("the baseline round-trips", load_baseline(path) == {"recall": 0.25, "false_alarms": 1, "seed_recall": 0.0, "seed_false_alarms": 0})

    # The committed manifest fits the committed reports (no binary needed).
    try:
        manifest = load_manifest(MANIFEST)
        for report in manifest["report"]:
            validate_report(report, (HERE / report["file"]).read_text(encoding="utf-8"))
        for seed in manifest.get("seed", []):
            path = seeds_dir() / Path(seed["file"]).name
            validate_report(seed, path.read_text(encoding="utf-8") if path.is_file() else None)
        check("manifest.toml fits the reports", True)
    except (ManifestError, OSError, tomllib.TOMLDecodeError) as e:
        print(f"score.py self-test: {e}")
        check("manifest.toml fits the reports", False)
    try:
        held = load_manifest(HELDOUT / "manifest.toml")
        for report in held["report"]:
            validate_report(report, (HELDOUT / report["file"]).read_text(encoding="utf-8"))
        check("heldout/manifest.toml fits the held-out reports", True)
    except (ManifestError, OSError, tomllib.TOMLDecodeError) as e:
        print(f"score.py self-test: {e}")
        check("heldout/manifest.toml fits the held-out reports", False)

    failed = [name for name, ok in checks if not ok]
    for name in failed:
        print(f"score.py self-test FAILED: {name}")
    print(f"score.py self-test: {len(checks) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
