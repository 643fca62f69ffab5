-- Headless Neovim as a real LSP client of `retrospec lsp` (Neovim 0.7+ API).
-- Opens REPORT, waits for diagnostics, writes them as "line:col code" (1-based,
-- like `retrospec check`) to OUT, applies every quick fix offered, saves the file.
local bin = os.getenv("RETROSPEC")
local report = os.getenv("REPORT")
local out = os.getenv("OUT")

local function fail(msg)
  io.stderr:write("nvim client: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

vim.cmd("edit " .. vim.fn.fnameescape(report))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "retrospec",
  cmd = { bin, "lsp" },
  root_dir = vim.fn.fnamemodify(report, ":h"),
})
if not client_id then fail("the server did not start") end
vim.lsp.buf_attach_client(buf, client_id)

local function diagnostics()
  return vim.diagnostic.get(buf, { namespace = vim.lsp.diagnostic.get_namespace(client_id) })
end
if not vim.wait(15000, function() return #diagnostics() > 0 end, 50) then
  fail("no diagnostics within 15 s")
end

local lines = {}
for _, d in ipairs(diagnostics()) do
  table.insert(lines, string.format("%d:%d %s", d.lnum + 1, d.col + 1, d.code or "?"))
end
table.sort(lines)
vim.fn.writefile(lines, out)

-- Apply the quick fixes one at a time (positions move after an edit), until no
-- finding offers one.
local function fix_one()
  for _, d in ipairs(diagnostics()) do
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
      context = { diagnostics = {} },
    }
    local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 5000) or {}
    for _, response in pairs(responses) do
      local action = response.result and response.result[1]
      if action and action.edit then
        vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
        return true
      end
    end
  end
  return false
end
for _ = 1, 50 do
  local before = #diagnostics()
  if not fix_one() then break end
  vim.wait(5000, function() return #diagnostics() < before end, 50)
end
vim.cmd("write")
vim.cmd("qall!")
