// `npm run bench` / `npm run bench:smoke`: generates the workspaces, runs the floor, the peers, treaty-check,
// the server and the core side by side, and writes the tables and the chart to bench/results/.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DIST_DIR, REPO_ROOT, RESULTS_DIR, RESULT_PREFIX, WORK_DIR, argValue, listFiles, type Manifest } from './common';
import { generateWorkspace } from './generate';
import { CODE_CACHE_DIR, MEMPROBE_PATH, SERVER_PATH, measureServer, type LspOptions } from './lsp';
import { chartSvg, foundMismatches, renderMarkdown, sizeLabel, type BenchRecord, type Figures, type RunRecord, type SizeRecord, type Tool } from './report';

const CLI_PATH = path.join(DIST_DIR, 'cli.js');
const CORE_BUNDLE = path.join(WORK_DIR, 'core.js');
const REMARK_CLI = path.join(REPO_ROOT, 'node_modules', 'remark-cli', 'cli.js');
const DOC_PATH = path.join(REPO_ROOT, 'docs', 'benchmark.md');
const DOC_BEGIN = '<!-- bench:results:begin -->';
const DOC_END = '<!-- bench:results:end -->';

interface Options {
  readonly smoke: boolean;
  readonly sizes: number[];
  readonly runs: number[];
  readonly remarkRuns: number[];
  readonly remarkTimeoutMs: number;
  readonly requests: number;
  readonly keystrokes: number;
  readonly peerKeystrokes: number;
  readonly peerReferences: number;
  /** Sizes at which the keystroke, treaty-edit and request scenarios run (after the first run's cold start). */
  readonly interactiveSizes: number[];
  readonly peerInteractiveSizes: number[];
  readonly reference: number;
  /** Sizes of the real-prose variant (treaty-check and remark-validate-links on it), and runs of each. */
  readonly proseSizes: number[];
  readonly proseRuns: number[];
  /** `--no-peers`: the floor and our tools only (the ×40 run, where the peers alone would take many minutes). */
  readonly peers: boolean;
  /** Where to write the results; the default (bench/results/) also updates docs/benchmark.md. */
  readonly out: string | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const list = (name: string, fallback: string): number[] => (argValue(argv, name) ?? fallback).split(',').map(Number);
  const smoke = argv.includes('--smoke');
  if (smoke) {
    return {
      smoke,
      sizes: [0],
      runs: [1],
      remarkRuns: [1],
      remarkTimeoutMs: 30_000,
      requests: 50,
      keystrokes: 5,
      peerKeystrokes: 3,
      peerReferences: 10,
      interactiveSizes: [0],
      peerInteractiveSizes: [0],
      reference: 0,
      proseSizes: [0],
      proseRuns: [1],
      peers: true,
      out: path.join(WORK_DIR, 'smoke'),
    };
  }
  return {
    smoke,
    sizes: list('--sizes', '1,4,16'),
    runs: list('--runs', '3,3,1'),
    remarkRuns: list('--remark-runs', '3,1,1'),
    remarkTimeoutMs: Number(argValue(argv, '--remark-timeout') ?? '120') * 1000,
    requests: Number(argValue(argv, '--requests') ?? '1000'),
    keystrokes: Number(argValue(argv, '--keystrokes') ?? '200'),
    peerKeystrokes: Number(argValue(argv, '--peer-keystrokes') ?? '20'),
    peerReferences: Number(argValue(argv, '--peer-references') ?? '100'),
    interactiveSizes: list('--interactive-sizes', '4'),
    peerInteractiveSizes: list('--peer-interactive-sizes', '4'),
    reference: Number(argValue(argv, '--reference') ?? '4'),
    proseSizes: argValue(argv, '--prose-sizes') === '' ? [] : list('--prose-sizes', '1,4'),
    proseRuns: list('--prose-runs', '3,1'),
    peers: !argv.includes('--no-peers'),
    out: argValue(argv, '--out'),
  };
}

interface ChildOutcome {
  readonly wallMs: number;
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly result: Record<string, unknown> | null;
  readonly stdoutTail: string;
  readonly stderrTail: string;
  /** User + system CPU time of the process, read by the preloaded probe at exit (NaN if it never exited). */
  readonly cpuMs: number;
}

