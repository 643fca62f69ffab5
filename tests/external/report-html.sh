#!/usr/bin/env bash
# The page of `retrospec report`, opened in a real headless Chromium (Debian's
# `chromium`, installed with apt-get when missing: run as root, or with sudo):
# - it loads with no console message (errors included) from the page;
# - the page requests nothing over the network (Chromium's net log: no request
#   initiated by the page; Chromium's own background requests are told apart by
#   their initiator, and no host name resolves, so nothing leaves the machine);
# - every chart's SVG has a <title> and a <desc> named by its aria-labelledby;
# - the sorting script ran (the reports table's headings became buttons);
# - a screenshot is saved to target/report-screenshot.png (a CI artifact).
# The same checks run first on a page made to fail them (a console error and an
# image from the network), so a check that cannot fail would be noticed.
# Prints `report-html: N passed, M failed`.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/need.sh chromium chromium
retrospec=${RETROSPEC:-target/debug/retrospec}
[ -x "$retrospec" ] || cargo build --quiet --bin retrospec
retrospec=$(realpath "$retrospec")

work=target/report-html
rm -rf "$work" && mkdir -p "$work"
work=$(realpath "$work")
"$retrospec" report examples tests/report/corpus --today 2024-12-01 -o "$work/report.html"
cat >"$work/bad.html" <<'EOF'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bad</title></head>
<body><svg role="img"><rect width="1" height="1"/></svg>
<img src="http://retrospec-test.invalid/x.png" alt="">
<script>console.error("deliberate error");</script></body></html>
EOF

flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update --disable-sync --no-first-run --disable-default-apps
  --disable-extensions --no-pings "--host-resolver-rules=MAP * ~NOTFOUND")

# chromium_run NAME: loads $work/NAME.html in a fresh profile; writes NAME.dom,
# NAME.log (stderr with console messages) and NAME.netlog.json.
chromium_run() {
  local name=$1
  rm -rf "$work/profile-$name"
  timeout 120 chromium "${flags[@]}" --user-data-dir="$work/profile-$name" \
    --enable-logging=stderr --v=0 --log-net-log="$work/$name.netlog.json" \
    --virtual-time-budget=5000 --dump-dom "file://$work/$name.html" \
    >"$work/$name.dom" 2>"$work/$name.log" || true
}
chromium_run report
chromium_run bad
rm -rf "$work/profile-shot"
timeout 120 chromium "${flags[@]}" --user-data-dir="$work/profile-shot" --hide-scrollbars \
  --window-size=1200,3400 --screenshot="$(realpath target)/report-screenshot.png" \
  "file://$work/report.html" >/dev/null 2>&1 || true

python3 - "$work" "$(realpath target)/report-screenshot.png" <<'EOF'
import html.parser
import json
import os
import re
import sys

work, screenshot = sys.argv[1], sys.argv[2]


def console_messages(name):
    with open(os.path.join(work, f"{name}.log"), encoding="utf-8", errors="replace") as f:
        return [l.strip() for l in f if ":CONSOLE" in l and "file://" in l]


def page_requests(name):
    """URLs of network requests the page made (not Chromium's own)."""
    path = os.path.join(work, f"{name}.netlog.json")
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return ["(no net log written)"]
    # Chromium may stop before closing the JSON array; close it.
    try:
        log = json.loads(text)
    except json.JSONDecodeError:
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    types = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = []
    for e in log.get("events", []):
        p = e.get("params", {})
        # The start of a request names its URL and initiator (its end names neither).
        if (types.get(e["type"]) == "URL_REQUEST_START_JOB" and "url" in p
                and p.get("initiator") != "not an origin"):
            urls.append(p["url"])
    return urls


class Svgs(html.parser.HTMLParser):
    """Each <svg>: its aria-labelledby ids and the ids of its <title>/<desc>."""

    def __init__(self):
        super().__init__()
        self.svgs, self.current, self.buttons, self.in_th = [], None, 0, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.current = {"labelledby": (a.get("aria-labelledby") or "").split(),
                            "role": a.get("role"), "title": None, "desc": None}
            self.svgs.append(self.current)
        elif tag in ("title", "desc") and self.current is not None and self.current[tag] is None:
            self.current[tag] = a.get("id", "")
        elif tag == "th":
            self.in_th += 1
        elif tag == "button" and self.in_th:
            self.buttons += 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self.current = None
        elif tag == "th":
            self.in_th = max(0, self.in_th - 1)


def charts_ok(name):
    with open(os.path.join(work, f"{name}.dom"), encoding="utf-8") as f:
        dom = f.read()
    parser = Svgs()
    parser.feed(dom)
    bad = [s for s in parser.svgs
           if s["role"] != "img" or not s["title"] or not s["desc"]
           or set(s["labelledby"]) != {s["title"], s["desc"]}]
    return dom, parser, bad


results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""))


# The detectors catch a page made to fail.
check("a console error is detected", len(console_messages("bad")) > 0)
check("a network request is detected",
      any("retrospec-test.invalid" in u for u in page_requests("bad")), page_requests("bad"))
_, _, bad_svgs = charts_ok("bad")
check("an SVG without a title is detected", len(bad_svgs) == 1)

# The report page.
dom, parser, bad_svgs = charts_ok("report")
check("the page loads", "</html>" in dom and "Postmortem report" in dom)
check("no console message", console_messages("report") == [], console_messages("report"))
check("no network request", page_requests("report") == [], page_requests("report"))
ids = set(re.findall(r'<svg[^>]* id="(chart-[a-z]+)"', dom))
check("every chart is there",
      ids >= {"chart-periods", "chart-durations", "chart-completion", "chart-rules"}, sorted(ids))
check("timelines are there", len([s for s in parser.svgs if any(i.startswith("timeline-") for i in s["labelledby"])]) >= 5)
check("every chart has a title and a description", parser.svgs and not bad_svgs, bad_svgs[:3])
check("the sorting script ran", parser.buttons >= 9, parser.buttons)
check("a screenshot is saved", os.path.getsize(screenshot) > 10_000 if os.path.exists(screenshot) else False,
      screenshot)

passed = sum(results)
print(f"report-html: {passed} passed, {len(results) - passed} failed")
sys.exit(0 if passed == len(results) else 1)
EOF
