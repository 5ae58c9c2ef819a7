// The invariants the fuzzer checks, each as a named property over a JSON-serialisable input, so that a failing
// input can be saved as a regression fixture (test/fuzz/regressions/*.json) and replayed by `regressions.test.ts`.
//   document     no exception escapes the core; every span lies inside its document; a citation's `text` is the source in its span
//   treaty       the same for a fuzzed text read as a treaty document (the treaty parser)
//   incremental  a workspace edited through `setDocument` answers exactly as a fresh index of the final texts
//   quiet        prose without citations or treaty names produces no citations and no diagnostics
//   config       any `.treaty-annotator.json` text is read without an exception, its problems lie inside it, and the
//                configuration that results compiles (globs) and keeps its bounds (maxFileSize)
//   server       the language server's handlers, in-process: random incremental edits, settings and watcher events, then
//                requests (any position, any document: open, closed, never opened, not a file) are answered, never with
//                an internal error or a logged exception, and every range they return lies inside its document

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { createTreatyService, type Location, type TreatyService } from '../../server/src/core/index';
import type { DocumentSymbol, Span } from '../../server/src/core/index';
import type * as lsp from 'vscode-languageserver-protocol';
import { InMemoryWorkspace } from '../fixture';
import picomatch from 'picomatch';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { parseConfigFile } from '../../server/src/core/configFile';
import { combineConfig, settingsToRaw, type EditorSettings } from '../../server/src/lsp/configuration';
import { applyEdit, fuzzDocument, fuzzEdit, mutated, quietDocument, type FuzzEdit } from './arbitraries';
import { startInProcessServer, type InProcessServer } from './lspDriver';

const REPO = resolve(__dirname, '../..');

/** The sample treaties every fuzzed document is indexed with, so that citations can resolve. */
export const TREATY_FILES: ReadonlyMap<string, string> = new Map(
  ['samples/treaties/kaiyo-kyotei.md', 'samples/treaties/harbor-convention.en.md'].map((path) => [`file:///ws/${path}`, readFileSync(resolve(REPO, path), 'utf8')]),
);

/** Real documents that mutation starts from: the samples, and the real analyses when TREATY_EXAMPLES names them. */
export function seedDocuments(): string[] {
  const seeds = [
    ...TREATY_FILES.values(),
    ...['broken-citations.md', 'harbor-convention-notes.md', 'kaiyo-kyotei-kaisetsu.md', 'ryokyotei-hikaku.md'].map((name) =>
      readFileSync(resolve(REPO, 'samples/analyses', name), 'utf8'),
    ),
  ];
  const examples = process.env.TREATY_EXAMPLES;
  for (const name of examples ? ['ndl-russia-belarus-security-treaty.txt', 'ndl-russia-dprk-partnership-treaty.txt'] : []) {
    try {
      seeds.push(readFileSync(resolve(examples!, name), 'utf8').slice(0, 4000));
    } catch {
      // The real analyses are optional for the fuzzer (see test/examples/examples.ts).
    }
  }
  return seeds;
}

export const DOC_URI = 'file:///ws/fuzz/doc.md';
export const TREATY_URI = 'file:///ws/fuzz/treaty.md';

export function serviceOver(files: ReadonlyMap<string, string>): TreatyService {
  const service = createTreatyService({ workspace: new InMemoryWorkspace(files), config: DEFAULT_CONFIG });
  service.indexWorkspace();
  return service;
}

class Violation extends Error {}

function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Violation(message());
}

function checkSpan(span: Span | null | undefined, length: number, what: string): void {
  check(
    !!span && Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length,
    () => `${what}: span ${JSON.stringify(span)} is not inside a document of length ${length}`,
  );
}

/** Offsets worth asking about: the ends, every citation's start, middle and end, and a spread of others. */
function probeOffsets(service: TreatyService, uri: string, length: number): number[] {
  const offsets = new Set([0, length, Math.floor(length / 2)]);
  for (const citation of service.getCitations(uri).slice(0, 12)) {
    offsets.add(citation.span.start).add(citation.span.end).add((citation.span.start + citation.span.end) >> 1);
  }
  for (let step = 1; step <= 8; step++) offsets.add(Math.floor((length * step) / 9));
  return [...offsets];
}