/** Runs a node program to its end (or its time limit), timing it from spawn to exit; `nodeArgs` go before the probe. */
function runChild(args: readonly string[], options: { cwd?: string; timeoutMs: number; nodeArgs?: readonly string[]; env?: NodeJS.ProcessEnv }): Promise<ChildOutcome> {
  const cpuFile = path.join(WORK_DIR, `cpu-${process.pid}.json`);
  fs.rmSync(cpuFile, { force: true });
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '-r', MEMPROBE_PATH, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env, BENCH_CPU_FILE: cpuFile },
    });
    let stdout = '';
    let stderr = '';
    let result: Record<string, unknown> | null = null;
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length)) as Record<string, unknown>;
      stdout = (lines.slice(-5).join('\n') + '\n' + stdout).slice(-4000);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      clearTimeout(timer);
      let cpuMs = Number.NaN;
      if (fs.existsSync(cpuFile)) {
        const cpu = JSON.parse(fs.readFileSync(cpuFile, 'utf8')) as { user: number; system: number };
        cpuMs = (cpu.user + cpu.system) / 1000;
        fs.rmSync(cpuFile, { force: true });
      }
      resolve({ wallMs, code, timedOut, result, stdoutTail: stdout, stderrTail: stderr, cpuMs });
    });
  });
}

const logLine = (line: string): void => void process.stderr.write(`${line}\n`);

async function measureFloor(scale: number): Promise<Figures> {
  const outcome = await runChild([path.join(WORK_DIR, 'floor.js'), '--scale', String(scale)], { timeoutMs: 120_000 });
  if (!outcome.result) throw new Error(`floor failed: ${outcome.stderrTail}`);
  return { wallMs: outcome.wallMs, ...(outcome.result as Figures) };
}

async function measureMarkdownPeer(scale: number, interactive: boolean, options: Options): Promise<Figures> {
  const args = [path.join(WORK_DIR, 'peerMarkdown.js'), '--scale', String(scale)];
  if (interactive) {
    args.push('--interactive', '--requests', String(options.requests), '--keystrokes', String(options.peerKeystrokes));
    args.push('--reference-requests', String(options.peerReferences));
  }
  const outcome = await runChild(args, { timeoutMs: 600_000, nodeArgs: ['--expose-gc'] });
  if (!outcome.result) throw new Error(`Markdown peer failed: ${outcome.stderrTail}`);
  // The cold figure is the wall time from spawn, like the server's; the in-process figure stays as coldMs.
  return { ...(outcome.result as Figures), wallMs: outcome.wallMs };
}

async function measureRemark(manifest: Manifest, timeoutMs: number): Promise<Figures> {
  const outcome = await runChild(
    [REMARK_CLI, '--no-config', '--no-ignore', '--no-color', '--quiet', '--use', 'remark-validate-links=repository:false', 'analyses', 'treaties'],
    { cwd: manifest.linkedRoot, timeoutMs },
  );
  if (outcome.timedOut) return { timedOut: true, wallMs: Number.NaN };
  const warnings = /(\d+) warnings?/.exec(outcome.stderrTail);
  if (outcome.code !== 0 && outcome.code !== 1) throw new Error(`remark failed: ${outcome.stderrTail}`);
  return { wallMs: outcome.wallMs, cpuMs: outcome.cpuMs, warnings: warnings ? Number(warnings[1]) : Number.NaN, timedOut: false };
}

async function measureCli(manifest: Manifest): Promise<Figures> {
  // Its compiled code kept where the server's is (treaty-check keeps it in a temporary folder of the user's own).
  const outcome = await runChild([CLI_PATH, '.'], { cwd: manifest.plainRoot, timeoutMs: 600_000, env: { TREATY_CHECK_CODE_CACHE: CODE_CACHE_DIR } });
  const summary = /(\d+) errors?, (\d+) warnings?/.exec(outcome.stdoutTail);
  if (outcome.code !== 0 && outcome.code !== 1) {
    return { wallMs: Number.NaN, exitCode: outcome.code, error: `${outcome.stderrTail.trim().slice(-300)}` };
  }
  const counts = summary ? { errors: Number(summary[1]), warnings: Number(summary[2]) } : { errors: Number.NaN, warnings: Number.NaN };
  return { wallMs: outcome.wallMs, cpuMs: outcome.cpuMs, exitCode: outcome.code, ...counts };
}

