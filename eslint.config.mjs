// `npm run lint`: typescript-eslint's recommended rules over every TypeScript and JavaScript file we write,
// and the core's boundary: server/src/core is pure, so it imports no editor, protocol or Node module and nothing above it.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const CORE_IS_PURE = 'server/src/core is pure and synchronous: all I/O arrives through TreatyWorkspace (see ARCHITECTURE.md).';

export default tseslint.config(
  { ignores: ['dist/**', 'packages/*/dist/**', 'out/**', 'bench/out/**', 'node_modules/**', '.cache/**', 'test-output/**', '.vscode-test/**'] },
  ...tseslint.configs.recommended,
  // CommonJS on purpose: loaded with `node -r` before the server starts.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['server/src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({ name, message: CORE_IS_PURE })),
          patterns: [
            { regex: '^(node:|vscode$|vscode/|vscode-languageserver|vscode-jsonrpc)', message: CORE_IS_PURE },
            { regex: '^\\.\\.?/(.*/)?(lsp|node|adapters|cli)(/|$)', message: 'server/src/core is the lowest layer: it imports nothing from lsp/, node/, adapters/ or cli/.' },
          ],
        },
      ],
    },
  },
);
