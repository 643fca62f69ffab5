"""Writes the fenced YAML snippets of README.md to files, to check them with
the tools that read them (pre-commit validate-config, check-jsonschema's
GitHub workflow schema).

    python3 readme_snippets.py OUT_DIR

Writes `precommit-N.yaml` for `.pre-commit-config.yaml` snippets (a fragment
starting at `- repo:` is wrapped in `repos:`) and `workflow-N.yaml` for GitHub
Actions workflows; prints the file names.
"""

import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parents[2]
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
readme = (root / "README.md").read_text()
for i, block in enumerate(re.findall(r"```yaml\n(.*?)```", readme, re.S)):
    if "jobs:" in block:
        name = f"workflow-{i}.yaml"
    elif "repos:" in block:
        name = f"precommit-{i}.yaml"
    elif block.lstrip().startswith("- repo:"):
        name = f"precommit-{i}.yaml"
        block = "repos:\n" + block
    else:
        continue
    (out / name).write_text(block)
    print(out / name)
