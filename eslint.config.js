// Lint rules that catch real mistakes; formatting is left to the editor.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layer direction (docs/adr/0008): source → normalize → store → diff → services → consumers.
// A layer imports only layers below it; consumers reach data through services/ alone. Import paths
// are relative, so each pattern matches the folder's name after any run of `./` and `../`.
const layer = (name) => `^(\\.{1,2}/)+(src/)?${name}(/|\\.ts$)`;
const CONSUMERS = ['api', 'mcp', 'digest', 'links', 'changelog', 'cli', 'scheduler', 'web'];
const consumerPattern = (name) => ({ regex: layer(name), message: 'consumers sit on top: nothing below them imports one.' });
const ABOVE_STORE = [{ regex: layer('services'), message: 'the data layers sit below services/ and never import it.' }, ...CONSUMERS.map(consumerPattern)];
// services/ may use the link and changelog logic (pure rules over stored docs) but never a transport.
const TRANSPORTS = ['api', 'mcp', 'cli', 'scheduler', 'web', 'digest'].map(consumerPattern);
const NO_STORE = { regex: layer('store'), message: 'consumers go through services/ (src/services); only services import store/.' };
const restrict = (patterns) => ['error', { patterns }];
const PURE = [NO_STORE, { regex: layer('source'), message: 'normalize/ and diff/ are pure: no sources, no database.' }, ...ABOVE_STORE];

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
  { files: ['src/api/**', 'src/mcp/**', 'src/digest/**', 'src/changelog/**', 'src/cli/**', 'src/cli.ts', 'src/scheduler/**', 'jobs/**'], rules: { 'no-restricted-imports': restrict([NO_STORE]) } },
  // src/links still reads store/ itself until its queries move to services (issue 12): a warning
  // there for now, an error once that lands.
  { files: ['src/links/**'], rules: { 'no-restricted-imports': ['warn', { patterns: [NO_STORE] }] } },
  { files: ['src/services/**'], rules: { 'no-restricted-imports': restrict(TRANSPORTS) } },
  { files: ['src/store/**'], rules: { 'no-restricted-imports': restrict(ABOVE_STORE) } },
  { files: ['src/source/**'], rules: { 'no-restricted-imports': restrict([NO_STORE, { regex: layer('normalize'), message: 'sources only fetch files; normalizing is the next stage.' }, ...ABOVE_STORE]) } },
  { files: ['src/normalize/**', 'src/diff/**'], rules: { 'no-restricted-imports': restrict(PURE) } },
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
