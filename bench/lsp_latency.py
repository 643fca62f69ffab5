#!/usr/bin/env python3
"""Language-server latency, measured from the client side over stdio.

    python3 bench/lsp_latency.py RETROSPEC_BINARY [--yaml-ls PATH] [--out FILE] [--quick]

Opens a 5,000-line YAML report, then times (median of N):
  - didChange -> publishDiagnostics for that version (one small edit in a
    timeline entry's text, alternating so the text keeps its length),
  - hover on a key, completion on a value,
and the resident memory of the server with 100 realistic reports open.
With --yaml-ls, the same edit loop runs against yaml-language-server with
retrospec's schema associated through its settings, side by side.
Prints a JSON object (and writes it to --out).
"""

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402  (the corpus generator: realistic reports for the memory run)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(ROOT, "schema", "postmortem.schema.json")


def big_report(lines=5000):
    """A valid YAML report of about `lines` lines: a long timeline, full timestamps."""
    out = [
        "$schema: https://retrospec.dev/schema/v1/postmortem.schema.json",
        "title: A long incident with a very detailed timeline",
        "date: \"2024-04-15\"",
        "status: draft",
        "owner: sre-team",
        "severity: SEV2",
        "services:",
        "  - auth-api",
        "timezone: UTC",
        "summary: The sign-in service failed for part of the users for a whole day.",
        "timeline:",
    ]
    minute = 0
    while len(out) < lines - 3:
        day = 1 + minute // (24 * 60)
        hh, mm = divmod(minute % (24 * 60), 60)
        out.append(f"  - time: \"2024-04-{day:02d} {hh:02d}:{mm:02d} UTC\"")
        out.append(f"    text: Entry {minute} of the timeline, the responders looked at the graphs.")
        minute += 1
    return "\n".join(out) + "\n"


class Client:
    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.inbox = queue.Queue()
        self.next_id = 0
        self.settings = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = json.loads(out.read(length))
            self.inbox.put((time.perf_counter(), body))

    def send(self, msg):
        msg["jsonrpc"] = "2.0"
        data = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, pred, timeout=30):
        """The first message for which pred holds (answering server requests meanwhile)."""
        deadline = time.perf_counter() + timeout
        while True:
            at, msg = self.inbox.get(timeout=max(0.001, deadline - time.perf_counter()))
            if "method" in msg and "id" in msg:  # a request from the server
                result = None
                if msg["method"] == "workspace/configuration":
                    result = [self.settings.get(item.get("section", ""), None)
                              for item in msg["params"]["items"]]
                self.send({"id": msg["id"], "result": result})
                continue
            if pred(msg):
                return at, msg

    def response(self, rid):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m)

    def initialize(self, init_options=None):
        rid = self.request("initialize", {
            "processId": os.getpid(), "rootUri": None,
            "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": True},
                                              "hover": {"contentFormat": ["markdown"]}},
                             "workspace": {"configuration": True}},
            "initializationOptions": init_options,
        })
        self.response(rid)
        self.notify("initialized", {})

    def rss_kib(self, field="VmRSS"):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return None

    def close(self):
        try:
            rid = self.request("shutdown", None)
            self.response(rid)
            self.notify("exit", None)
            self.proc.wait(timeout=5)
        except Exception:  # noqa: BLE001 - a benchmark, not a test: end it anyway
            self.proc.kill()


def is_diagnostics(uri, version=None):
    def pred(m):
        if m.get("method") != "textDocument/publishDiagnostics":
            return False
        p = m["params"]
        return p["uri"] == uri and (version is None or p.get("version") in (None, version))
    return pred


def edit_loop(client, uri, text, edits, versioned):
    """Median ms from didChange to the diagnostics of that version."""
    lines = text.split("\n")
    target = next(i for i, l in enumerate(lines) if l.startswith("    text: Entry 2000 "))
    col = len("    text: Entry 2000 of the ")
    samples = []
    for v in range(2, edits + 2):
        word = "timeline" if v % 2 else "timelina"
        change = {"range": {"start": {"line": target, "character": col},
                            "end": {"line": target, "character": col + len("timeline")}},
                  "text": word}
        sent = time.perf_counter()
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": v}, "contentChanges": [change]})
        at, _ = client.wait(is_diagnostics(uri, v if versioned else None))
        samples.append((at - sent) * 1000)
    return samples


