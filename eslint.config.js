// Lint rules that catch real mistakes; formatting is left to the editor.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'migrations/', 'snapshots/', '.data/', 'test-artifacts/', 'bench/tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'error',
      // Untrusted text is cleaned of control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['bin/**', 'scripts/**', 'bench/**', 'src/web/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/web/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', location: 'readonly', history: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', Diff2HtmlUI: 'readonly', HTMLElement: 'readonly', IntersectionObserver: 'readonly', console: 'readonly', navigator: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
