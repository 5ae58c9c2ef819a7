/// <reference types="mocha" />
// Diagnostics in a real VS Code over samples/: exactly the deliberate broken citations listed in
// samples/README.md, the unknown-treaty notice, and nothing anywhere else.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, answeredHover, diagnosticCode, openSample, positionOf, retryUntil } from './helpers';

const SEVERITY: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** One line per diagnostic: `line severity code «covered text»`, sorted. */
function describe(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((diagnostic) => `${diagnostic.range.start.line + 1} ${SEVERITY[diagnostic.severity]} ${diagnosticCode(diagnostic)} «${document.getText(diagnostic.range)}»`)
    .sort((left, right) => parseInt(left, 10) - parseInt(right, 10) || left.localeCompare(right));
}

async function diagnosticsOnce(relativePath: string, count: number): Promise<string[]> {
  const document = await openSample(relativePath);
  const diagnostics = await retryUntil(
    `${count} diagnostics in ${relativePath}`,
    () => vscode.languages.getDiagnostics(document.uri),
    (result) => result.length >= count,
  );
  return describe(document, diagnostics);
}

suite('Diagnostics', () => {
  suiteSetup(() => activateExtension());

  test('broken-citations.md reports exactly its five deliberate broken citations and its misquotation', async () => {
    assert.deepEqual(await diagnosticsOnce('analyses/broken-citations.md', 6), [
      '11 warning no-antecedent «同条第1項»',
      '14 error unknown-article «第15条»',
      '17 error unknown-paragraph «第3条第4項»',
      '20 error unknown-item «第6条第2項第5号»',
      '23 error unknown-article «Article 12 of the Harbor Convention»',
      '26 error misquote «両締約国の権限のある当局は、海洋協力の実施に必要な情報を直ちに交換する。»',
    ]);
  });

  test('the Japanese analysis reports only 国連憲章第51条, at the severity the sample configuration sets', async () => {
    assert.deepEqual(await diagnosticsOnce('analyses/kaiyo-kyotei-kaisetsu.md', 1), ['33 information unknown-treaty «国連憲章第51条»']);
  });

  test('the treaties, the comparison and the English notes have no diagnostics', async () => {
    const files: [string, string][] = [
      ['treaties/kaiyo-kyotei.md', '第6条（海難救助）'],
      ['treaties/harbor-convention.en.md', 'Article 5'],
      ['treaties/harbor-convention.ja.md', '第5条'],
      ['analyses/ryokyotei-hikaku.md', '港湾条約第4条'],
      ['analyses/harbor-convention-notes.md', 'Article 4(1)'],
    ];
    for (const [file, needle] of files) {
      const document = await openSample(file);
      // Only this extension hovers there: once it answers, the server has checked this very document.
      await retryUntil(
        `hover in ${file}`,
        () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, needle, 1)),
        (result) => answeredHover(result ?? []),
      );
      assert.deepEqual(describe(document, vscode.languages.getDiagnostics(document.uri)), [], file);
    }
  });
});
