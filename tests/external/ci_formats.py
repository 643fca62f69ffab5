"""Reads retrospec's SARIF and JUnit output the way their consumers do.

    python ci_formats.py sarif FILE.sarif JSON_REPORT
    python ci_formats.py junit FILE.xml JSON_REPORT [--deny-warnings]

JSON_REPORT is `retrospec check --format json` of the same files: the findings
each format must carry. Prints one line per failed expectation; exits 1 if any.
"""

import json
import sys

kind, path, report_path = sys.argv[1:4]
deny_warnings = "--deny-warnings" in sys.argv[4:]
report = json.load(open(report_path))
expected = report["diagnostics"]
problems = []


def expect(cond, what):
    if not cond:
        problems.append(what)


if kind == "sarif":
    log = json.load(open(path))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    expect(run["columnKind"] == "utf16CodeUnits", "columnKind is utf16CodeUnits")
    results = run["results"]
    expect(len(results) == len(expected), f"{len(results)} results, {len(expected)} findings")
    for got, want in zip(results, expected):
        rule = rules[got["ruleIndex"]]
        expect(rule["id"] == got["ruleId"] == want["code"], f"rule of {got['ruleId']}")
        expect(rule["helpUri"].endswith(f"/docs/rules/{want['code']}.md"), f"helpUri of {rule['id']}")
        loc = got["locations"][0]["physicalLocation"]
        expect(loc["artifactLocation"]["uri"] == want["file"].removeprefix("./"), f"uri of {want['file']}")
        region = loc.get("region")
        if region is not None:
            expect(region["startLine"] == want["line"], f"startLine of {want['code']} in {want['file']}")
            expect(region["endLine"] == want["end_line"], f"endLine of {want['code']} in {want['file']}")
            expect(region["startColumn"] >= 1 and region["endColumn"] >= 1, "1-based columns")
        level = {"error": "error", "warning": "warning", "info": "note"}[want["severity"]]
        expect(got["level"] == level, f"level of {want['code']}")
        expect(("fixes" in got) == (want["fix"] is not None), f"fix of {want['code']} in {want['file']}")
elif kind == "junit":
    from junitparser import Failure, JUnitXml

    xml = JUnitXml.fromfile(path)
    suites = list(xml)
    files = {d["file"] for d in expected}
    expect(len(suites) == report["summary"]["files"], f"{len(suites)} suites, {report['summary']['files']} files")
    failing = [d for d in expected if d["severity"] == "error" or (deny_warnings and d["severity"] == "warning")]
    failures = [r for suite in suites for case in suite for r in case.result if isinstance(r, Failure)]
    expect(len(failures) == len(failing), f"{len(failures)} failures, {len(failing)} failing findings")
    expect(sorted(f.type for f in failures) == sorted(d["code"] for d in failing), "failure types are the codes")
    cases = sum(len(list(suite)) for suite in suites)
    expect(cases == xml.tests or xml.tests is None, "testsuites tests attribute")
    for suite in suites:
        expect(suite.name in files or not any(d["file"] == suite.name for d in expected), f"suite {suite.name}")
else:
    sys.exit(f"unknown kind {kind}")

for p in problems:
    print(f"  {kind}: {path}: expected {p}")
sys.exit(1 if problems else 0)
