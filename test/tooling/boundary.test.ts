// The core's boundary is kept by tools: `npm run lint` rejects an import of an editor, protocol or Node module, or of a
// layer above, from server/src/core; `tsc -b` checks the core as its own project without Node's types.
// Each rule is shown firing on a planted file, and staying quiet on the same file elsewhere or on a pure import.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

describe('the lint rule on imports into server/src/core', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const restricted = async (file: string, source: string): Promise<string[]> => {
    const [result] = await eslint.lintText(`${source}\nexport const used = [x];\n`, { filePath: resolve(ROOT, file) });
    return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
  };

  it.each([
    "import { readFileSync as x } from 'node:fs';",
    "import { readFileSync as x } from 'fs';",
    "import { join as x } from 'path';",
    "import type { Connection as x } from 'vscode-languageserver';",
    "import { createConnection as x } from 'vscode-languageserver/node';",
    "import { TextDocument as x } from 'vscode-languageserver-textdocument';",
    "import type { MessageConnection as x } from 'vscode-jsonrpc';",
    "import * as x from 'vscode';",
  ])('rejects %s', async (source) => {
    expect(await restricted('server/src/core/features/planted.ts', source)).toEqual([expect.stringContaining('server/src/core is pure')]);
  });

  it.each([
    "import { startServer as x } from '../../lsp/server';",
    "import { NodeWorkspace as x } from '../node/files';",
    "import { registerHover as x } from '../adapters/hover';",
    "import { runCheck as x } from '../../cli/check';",
  ])('rejects a layer above: %s', async (source) => {
    expect(await restricted('server/src/core/planted.ts', source)).toEqual([expect.stringContaining('lowest layer')]);
  });

  it('lets the core import itself and pure packages, and the layers above import anything', async () => {
    expect(await restricted('server/src/core/planted.ts', "import { LineIndex as x } from './text/lineIndex';\nimport { parse } from 'yaml'; void parse;")).toEqual([]);
    expect(await restricted('server/src/lsp/planted.ts', "import { readFileSync as x } from 'node:fs';")).toEqual([]);
  });
});

describe('the type check of server/src/core', () => {
  const configOf = (path: string): ts.ParsedCommandLine => {
    const parsed = ts.getParsedCommandLineOfConfigFile(resolve(ROOT, path), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => { throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')); } });
    if (!parsed) throw new Error(`cannot read ${path}`);
    return parsed;
  };
  /** The error codes of each planted core file, all checked in one program with the given project's options. */
  const errorsOf = (options: ts.CompilerOptions, sources: readonly string[]): number[][] => {
    const planted = sources.map((_, index) => resolve(ROOT, `server/src/core/planted${index}.ts`));
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (fileName, language, ...rest) => {
      const index = planted.indexOf(resolve(fileName));
      return index >= 0 ? ts.createSourceFile(fileName, sources[index]!, language) : getSourceFile.call(host, fileName, language, ...rest);
    };
    const program = ts.createProgram({ rootNames: planted, options: { ...options, noEmit: true, composite: false, emitDeclarationOnly: false }, host });
    return planted.map((file) => ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((diagnostic) => diagnostic.code));
  };
  const core = configOf('server/src/core/tsconfig.json');

  it('is a project of its own that tsc -b builds, referenced by the root project, which leaves it out', () => {
    const root = configOf('tsconfig.json');
    expect(root.projectReferences?.map((reference) => resolve(reference.path))).toEqual([resolve(ROOT, 'server/src/core')]);
    expect(root.fileNames.some((file) => file.includes('/server/src/core/'))).toBe(false);
    expect(core.fileNames.length).toBeGreaterThan(10);
  });

  it('knows no Node: a Node module or global in a core file is a type error, which the rest of the project accepts', () => {
    const planted = [
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;",
      'export const home = process.env.HOME;',
      "export const bytes = Buffer.from('x');",
    ];
    expect(errorsOf(core.options, planted)).toEqual([[2307], [2591], [2591]]);
    expect(errorsOf(configOf('tsconfig.json').options, planted)).toEqual([[], [], []]);
  });
});
