// Turns the raw runs into what people read: the Markdown tables (figures, ratios to floor and peer, targets)
// and the SVG chart of time against workspace size.

import { median } from './common';

/** One tool's figures in one run (absent or NaN when it could not be measured). */
export type Figures = Readonly<Record<string, number | string | boolean | null | undefined>>;

export type Tool = 'floor' | 'server' | 'core' | 'cli' | 'markdown' | 'remark';

export interface RunRecord {
  readonly tools: Partial<Record<Tool, Figures>>;
}

export interface SizeRecord {
  readonly scale: number;
  readonly files: number;
  readonly treaties: number;
  readonly analyses: number;
  readonly plainBytes: number;
  readonly citations: number;
  readonly dangling: number;
  readonly hotDocuments: number;
  readonly hotCitations: number;
  readonly bigBytes: number;
  readonly remarkTimeoutMs: number;
  /** The real-prose variant's quotations and, of those, the misquoted (absent for the default workspace). */
  readonly quotations?: number;
  readonly misquotes?: number;
  readonly runs: RunRecord[];
}

export interface BenchRecord {
  readonly date: string;
  /** The commit measured (`git rev-parse HEAD`), `-dirty` when the working tree had changes; absent in older records. */
  readonly commit?: string;
  readonly machine: string;
  readonly node: string;
  readonly reference: number;
  readonly sizes: SizeRecord[];
  /** The real-prose variant: treaty-check and remark-validate-links only (absent in older records). */
  readonly prose?: SizeRecord[];
  readonly notes: string[];
}

/** `×4`, or `tiny` for the smoke test's workspace. */
export const sizeLabel = (scale: number): string => (scale === 0 ? 'tiny' : `×${scale}`);

const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN);

/** The median over runs of one tool's figure. */
export function figure(size: SizeRecord, tool: Tool, key: string): number {
  return median(size.runs.map((run) => number(run.tools[tool]?.[key])));
}

/** The median over runs of a ratio taken inside each run (both figures from the same run). */
export function ratio(size: SizeRecord, a: [Tool, string], b: [Tool, string]): number {
  return median(size.runs.map((run) => number(run.tools[a[0]]?.[a[1]]) / number(run.tools[b[0]]?.[b[1]])));
}