/** Every feature of the facade on one document: no exception, every span inside the document it points into. */
export function checkDocumentInvariants(service: TreatyService, uri: string): void {
  const text = service.getText(uri);
  if (text === undefined) return;
  const length = text.length;
  const lengthOf = (target: string): number => service.getText(target)?.length ?? 0;
  const checkLocation = (location: Location, what: string): void => checkSpan(location.span, lengthOf(location.uri), `${what} → ${location.uri}`);

  const diagnostics = service.getDiagnostics(uri);
  for (const diagnostic of diagnostics) {
    checkSpan(diagnostic.span, length, `diagnostic ${diagnostic.code}`);
    check(typeof diagnostic.message === 'string' && diagnostic.message.length > 0, () => `diagnostic ${diagnostic.code} has no message`);
    for (const related of diagnostic.related) checkLocation(related.location, `related information of ${diagnostic.code}`);
  }
  for (const citation of service.getCitations(uri)) {
    checkSpan(citation.span, length, `citation ${JSON.stringify(citation.text)}`);
    check(citation.text === text.slice(citation.span.start, citation.span.end), () => `citation text ${JSON.stringify(citation.text)} is not the source in its span`);
    check(citation.text.length > 0, () => `empty citation at ${citation.span.start}`);
    if (citation.target) checkLocation(citation.target, `target of ${JSON.stringify(citation.text)}`);
  }
  const symbols = (list: readonly DocumentSymbol[], depth: number): void => {
    check(depth < 64, () => 'document symbols nest more than 64 deep');
    for (const symbol of list) {
      checkSpan(symbol.span, length, `symbol ${symbol.name}`);
      checkSpan(symbol.selectionSpan, length, `selection of symbol ${symbol.name}`);
      symbols(symbol.children, depth + 1);
    }
  };
  symbols(service.getDocumentSymbols(uri), 0);
  for (const token of service.getSemanticTokens(uri)) checkSpan(token.span, length, `semantic token ${token.type}`);
  for (const folding of service.getFoldingRanges(uri)) checkSpan(folding.span, length, 'folding range');
  for (const link of service.getDocumentLinks(uri)) {
    checkSpan(link.span, length, 'document link');
    if ('url' in link.target) {
      const url = link.target.url;
      check(/^https:\/\/laws\.e-gov\.go\.jp\/law\/[0-9A-Z]+$/.test(url), () => `document link to ${url}`);
    } else {
      checkLocation(link.target, 'document link target');
    }
  }
  for (const lens of service.getCodeLenses(uri)) {
    checkSpan(lens.span, length, 'code lens');
    for (const reference of lens.references) checkLocation(reference, 'code lens reference');
  }
  for (const hint of service.getInlayHints(uri, { start: 0, end: length })) checkSpan({ start: hint.offset, end: hint.offset }, length, 'inlay hint');
  const lineIndex = service.getLineIndex(uri)!;
  check(lineIndex.offsetAt(lineIndex.positionAt(length)) === length, () => 'the line index does not round-trip the end of the document');

  for (const offset of probeOffsets(service, uri, length)) {
    const position = lineIndex.positionAt(offset);
    // The middle of a CRLF has no LSP position of its own (it reads as the end of the line).
    const insideLineBreak = text[offset - 1] === '\r' && text[offset] === '\n';
    check(insideLineBreak || lineIndex.offsetAt(position) === offset, () => `the line index does not round-trip offset ${offset}`);
    const hover = service.getHover(uri, offset);
    if (hover) {
      checkSpan(hover.span, length, `hover at ${offset}`);
      check(typeof hover.markdown === 'string', () => `hover at ${offset} has no text`);
    }
    for (const location of service.getDefinition(uri, offset)) checkLocation(location, `definition at ${offset}`);
    for (const location of service.getReferences(uri, offset, true)) checkLocation(location, `reference at ${offset}`);
    for (const item of service.getCompletions(uri, offset)) checkSpan(item.edit.span, length, `completion ${item.label} at ${offset}`);
    const prepared = service.prepareRename(uri, offset);
    if (prepared.ok) {
      checkSpan(prepared.span, length, `prepare rename at ${offset}`);
      const renamed = service.rename(uri, offset, prepared.placeholder === '1' ? '2' : '1');
      if (renamed.ok) for (const change of renamed.edit.changes) for (const edit of change.edits) checkSpan(edit.span, lengthOf(change.uri), `rename edit in ${change.uri}`);
    }
  }
  for (const diagnostic of diagnostics) {
    for (const action of service.getCodeActions(uri, diagnostic.span, [diagnostic.code])) {
      for (const change of action.edit.changes) for (const edit of change.edits) checkSpan(edit.span, lengthOf(change.uri), `code action '${action.title}'`);
    }
  }
}

