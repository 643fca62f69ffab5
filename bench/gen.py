#!/usr/bin/env python3
"""Writes a deterministic corpus of generated postmortems for the benchmarks.

    python3 bench/gen.py OUT_DIR COUNT [--seed N] [--small]

writes OUT_DIR/yaml/NNNNNN.yaml, OUT_DIR/json/NNNNNN.json and OUT_DIR/md/NNNNNN.md:
the same COUNT reports in each form. Realistic sizes: 10-40 timeline entries,
3-10 action items, a few paragraphs of prose; about 10% carry a mistake (a bad
date, an unknown key, a value outside an enum, a bad URL, a missing title, a
timeline out of order). `--small` writes short reports (3-5 entries, 1-2 action
items) for the linear-growth run. Same seed, same files, byte for byte.

Only the standard library: the generator must run wherever the benchmark runs.
"""

import argparse
import json
import os
import random
import sys

WORDS = (
    "the a replica cache database queue deploy rollout config key token node cluster "
    "region request latency error rate alert page responder service proxy dns certificate "
    "index shard lease leader follower write read timeout retry backoff limit quota disk "
    "memory cpu pool connection handshake upstream downstream customer user session job "
    "worker scheduler migration schema flag canary traffic load balancer health check"
).split()
SERVICES = ["auth-api", "web-login", "search", "billing", "payments", "gateway", "storage",
            "queue", "scheduler", "notifications", "metrics", "dns", "cdn", "mail"]
TEAMS = ["identity-team", "sre-team", "search-team", "platform-team", "payments-team",
         "storage-team", "network-team"]
PEOPLE = ["Mara Lindqvist", "Tomás Ortega", "Aiko Tanaka", "Priya Raman", "Jonas Weber",
          "Chidi Okafor", "Lena Novak"]
MISTAKES = ["bad-date", "unknown-key", "bad-severity", "bad-url", "no-title", "out-of-order"]


def sentence(rng, lo=8, hi=20):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, n=None):
    return " ".join(sentence(rng) for _ in range(n or rng.randint(2, 5)))


def report(rng, i, small):
    year = rng.choice([2022, 2023, 2024, 2025])
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    date = f"{year}-{month:02d}-{day:02d}"
    n_entries = rng.randint(3, 5) if small else rng.randint(10, 40)
    n_items = rng.randint(1, 2) if small else rng.randint(3, 10)
    minute = rng.randint(0, 8 * 60)
    times = []
    for _ in range(n_entries):
        times.append(minute)
        minute += rng.randint(1, 9)
    hhmm = [f"{m // 60:02d}:{m % 60:02d}" for m in times]
    marks = {0: "started", 1: "detected", 2: "acknowledged",
             n_entries - 2: "mitigated", n_entries - 1: "resolved"}
    if n_entries < 5:
        marks = {0: "started", n_entries - 1: "resolved"}
    timeline = []
    for k in range(n_entries):
        entry = {"time": (f"{date} {hhmm[k]} UTC" if k == 0 else f"{hhmm[k]} UTC"),
                 "text": sentence(rng)}
        if k in marks:
            entry["milestone"] = marks[k]
        timeline.append(entry)
    items = []
    for k in range(n_items):
        items.append({
            "title": sentence(rng, 4, 10)[:-1],
            "owner": rng.choice(TEAMS),
            "due": f"{year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "priority": rng.choice(["P1", "P2", "P3"]),
            "type": rng.choice(["prevent", "mitigate", "detect", "process", "investigate"]),
            "status": rng.choice(["open", "in-progress", "done"]),
            "link": f"https://tracker.example.com/OPS-{1000 + i * 10 + k}",
        })
    pm = {
        "title": sentence(rng, 5, 9)[:-1],
        "id": f"INC-{year}-{i:06d}",
        "date": date,
        "status": rng.choice(["draft", "in-review", "published"]),
        "owner": rng.choice(TEAMS),
        "authors": rng.sample(PEOPLE, rng.randint(1, 3)),
        "severity": rng.choice(["SEV1", "SEV2", "SEV3", "SEV4"]),
        "services": rng.sample(SERVICES, rng.randint(1, 3)),
        "timezone": "UTC",
        "milestones": {marks[k]: f"{date} {hhmm[k]} UTC" for k in sorted(marks)},
        "summary": paragraph(rng),
        "impact": {"description": paragraph(rng, 2), "users_affected": rng.randint(1, 90000)},
        "root_cause": paragraph(rng),
        "contributing_factors": [sentence(rng) for _ in range(rng.randint(1, 4))],
        "trigger": sentence(rng),
        "detection": {"method": rng.choice(["alert", "customer-report", "staff"]),
                      "description": sentence(rng)},
        "resolution": paragraph(rng),
        "timeline": timeline,
        "lessons": {"went_well": [sentence(rng) for _ in range(rng.randint(1, 3))],
                    "went_wrong": [sentence(rng) for _ in range(rng.randint(1, 3))]},
        "action_items": items,
        "links": [{"title": "Incident channel archive",
                   "url": f"https://chat.example.com/archives/inc-{i}"}],
    }
    if small:
        for key in ("root_cause", "contributing_factors", "resolution", "lessons", "impact"):
            del pm[key]
    mistake = rng.choice(MISTAKES) if rng.random() < 0.10 else None
    if mistake == "bad-date":
        pm["date"] = f"{year}-13-{day:02d}"
    elif mistake == "unknown-key":
        pm["sevrity"] = pm.pop("severity")
    elif mistake == "bad-severity":
        pm["severity"] = "SEV9"
    elif mistake == "bad-url":
        pm["links"][0]["url"] = "not a url"
    elif mistake == "no-title":
        del pm["title"]
    elif mistake == "out-of-order":
        timeline[-1]["time"], timeline[-2]["time"] = timeline[-2]["time"], timeline[-1]["time"]
    return pm