def request_loop(client, method, params, count):
    samples = []
    for _ in range(count):
        sent = time.perf_counter()
        at, _ = client.response(client.request(method, params))
        samples.append((at - sent) * 1000)
    return samples


def summary(samples):
    return {"median_ms": round(statistics.median(samples), 2),
            "min_ms": round(min(samples), 2), "n": len(samples)}


def bench_retrospec(binary, text, edits, uri):
    c = Client([binary, "lsp"])
    c.initialize()
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    c.wait(is_diagnostics(uri, 1))
    out = {"edit": summary(edit_loop(c, uri, text, edits, True))}
    lines = text.split("\n")
    sev = next(i for i, l in enumerate(lines) if l.startswith("severity:"))
    status = next(i for i, l in enumerate(lines) if l.startswith("status:"))
    pos = {"textDocument": {"uri": uri}, "position": {"line": sev, "character": 2}}
    out["hover"] = summary(request_loop(c, "textDocument/hover", pos, edits))
    pos = {"textDocument": {"uri": uri}, "position": {"line": status, "character": 8}}
    out["completion"] = summary(request_loop(c, "textDocument/completion", pos, edits))
    # 100 realistic reports open at once.
    rng = gen.random.Random(11)
    for i in range(100):
        doc = "$schema: https://retrospec.dev/schema/v1/postmortem.schema.json\n" + \
            gen.to_yaml(gen.report(rng, i, False)).split("\n", 1)[1]
        u = f"file:///tmp/retrospec-bench/open/{i:03d}.postmortem.yaml"
        c.notify("textDocument/didOpen", {"textDocument": {
            "uri": u, "languageId": "yaml", "version": 1, "text": doc}})
        c.wait(is_diagnostics(u, 1))
    out["rss_101_open_mib"] = round(c.rss_kib() / 1024, 1)
    out["peak_rss_101_open_mib"] = round(c.rss_kib("VmHWM") / 1024, 1)
    c.close()
    return out


def bench_yaml_ls(path, text, edits, uri):
    c = Client(["node", path, "--stdio"]) if not os.access(path, os.X_OK) else \
        Client([path, "--stdio"])
    settings = {"validate": True, "hover": True, "completion": True,
                "schemas": {"file://" + SCHEMA: "*.postmortem.yaml"},
                "schemaStore": {"enable": False}}
    c.settings = {"yaml": settings, "": {"yaml": settings}}
    c.initialize()
    c.notify("workspace/didChangeConfiguration", {"settings": {"yaml": settings}})
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    c.wait(is_diagnostics(uri))
    out = {"edit": summary(edit_loop(c, uri, text, edits, False))}
    lines = text.split("\n")
    sev = next(i for i, l in enumerate(lines) if l.startswith("severity:"))
    pos = {"textDocument": {"uri": uri}, "position": {"line": sev, "character": 2}}
    out["hover"] = summary(request_loop(c, "textDocument/hover", pos, edits))
    c.close()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--yaml-ls")
    ap.add_argument("--out")
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    edits = 15 if a.quick else 60
    text = big_report()
    uri = "file:///tmp/retrospec-bench/big.postmortem.yaml"
    result = {"lines": text.count("\n"), "retrospec": bench_retrospec(a.binary, text, edits, uri)}
    if a.yaml_ls and os.path.exists(a.yaml_ls):
        try:
            result["yaml-language-server"] = bench_yaml_ls(a.yaml_ls, text, edits, uri)
        except Exception as e:  # noqa: BLE001 - reported in the table, not fatal
            result["yaml-language-server"] = {"error": repr(e)}
    s = json.dumps(result, indent=2)
    print(s)
    if a.out:
        with open(a.out, "w") as f:
            f.write(s + "\n")


if __name__ == "__main__":
    main()
