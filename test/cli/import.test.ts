// treaty-check import, the built command line, on files and on the e-Gov law API v2 played by a local HTTP server
// that answers /laws and /law_data with answers derived from e-Gov's XML of 行政手続法 (real HTTP, real JSON).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CORPUS } from '../corpus/corpus';
import { GYOSEI_LAW_ID, GYOSEI_XML_FILE, gyoseiLawData, lawsEntry } from '../importData';

const ROOT = resolve(__dirname, '../..');

/** Runs dist/cli.js without blocking this process, which also serves the API. */
function treatyCheck(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['dist/cli.js', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const GYOSEI = lawsEntry(GYOSEI_LAW_ID, '行政手続法', '平成五年法律第八十八号');
const GYOSEI_ORDER = lawsEntry('406CO0000000265', '行政手続法施行令', '平成六年政令第二百六十五号');
const GYOSEI_RULES = lawsEntry('406M50000002001', '行政手続法施行規則', '平成六年総理府令第一号');

let server: Server;
let api: string;
const requests: string[] = [];

beforeAll(async () => {
  const lawData = JSON.stringify(gyoseiLawData());
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(decodeURIComponent(url.pathname) + decodeURIComponent(url.search));
    const json = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const path = decodeURIComponent(url.pathname);
    if (path === '/api/2/laws') {
      const title = url.searchParams.get('law_title');
      const number = url.searchParams.get('law_num');
      // e-Gov matches titles by their parts: 行政手続法 finds its order and rules too.
      const all = [GYOSEI, GYOSEI_ORDER, GYOSEI_RULES];
      const found = title === '遅い法' ? null : all.filter((law) => JSON.stringify(law).includes(title ?? number ?? '\u0000'));
      if (found === null) return; // never answers
      if (title === '混雑法') return json(429, { code: '429', message: 'Too Many Requests' });
      return json(200, { total_count: found.length, count: found.length, laws: found });
    }
    if (path === `/api/2/law_data/${GYOSEI_LAW_ID}`) {
      expect(url.searchParams.get('law_full_text_format')).toBe('json');
      return json(200, lawData);
    }
    if (path === '/api/2/law_data/405AC0000000999') return json(200, lawData.slice(0, lawData.length / 2));
    if (path === '/api/2/law_data/405AC0000000998') return json(200, { law_info: { law_id: '405AC0000000998' }, revision_info: {} });
    return json(404, { code: '404', message: 'not found' });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/2`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'treaty-import-'));
  requests.length = 0;
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const written = (): string[] => readdirSync(out).sort();

describe('treaty-check import egov:<query>', () => {
  it('finds one law by its title, reads it and writes it, then checks clean', async () => {
    const result = await treatyCheck('import', 'egov:行政手続法', '--out', out, '--egov-api', api);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toMatch(/405AC0000000088\.md: 行政手続法 \(69 articles\)\n$/);
    expect(requests).toEqual(['/api/2/laws?law_title=行政手続法', `/api/2/law_data/${GYOSEI_LAW_ID}?law_full_text_format=json`]);
    expect(written()).toEqual(['405AC0000000088.md']);
    const text = readFileSync(join(out, '405AC0000000088.md'), 'utf8');
    expect(text).toMatch(/^---\ntreaty: 405AC0000000088\ntitle: 行政手続法\nshort: 行手法\nlang: ja\nlaw_number: 平成五年法律第八十八号\nas_of: 2024-04-01\n/);
    const check = await treatyCheck('--format', 'json', out);
    const report = JSON.parse(check.stdout);
    expect(report.diagnostics.filter((diagnostic: { code: string }) => ['duplicate-article', 'article-order'].includes(diagnostic.code))).toEqual([]);
  });

  it('finds a law by its law number, and reads a law id at once', async () => {
    expect((await treatyCheck('import', 'egov:平成五年法律第八十八号', '--out', out, '--egov-api', api)).status).toBe(0);
    expect(requests[0]).toBe('/api/2/laws?law_num=平成五年法律第八十八号');
    rmSync(join(out, '405AC0000000088.md'));
    requests.length = 0;
    expect((await treatyCheck('import', `egov:${GYOSEI_LAW_ID}`, '--out', out, '--egov-api', api, '--id', 'gyosei')).status).toBe(0);
    expect(requests).toEqual([`/api/2/law_data/${GYOSEI_LAW_ID}?law_full_text_format=json`]);
    expect(written()).toEqual(['gyosei.md']);
  });

  it('lists the laws a title matches when it matches several, exits 2 and writes nothing', async () => {
    const result = await treatyCheck('import', 'egov:行政手続', '--out', out, '--egov-api', api);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      [
        'treaty-check: “行政手続” matches 3 laws; name one by its id (egov:<law id>)',
        '  egov:405AC0000000088  行政手続法（平成五年法律第八十八号）',
        '  egov:406CO0000000265  行政手続法施行令（平成六年政令第二百六十五号）',
        '  egov:406M50000002001  行政手続法施行規則（平成六年総理府令第一号）',
        '',
      ].join('\n'),
    );
    expect(written()).toEqual([]);
  });

  it('says so when e-Gov has no such law, and writes nothing', async () => {
    const byTitle = await treatyCheck('import', 'egov:存在しない法', '--out', out, '--egov-api', api);
    expect(byTitle).toMatchObject({ status: 2, stderr: 'treaty-check: e-Gov has no law matching “存在しない法”\n' });
    const byId = await treatyCheck('import', 'egov:405AC0000000404', '--out', out, '--egov-api', api);
    expect(byId).toMatchObject({ status: 2, stderr: 'treaty-check: e-Gov has no law 405AC0000000404 (404)\n' });
    expect(written()).toEqual([]);
  });

  it('gives up after the timeout when e-Gov does not answer, and writes nothing', async () => {
    const started = Date.now();
    const result = await treatyCheck('import', 'egov:遅い法', '--out', out, '--egov-api', api, '--timeout', '1');
    expect(result).toMatchObject({ status: 2, stderr: `treaty-check: e-Gov did not answer within 1 s (${api})\n` });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(written()).toEqual([]);
  });

  it('reports a cut-off or incomplete answer as malformed, and a refusal as rate limiting, writing nothing', async () => {
    const cut = await treatyCheck('import', 'egov:405AC0000000999', '--out', out, '--egov-api', api);
    expect(cut).toMatchObject({ status: 2, stderr: "treaty-check: e-Gov's answer for law 405AC0000000999 is not JSON\n" });
    const empty = await treatyCheck('import', 'egov:405AC0000000998', '--out', out, '--egov-api', api);
    expect(empty).toMatchObject({ status: 2, stderr: "treaty-check: e-Gov's answer for 405AC0000000998 is not a law: the law_data answer has no law_full_text tree\n" });
    const busy = await treatyCheck('import', 'egov:混雑法', '--out', out, '--egov-api', api);
    expect(busy).toMatchObject({ status: 2, stderr: 'treaty-check: e-Gov is limiting requests (429): wait a minute and try again\n' });
    expect(written()).toEqual([]);
  });

  it('says when e-Gov cannot be reached at all', async () => {
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const result = await treatyCheck('import', 'egov:行政手続法', '--out', out, '--egov-api', `http://127.0.0.1:${port}/api/2`);
    expect(result).toMatchObject({ status: 2, stderr: `treaty-check: cannot reach e-Gov at http://127.0.0.1:${port}/api/2 (ECONNREFUSED): are you offline?\n` });
    expect(written()).toEqual([]);
  });
});