/** The treaty documents' structure lies inside the document; labels are the source text at their spans. */
export function checkTreatyInvariants(service: TreatyService): void {
  for (const { uri, treaty } of service.getTreaties()) {
    const text = service.getText(uri) ?? '';
    for (const article of treaty.articles) {
      checkSpan(article.span, text.length, `article ${article.number}`);
      checkSpan(article.labelSpan, text.length, `label of article ${article.number}`);
      checkSpan(article.bodySpan, text.length, `body of article ${article.number}`);
      for (const paragraph of article.paragraphs) {
        checkSpan(paragraph.span, text.length, `paragraph ${article.number}-${paragraph.number}`);
        if (paragraph.labelSpan) checkSpan(paragraph.labelSpan, text.length, `label of paragraph ${article.number}-${paragraph.number}`);
        for (const item of paragraph.items) {
          checkSpan(item.span, text.length, `item ${item.number}`);
          checkSpan(item.labelSpan, text.length, `label of item ${item.number}`);
          for (const subitem of item.subitems) checkSpan(subitem.span, text.length, `subitem ${subitem.number}`);
        }
      }
    }
    for (const division of treaty.divisions) checkSpan(division.span, text.length, `division ${division.label}`);
    for (const problem of treaty.problems) checkSpan(problem.span, text.length, `treaty problem ${problem.code}`);
  }
}

/** What a document looks like to its user, for comparing two indexes. */
function observable(service: TreatyService, uri: string): unknown {
  return {
    diagnostics: service.getDiagnostics(uri),
    citations: service.getCitations(uri),
    symbols: service.getDocumentSymbols(uri),
  };
}

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

export interface DocumentInput {
  readonly text: string;
}

export interface IncrementalInput {
  /** The starting texts of the fuzzed analysis and the fuzzed treaty. */
  readonly document: string;
  readonly treaty: string;
  /** Each edit goes to the analysis (0), the fuzzed treaty (1) or a sample treaty (2). */
  readonly edits: readonly { readonly target: 0 | 1 | 2; readonly edit: FuzzEdit }[];
}

export interface Property<Input> {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<Input>;
  /** Throws (or rejects) when the invariant does not hold. */
  readonly run: (input: Input) => void | Promise<void>;
}

export const documentProperty: Property<DocumentInput> = {
  name: 'document',
  arbitrary: fc.oneof(fuzzDocument, mutated(seedDocuments())).map((text) => ({ text })),
  run({ text }) {
    const service = serviceOver(new Map([...TREATY_FILES, [DOC_URI, text]]));
    checkDocumentInvariants(service, DOC_URI);
    checkTreatyInvariants(service);
  },
};

export const treatyProperty: Property<DocumentInput> = {
  name: 'treaty',
  arbitrary: fc
    .oneof(
      fuzzDocument.map((body) => `---\ntreaty: fuzzed\ntitle: 架空条約\n---\n${body}`),
      mutated([...TREATY_FILES.values()]),
    )
    .map((text) => ({ text })),
  run({ text }) {
    const service = serviceOver(new Map([...TREATY_FILES, [TREATY_URI, text], [DOC_URI, '第1条、架空条約第2条、Article 3 of the Fuzzed Treaty']]));
    checkTreatyInvariants(service);
    checkDocumentInvariants(service, TREATY_URI);
    checkDocumentInvariants(service, DOC_URI);
  },
};

