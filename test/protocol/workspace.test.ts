import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { Harness, startServer } from './harness';

const NAT = `---
treaty: nat
title: North Atlantic Treaty
---
# North Atlantic Treaty

## Article 5

The Parties agree that an armed attack against one or more of them shall be considered an attack against them all.

## Article 6

For the purpose of Article 5, an armed attack includes an attack on the territory of any of the Parties.
`;

const NAT_WITHOUT_ARTICLE_6 = NAT.slice(0, NAT.indexOf('## Article 6'));

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((diagnostic) => String(diagnostic.code));

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

describe('multi-root workspaces', () => {
  it('indexes every folder and resolves citations across them', async () => {
    harness = await startServer(
      `
//- /a/treaties/nat.md
${NAT}
//- /a/notes.md
---
cites: nat
---
Article 5 is the core; Article 9 does not exist.
//- /b/notes.md
---
cites: nat
---
Article 6 defines the area; Article 12 does not exist.
`,
      { folders: ['/a', '/b'] },
    );
    expect(await harness.waitForDiagnostics(harness.uri('/a/notes.md'), (list) => list.length > 0)).toMatchObject([
      { code: 'unknown-article', range: harness.rangeOf('/a/notes.md', 'Article 9') },
    ]);
    expect(await harness.waitForDiagnostics(harness.uri('/b/notes.md'), (list) => list.length > 0)).toMatchObject([
      { code: 'unknown-article', range: harness.rangeOf('/b/notes.md', 'Article 12') },
    ]);
    expect(await harness.request('treatyAnnotator/stats')).toMatchObject({ treaties: 1, analyses: 2 });
  });

  it('follows workspace folders being added and removed', async () => {
    harness = await startServer(
      `
//- /a/treaties/nat.md
${NAT}
//- /b/notes.md
---
cites: nat
---
Article 12 does not exist.
`,
      { folders: ['/a'] },
    );
    const notes = harness.uri('/b/notes.md');
    expect(harness.diagnostics.has(notes)).toBe(false);
    const folderB = { uri: harness.uri('/b'), name: 'b' };
    await harness.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folderB], removed: [] } });
    expect(codes(await harness.waitForDiagnostics(notes, (list) => list.length > 0))).toEqual(['unknown-article']);
    await harness.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folderB] } });
    expect(await harness.waitForDiagnostics(notes, (list) => list.length === 0)).toEqual([]);
    expect(await harness.request('treatyAnnotator/stats')).toMatchObject({ treaties: 1, analyses: 0 });
  });

  it('applies each folder’s own include/exclude from its .treaty-annotator.json', async () => {
    harness = await startServer(
      `
//- /a/treaties/nat.md
${NAT}
//- /a/drafts/notes.md
---
cites: nat
---
Article 9 in a draft of folder a.
//- /b/.treaty-annotator.json
{ "exclude": ["drafts/**"] }
//- /b/drafts/notes.md
---
cites: nat
---
Article 9 in a draft of folder b.
`,
      { folders: ['/a', '/b'] },
    );
    expect(codes(await harness.waitForDiagnostics(harness.uri('/a/drafts/notes.md')))).toEqual(['unknown-article']);
    expect(harness.diagnostics.has(harness.uri('/b/drafts/notes.md'))).toBe(false);
    expect(await harness.request('treatyAnnotator/stats')).toMatchObject({ treaties: 1, analyses: 1 });
  });
});

