// YAML to JSON for ajv, which reads JSON only. Uses the `yaml` npm package in
// YAML 1.2 mode (core schema): `10:50` stays the text "10:50" and `no` stays
// text, as retrospec reads them (a YAML 1.1 loader would make 650 and false).
// Duplicate keys are errors, as in retrospec.
//
//   NODE_PATH=target/npm-ajv/node_modules node yaml2json.cjs OUT_DIR FILE...
//
// Prints one line per file: `SOURCE<TAB>OUT.json`, or `SOURCE<TAB>-` when the
// file is not YAML that a validator could read (the report is then rejected).
const fs = require("fs");
const path = require("path");
const YAML = require("yaml");

const [outDir, ...files] = process.argv.slice(2);
fs.mkdirSync(outDir, { recursive: true });
files.forEach((file, i) => {
  const doc = YAML.parseDocument(fs.readFileSync(file, "utf8"), {
    version: "1.2",
    schema: "core",
    uniqueKeys: true,
    merge: false,
  });
  if (doc.errors.length > 0) {
    console.log(`${file}\t-`);
    return;
  }
  const out = path.join(outDir, `${i}-${path.basename(file)}.json`);
  fs.writeFileSync(out, JSON.stringify(doc.toJS()) + "\n");
  console.log(`${file}\t${out}`);
});