export const incrementalProperty: Property<IncrementalInput> = {
  name: 'incremental',
  arbitrary: fc.record({
    document: fc.oneof(fuzzDocument, mutated(seedDocuments())),
    treaty: fuzzDocument.map((body) => `---\ntreaty: fuzzed\ntitle: 架空条約\n---\n第1条\n${body}`),
    edits: fc.array(fc.record({ target: fc.constantFrom<0 | 1 | 2>(0, 0, 0, 1, 2), edit: fuzzEdit }), { minLength: 1, maxLength: 25 }),
  }),
  run({ document, treaty, edits }) {
    const files = new Map([...TREATY_FILES, [DOC_URI, document], [TREATY_URI, treaty]]);
    const edited = serviceOver(files);
    const targets = [DOC_URI, TREATY_URI, [...TREATY_FILES.keys()][0]!];
    for (const { target, edit } of edits) {
      const uri = targets[target]!;
      const next = applyEdit(files.get(uri)!, edit).text;
      files.set(uri, next);
      edited.setDocument(uri, next);
      // Ask between edits, as an editor does, so that cached resolutions and diagnostics are exercised.
      for (const asked of files.keys()) edited.getDiagnostics(asked);
    }
    const fresh = serviceOver(files);
    for (const uri of files.keys()) {
      const got = JSON.stringify(observable(edited, uri));
      const expected = JSON.stringify(observable(fresh, uri));
      check(got === expected, () => `${uri} after ${edits.length} edits differs from a fresh index:\n  edited ${got.slice(0, 600)}\n  fresh  ${expected.slice(0, 600)}`);
    }
  },
};

export const quietProperty: Property<DocumentInput> = {
  name: 'quiet',
  arbitrary: quietDocument.map((text) => ({ text })),
  run({ text }) {
    const service = serviceOver(new Map([...TREATY_FILES, [DOC_URI, text]]));
    const citations = service.getCitations(DOC_URI).map((citation) => citation.text);
    check(citations.length === 0, () => `quiet prose has citations: ${JSON.stringify(citations)}`);
    const diagnostics = service.getDiagnostics(DOC_URI).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);
    check(diagnostics.length === 0, () => `quiet prose has diagnostics: ${JSON.stringify(diagnostics)}`);
  },
};

// ---------------------------------------------------------------------------------------------
// The server property: one in-process server for a whole run, a new document for each input
// ---------------------------------------------------------------------------------------------

const REQUESTS = [
  'textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/documentSymbol', 'workspace/symbol',
  'textDocument/completion', 'textDocument/codeAction', 'textDocument/prepareRename', 'textDocument/rename', 'textDocument/codeLens',
  'textDocument/inlayHint', 'textDocument/semanticTokens/full', 'textDocument/foldingRange', 'textDocument/documentLink', 'treatyAnnotator/stats',
] as const;

/** Which document a request is about: the open one, a sample treaty on disk, one closed before, or one that is no document. */
const TARGETS = ['open', 'open', 'open', 'treaty', 'closed', 'never', 'untitled:never', 'file:///etc/passwd', 'not a uri', ''] as const;

export interface ServerInput {
  readonly text: string;
  readonly edits: readonly FuzzEdit[];
  readonly requests: readonly {
    readonly method: (typeof REQUESTS)[number];
    readonly target: (typeof TARGETS)[number];
    readonly line: number;
    readonly character: number;
    readonly endLine: number;
    readonly newName: string;
  }[];
  /** Editor settings sent before the requests (`workspace/didChangeConfiguration`), reset afterwards. */
  readonly settings: readonly Record<string, unknown>[];
  /** Watcher events sent before the requests (1 created, 2 changed, 3 deleted). */
  readonly watched: readonly { readonly target: (typeof TARGETS)[number]; readonly type: 1 | 2 | 3 }[];
}