async function measureCore(scale: number, interactive: boolean, options: Options): Promise<Figures> {
  const args = [CORE_BUNDLE, '--scale', String(scale), '--requests', String(options.requests), '--keystrokes', String(options.keystrokes)];
  if (interactive) args.push('--interactive');
  const outcome = await runChild(args, { timeoutMs: 600_000, nodeArgs: ['--expose-gc'] });
  if (!outcome.result) return { error: outcome.stderrTail.trim().slice(-300) };
  return outcome.result as Figures;
}

/**
 * The server started three more times with a facts cache (outside the workspace): a cold start that writes it,
 * then a reload with nothing changed, then one after touching an analysis (a new modification time: it is read
 * and hashed, and keeps its cached facts). The first run also asks hover and definition while it indexes.
 */
async function measureWarmStarts(manifest: Manifest, options: Options): Promise<Figures> {
  const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'treaty-bench-cache-'));
  const start = (duringIndexing: boolean) => measureServer(manifest, { ...startOnly(options), cacheDirectory, duringIndexing });
  try {
    const writing = await start(true);
    const cacheFile = path.join(cacheDirectory, 'facts-cache.bin');
    for (let waited = 0; !fs.existsSync(cacheFile) && waited < 100; waited++) await new Promise((done) => setTimeout(done, 100));
    const unchanged = await start(false);
    const touched = path.join(manifest.plainRoot, 'analyses', 'a0001.md');
    const now = new Date();
    fs.utimesSync(touched, now, now);
    const afterTouch = await start(false);
    return {
      indexingHoverP50Ms: writing.indexingHoverP50Ms,
      indexingHoverP99Ms: writing.indexingHoverP99Ms,
      indexingDefinitionP99Ms: writing.indexingDefinitionP99Ms,
      indexingRequests: writing.indexingRequests,
      indexingAnswered: writing.indexingAnswered,
      cacheBytes: fs.existsSync(cacheFile) ? fs.statSync(cacheFile).size : Number.NaN,
      warmMs: unchanged.coldMs,
      warmProblems: unchanged.problems,
      warmTouchedMs: afterTouch.coldMs,
      warmTouchedProblems: afterTouch.problems,
    };
  } finally {
    fs.rmSync(cacheDirectory, { recursive: true, force: true });
  }
}

/** A server start measured to its last diagnostics, and nothing asked after. */
function startOnly(options: Options): LspOptions {
  return { interactive: false, requests: options.requests, keystrokes: 0, keystrokeBudgetMs: 0, coldTimeoutMs: options.smoke ? 30_000 : 180_000, fanOutTimeoutMs: 0, log: logLine };
}

/**
 * A cold start with no compiled code of an earlier start (a folder of its own for `--code-cache`): the first start
 * after installing or updating the extension. Every other start finds the code the benchmark's first start left.
 */
async function measureFirstStart(manifest: Manifest, options: Options): Promise<Figures> {
  const codeCacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'treaty-bench-code-'));
  try {
    return { coldFirstMs: (await measureServer(manifest, { ...startOnly(options), codeCacheDirectory })).coldMs ?? Number.NaN };
  } finally {
    fs.rmSync(codeCacheDirectory, { recursive: true, force: true });
  }
}

/** Calls one measurement, turning a failure into a note instead of ending the run. */
async function attempt(name: string, notes: string[], work: () => Promise<Figures>): Promise<Figures | undefined> {
  try {
    const figures = await work();
    if (typeof figures.error === 'string') notes.push(`${name}: ${figures.error}`);
    return figures;
  } catch (error) {
    notes.push(`${name}: ${String(error).slice(0, 300)}`);
    return undefined;
  }
}

