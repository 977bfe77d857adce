// Lint rules that hold the architecture in place: `src/core` is the engine shared by the
// CLI, the extension and the benchmarks, so it must never import `vscode` (nor Node-only
// modules where a port interface serves); the webview runs in a browser and must not import
// `vscode` or the extension layer at runtime.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', '.vscode-test/**', 'out/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core is the VS Code-free engine: put VS Code code in src/extension.' }],
        patterns: [{ group: ['**/extension/**', '**/webview/**', '**/cli/**'], message: 'src/core must not depend on the layers above it.' }],
      }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The webview runs in a browser sandbox; talk to the host through protocol.ts.' }],
        patterns: [{ group: ['**/extension/**', '**/cli/**'], message: 'The webview must not import host code.' }],
      }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'esbuild.mjs', 'eslint.config.mjs'],
    // Node scripts; the functions they pass to page.evaluate() run in the browser.
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly',
        document: 'readonly', window: 'readonly', NodeFilter: 'readonly',
      },
    },
  },
);