describe('files changing on disk (workspace/didChangeWatchedFiles)', () => {
  const ANALYSIS = `
//- /notes.md
---
cites: nat
---
Article 5 is the core; Article 6 sets the area.
`;

  it('resolves citations once their treaty file is created, and loses them when it is deleted', async () => {
    harness = await startServer(ANALYSIS);
    const notes = harness.uri('/notes.md');
    expect(codes(await harness.waitForDiagnostics(notes, (list) => list.length > 0))).toContain('unknown-treaty');

    harness.writeFile('/treaties/nat.md', NAT);
    await harness.watchedFilesChanged([{ path: '/treaties/nat.md', type: FileChangeType.Created }]);
    expect(await harness.waitForDiagnostics(notes, (list) => list.length === 0)).toEqual([]);

    harness.deleteFile('/treaties/nat.md');
    await harness.watchedFilesChanged([{ path: '/treaties/nat.md', type: FileChangeType.Deleted }]);
    expect(codes(await harness.waitForDiagnostics(notes, (list) => list.length > 0))).toContain('unknown-treaty');
  });

  it('follows an edit of an unopened treaty file', async () => {
    harness = await startServer(`${ANALYSIS}\n//- /treaties/nat.md\n${NAT}`);
    const notes = harness.uri('/notes.md');
    expect(await harness.waitForDiagnostics(notes)).toEqual([]);
    harness.writeFile('/treaties/nat.md', NAT_WITHOUT_ARTICLE_6);
    await harness.watchedFilesChanged([{ path: '/treaties/nat.md', type: FileChangeType.Changed }]);
    const diagnostics = await harness.waitForDiagnostics(notes, (list) => list.length > 0);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range])).toEqual([['unknown-article', harness.rangeOf('/notes.md', 'Article 6')]]);
  });

  it('follows a rename (deletion then creation) of a treaty file', async () => {
    harness = await startServer(`${ANALYSIS}\n//- /treaties/nat.md\n${NAT}`);
    harness.deleteFile('/treaties/nat.md');
    harness.writeFile('/treaties/north-atlantic.md', NAT);
    await harness.watchedFilesChanged([
      { path: '/treaties/nat.md', type: FileChangeType.Deleted },
      { path: '/treaties/north-atlantic.md', type: FileChangeType.Created },
    ]);
    await harness.ready();
    const [location] = await harness.request<{ uri: string }[]>('textDocument/definition', harness.at('/notes.md', 'Article 5'));
    expect(location?.uri).toBe(harness.uri('/treaties/north-atlantic.md'));
  });

  it('forgets every document of a deleted folder', async () => {
    harness = await startServer(`${ANALYSIS}\n//- /treaties/nat.md\n${NAT}`);
    const notes = harness.uri('/notes.md');
    expect(await harness.waitForDiagnostics(notes)).toEqual([]);
    rmSync(join(harness.root, 'treaties'), { recursive: true });
    await harness.watchedFilesChanged([{ path: '/treaties', type: FileChangeType.Deleted }]);
    expect(codes(await harness.waitForDiagnostics(notes, (list) => list.length > 0))).toContain('unknown-treaty');
  });

  it('leaves an open document alone when its file changes on disk: the editor’s text wins', async () => {
    harness = await startServer(`${ANALYSIS}\n//- /treaties/nat.md\n${NAT}`, { open: ['/treaties/nat.md'] });
    const notes = harness.uri('/notes.md');
    harness.writeFile('/treaties/nat.md', NAT_WITHOUT_ARTICLE_6);
    await harness.watchedFilesChanged([{ path: '/treaties/nat.md', type: FileChangeType.Changed }]);
    await harness.ready();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.diagnostics.get(notes)).toEqual([]);
  });
});

describe('open documents', () => {
  it('updates the diagnostics of an unopened analysis when an open treaty loses the article it cites', async () => {
    harness = await startServer(`
//- /notes.md
---
cites: nat
---
Article 5 is the core; Article 6 sets the area.
//- /treaties/nat.md
${NAT}
`, { open: ['/treaties/nat.md'] });
    const notes = harness.uri('/notes.md');
    expect(await harness.waitForDiagnostics(notes)).toEqual([]);
    await harness.change('/treaties/nat.md', NAT_WITHOUT_ARTICLE_6);
    const diagnostics = await harness.waitForDiagnostics(notes, (list) => list.length > 0);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range])).toEqual([['unknown-article', harness.rangeOf('/notes.md', 'Article 6')]]);
    await harness.change('/treaties/nat.md', NAT);
    expect(await harness.waitForDiagnostics(notes, (list) => list.length === 0)).toEqual([]);
  });

  it('publishes diagnostics for an untitled document and clears them when it is closed', async () => {
    harness = await startServer(`//- /treaties/nat.md\n${NAT}`);
    const uri = await harness.openUntitled('Untitled-1', '---\ncites: nat\n---\nArticle 9 is not there.\n');
    expect(codes(await harness.waitForDiagnostics(uri, (list) => list.length > 0))).toEqual(['unknown-article']);
    await harness.close(uri);
    expect(await harness.waitForDiagnostics(uri, (list) => list.length === 0)).toEqual([]);
  });

  it('publishes the version of the open document with its diagnostics', async () => {
    harness = await startServer(`//- /treaties/nat.md\n${NAT}\n//- /notes.md\n---\ncites: nat\n---\nArticle 9.\n`, { open: ['/notes.md'] });
    await harness.change('/notes.md', '---\ncites: nat\n---\nArticle 10.\n');
    await harness.change('/notes.md', '---\ncites: nat\n---\nArticle 11.\n');
    await harness.waitForDiagnostics(harness.uri('/notes.md'), (list) => list[0]?.message.includes('11') === true);
    expect(harness.diagnosticVersions.get(harness.uri('/notes.md'))).toBe(3);
  });
});

