-- End-to-end check with a real client: Neovim 0.7 (Debian 12) starts
-- `tfguard lsp`, opens a module file of the fixture workspace, waits for
-- its diagnostics, edits the buffer (incremental sync, non-ASCII text) and
-- waits for the new diagnostics. Each set is written to $OUT, one
-- diagnostic a line: "PHASE CODE LNUM COL SEVERITY MESSAGE".
-- vim.lsp.start_client/buf_attach_client: vim.lsp.start is Neovim 0.8+.
local bin, root, out = os.getenv("TFGUARD_BIN"), os.getenv("WORKSPACE"), os.getenv("OUT")
local lines = {}

local function fail(message)
  table.insert(lines, "FAIL " .. message)
  vim.fn.writefile(lines, out)
  vim.cmd("cquit! 1")
end

local function record(phase, bufnr)
  local diagnostics = vim.diagnostic.get(bufnr)
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum end)
  for _, d in ipairs(diagnostics) do
    table.insert(lines, string.format("%s %s %d %d %d %s", phase, tostring(d.code), d.lnum, d.col, d.severity,
      d.message))
  end
end

local client_id = vim.lsp.start_client({
  name = "tfguard",
  cmd = { bin, "lsp" },
  root_dir = root,
  init_options = { debounceMs = 50 },
  on_exit = function(code) table.insert(lines, "EXIT " .. code) end,
})
if not client_id then fail("start_client failed") end

vim.cmd("edit " .. root .. "/modules/web/main.tf")
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)
if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
  fail("no diagnostics after opening modules/web/main.tf")
end
record("open", bufnr)

-- A new variable above the others, with non-ASCII text before it on the
-- line: reported as unused, at a column after "é😀" counted in UTF-16.
vim.api.nvim_buf_set_lines(bufnr, 1, 1, false, { '/* é😀 */ variable "port" {', "  type = number", "}" })
if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 1 end, 20) then
  fail("no new diagnostics after the edit")
end
record("edit", bufnr)

local client = vim.lsp.get_client_by_id(client_id)
client.stop()
vim.wait(10000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
vim.wait(2000, function() return lines[#lines]:match("^EXIT") ~= nil end, 20)
vim.fn.writefile(lines, out)
vim.cmd("qall!")
