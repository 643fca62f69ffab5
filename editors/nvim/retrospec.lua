-- retrospec language server for Neovim 0.9+ (vim.lsp.start, vim.fs.find).
--
-- Starts `retrospec lsp` for markdown, yaml and json buffers. The server itself decides
-- which documents are postmortems (Markdown with YAML front matter, YAML/JSON naming
-- https://retrospec.dev/schema/v1/postmortem.schema.json) and publishes nothing for the
-- others, so attaching to every such buffer is cheap.
--
-- Use it in one of two ways:
--   * source it from init.lua:   dofile('/path/to/retrospec/editors/nvim/retrospec.lua')
--   * copy it to ~/.config/nvim/lua/retrospec.lua and:   require('retrospec')
-- Loading the file registers the FileType autocmd with the defaults below. To change
-- them, call setup() again (it replaces the autocmd):
--   require('retrospec').setup({ cmd = { vim.fn.expand('~/.cargo/bin/retrospec'), 'lsp' } })
--
-- nvim-lspconfig users: lspconfig ships no retrospec entry, and none is needed; this file
-- works alongside it. To manage retrospec through lspconfig instead (nvim 0.9/0.10):
--   local configs = require('lspconfig.configs')
--   if not configs.retrospec then
--     configs.retrospec = { default_config = {
--       cmd = { 'retrospec', 'lsp' },
--       filetypes = { 'markdown', 'yaml', 'json' },
--       root_dir = require('lspconfig.util').root_pattern('.git', 'retrospec.toml'),
--       single_file_support = true,
--     } }
--   end
--   require('lspconfig').retrospec.setup({})
-- On Neovim 0.11+, the built-in equivalent needs no plugin:
--   vim.lsp.config('retrospec', { cmd = { 'retrospec', 'lsp' },
--     filetypes = { 'markdown', 'yaml', 'json' }, root_markers = { '.git', 'retrospec.toml' } })
--   vim.lsp.enable('retrospec')
-- Use one of these ways, not several: each would start its own client.

local M = {}

M.defaults = {
  -- The server command; `retrospec` must be on PATH (cargo install puts it in ~/.cargo/bin).
  cmd = { 'retrospec', 'lsp' },
  filetypes = { 'markdown', 'yaml', 'json' },
  -- The nearest directory holding one of these is the workspace root; without one, the
  -- file's own directory is.
  root_markers = { '.git', 'retrospec.toml' },
}

local warned = false

--- The root directory for a file: the nearest ancestor directory that holds one of the
--- root markers, else the file's own directory.
---@param path string absolute file path
---@param markers string[]
---@return string
function M.root_dir(path, markers)
  local dir = vim.fs.dirname(path)
  local found = vim.fs.find(markers, { path = dir, upward = true })[1]
  if found then
    return vim.fs.dirname(found)
  end
  return dir
end

--- Registers (or re-registers) the FileType autocmd that starts the server.
---@param opts? { cmd?: string[], filetypes?: string[], root_markers?: string[] }
function M.setup(opts)
  -- Shallow on purpose: a list given in opts replaces the default list whole.
  local config = vim.tbl_extend('force', M.defaults, opts or {})
  if vim.fn.has('nvim-0.9') == 0 then
    vim.notify('retrospec.lua needs Neovim 0.9 or newer (vim.lsp.start)', vim.log.levels.WARN)
    return
  end
  local group = vim.api.nvim_create_augroup('retrospec_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    desc = 'Start the retrospec language server',
    callback = function(args)
      local bufnr = args.buf
      local name = vim.api.nvim_buf_get_name(bufnr)
      -- Only files on disk: no scratch, help or terminal buffers, and no URIs such as
      -- fugitive:// or oil:// (the VS Code extension's `scheme: file`).
      if vim.bo[bufnr].buftype ~= '' or name == '' or name:match('^%a[%w+.-]*://') then
        return
      end
      if vim.fn.executable(config.cmd[1]) == 0 then
        if not warned then
          warned = true
          vim.notify(
            ('retrospec: `%s` not found; install it with `cargo install --path crates/retrospec-cli`'):format(
              config.cmd[1]
            ),
            vim.log.levels.WARN
          )
        end
        return
      end
      vim.lsp.start({
        name = 'retrospec',
        cmd = config.cmd,
        root_dir = M.root_dir(name, config.root_markers),
      }, { bufnr = bufnr })
    end,
  })
end

M.setup()

return M