const SETTINGS: readonly Record<string, unknown>[] = [
  {}, { include: [''] }, { include: ['**/*.md'] }, { exclude: ['**/fuzz/**'] }, { include: ['*a*a*a*a*b'] }, { maxFileSize: 10 }, { maxFileSize: 1e12 },
  { maxFileSize: -1 }, { severity: { 'unknown-article': 'off', 'no-such-code': 'error' } }, { severity: null }, { languages: ['en'] }, { languages: ['xx'] },
  { inlayHints: { enabled: true } }, { inlayHints: 'yes' }, { hover: { parallelTextOrder: ['ja', 'en'] } }, { unknownTreatySeverity: 'hint' },
];

const coordinate = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -3, max: 200 }), fc.constantFrom(2 ** 31 - 1, 1e9));

let server: InProcessServer | undefined;
let serverDocuments = 0;

/** The in-process server the property uses (started on first use). */
async function fuzzServer(): Promise<InProcessServer> {
  server ??= await startInProcessServer(new Map([...TREATY_FILES, ['file:///ws/analyses/other.md', '第1条と海洋協力協定第2条']]), 'file:///ws');
  return server;
}

/** Stops the property's server (call once a run is over). */
export async function stopFuzzServer(): Promise<void> {
  await server?.dispose();
  server = undefined;
}

