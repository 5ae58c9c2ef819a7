// `npm run lint`: typescript-eslint's recommended rules over every TypeScript and JavaScript file we write.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'bench/out/**', 'node_modules/**', '.cache/**', 'test-output/**', '.vscode-test/**'] },
  ...tseslint.configs.recommended,
  // CommonJS on purpose: loaded with `node -r` before the server starts.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
