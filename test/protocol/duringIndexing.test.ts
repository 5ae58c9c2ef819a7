// While the first indexing of a large workspace runs, hover and definition on an open document are answered as
// soon as the cited treaty has been read, or after a short wait with a hover saying that the workspace is still
// being read (never with a notice that the treaty is missing), and the progress is still shown until the end.

import { afterEach, describe, expect, it } from 'vitest';
import type { Hover, Location, TextDocumentPositionParams } from 'vscode-languageserver-protocol';
import { Harness } from './harness';

const TREATY = `---
treaty: nat
title: North Atlantic Treaty
---
## Article 5

An armed attack against one shall be considered an attack against them all.
`;

/** Many analyses, each long enough that reading them all takes a while. */
function workspace(analyses: number): string {
  const filler = 'The Parties consulted one another on the matter and agreed to keep the question under review. '.repeat(60);
  // The treaty's folder sorts first, so that it is read early and the hover has something to say before the end.
  const files = [`//- /open.md\n---\ncites: nat\n---\nArticle 5 is the core. Article 3 of the Paris Accord is not here. Article 99 is not in it.\n`, `//- /a-treaties/nat.md\n${TREATY}`];
  for (let index = 0; index < analyses; index++) files.push(`//- /notes/n${index}.md\n---\ncites: nat\n---\n${filler}\n\nArticle 5 again.\n`);
  return files.join('');
}

let harness: Harness | undefined;

const progressEnded = (): boolean => harness!.progress.some((report) => (report as { value?: { kind?: string } }).value?.kind === 'end');

/** The hover at `position` once the cited treaty is read: until then it may only say that the workspace is still being read. */
async function hoverOnceRead(position: TextDocumentPositionParams): Promise<Hover | null> {
  let hover = await harness!.request<Hover | null>('textDocument/hover', position);
  while (JSON.stringify(hover?.contents).includes(STILL_READING)) hover = await harness!.request<Hover | null>('textDocument/hover', position);
  return hover;
}

afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

describe('requests during the first indexing', () => {
  it('answers hover and definition on an open document before the indexing progress ends, and completion too', async () => {
    harness = new Harness(workspace(600), { open: ['/open.md'] });
    await harness.initialize();
    const position = harness.at('/open.md', 'Article 5', 8);
    const hover = await hoverOnceRead(position);
    const endedAtHover = progressEnded();
    const definition = await harness.request<Location[]>('textDocument/definition', position);
    const completion = await harness.request<unknown>('textDocument/completion', position);
    await harness.ready();
    expect(endedAtHover).toBe(false);
    expect(progressEnded()).toBe(true);
    expect(completion).toBeDefined();
    // Answered once the treaty had been read, never with a notice that it is missing.
    expect(JSON.stringify(hover?.contents)).toContain('armed attack');
    expect(definition.map((location) => location.uri)).toEqual([harness!.uri('/a-treaties/nat.md')]);
  });

  it('answers a request on a document that is not open once the indexing ends, not from what is read so far', async () => {
    harness = new Harness(workspace(600), { open: ['/open.md'] });
    await harness.initialize();
    const hover = await harness.request<Hover | null>('textDocument/hover', harness.at('/notes/n599.md', 'Article 5', 8));
    expect(progressEnded()).toBe(true);
    expect(JSON.stringify(hover?.contents)).toContain('armed attack');
  });

  it('says the workspace is still being read when what is read so far does not resolve the citation, never that the treaty is missing', async () => {
    harness = new Harness(workspace(600), { open: ['/open.md'] });
    await harness.initialize();
    const position = harness.at('/open.md', 'Article 3 of the Paris Accord', 8);
    const during = await harness.request<Hover | null>('textDocument/hover', position);
    const definition = await harness.request<Location[] | null>('textDocument/definition', position);
    const endedMeanwhile = progressEnded();
    await harness.ready();
    const after = await harness.request<Hover | null>('textDocument/hover', position);
    expect(endedMeanwhile).toBe(false);
    expect(JSON.stringify(during?.contents)).toContain(STILL_READING);
    expect(definition ?? []).toEqual([]);
    // Once everything is read, the hover says what is wrong.
    expect(JSON.stringify(after?.contents)).not.toContain(STILL_READING);
    expect(JSON.stringify(after?.contents)).toContain('Paris Accord');
  });

  it('says at once that an article is missing once its treaty has been read, while the rest is still read', async () => {
    harness = new Harness(workspace(600), { open: ['/open.md'] });
    await harness.initialize();
    const position = harness.at('/open.md', 'Article 99', 8);
    const hover = await hoverOnceRead(position);
    const endedAtHover = progressEnded();
    await harness.ready();
    expect(endedAtHover).toBe(false);
    expect(JSON.stringify(hover?.contents)).toContain('has no Article 99');
  });
});

const STILL_READING = 'The workspace is still being read';