function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function formatBytes(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(1)} MB` : 'n/a';
}

function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 10 ? `${value.toFixed(0)}×` : `${value.toFixed(2)}×`;
}

function verdict(ok: boolean | null): string {
  return ok === null ? '—' : ok ? '✅' : '❌';
}

interface Row {
  readonly label: string;
  readonly key: string;
  readonly coreKey?: string;
  readonly floor?: [Tool, string];
  readonly peer?: [Tool, string];
  /** The server's tool: the CLI row compares treaty-check. */
  readonly ours?: Tool;
  readonly bytes?: boolean;
  readonly target: string;
  readonly met?: (value: number, size: SizeRecord) => boolean | null;
}

const ROWS: readonly Row[] = [
  {
    label: 'Cold start → all diagnostics',
    key: 'coldMs',
    floor: ['floor', 'wallMs'],
    peer: ['markdown', 'wallMs'],
    target: '≤ 3 s; ≤ 0.5× peer; ≤ 3× floor',
    met: (value, size) =>
      value <= 3000 && ratio(size, ['server', 'coldMs'], ['markdown', 'wallMs']) <= 0.5 && ratio(size, ['server', 'coldMs'], ['floor', 'wallMs']) <= 3,
  },
  {
    label: 'Cold start, the first after install (no compiled code kept yet)',
    key: 'coldFirstMs',
    floor: ['floor', 'wallMs'],
    target: '',
  },
  {
    label: 'Cold start, CPU time (user + system)',
    key: 'coldCpuMs',
    floor: ['floor', 'coldCpuMs'],
    peer: ['markdown', 'coldCpuMs'],
    target: 'less sensitive to other load',
  },
  {
    label: 'Warm start (facts cache), nothing changed',
    key: 'warmMs',
    floor: ['floor', 'wallMs'],
    target: '≤ 1.5× floor',
    met: (_value, size) => ratio(size, ['server', 'warmMs'], ['floor', 'wallMs']) <= 1.5,
  },
  {
    label: 'Warm start, one analysis touched',
    key: 'warmTouchedMs',
    floor: ['floor', 'wallMs'],
    target: '≤ 1.5× floor',
    met: (_value, size) => ratio(size, ['server', 'warmTouchedMs'], ['floor', 'wallMs']) <= 1.5,
  },
  { label: 'Hover during indexing, p50', key: 'indexingHoverP50Ms', target: '' },
  { label: 'Hover during indexing, p99', key: 'indexingHoverP99Ms', target: '≤ 100 ms', met: (value) => value <= 100 },
  { label: 'Definition during indexing, p99', key: 'indexingDefinitionP99Ms', target: '≤ 100 ms', met: (value) => value <= 100 },
  { label: 'Keystroke → diagnostics, big analysis, p50', key: 'keystrokeP50Ms', floor: ['floor', 'bigPassMs'], peer: ['markdown', 'keystrokeP50Ms'], target: '' },
  {
    label: 'Keystroke → diagnostics, big analysis, p95',
    key: 'keystrokeP95Ms',
    floor: ['floor', 'bigPassMs'],
    peer: ['markdown', 'keystrokeP95Ms'],
    target: '≤ 20 ms',
    met: (value) => value <= 20,
  },
  {
    label: 'Treaty edit → all citing documents updated',
    key: 'treatyEditMs',
    floor: ['floor', 'hotPassMs'],
    peer: ['markdown', 'treatyEditMs'],
    target: '≤ 300 ms',
    met: (value) => value <= 300,
  },
  { label: 'Hover p50', key: 'hoverP50Ms', peer: ['markdown', 'hoverP50Ms'], target: '' },
  { label: 'Hover p99', key: 'hoverP99Ms', peer: ['markdown', 'hoverP99Ms'], target: '≤ 5 ms', met: (value) => value <= 5 },
  { label: 'Definition p50', key: 'definitionP50Ms', peer: ['markdown', 'definitionP50Ms'], target: '' },
  { label: 'Definition p99', key: 'definitionP99Ms', peer: ['markdown', 'definitionP99Ms'], target: '≤ 5 ms', met: (value) => value <= 5 },
  { label: 'Completion p50', key: 'completionP50Ms', peer: ['markdown', 'completionP50Ms'], target: '' },
  { label: 'Completion p99', key: 'completionP99Ms', peer: ['markdown', 'completionP99Ms'], target: '≤ 5 ms', met: (value) => value <= 5 },
  { label: 'References p50', key: 'referencesP50Ms', peer: ['markdown', 'referencesP50Ms'], target: '' },
  { label: 'References p99', key: 'referencesP99Ms', peer: ['markdown', 'referencesP99Ms'], target: '≤ 50 ms', met: (value) => value <= 50 },
  {
    label: 'Heap after indexing',
    key: 'heapBytes',
    bytes: true,
    peer: ['markdown', 'heapBytes'],
    target: '≤ 6× size on disk',
    met: (value, size) => value <= 6 * size.plainBytes,
  },
  { label: 'RSS after indexing', key: 'rssBytes', bytes: true, peer: ['markdown', 'rssBytes'], target: '' },
  {
    label: '`treaty-check` wall time',
    key: 'wallMs',
    ours: 'cli',
    floor: ['floor', 'wallMs'],
    peer: ['remark', 'wallMs'],
    target: '≤ 0.2× remark-validate-links',
    met: (_value, size) => {
      const remark = figure(size, 'remark', 'wallMs');
      if (!Number.isFinite(remark) && size.runs.some((run) => run.tools.remark?.timedOut === true)) return true;
      return ratio(size, ['cli', 'wallMs'], ['remark', 'wallMs']) <= 0.2;
    },
  },
  {
    label: '`treaty-check` CPU time',
    key: 'cpuMs',
    ours: 'cli',
    floor: ['floor', 'coldCpuMs'],
    peer: ['remark', 'cpuMs'],
    target: '',
  },
];

/** The main table at the reference size. */
export function referenceTable(size: SizeRecord): string {
  const lines = [
    '| Measurement | Server (stdio) | Core alone | Floor | Peer | × floor | × peer | Target | Met |',
    '|---|---:|---:|---:|---:|---:|---:|---|:-:|',
  ];
  for (const row of ROWS) {
    const ours = row.ours ?? 'server';
    const value = figure(size, ours, row.key);
    const format = row.bytes ? formatBytes : formatMs;
    const core = ours === 'server' ? format(figure(size, 'core', row.coreKey ?? row.key)) : '—';
    const floorValue = row.bytes ? size.plainBytes : row.floor ? figure(size, row.floor[0], row.floor[1]) : Number.NaN;
    const floorCell = row.bytes ? (row.key === 'heapBytes' ? `${formatBytes(floorValue)} on disk` : '—') : row.floor ? format(floorValue) : '—';
    const toFloor = row.bytes
      ? row.key === 'heapBytes'
        ? formatRatio(value / size.plainBytes)
        : '—'
      : row.floor
        ? formatRatio(ratio(size, [ours, row.key], row.floor))
        : '—';
    const peerValue = row.peer ? figure(size, row.peer[0], row.peer[1]) : Number.NaN;
    const peerTimedOut = row.peer?.[0] === 'remark' && size.runs.some((run) => run.tools.remark?.timedOut === true);
    const peerCell = peerTimedOut && !Number.isFinite(peerValue) ? `> ${formatMs(size.remarkTimeoutMs)} (timeout)` : format(peerValue);
    const toPeer = peerTimedOut && !Number.isFinite(peerValue) ? `< ${formatRatio(value / size.remarkTimeoutMs)}` : row.peer ? formatRatio(ratio(size, [ours, row.key], row.peer)) : '—';
    const met = row.met && Number.isFinite(value) ? row.met(value, size) : null;
    lines.push(
      `| ${row.label} | ${format(value)} | ${core} | ${floorCell} | ${row.peer ? peerCell : '—'} | ${toFloor} | ${toPeer} | ${row.target} | ${verdict(met)} |`,
    );
  }
  return lines.join('\n');
}

/** Cold-start times at every size, and how they grow. */
export function scalingTable(sizes: readonly SizeRecord[]): string {
  const lines = [
    '| Size | Files | On disk | Citations | Floor, wall / CPU | Server cold, wall / CPU | Core cold, wall / CPU | treaty-check, wall / CPU | Markdown peer, wall / CPU | remark-validate-links, wall / CPU |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const size of sizes) {
    const remark = figure(size, 'remark', 'wallMs');
    const remarkCell =
      !Number.isFinite(remark) && size.runs.some((run) => run.tools.remark?.timedOut === true) ? `> ${formatMs(size.remarkTimeoutMs)}` : formatMs(remark);
    const both = (tool: Tool, wall: string, cpu: string): string => `${formatMs(figure(size, tool, wall))} / ${formatMs(figure(size, tool, cpu))}`;
    lines.push(
      `| ${sizeLabel(size.scale)} (${size.runs.length} run${size.runs.length === 1 ? '' : 's'}) | ${size.files} | ${formatBytes(size.plainBytes)} | ` +
        `${size.citations.toLocaleString('en')} | ${both('floor', 'wallMs', 'coldCpuMs')} | ${both('server', 'coldMs', 'coldCpuMs')} | ` +
        `${both('core', 'coldMs', 'coldCpuMs')} | ${both('cli', 'wallMs', 'cpuMs')} | ${both('markdown', 'wallMs', 'coldCpuMs')} | ` +
        `${Number.isFinite(remark) ? `${remarkCell} / ${formatMs(figure(size, 'remark', 'cpuMs'))}` : remarkCell} |`,
    );
  }
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  if (first && last && first !== last) {
    const growth = (tool: Tool, key: string): string => {
      const value = figure(last, tool, key);
      const timedOut = tool === 'remark' && !Number.isFinite(value) && last.runs.some((run) => run.tools.remark?.timedOut === true);
      return timedOut ? `> ${formatRatio(last.remarkTimeoutMs / figure(first, tool, key))}` : formatRatio(value / figure(first, tool, key));
    };
    lines.push(
      `| growth ${sizeLabel(last.scale)} / ${sizeLabel(first.scale)} | | ${formatRatio(last.plainBytes / first.plainBytes)} | | ` +
        `${growth('floor', 'wallMs')} / ${growth('floor', 'coldCpuMs')} | ${growth('server', 'coldMs')} / ${growth('server', 'coldCpuMs')} | ` +
        `${growth('core', 'coldMs')} / ${growth('core', 'coldCpuMs')} | ${growth('cli', 'wallMs')} / ${growth('cli', 'cpuMs')} | ` +
        `${growth('markdown', 'wallMs')} / ${growth('markdown', 'coldCpuMs')} | ${growth('remark', 'wallMs')} |`,
    );
  }
  return lines.join('\n');
}

/** What each tool found against what was planted: a benchmark of a tool that finds nothing measures nothing. */
export function sanityTable(sizes: readonly SizeRecord[]): string {
  const lines = [
    '| Size | Planted dangling | Server problems | Core problems | treaty-check errors | Markdown peer | remark warnings | Treaty edit: new problems (server / core / planted) |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  const count = (size: SizeRecord, tool: Tool, key: string): string => {
    const value = figure(size, tool, key);
    return Number.isFinite(value) ? String(Math.round(value)) : 'n/a';
  };
  for (const size of sizes) {
    lines.push(
      `| ${sizeLabel(size.scale)} | ${size.dangling} | ${count(size, 'server', 'problems')} | ${count(size, 'core', 'problems')} | ${count(size, 'cli', 'errors')} | ` +
        `${count(size, 'markdown', 'problems')} | ${count(size, 'remark', 'warnings')} | ` +
        `${count(size, 'server', 'treatyEditNewProblems')} / ${count(size, 'core', 'treatyEditNewProblems')} / ${size.hotCitations} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Every count of the "What each tool found" table, in every run, that differs from what was planted (a figure that
 * could not be measured is left to the notes): the benchmark fails on any, since then it measured something else.
 */
