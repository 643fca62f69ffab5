//! The page's style sheet and its one small script (sorting the reports table).

pub(super) const CSS: &str = r#"
:root { color-scheme: light; --ink: #1d1d24; --muted: #55556a; --line: #d6d3e0; --accent: #2b1a4f; --band: #f3f1f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 1000px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 4px; font-size: 28px; color: var(--accent); }
h2 { margin: 36px 0 12px; font-size: 21px; color: var(--accent); border-bottom: 2px solid var(--band); padding-bottom: 4px; }
h3 { margin: 22px 0 8px; font-size: 17px; }
.lead { margin: 0 0 10px; color: var(--muted); }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 8px 0 12px; }
a { color: #3d2a8a; }
a:focus-visible, button:focus-visible, summary:focus-visible { outline: 3px solid #e0a100; outline-offset: 2px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { border-bottom: 2px solid var(--accent); }
td { text-align: right; }
td:first-child, td:nth-child(2) { text-align: left; }
table.summary td { min-width: 8em; }
.grid { display: flex; flex-wrap: wrap; gap: 0 28px; align-items: flex-start; }
figure { margin: 8px 0; overflow-x: auto; }
svg { max-width: 100%; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
svg .tick { fill: #44445a; font-size: 11px; }
svg .label { fill: var(--ink); font-size: 12px; }
svg .strong { font-weight: 700; }
details { margin: 4px 0 16px; }
summary { cursor: pointer; color: var(--muted); }
.scroll { overflow-x: auto; }
#report-table td:nth-child(2) { max-width: 360px; }
#report-table th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
.hint, .path { color: var(--muted); font-size: 13px; margin: 2px 0; }
ul.paths { padding-left: 20px; }
section.timeline { border-top: 1px solid var(--line); margin-top: 16px; }
footer { margin-top: 40px; padding-bottom: 30px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
@media print { nav, .hint { display: none; } details { display: block; } }
"#;

/// Click-to-sort for `table.sortable`: numeric columns sort by `data-v` when given.
/// Headings become buttons and carry `aria-sort`; without scripts nothing changes.
pub(super) const SORT_SCRIPT: &str = r#"
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var value = function (row) {
        var cell = row.cells[col];
        var v = cell.getAttribute("data-v");
        return v !== null ? Number(v) : cell.textContent.trim().toLowerCase();
      };
      rows.sort(function (a, b) {
        var x = value(a), y = value(b);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"#;