async function measureSize(manifest: Manifest, sizeIndex: number, options: Options, notes: string[]): Promise<SizeRecord> {
  const scale = manifest.scale;
  const runs: RunRecord[] = [];
  const runCount = options.runs[sizeIndex] ?? 1;
  for (let run = 0; run < runCount; run++) {
    // The server's and the core's interactive figures in every run, each the median of the runs: one sample (the first
    // run, right after the peers had loaded both cores for a minute) moved a p95 or a treaty edit by a third.
    const interactive = options.interactiveSizes.includes(scale);
    const tools: Partial<Record<Tool, Figures>> = {};
    const label = (tool: string): string => `${sizeLabel(scale)} run ${run + 1}/${runCount}: ${tool}`;
    const started = performance.now();
    tools.floor = await attempt(label('floor'), notes, () => measureFloor(scale));
    if (options.peers) {
      tools.markdown = await attempt(label('Markdown peer'), notes, () =>
        measureMarkdownPeer(scale, run === 0 && options.peerInteractiveSizes.includes(scale), options),
      );
    }
    if (options.peers && run < (options.remarkRuns[sizeIndex] ?? 1)) {
      tools.remark = await attempt(label('remark-validate-links'), notes, () => measureRemark(manifest, options.remarkTimeoutMs));
      if (tools.remark?.timedOut === true) notes.push(`${sizeLabel(scale)}: remark-validate-links did not finish within ${options.remarkTimeoutMs / 1000} s and was stopped.`);
    }
    if (fs.existsSync(CLI_PATH)) tools.cli = await attempt(label('treaty-check'), notes, () => measureCli(manifest));
    if (fs.existsSync(SERVER_PATH)) {
      tools.server = await attempt(label('server'), notes, async () =>
        measureServer(manifest, {
          interactive,
          requests: options.requests,
          keystrokes: options.keystrokes,
          keystrokeBudgetMs: 90_000,
          coldTimeoutMs: options.smoke ? 30_000 : 180_000,
          fanOutTimeoutMs: options.smoke ? 5000 : 30_000,
          log: logLine,
        }),
      );
    }
    // In every run of the reference size, not only the first: one sample of a start moved by a fifth between runs.
    if (fs.existsSync(SERVER_PATH) && scale === options.reference && tools.server) {
      tools.server = { ...tools.server, ...(await attempt(label('server warm starts'), notes, () => measureWarmStarts(manifest, options))) };
      tools.server = { ...tools.server, ...(await attempt(label('server first start'), notes, () => measureFirstStart(manifest, options))) };
    }
    if (fs.existsSync(CORE_BUNDLE)) tools.core = await attempt(label('core'), notes, () => measureCore(scale, interactive, options));
    runs.push({ tools });
    const show = (tool: Tool, key: string): string => {
      const value = tools[tool]?.[key];
      return typeof value === 'number' && Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : 'n/a';
    };
    logLine(
      `${label('done')} in ${((performance.now() - started) / 1000).toFixed(0)} s — floor ${show('floor', 'wallMs')}, server ${show('server', 'coldMs')}, ` +
        `core ${show('core', 'coldMs')}, treaty-check ${show('cli', 'wallMs')}, Markdown peer ${show('markdown', 'wallMs')}, remark ${show('remark', 'wallMs')}`,
    );
  }
  return sizeRecord(manifest, options, runs);
}

/** The real-prose variant at one size: treaty-check and remark-validate-links, each run. */
async function measureProse(manifest: Manifest, sizeIndex: number, options: Options, notes: string[]): Promise<SizeRecord> {
  const scale = manifest.scale;
  const runs: RunRecord[] = [];
  const runCount = options.proseRuns[sizeIndex] ?? 1;
  for (let run = 0; run < runCount; run++) {
    const tools: Partial<Record<Tool, Figures>> = {};
    const label = (tool: string): string => `${sizeLabel(scale)} real prose, run ${run + 1}/${runCount}: ${tool}`;
    if (fs.existsSync(CLI_PATH)) tools.cli = await attempt(label('treaty-check'), notes, () => measureCli(manifest));
    tools.remark = await attempt(label('remark-validate-links'), notes, () => measureRemark(manifest, options.remarkTimeoutMs));
    if (tools.remark?.timedOut === true) notes.push(`${sizeLabel(scale)} real prose: remark-validate-links did not finish within ${options.remarkTimeoutMs / 1000} s and was stopped.`);
    runs.push({ tools });
    const show = (tool: Tool): string => {
      const value = tools[tool]?.wallMs;
      return typeof value === 'number' && Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : 'n/a';
    };
    logLine(`${label('done')}: treaty-check ${show('cli')}, remark ${show('remark')}`);
  }
  return sizeRecord(manifest, options, runs);
}