/** Checks every range, position and location in a response against the texts of the documents they point into. */
function checkResponse(value: unknown, uri: string, texts: ReadonlyMap<string, string>, what: string): void {
  const lines = new Map<string, LineIndex>();
  const lineEnd = (index: LineIndex, text: string, line: number): number => {
    let end = line + 1 < index.lineCount ? index.lineStart(line + 1) : text.length;
    if (end > index.lineStart(line) && text[end - 1] === '\n') end--;
    if (end > index.lineStart(line) && text[end - 1] === '\r') end--;
    return end - index.lineStart(line);
  };
  const checkPosition = (position: lsp.Position, target: string, where: string): void => {
    const text = texts.get(target);
    if (text === undefined) return;
    let index = lines.get(target);
    if (!index) lines.set(target, (index = new LineIndex(text)));
    check(
      Number.isInteger(position.line) && position.line >= 0 && position.line < index.lineCount,
      () => `${what}: ${where} is on line ${position.line} of a document with ${index.lineCount} lines`,
    );
    const length = lineEnd(index, text, position.line);
    check(
      Number.isInteger(position.character) && position.character >= 0 && position.character <= length,
      () => `${what}: ${where} is at character ${position.character} of a line ${length} long`,
    );
  };
  const walk = (node: unknown, target: string, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => walk(child, target, `${where}[${index}]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const here = typeof record['uri'] === 'string' ? (record['uri'] as string) : target;
    for (const [key, child] of Object.entries(record)) {
      if (['range', 'selectionRange', 'targetRange', 'targetSelectionRange'].includes(key) && child && typeof child === 'object') {
        const range = child as lsp.Range;
        checkPosition(range.start, here, `${where}.${key}.start`);
        checkPosition(range.end, here, `${where}.${key}.end`);
      } else if (key === 'position' && child && typeof child === 'object') {
        checkPosition(child as lsp.Position, here, `${where}.position`);
      } else if (key === 'changes' && child && typeof child === 'object' && !Array.isArray(child)) {
        for (const [changed, edits] of Object.entries(child as Record<string, unknown>)) walk(edits, changed, `${where}.changes`);
      } else if (key === 'textDocument' && child && typeof child === 'object') {
        const edited = (child as { uri?: unknown }).uri;
        if (typeof edited === 'string') walk(record['edits'], edited, `${where}.edits`);
      } else if (key !== 'edits') {
        walk(child, here, `${where}.${key}`);
      }
    }
  };
  walk(value, uri, what);
}

function checkSemanticTokens(data: readonly number[], text: string, what: string): void {
  const index = new LineIndex(text);
  let line = 0;
  let character = 0;
  for (let at = 0; at + 4 < data.length; at += 5) {
    line += data[at]!;
    character = data[at]! === 0 ? character + data[at + 1]! : data[at + 1]!;
    const lineLength = (line + 1 < index.lineCount ? index.lineStart(line + 1) : text.length) - index.lineStart(line);
    check(line < index.lineCount && character + data[at + 2]! <= lineLength, () => `${what}: token ${at / 5} at ${line}:${character}+${data[at + 2]} is outside the document`);
  }
}

export const serverProperty: Property<ServerInput> = {
  name: 'server',
  arbitrary: fc.record({
    text: fc.oneof(fuzzDocument, mutated(seedDocuments())),
    edits: fc.array(fuzzEdit, { maxLength: 6 }),
    requests: fc.array(
      fc.record({
        method: fc.constantFrom(...REQUESTS),
        target: fc.constantFrom(...TARGETS),
        line: coordinate,
        character: coordinate,
        endLine: coordinate,
        newName: fc.constantFrom('7', '第7条', 'Article 7', '', ' ', 'x\ny', '\uD800', 'new-id', '../../etc/passwd'),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    settings: fc.array(fc.constantFrom(...SETTINGS), { maxLength: 2 }),
    watched: fc.array(fc.record({ target: fc.constantFrom(...TARGETS), type: fc.constantFrom<1 | 2 | 3>(1, 2, 3) }), { maxLength: 3 }),
  }),
  async run({ text, edits, requests, settings, watched }) {
    const { client, logs } = await fuzzServer();
    const logsBefore = logs.length;
    const number = ++serverDocuments;
    const uri = `file:///ws/fuzz/doc-${number}.md`;
    const closed = `file:///ws/fuzz/doc-${number}-closed.md`;
    const texts = new Map([...TREATY_FILES, [uri, text]]);
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: closed, languageId: 'markdown', version: 1, text } });
    await client.sendNotification('textDocument/didClose', { textDocument: { uri: closed } });
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    let current = text;
    let version = 1;
    for (const edit of edits) {
      const before = new LineIndex(current);
      const applied = applyEdit(current, edit);
      const range = { start: before.positionAt(applied.start), end: before.positionAt(applied.end) };
      // An edit between the \r and \n of a line break is sent as a position past the end of its line, which LSP
      // puts at the end of the line, before the break: the text is what the server makes of the edit.
      current = current.slice(0, before.offsetAt(range.start)) + edit.insert + current.slice(before.offsetAt(range.end));
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: edit.insert }] });
    }
    texts.set(uri, current);
    const treaty = [...TREATY_FILES.keys()][0]!;
    const uriOf = (target: ServerInput['requests'][number]['target']): string =>
      target === 'open' ? uri : target === 'treaty' ? treaty : target === 'closed' ? closed : target === 'never' ? 'file:///ws/fuzz/never.md' : target;
    for (const setting of settings) await client.sendNotification('workspace/didChangeConfiguration', { settings: { treatyAnnotator: setting } });
    if (watched.length > 0) {
      await client.sendNotification('workspace/didChangeWatchedFiles', { changes: watched.map((event) => ({ uri: uriOf(event.target), type: event.type })) });
    }
    const answers = requests.map(async (request) => {
      const target = uriOf(request.target);
      const textDocument = { uri: target };
      const position = { line: request.line, character: request.character };
      const range = { start: position, end: { line: request.endLine, character: request.character } };
      const params: Record<(typeof REQUESTS)[number], unknown> = {
        'textDocument/hover': { textDocument, position },
        'textDocument/definition': { textDocument, position },
        'textDocument/references': { textDocument, position, context: { includeDeclaration: request.line % 2 === 0 } },
        'textDocument/documentSymbol': { textDocument },
        'workspace/symbol': { query: request.newName },
        'textDocument/completion': { textDocument, position },
        'textDocument/codeAction': { textDocument, range, context: { diagnostics: [] } },
        'textDocument/prepareRename': { textDocument, position },
        'textDocument/rename': { textDocument, position, newName: request.newName },
        'textDocument/codeLens': { textDocument },
        'textDocument/inlayHint': { textDocument, range },
        'textDocument/semanticTokens/full': { textDocument },
        'textDocument/foldingRange': { textDocument },
        'textDocument/documentLink': { textDocument },
        'treatyAnnotator/stats': undefined,
      };
      const what = `${request.method} on ${request.target} at ${request.line}:${request.character}`;
      let result: unknown;
      try {
        const parameters = params[request.method];
        // VS Code sends the stats request with no params at all.
        result = await (parameters === undefined ? client.sendRequest(request.method) : client.sendRequest(request.method, parameters));
      } catch (error) {
        // A rename the user cannot make is refused with RequestFailed; anything else is a handler failure.
        const code = (error as { code?: number }).code;
        check(code === -32803 && request.method.includes('ename'), () => `${what} failed: ${String(error)}`);
        return;
      }
      if (request.method === 'textDocument/semanticTokens/full' && texts.has(target)) {
        checkSemanticTokens((result as lsp.SemanticTokens).data, texts.get(target)!, what);
      } else if (request.method === 'textDocument/foldingRange' && texts.has(target)) {
        const count = new LineIndex(texts.get(target)!).lineCount;
        for (const folding of result as lsp.FoldingRange[]) check(folding.startLine >= 0 && folding.endLine < count, () => `${what}: folding range ${JSON.stringify(folding)} outside ${count} lines`);
      } else {
        checkResponse(result, target, texts, what);
      }
    });
    await Promise.all(answers);
    await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // Back to the starting state for the next input: default settings, the sample treaties read again.
    if (settings.length > 0) await client.sendNotification('workspace/didChangeConfiguration', { settings: { treatyAnnotator: {} } });
    if (watched.length > 0) await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [...TREATY_FILES.keys()].map((treatyUri) => ({ uri: treatyUri, type: 2 })) });
    await client.sendRequest('treatyAnnotator/stats');
    const failures = logs.slice(logsBefore).filter((message) => / failed: /.test(message));
    check(failures.length === 0, () => `the server logged a handler failure: ${failures[0]}`);
  },
};