# --- YAML (block style, plain scalars where safe) -------------------------------------

def yscalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    s = str(v)
    # Quote anything YAML could read as another type or as syntax.
    if (not s or s[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in s or " #" in s
            or s.lower() in ("true", "false", "null", "yes", "no", "on", "off", "~")
            or s[0].isdigit() or s.endswith(":")):
        return json.dumps(s, ensure_ascii=False)
    return s


def yaml_lines(v, indent):
    pad = "  " * indent
    out = []
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(x, (dict, list)) and x:
                out.append(f"{pad}{k}:")
                out.extend(yaml_lines(x, indent + 1))
            else:
                out.append(f"{pad}{k}: {yscalar(x)}")
    else:
        for x in v:
            if isinstance(x, dict):
                sub = yaml_lines(x, indent + 1)
                out.append(f"{pad}- " + sub[0].lstrip())
                out.extend(sub[1:])
            else:
                out.append(f"{pad}- {yscalar(x)}")
    return out


def to_yaml(pm):
    head = ["# yaml-language-server: $schema=https://retrospec.dev/schema/v1/postmortem.schema.json"]
    return "\n".join(head + yaml_lines(pm, 0)) + "\n"


# --- Markdown (front matter + sections, grammar of docs/format.md) ---------------------

FRONT = ("title", "id", "date", "status", "owner", "authors", "severity", "sevrity", "services",
         "timezone", "milestones", "detection", "links")


def to_markdown(pm):
    front = {k: pm[k] for k in FRONT if k in pm}
    out = ["---"] + yaml_lines(front, 0) + ["---", ""]

    def section(title, body):
        out.extend([f"## {title}", "", body, ""])

    section("Summary", pm["summary"])
    if "impact" in pm:
        section("Impact", pm["impact"]["description"])
    section("Trigger", pm["trigger"])
    if "root_cause" in pm:
        section("Root cause", pm["root_cause"])
    if "contributing_factors" in pm:
        section("Contributing factors", "\n".join(f"- {x}" for x in pm["contributing_factors"]))
    if "resolution" in pm:
        section("Resolution", pm["resolution"])
    lines = [f"### {pm['date']}", ""]
    for e in pm["timeline"]:
        t = e["time"].split(" ", 1)[1] if e["time"][0:4].isdigit() else e["time"]
        mark = f" [{e['milestone']}]" if "milestone" in e else ""
        lines.append(f"- {t} — {e['text']}{mark}")
    section("Timeline", "\n".join(lines))
    if "lessons" in pm:
        out.extend(["## Lessons learned", ""])
        for key, title in (("went_well", "What went well"), ("went_wrong", "What went wrong")):
            section_lines = "\n".join(f"- {x}" for x in pm["lessons"][key])
            out.extend([f"### {title}", "", section_lines, ""])
    items = []
    for a in pm["action_items"]:
        box = "x" if a["status"] == "done" else " "
        items.append(f"- [{box}] {a['title']} (owner: {a['owner']}, due: {a['due']}, "
                     f"priority: {a['priority']}, type: {a['type']}, status: {a['status']}, "
                     f"link: {a['link']})")
    section("Action items", "\n".join(items))
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description="Writes a generated benchmark corpus.")
    parser.add_argument("out_dir")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--small", action="store_true")
    opts = parser.parse_args()
    out_dir, count, small = opts.out_dir, opts.count, opts.small
    forms = ("yaml", "json", "md")
    if small:
        forms = ("yaml",)
    for form in forms:
        os.makedirs(os.path.join(out_dir, form), exist_ok=True)
    rng = random.Random(opts.seed)
    for i in range(count):
        pm = report(rng, i, small)
        name = f"{i:06d}"
        texts = {"yaml": to_yaml(pm),
                 "json": json.dumps(pm, indent=2, ensure_ascii=False) + "\n"}
        if not small:
            texts["md"] = to_markdown(pm)
        for form in forms:
            with open(os.path.join(out_dir, form, f"{name}.{form}"), "w", encoding="utf-8") as f:
                f.write(texts[form])


if __name__ == "__main__":
    main()