export function foundMismatches(sizes: readonly SizeRecord[], prose: readonly SizeRecord[] = []): string[] {
  const mismatches: string[] = [];
  for (const size of prose) {
    size.runs.forEach((run, index) => {
      const expect = (tool: Tool, key: string, what: string, planted: number): void => {
        const value = number(run.tools[tool]?.[key]);
        if (Number.isFinite(value) && value !== planted) mismatches.push(`${sizeLabel(size.scale)} real prose, run ${index + 1}: ${what} ${value}, planted ${planted}`);
      };
      expect('cli', 'errors', 'treaty-check errors', size.dangling);
      expect('cli', 'warnings', 'treaty-check warnings', size.misquotes ?? 0);
      expect('remark', 'warnings', 'remark warnings', size.dangling);
    });
  }
  for (const size of sizes) {
    size.runs.forEach((run, index) => {
      const expect = (tool: Tool, key: string, what: string, planted: number): void => {
        const value = number(run.tools[tool]?.[key]);
        if (Number.isFinite(value) && value !== planted) mismatches.push(`${sizeLabel(size.scale)}, run ${index + 1}: ${what} ${value}, planted ${planted}`);
      };
      expect('server', 'problems', 'server problems', size.dangling);
      expect('core', 'problems', 'core problems', size.dangling);
      expect('cli', 'errors', 'treaty-check errors', size.dangling);
      expect('markdown', 'problems', 'Markdown peer problems', size.dangling);
      expect('remark', 'warnings', 'remark warnings', size.dangling);
      expect('server', 'treatyEditNewProblems', 'treaty edit, server', size.hotCitations);
      expect('core', 'treatyEditNewProblems', 'treaty edit, core', size.hotCitations);
    });
  }
  return mismatches;
}

