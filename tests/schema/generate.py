"""Derives schema-level mistakes from a valid report, one per file.

    python3 tests/schema/generate.py OUT_DIR [BASE.json]

Walks the base report (default: examples/complete.json) beside the committed
schema and writes, for every field it finds, the mistakes that field admits:
a value of a wrong type, a value outside its enum, a string breaking its format
or pattern, an empty string where minLength is 1, a number out of range, the
field missing when required, an unknown key in each object, and an `x-`
extension key in each object (valid where the schema allows `^x-` keys: the top
level and action items; invalid elsewhere). Files go to OUT_DIR/valid and OUT_DIR/invalid,
named after the JSON path and the mistake. Standard library only.
"""

import copy
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parents[2]
schema = json.loads((root / "schema/postmortem.schema.json").read_text())
out = pathlib.Path(sys.argv[1])
base = json.loads(pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else root / "examples/complete.json").read_text())


def resolve(node):
    """The schema node behind $ref and `anyOf: [X, null]`, and whether null is allowed."""
    nullable = False
    while True:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
        elif "anyOf" in node:
            branches = node["anyOf"]
            nullable |= any(b.get("type") == "null" for b in branches)
            node = next(b for b in branches if b.get("type") != "null")
        else:
            break
    types = node.get("type", [])
    types = set(types if isinstance(types, list) else [types])
    if "oneOf" in node:
        types |= {b["type"] for b in node["oneOf"]}
    if "null" in types or nullable:
        types.add("null")
    return node, types


def json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


def allowed(value, types):
    t = json_type(value)
    return t in types or (t == "integer" and "number" in types)


written = {"valid": 0, "invalid": 0}


def emit(verdict, path, what, doc):
    name = re.sub(r"[^A-Za-z0-9]+", "-", f"{'.'.join(map(str, path)) or 'root'}-{what}").strip("-")
    folder = out / verdict
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"gen-{name}.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    written[verdict] += 1


def with_value(path, value):
    doc = copy.deepcopy(base)
    target = doc
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


DELETE = object()


def walk(value, node, path):
    node, types = resolve(node)
    if path and path[-1] != "$schema":
        wrong = next(v for v in (12345, "text", [1], {"k": 1}, True) if not allowed(v, types))
        emit("invalid", path, "wrong-type", with_value(path, wrong))
    if "oneOf" in node:
        emit("invalid", path, "not-in-enum", with_value(path, "NOT-A-VALUE"))
    fmt = node.get("format")
    if fmt == "date":
        emit("invalid", path, "bad-date", with_value(path, "2024-02-30"))
        emit("invalid", path, "date-with-time", with_value(path, "2024-02-03 10:00"))
    if fmt == "uri":
        emit("invalid", path, "relative-uri", with_value(path, "wiki/incident 42"))
    if "pattern" in node:
        emit("invalid", path, "pattern", with_value(path, "yesterday afternoon"))
        emit("invalid", path, "pattern-time-only-seconds", with_value(path, "10:5"))
    if node.get("minLength") == 1:
        emit("invalid", path, "empty-string", with_value(path, ""))
    if "minimum" in node:
        emit("invalid", path, "below-minimum", with_value(path, node["minimum"] - 1))
    if "maximum" in node:
        emit("invalid", path, "above-maximum", with_value(path, node["maximum"] + 0.5))
    if isinstance(value, dict) and "properties" in node:
        unknown = {**value, "resolution_notes": "x"}
        emit("invalid", path, "unknown-key", with_value(path, unknown) if path else unknown)
        # `x-` extension keys are allowed where the schema says so (the top level
        # and action items, which keep an action table's unknown kind as `x-type`).
        extended = {**value, "x-team": {"k": [1]}}
        takes_extensions = "^x-" in node.get("patternProperties", {})
        extended_value = with_value(path, extended) if path else extended
        if takes_extensions:
            emit("valid", path, "x-extension", extended_value)
        else:
            emit("invalid", path, "nested-x-extension", extended_value)
        for key in node.get("required", []):
            if key in value:
                emit("invalid", path + [key], "missing-required", with_value(path + [key], DELETE))
        for key, child in value.items():
            if key in node["properties"]:
                walk(child, node["properties"][key], path + [key])
    if isinstance(value, list) and value and "items" in node:
        walk(value[0], node["items"], path + [0])


walk(base, schema, [])
print(f"generated {written['invalid']} invalid and {written['valid']} valid variants in {out}")
