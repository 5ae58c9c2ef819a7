// Neovim 0.7 (Debian's `nvim`) as a second LSP client: a headless session attaches `node dist/server.js
// --stdio` to a sample analysis and asks for a hover and a definition. Skipped when nvim is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');
const samples = path.join(repoRoot, 'samples');
const serverScript = path.join(repoRoot, 'dist/server.js');
const nvimFound = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
if (!nvimFound) console.warn('test/nvim skipped: `nvim` is not on PATH (Debian: apt-get install neovim)');

const scratch = mkdtempSync(path.join(tmpdir(), 'treaty-nvim-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Session {
  readonly hover: { contents: { kind?: string; value: string } | string } | null;
  readonly definition: { uri?: string; targetUri?: string; range?: { start: { line: number } }; targetSelectionRange?: { start: { line: number } } }[];
  readonly diagnostics: { lnum: number; code?: string; message: string }[];
  readonly error?: string;
}

/** Where `needle` starts in a sample file: 1-based row and 0-based byte column, as nvim's cursor wants them. */
function cursorOf(file: string, needle: string, offset = 0): { row: number; byteColumn: number } {
  const lines = readFileSync(path.join(samples, file), 'utf8').split('\n');
  const row = lines.findIndex((line) => line.includes(needle));
  if (row === -1) throw new Error(`${needle} not in ${file}`);
  const character = lines[row].indexOf(needle) + offset;
  return { row: row + 1, byteColumn: Buffer.byteLength(lines[row].slice(0, character)) };
}

function lineIndexOf(file: string, needle: string): number {
  return readFileSync(path.join(samples, file), 'utf8').split('\n').findIndex((line) => line.includes(needle));
}

/**
 * Runs one headless Neovim session: open `file`, put the cursor on `needle`, ask hover + definition, and
 * collect the diagnostics published within `diagnosticsWaitMs`.
 */
function runSession(file: string, needle: string, offset: number, diagnosticsWaitMs = 0): Session {
  if (!existsSync(serverScript)) throw new Error(`${serverScript} is missing: run npm run build`);
  const { row, byteColumn } = cursorOf(file, needle, offset);
  const output = path.join(scratch, `session-${row}.json`);
  const script = path.join(scratch, `session-${row}.lua`);
  writeFileSync(
    script,
    `
local root = ${JSON.stringify(samples)}
local result = { hover = vim.NIL, definition = {}, diagnostics = {} }
local function finish()
  local handle = io.open(${JSON.stringify(output)}, 'w')
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  local ready = false
  local client_id = vim.lsp.start_client({
    name = 'treaty-annotator',
    cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(serverScript)}, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'samples' } },
    on_init = function() ready = true end,
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. ${JSON.stringify(file)}))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  assert(vim.wait(15000, function() return ready end, 50), 'the server did not initialize')
  vim.api.nvim_win_set_cursor(0, { ${row}, ${byteColumn} })
  local params = vim.lsp.util.make_position_params()
  -- The server indexes the workspace after initializing: ask until the hover has content other than the one
  -- that says the workspace is still being read (a request the treaty's reading does not answer soon enough).
  local function reading(contents)
    local value = type(contents) == 'string' and contents or (contents.value or '')
    return string.find(value, 'still being read', 1, true) ~= nil or string.find(value, '読み込み中', 1, true) ~= nil
  end
  for _ = 1, 75 do
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 2000) or {}
    for _, response in pairs(responses) do
      if response.result and response.result.contents and not reading(response.result.contents) then result.hover = response.result end
    end
    if result.hover ~= vim.NIL then break end
    vim.wait(200)
  end
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', params, 5000) or {}
  for _, response in pairs(responses) do
    if response.result then
      result.definition = response.result.uri and { response.result } or response.result
    end
  end
  vim.wait(${diagnosticsWaitMs}, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { lnum = diagnostic.lnum, code = diagnostic.code, message = diagnostic.message })
  end
end)
if not ok then result.error = tostring(err) end
finish()
`,
  );
  const env = { ...process.env, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch, XDG_STATE_HOME: scratch, XDG_CACHE_HOME: scratch };
  const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], { env, encoding: 'utf8', timeout: 60_000 });
  if (!existsSync(output)) throw new Error(`nvim wrote no result (status ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(readFileSync(output, 'utf8')) as Session;
}

function hoverValue(session: Session): string {
  const contents = session.hover?.contents;
  return typeof contents === 'string' ? contents : (contents?.value ?? '');
}

describe.skipIf(!nvimFound)('Neovim 0.7 with the language server over stdio', () => {
  test('the server has been built (npm run build)', () => {
    expect(existsSync(serverScript), `${serverScript} is missing`).toBe(true);
  });

  test('hover and definition of 第6条第2項 in the Japanese analysis answer with article 6, paragraph 2', () => {
    const session = runSession('analyses/kaiyo-kyotei-kaisetsu.md', '第6条第2項は、海難を知った', 1);
    expect(session.error).toBeUndefined();
    expect(hoverValue(session)).toContain('各締約国は、他方の締約国の船舶又は国民が関係する海難を知ったときは、次の措置をとる。');
    expect(session.definition).toHaveLength(1);
    const [target] = session.definition;
    expect(target.uri ?? target.targetUri).toMatch(/\/samples\/treaties\/kaiyo-kyotei\.md$/);
    expect((target.range ?? target.targetSelectionRange)?.start.line).toBe(lineIndexOf('treaties/kaiyo-kyotei.md', '２　各締約国は、他方の締約国の船舶'));
  });

  test('hover and definition of Article 5(1)(b) in the English notes answer with item (b) of the convention', () => {
    const session = runSession('analyses/harbor-convention-notes.md', 'Article 5(1)(b)', 1);
    expect(session.error).toBeUndefined();
    expect(hoverValue(session)).toContain('make firefighting and pollution response equipment available;');
    const [target] = session.definition;
    expect(target.uri ?? target.targetUri).toMatch(/\/samples\/treaties\/harbor-convention\.en\.md$/);
    expect((target.range ?? target.targetSelectionRange)?.start.line).toBe(lineIndexOf('treaties/harbor-convention.en.md', '(b) make firefighting'));
  });

  test('the deliberate broken citations arrive as diagnostics, and a hover on one says what is wrong', () => {
    const session = runSession('analyses/broken-citations.md', '第15条', 1, 15_000);
    expect(session.error).toBeUndefined();
    expect(hoverValue(session)).not.toBe('');
    const lines = (needle: string): number => lineIndexOf('analyses/broken-citations.md', needle);
    expect(session.diagnostics.map((diagnostic) => `${diagnostic.lnum} ${diagnostic.code}`).sort()).toEqual(
      [
        `${lines('同条第1項')} no-antecedent`,
        `${lines('第15条')} unknown-article`,
        `${lines('第3条第4項')} unknown-paragraph`,
        `${lines('第6条第2項第5号')} unknown-item`,
        `${lines('Article 12 of the Harbor')} unknown-article`,
        `${lines('情報を直ちに交換する')} misquote`,
      ].sort(),
    );
  });
});
