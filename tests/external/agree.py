"""Compares the verdicts of retrospec, check-jsonschema and ajv on every file.

    python3 agree.py EXPECTED RETROSPEC_JSON CJS_JSON AJV_MAP AJV_OUTPUT

EXPECTED: lines `accept|reject<TAB>FILE`. RETROSPEC_JSON: `retrospec check
--format json` of all files; a file is rejected when it has a syntax or schema
code (RS0xx, RS1xx): the rules beyond the schema are not a schema question.
CJS_JSON: check-jsonschema `-o JSON`. AJV_MAP: yaml2json.cjs output (SOURCE,
the JSON ajv read or `-`). AJV_OUTPUT: ajv-cli's `FILE valid|invalid` lines.
Prints each disagreement and a closing `agreement: N passed, N failed`.
"""

import json
import re
import sys

expected_path, rs_path, cjs_path, ajv_map_path, ajv_out_path = sys.argv[1:6]
expected = [line.split("\t") for line in open(expected_path).read().splitlines()]

rs = json.load(open(rs_path))
rs_reject = {d["file"] for d in rs["diagnostics"] if re.fullmatch(r"RS[01]\d\d", d["code"])}

cjs = json.load(open(cjs_path))
cjs_reject = {e["filename"] for e in cjs["errors"]} | {e["filename"] for e in cjs["parse_errors"]}

ajv_input = dict(line.split("\t") for line in open(ajv_map_path).read().splitlines())
ajv_verdict = {}
for line in open(ajv_out_path).read().splitlines():
    m = re.fullmatch(r"(\S+) (valid|invalid)", line.strip())
    if m:
        ajv_verdict[m.group(1)] = "accept" if m.group(2) == "valid" else "reject"

passed = failed = 0
for want, file in expected:
    source = ajv_input.get(file, file)
    verdicts = {
        "retrospec": "reject" if file in rs_reject else "accept",
        "check-jsonschema": "reject" if file in cjs_reject else "accept",
        "ajv": "reject" if source == "-" else ajv_verdict.get(source, "missing"),
    }
    if all(v == want for v in verdicts.values()):
        passed += 1
    else:
        failed += 1
        said = ", ".join(f"{k}: {v}" for k, v in verdicts.items())
        print(f"DISAGREE: {file}: expected {want}; {said}")
print(f"agreement: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
