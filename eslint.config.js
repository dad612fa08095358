// Lint rules hold the architecture's lines (docs/ARCHITECTURE.md), not goodwill:
// who may import electron, what the renderer may see of the main process, where SQL lives.
// In flat config the last matching block sets a rule, so the narrower blocks come last.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ELECTRON_FILES = ['src-main/main.ts', 'src-main/window/**', 'src-main/preload/**', 'src-main/transport/ipc.ts'];
const ELECTRON_ONLY_HERE = 'Seuls main.ts, window/, preload/ et transport/ipc.ts parlent à Electron : le reste tourne sous Node seul.';
const CONTRACT_ONLY = 'Le renderer ne voit du processus principal que le contrat (src-main/contract) ; il l’appelle par api/client.ts.';
const CONTRACT_NEUTRAL = 'Le contrat est neutre (le renderer le charge aussi) : zod et lui-même, ni Node, ni Electron, ni base.';
const SQL_IN_REPOS = 'Le SQL vit dans src-main/catalogue (repos/*.repo.ts et migrations) : appelez une fonction de dépôt.';

const NO_ELECTRON = { group: ['electron', 'electron/*'], message: ELECTRON_ONLY_HERE };
const restricted = (patterns, paths = []) => ['error', { patterns, paths }];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'test-results/**', 'node_modules/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Tests read JSON printed by the CLI and poke at mocked Electron objects.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/catalogue/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        // The catalogue is `db`, or `ctx.db`, wherever it is used.
        { selector: "CallExpression[callee.object.name='db'][callee.property.name=/^(prepare|exec|pragma)$/]", message: SQL_IN_REPOS },
        { selector: "CallExpression[callee.object.property.name='db'][callee.property.name=/^(prepare|exec|pragma)$/]", message: SQL_IN_REPOS },
        { selector: "ImportExpression[source.value=/^electron/]", message: ELECTRON_ONLY_HERE },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ELECTRON_FILES,
    rules: { '@typescript-eslint/no-restricted-imports': restricted([NO_ELECTRON]) },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: [...ELECTRON_FILES, 'src-main/catalogue/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted(
        [NO_ELECTRON],
        [{ name: 'better-sqlite3', message: SQL_IN_REPOS, allowTypeImports: true }],
      ),
    },
  },
  {
    // Top level of the contract: zod, its own files, its schemas, and src-main/text (pure string functions).
    files: ['src-main/contract/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted([
        { regex: '^(?!zod$)[^.]', message: CONTRACT_NEUTRAL },
        { regex: '^\\.\\./(?!text/)', message: CONTRACT_NEUTRAL },
      ]),
    },
  },
  {
    files: ['src-main/contract/schemas/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted([
        { regex: '^(?!zod$)[^.]', message: CONTRACT_NEUTRAL },
        { regex: '^\\.\\./\\.\\./(?!text/)', message: CONTRACT_NEUTRAL },
      ]),
    },
  },
  {
    // What the contract may use must stay as neutral as the contract.
    files: ['src-main/text/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restricted([{ regex: '^(?!\\./)', message: CONTRACT_NEUTRAL }]) },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic rule only: dependency lists name stable members (queue.save, query.reload) on purpose,
      // which exhaustive-deps cannot follow, and the compiler-era rules reject the reset-on-prop pattern we use.
      'react-hooks/rules-of-hooks': 'error',
      '@typescript-eslint/no-restricted-imports': restricted([
        { regex: '^(\\.\\./)+src-main/(?!contract/)', message: CONTRACT_ONLY },
        { regex: '^(node:|(fs|path|os|crypto|child_process|stream|zlib|url)$|electron|better-sqlite3|exceljs|docx|jszip|@resvg/)', message: CONTRACT_ONLY },
      ]),
    },
  },
);