interface Series {
  readonly name: string;
  readonly color: string;
  readonly tool: Tool;
  readonly key: string;
  readonly cpuKey: string;
}

const SERIES: readonly Series[] = [
  { name: 'floor (read + one regex pass)', color: '#888888', tool: 'floor', key: 'wallMs', cpuKey: 'coldCpuMs' },
  { name: 'server: cold start to all diagnostics', color: '#d62728', tool: 'server', key: 'coldMs', cpuKey: 'coldCpuMs' },
  { name: 'core alone: index + diagnostics', color: '#ff9896', tool: 'core', key: 'coldMs', cpuKey: 'coldCpuMs' },
  { name: 'treaty-check', color: '#1f77b4', tool: 'cli', key: 'wallMs', cpuKey: 'cpuMs' },
  { name: 'vscode-markdown-languageservice', color: '#2ca02c', tool: 'markdown', key: 'wallMs', cpuKey: 'coldCpuMs' },
  { name: 'remark-validate-links', color: '#9467bd', tool: 'remark', key: 'wallMs', cpuKey: 'cpuMs' },
];

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Log–log chart of seconds (wall or CPU time) against megabytes on disk; a timed-out run is drawn as an open
 * circle at its limit.
 */
export function chartSvg(sizes: readonly SizeRecord[], measure: 'wall' | 'cpu' = 'wall'): string {
  const width = 840;
  const height = 440;
  const left = 70;
  const right = 310;
  const top = 30;
  const bottom = 60;
  const points = SERIES.map((series) =>
    sizes.map((size) => {
      const value = figure(size, series.tool, measure === 'wall' ? series.key : series.cpuKey);
      const timedOut = series.tool === 'remark' && !Number.isFinite(value) && size.runs.some((run) => run.tools.remark?.timedOut === true);
      return { x: size.plainBytes / 1e6, y: (timedOut ? size.remarkTimeoutMs : value) / 1000, timedOut };
    }),
  );
  const ys = points.flat().map((point) => point.y).filter((y) => Number.isFinite(y) && y > 0);
  const xs = sizes.map((size) => size.plainBytes / 1e6);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...ys, 0.1)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...ys, 1)));
  const xMin = 10 ** Math.floor(Math.log10(Math.min(...xs)));
  const xMax = 10 ** Math.ceil(Math.log10(Math.max(...xs)));
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const sx = (x: number): number => left + ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * plotWidth;
  const sy = (y: number): number => top + plotHeight - ((Math.log10(y) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="18" font-size="14" font-weight="bold">${measure === 'wall' ? 'Wall' : 'CPU'} time to check the whole workspace (log–log)</text>`,
  ];
  for (let exponent = Math.log10(yMin); exponent <= Math.log10(yMax); exponent++) {
    const y = sy(10 ** exponent);
    parts.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${y}" y2="${y}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end">${10 ** exponent >= 1 ? 10 ** exponent : (10 ** exponent).toFixed(-exponent)} s</text>`);
  }
  for (let exponent = Math.log10(xMin); exponent <= Math.log10(xMax); exponent++) {
    const x = sx(10 ** exponent);
    parts.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${top + plotHeight}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${x}" y="${top + plotHeight + 16}" text-anchor="middle">${10 ** exponent >= 1 ? 10 ** exponent : (10 ** exponent).toFixed(-exponent)} MB</text>`);
  }
  for (const size of sizes) {
    const x = sx(size.plainBytes / 1e6);
    parts.push(`<text x="${x}" y="${top + plotHeight + 32}" text-anchor="middle" fill="#555">${sizeLabel(size.scale)}</text>`);
  }
  parts.push(`<text x="${left + plotWidth / 2}" y="${height - 8}" text-anchor="middle">workspace size on disk</text>`);
  parts.push(`<rect x="${left}" y="${top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#999"/>`);
  SERIES.forEach((series, index) => {
    const valid = (points[index] ?? []).filter((point) => Number.isFinite(point.y) && point.y > 0);
    // A segment that ends at a time limit is dashed: the real figure lies above it.
    for (let i = 1; i < valid.length; i++) {
      const from = valid[i - 1]!;
      const to = valid[i]!;
      const dash = from.timedOut || to.timedOut ? ' stroke-dasharray="6 4"' : '';
      parts.push(
        `<line x1="${sx(from.x).toFixed(1)}" y1="${sy(from.y).toFixed(1)}" x2="${sx(to.x).toFixed(1)}" y2="${sy(to.y).toFixed(1)}" stroke="${series.color}" stroke-width="2"${dash}/>`,
      );
    }
    for (const point of valid) {
      parts.push(
        `<circle cx="${sx(point.x).toFixed(1)}" cy="${sy(point.y).toFixed(1)}" r="4" fill="${point.timedOut ? 'white' : series.color}" stroke="${series.color}" stroke-width="2"/>`,
      );
    }
    const legendY = top + 10 + index * 20;
    parts.push(`<line x1="${width - right + 15}" x2="${width - right + 40}" y1="${legendY}" y2="${legendY}" stroke="${series.color}" stroke-width="3"/>`);
    parts.push(`<text x="${width - right + 46}" y="${legendY + 4}">${escapeXml(series.name)}</text>`);
  });
  parts.push(
    `<text x="${width - right + 15}" y="${top + 10 + SERIES.length * 20 + 10}" fill="#555">open circle, dashed: stopped at the time limit</text>`,
  );
  parts.push('</svg>');
  return parts.join('\n');
}