// ---------------------------------------------------------------------------------------------
// The configuration: `.treaty-annotator.json` comes with the workspace
// ---------------------------------------------------------------------------------------------

export interface ConfigInput {
  readonly text: string;
}

const configValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('', '**', '*', '[', '{a,', '!(x)', '**/*.md', '*a*a*a*a*b', '../**', '/etc/**', 'error', 'off', 'ja', 1e12, -1, 0, null),
  fc.array(fc.constantFrom('', '**/*.md', '*a*a*a*b', '**/a/**/b', '[', '\\', '{', 'x'.repeat(300)), { maxLength: 4 }),
);

export const configProperty: Property<ConfigInput> = {
  name: 'config',
  arbitrary: fc.oneof(
    fc.dictionary(fc.constantFrom('include', 'exclude', 'severity', 'languages', 'maxFileSize', 'inlayHints', 'parallelTextOrder', '$schema', 'x'), configValue).map((raw) => JSON.stringify(raw)),
    fc.string({ maxLength: 60 }),
    fc.constantFrom('{', '{"include": [""]}', '{"severity": {"unknown-article": "loud"}}', '[]', 'null', '"text"', '{"maxFileSize": 1e400}'),
  ).map((text) => ({ text })),
  run({ text }) {
    const parsed = parseConfigFile(text);
    for (const problem of parsed.problems) checkSpan(problem.span, text.length, `config problem '${problem.message}'`);
    const { config } = combineConfig([parsed.raw], settingsToRaw(parsed.raw as EditorSettings));
    // What the walker and the server do with the globs: compile them.
    picomatch([...config.include]);
    picomatch([...config.exclude], { dot: true });
    check(config.maxFileSize > 0 && config.maxFileSize <= 64 * 1024 * 1024, () => `maxFileSize ${config.maxFileSize} escaped its bounds`);
  },
};

const erase = <Input>(property: Property<Input>): Property<unknown> => property as unknown as Property<unknown>;

export const PROPERTIES: readonly Property<unknown>[] = [
  erase(documentProperty),
  erase(treatyProperty),
  erase(incrementalProperty),
  erase(quietProperty),
  erase(serverProperty),
  erase(configProperty),
];

export function propertyNamed(name: string): Property<unknown> | undefined {
  return PROPERTIES.find((property) => property.name === name);
}