/** What a size's record says of its workspace (the real-prose variant's quotations too), with its runs. */
function sizeRecord(manifest: Manifest, options: Options, runs: RunRecord[]): SizeRecord {
  return {
    scale: manifest.scale,
    files: listFiles(manifest.plainRoot).length,
    treaties: manifest.treaties,
    analyses: manifest.analyses,
    plainBytes: manifest.plainBytes,
    citations: manifest.citations,
    dangling: manifest.dangling,
    ...(manifest.prose ? { quotations: manifest.quotations ?? 0, misquotes: manifest.misquotes ?? 0 } : {}),
    hotDocuments: manifest.hot.documents.length,
    hotCitations: manifest.hot.citations,
    bigBytes: manifest.big.bytes,
    remarkTimeoutMs: options.remarkTimeoutMs,
    runs,
  };
}

/** What the figures themselves cannot say: sample sizes, answers, how memory was read. */
function describeRun(record: BenchRecord, options: Options): void {
  const reference = record.sizes.find((size) => size.scale === record.reference);
  const first = reference?.runs[0]?.tools;
  if (!first) return;
  const server = first.server;
  if (server) {
    record.notes.push(
      server.heapSource === 'stats'
        ? 'Server heap: from `treatyAnnotator/stats` (the probe did not answer); RSS from /proc/<pid>/status.'
        : 'Server heap: the live heap, read through a preloaded probe (`node -r bench/out/memprobe.js`: SIGUSR2 → process.memoryUsage() ' +
            `after a full gc)${typeof server.statsHeapBytes === 'number' ? `; \`treatyAnnotator/stats\` reported ${((server.statsHeapBytes as number) / 1e6).toFixed(1)} MB just before, garbage not yet collected included` : ''}; RSS from /proc/<pid>/status.`,
    );
    for (const name of ['hover', 'definition', 'completion', 'references']) {
      const answered = server[`${name}Answered`];
      const requests = server[`${name}Requests`];
      if (typeof answered === 'number' && typeof requests === 'number') record.notes.push(`Server ${name}: ${answered} of ${requests} requests returned a non-empty answer.`);
    }
    if (typeof server.warmProblems === 'number') {
      record.notes.push(
        `Server warm starts (facts cache of ${((server.cacheBytes as number) / 1e6).toFixed(1)} MB, outside the workspace): ${server.warmProblems} problems with nothing changed, ` +
          `${String(server.warmTouchedProblems)} after touching one analysis (cold: ${String(server.problems)}).`,
      );
    }
    if (typeof server.indexingRequests === 'number') {
      record.notes.push(
        `Server during indexing: ${server.indexingRequests} hover and definition requests answered before the progress ended, ${String(server.indexingAnswered)} of them non-empty; ` +
          'a request is answered once the treaty it cites has been read (likely treaties are read first), or after 30 ms with a hover saying that the workspace is still being read (never "not in the workspace" for a treaty not yet read).',
      );
    }
    if (typeof server.treatyEditReached === 'number' && server.treatyEditReached < (reference?.hotDocuments ?? 0)) {
      record.notes.push(`Server treaty edit: only ${server.treatyEditReached} of ${reference?.hotDocuments} citing documents got new diagnostics in time.`);
    }
    if (typeof server.keystrokes === 'number' && server.keystrokes < options.keystrokes) {
      record.notes.push(`Server keystrokes: ${server.keystrokes} of ${options.keystrokes} edits measured; the loop stops after 90 s.`);
    }
    const core = first.core;
    if (core && typeof core.keystrokes === 'number' && core.keystrokes < options.keystrokes) {
      record.notes.push(`Core keystrokes: ${core.keystrokes} of ${options.keystrokes} edits measured; the loop stops after 45 s.`);
    }
    if (typeof server.keystrokeMissed === 'number' && server.keystrokeMissed > 0) {
      record.notes.push(`Server keystrokes: ${server.keystrokeMissed} edits got no diagnostics within 5 s (left out of the percentiles).`);
    }
  }
  const peer = first.markdown;
  if (peer && typeof peer.keystrokes === 'number') {
    record.notes.push(
      `Markdown peer: ${peer.keystrokes} keystrokes (each revalidates the 1 MB document), ${String(peer.referencesRequests)} reference requests ` +
        `(each scans the workspace); hover answered ${String(peer.hoverAnswered)} of ${String(peer.hoverRequests)} (it only previews images), ` +
        `definition ${String(peer.definitionAnswered)}, completion ${String(peer.completionAnswered)}, references ${String(peer.referencesAnswered)}.`,
    );
  }
  if (!options.smoke) {
    const runs = `Runs per size ${options.sizes.map((size, index) => `${sizeLabel(size)}: ${options.runs[index] ?? 1}`).join(', ')}`;
    const remark = `remark-validate-links ${options.sizes.map((size, index) => `${sizeLabel(size)}: ${options.remarkRuns[index] ?? 1}`).join(', ')}`;
    record.notes.push(options.peers ? `${runs}; ${remark}.` : `${runs}; the peers were not run (--no-peers), so the Target and Met columns that compare with them say nothing.`);
  }
}

/** The smoke test's only assertions: every measurement produced a number, and the server answered. */
function smokeFailures(record: BenchRecord): string[] {
  const failures: string[] = [];
  const expect = (tool: Tool, keys: readonly string[], figures: Figures | undefined): void => {
    if (!figures) return void failures.push(`${tool}: no result`);
    for (const key of keys) {
      const value = figures[key];
      if (typeof value !== 'number' || !Number.isFinite(value)) failures.push(`${tool}: ${key} is ${String(value)}`);
    }
  };
  const latency = ['hover', 'definition', 'completion', 'references'].flatMap((name) => [`${name}P50Ms`, `${name}P99Ms`]);
  const interactive = ['keystrokeP50Ms', 'keystrokeP95Ms', 'treatyEditMs', ...latency];
  for (const size of record.sizes) {
    const tools = size.runs[0]?.tools ?? {};
    expect('floor', ['wallMs', 'bigPassMs', 'hotPassMs'], tools.floor);
    expect('markdown', ['wallMs', 'heapBytes', ...interactive], tools.markdown);
    expect('remark', ['wallMs', 'warnings'], tools.remark);
    if (fs.existsSync(CLI_PATH)) expect('cli', ['wallMs', 'errors'], tools.cli);
    if (fs.existsSync(SERVER_PATH)) {
      if (tools.server?.answered !== true) failures.push('server: did not answer initialize');
      if (tools.server?.coldComplete !== true) failures.push('server: cold start never published diagnostics for every document with a planted problem');
      expect('server', ['coldMs', 'coldFirstMs', 'heapBytes', 'rssBytes', 'warmMs', 'warmTouchedMs', ...interactive], tools.server);
      if (tools.server?.warmProblems !== tools.server?.problems) failures.push('server: a warm start found other problems than the cold start');
      expect('core', ['coldMs', 'heapBytes', ...interactive], tools.core);
    }
  }
  for (const size of record.prose ?? []) {
    const tools = size.runs[0]?.tools ?? {};
    if (fs.existsSync(CLI_PATH)) expect('cli', ['wallMs', 'errors', 'warnings'], tools.cli);
    expect('remark', ['wallMs', 'warnings'], tools.remark);
    if (!(size.misquotes && size.misquotes > 0)) failures.push('real prose: no misquote planted, the quotation check would find nothing');
  }
  return failures;
}

/** The commit whose product is measured, marked `-dirty` when the working tree differs from it (results aside); `unknown` outside git. */
function measuredCommit(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' });
  const head = git('rev-parse', 'HEAD');
  if (head.status !== 0) return 'unknown';
  const changed = git('status', '--porcelain', '--', '.', ':(exclude)bench/results', ':(exclude)docs/benchmark.md').stdout.trim() !== '';
  return `${head.stdout.trim()}${changed ? '-dirty' : ''}`;
}

/** Writes the tables, the raw record and the charts (and, for bench/results/, the section of docs/benchmark.md). */
function writeResults(record: BenchRecord, options: Options): void {
  const markdown = renderMarkdown(record);
  process.stdout.write(`\n${markdown}`);

  const outDir = options.out ? path.resolve(options.out) : RESULTS_DIR;
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, 'latest.md'),
    `## Benchmark results\n\n![wall time against workspace size](chart.svg) ![CPU time against workspace size](chart-cpu.svg)\n\n${markdown}`,
  );
  fs.writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(record, null, 1)}\n`);
  fs.writeFileSync(path.join(outDir, 'chart.svg'), chartSvg(record.sizes));
  fs.writeFileSync(path.join(outDir, 'chart-cpu.svg'), chartSvg(record.sizes, 'cpu'));
  if (!options.out && fs.existsSync(DOC_PATH)) {
    const doc = fs.readFileSync(DOC_PATH, 'utf8');
    const begin = doc.indexOf(DOC_BEGIN);
    const end = doc.indexOf(DOC_END);
    if (begin >= 0 && end > begin) {
      const block =
        `${DOC_BEGIN}\n![wall time against workspace size](../bench/results/chart.svg)\n` +
        `![CPU time against workspace size](../bench/results/chart-cpu.svg)\n\n${markdown}${DOC_END}`;
      fs.writeFileSync(DOC_PATH, doc.slice(0, begin) + block + doc.slice(end + DOC_END.length));
    }
  }
  logLine(`results written to ${path.relative(REPO_ROOT, outDir)}/`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv);
  // `--render results.json` only redraws the tables and charts of a finished run.
  const render = argValue(process.argv, '--render');
  if (render) return writeResults(JSON.parse(fs.readFileSync(render, 'utf8')) as BenchRecord, options);
  const started = performance.now();
  const loadAtStart = os.loadavg()[0]?.toFixed(1) ?? '?';
  const notes: string[] = [];
  const buildStatus = path.join(WORK_DIR, 'build-status.json');
  const productBuild = fs.existsSync(buildStatus) ? (JSON.parse(fs.readFileSync(buildStatus, 'utf8')) as { productBuild: string }).productBuild : 'ok';
  if (productBuild !== 'ok') notes.push(`\`npm run build\` failed, so dist/ may be stale or missing: ${productBuild}`);
  if (!fs.existsSync(SERVER_PATH)) notes.push('dist/server.js is missing (run `npm run build`): server rows are n/a.');
  if (!fs.existsSync(CLI_PATH)) notes.push('dist/cli.js is missing (run `npm run build`): treaty-check rows are n/a.');
  if (!fs.existsSync(CORE_BUNDLE)) notes.push('The core did not bundle (see `node bench/build.mjs`): core rows are n/a.');
  const sizes: SizeRecord[] = [];
  // Every start measured finds the compiled code of an earlier one, as in an editor that has run the extension
  // before: one start, not measured, leaves it (the first start after install is measured apart, measureFirstStart);
  // the same for treaty-check, as on a machine where it has run before.
  fs.rmSync(CODE_CACHE_DIR, { recursive: true, force: true });
  for (const [index, scale] of options.sizes.entries()) {
    const manifest = generateWorkspace(scale, undefined, logLine);
    if (index === 0 && fs.existsSync(SERVER_PATH)) await attempt('server start that fills the code cache', notes, () => measureServer(manifest, startOnly(options)));
    if (index === 0 && fs.existsSync(CLI_PATH)) await attempt('treaty-check run that fills the code cache', notes, () => measureCli(manifest));
    sizes.push(await measureSize(manifest, index, options, notes));
  }
  const prose: SizeRecord[] = [];
  for (const [index, scale] of options.proseSizes.entries()) {
    const manifest = generateWorkspace(scale, undefined, logLine, { prose: true });
    prose.push(await measureProse(manifest, index, options, notes));
  }
  const record: BenchRecord = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit: measuredCommit(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    node: process.versions.node,
    reference: options.reference,
    sizes,
    prose,
    notes,
  };
  describeRun(record, options);
  const mismatches = foundMismatches(record.sizes, record.prose);
  if (mismatches.length > 0) record.notes.push(`**What each tool found differs from what was planted** (the run fails): ${mismatches.join('; ')}.`);
  const load = os.loadavg()[0]?.toFixed(1) ?? '?';
  record.notes.push(
    `Whole benchmark: ${((performance.now() - started) / 1000).toFixed(0)} s; 1-minute load average ${loadAtStart} at the start, ${load} at the end ` +
      `(on ${os.cpus().length} cores: above that, other work competed for the CPU and the figures are inflated).`,
  );
  writeResults(record, options);

  if (mismatches.length > 0) {
    logLine(`bench FAILED: what the tools found differs from what was planted:\n  ${mismatches.join('\n  ')}`);
    process.exitCode = 1;
  }
  if (options.smoke) {
    const failures = smokeFailures(record);
    if (failures.length > 0) {
      logLine(`bench:smoke FAILED:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    } else logLine('bench:smoke passed: every measurement produced a number' + (fs.existsSync(SERVER_PATH) ? ' and the server answered.' : '.'));
  }
}

main().catch((error: unknown) => {
  logLine(String((error as Error).stack ?? error));
  process.exitCode = 1;
});