/** The real-prose variant: treaty-check against remark-validate-links, and what each found. */
export function proseTables(sizes: readonly SizeRecord[]): string {
  const timing = [
    '| Size | Files | On disk | Citations | Quotations (misquoted) | treaty-check, wall / CPU | remark-validate-links, wall / CPU | × remark | Target | Met |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|:-:|',
  ];
  const found = [
    '| Size | Planted dangling | Planted misquotes | treaty-check errors | treaty-check warnings | remark warnings |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  const count = (size: SizeRecord, tool: Tool, key: string): string => {
    const value = figure(size, tool, key);
    return Number.isFinite(value) ? String(Math.round(value)) : 'n/a';
  };
  for (const size of sizes) {
    const remark = figure(size, 'remark', 'wallMs');
    const timedOut = !Number.isFinite(remark) && size.runs.some((run) => run.tools.remark?.timedOut === true);
    const toRemark = timedOut ? figure(size, 'cli', 'wallMs') / size.remarkTimeoutMs : ratio(size, ['cli', 'wallMs'], ['remark', 'wallMs']);
    const runs = `${size.runs.length} run${size.runs.length === 1 ? '' : 's'}`;
    timing.push(
      `| ${sizeLabel(size.scale)} (${runs}) | ${size.files} | ${formatBytes(size.plainBytes)} | ${size.citations.toLocaleString('en')} | ` +
        `${(size.quotations ?? 0).toLocaleString('en')} (${(size.misquotes ?? 0).toLocaleString('en')}) | ` +
        `${formatMs(figure(size, 'cli', 'wallMs'))} / ${formatMs(figure(size, 'cli', 'cpuMs'))} | ` +
        `${timedOut ? `> ${formatMs(size.remarkTimeoutMs)}` : `${formatMs(remark)} / ${formatMs(figure(size, 'remark', 'cpuMs'))}`} | ` +
        `${timedOut ? '< ' : ''}${formatRatio(toRemark)} | ≤ 0.2× remark-validate-links | ${verdict(Number.isFinite(toRemark) ? toRemark <= 0.2 : null)} |`,
    );
    found.push(
      `| ${sizeLabel(size.scale)} | ${size.dangling} | ${size.misquotes ?? 0} | ${count(size, 'cli', 'errors')} | ${count(size, 'cli', 'warnings')} | ${count(size, 'remark', 'warnings')} |`,
    );
  }
  return `${timing.join('\n')}\n\n${found.join('\n')}`;
}