describe('treaty-check import <file>', () => {
  it('writes an e-Gov XML file as a treaty document, and never replaces a file without --force', async () => {
    const xml = join(CORPUS, GYOSEI_XML_FILE);
    expect((await treatyCheck('import', xml, '--out', out)).status).toBe(0);
    const path = join(out, '405AC0000000088.md');
    writeFileSync(path, 'my notes\n');
    const again = await treatyCheck('import', xml, '--out', out);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/405AC0000000088\.md exists; pass --force to replace it\n$/);
    expect(readFileSync(path, 'utf8')).toBe('my notes\n');
    expect((await treatyCheck('import', xml, '--out', out, '--force')).status).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/^---\ntreaty: 405AC0000000088\n/);
  });

  it('writes a saved law_data answer, and a text pasted from a PDF with the id and title given', async () => {
    const json = join(out, 'answer.json');
    writeFileSync(json, JSON.stringify(gyoseiLawData()));
    expect((await treatyCheck('import', json, '--out', out, '--title', '行政手続に関する法律')).status).toBe(0);
    expect(readFileSync(join(out, '405AC0000000088.md'), 'utf8')).toContain('title: 行政手続に関する法律\n');
    const pdf = join(out, 'Pasted.txt');
    writeFileSync(pdf, '港湾協定\n第 1 条　目的を定め\nる。\n- 1 -\n第 2 条　定義を定める。\n');
    const result = await treatyCheck('import', pdf, '--out', out);
    expect(result.status).toBe(0);
    expect(readFileSync(join(out, 'pasted.md'), 'utf8')).toBe('---\ntreaty: pasted\ntitle: 港湾協定\nlang: ja\n---\n\n港湾協定\n第1条　目的を定める。\n第2条　定義を定める。\n');
  });

  it('exits 1 with nothing to import, and 2 on a missing file or a bad option', async () => {
    const notes = join(out, 'notes.txt');
    writeFileSync(notes, '会議メモ。条文はない。\n');
    expect(await treatyCheck('import', notes, '--out', out)).toMatchObject({ status: 1, stderr: expect.stringContaining('nothing to import') });
    expect((await treatyCheck('import', join(out, 'missing.xml'), '--out', out)).status).toBe(2);
    expect((await treatyCheck('import', notes, '--out', join(out, 'no-such-dir'))).status).toBe(2);
    expect((await treatyCheck('import', '--bogus', notes)).status).toBe(2);
    expect((await treatyCheck('import', 'egov:')).status).toBe(2);
    expect(written()).toEqual(['notes.txt']);
  });
});