describe('configuration', () => {
  const DANGLING = `
//- /treaties/nat.md
${NAT}
//- /notes.md
---
cites: nat
---
Article 9 is not there; neither is Article 3 of the Treaty of Nowhere.
`;

  it('reports an invalid .treaty-annotator.json as diagnostics on the file, and clears them once it is fixed', async () => {
    harness = await startServer(`${DANGLING}\n//- /.treaty-annotator.json\n{ "severity": { "no-such-code": "error" }, "maxFileSize": "big" }\n`);
    const config = harness.uri('/.treaty-annotator.json');
    const diagnostics = await harness.waitForDiagnostics(config, (list) => list.length > 0);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range])).toEqual([
      ['invalid-config', harness.rangeOf('/.treaty-annotator.json', '"no-such-code"')],
      ['invalid-config', harness.rangeOf('/.treaty-annotator.json', '"maxFileSize"')],
    ]);
    // The rest of the configuration still applies, and the documents are still checked.
    expect(codes(await harness.waitForDiagnostics(harness.uri('/notes.md')))).toContain('unknown-article');

    harness.writeFile('/.treaty-annotator.json', '{ "severity": { "unknown-article": "off" } }\n');
    await harness.watchedFilesChanged([{ path: '/.treaty-annotator.json', type: FileChangeType.Changed }]);
    expect(await harness.waitForDiagnostics(config, (list) => list.length === 0)).toEqual([]);
    expect(codes(await harness.waitForDiagnostics(harness.uri('/notes.md'), (list) => !codes(list).includes('unknown-article')))).not.toContain('unknown-article');
  });

  it('reports a .treaty-annotator.json that is not JSON at the place the parser stopped', async () => {
    harness = await startServer(`${DANGLING}\n//- /.treaty-annotator.json\n{ "severity": { "unknown-article": "off" }, }\n`);
    const [diagnostic, ...rest] = await harness.waitForDiagnostics(harness.uri('/.treaty-annotator.json'), (list) => list.length > 0);
    expect(rest).toEqual([]);
    expect(diagnostic!.message).toMatch(/^invalid JSON/);
    expect(diagnostic!.range.start).toEqual(harness.rangeOf('/.treaty-annotator.json', '}\n').start);
  });

  it('puts editor settings on top of the file, and follows their changes', async () => {
    harness = await startServer(`${DANGLING}\n//- /.treaty-annotator.json\n{ "severity": { "unknown-article": "off" } }\n`, {
      settings: { unknownTreatySeverity: 'error' },
    });
    const notes = harness.uri('/notes.md');
    const first = await harness.waitForDiagnostics(notes, (list) => list.length > 0);
    expect(first.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['unknown-treaty', 1]]);

    await harness.changeSettings({ severity: { 'unknown-article': 'warning', 'unknown-treaty': 'off' } });
    const second = await harness.waitForDiagnostics(notes, (list) => codes(list).includes('unknown-article'));
    expect(second.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['unknown-article', 2]]);
  });

  it('skips files over treatyAnnotator.maxFileSize and binary files, saying so', async () => {
    harness = new Harness(DANGLING, { settings: { maxFileSize: 200 } });
    writeFileSync(join(harness.root, 'big.md'), `---\ncites: nat\n---\n${'Article 9. '.repeat(50)}\n`);
    mkdirSync(join(harness.root, 'bin'));
    writeFileSync(join(harness.root, 'bin/image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    await harness.initialize();
    await harness.ready();
    expect(codes(await harness.waitForDiagnostics(harness.uri('/big.md')))).toEqual(['file-skipped']);
    expect(codes(await harness.waitForDiagnostics(harness.uri('/bin/image.md')))).toEqual(['file-skipped']);
  });
});