export function renderMarkdown(record: BenchRecord): string {
  const reference = record.sizes.find((size) => size.scale === record.reference) ?? record.sizes[record.sizes.length - 1];
  const sections = [
    `Measured ${record.date}${record.commit ? ` at commit ${record.commit}` : ''} on ${record.machine}, Node ${record.node}. Medians over runs; each ratio is taken inside one run, then the median of those.`,
  ];
  if (reference) {
    sections.push(
      `### Reference size ${sizeLabel(reference.scale)}: ${reference.analyses} analyses, ${reference.treaties} treaties, ${formatBytes(reference.plainBytes)}, ` +
        `${reference.citations.toLocaleString('en')} citations (${reference.dangling.toLocaleString('en')} dangling); the big analysis is ` +
        `${formatBytes(reference.bigBytes)}; the treaty edit reaches ${reference.hotDocuments} documents citing the article ` +
        `${reference.hotCitations.toLocaleString('en')} times\n\n${referenceTable(reference)}`,
    );
  }
  sections.push(`### Growth with workspace size\n\n${scalingTable(record.sizes)}`);
  sections.push(`### What each tool found\n\n${sanityTable(record.sizes)}`);
  if (record.prose && record.prose.length > 0) {
    sections.push(
      '### Real-prose variant\n\nThe same workspace with quotations 「…」 of the cited paragraph after half of the single citations of an existing ' +
        'provision, one in ten of them misquoted (a word changed), so that the quotation check runs. A misquote is a `misquote` warning ' +
        'of treaty-check; remark-validate-links checks links only, so for it the planted problems are the dangling citations alone.\n\n' +
        proseTables(record.prose),
    );
  }
  if (record.notes.length > 0) sections.push(`### Notes from this run\n\n${record.notes.map((note) => `- ${note}`).join('\n')}`);
  return `${sections.join('\n\n')}\n`;
}
