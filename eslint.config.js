// Lint rules that enforce the layering of ARCHITECTURE.md: who may import whom.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'stream', 'http', 'url', 'readline', 'util', 'events', 'zlib', 'net'];
const nodeImports = [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`), 'better-sqlite3'];
const uiImports = ['electron', 'react', 'react-dom', 'react-dom/*', 'echarts', 'echarts/*'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'bench/.cache/**', 'scratch/**', 'coverage/**', 'test-results/**', 'renderer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', structuredClone: 'readonly', setImmediate: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // core/ is pure TypeScript: no Electron, DOM or React, and never a shell.
  { files: ['core/**/*.ts'], rules: restrict([...uiImports, '**/cli/**', '**/electron/**', '**/renderer/**'], 'core/ must not import UI, Electron or shells') },
  // core/model is the contract shared with the renderer: types and pure validation only.
  { files: ['core/model/**/*.ts'], rules: restrict([...uiImports, ...nodeImports, '../data/**', '../analysis/**', '../jobs/**', '../service/**', '../worker/**'], 'core/model is the shared contract: no Node modules, no other core layer') },
  // Analyses are pure functions: they never touch SQLite, the file system or the store.
  { files: ['core/analysis/**/*.ts'], rules: restrict([...uiImports, ...nodeImports, '**/data/**', '**/service/**', '**/jobs/**', '**/worker/**'], 'analyses are pure: data comes in as arrays, results go out') },
  // The data layer never knows an analysis or the service above it.
  { files: ['core/data/**/*.ts'], rules: restrict([...uiImports, '**/analysis/**', '**/service/**', '**/jobs/**', '**/worker/**'], 'core/data must not depend on the layers above it') },
  // Shells translate their medium to core/service calls; they never reach into the store or analyses.
  { files: ['cli/**/*.ts', 'electron/**/*.ts'], rules: restrict([...uiImports.filter((m) => m !== 'electron'), '**/core/data/**', '**/core/analysis/**', '**/core/jobs/**', '**/core/worker/**'], 'shells call core/service only') },
  // The renderer reaches core only through core/model types, and never Node.
  { files: ['renderer/**/*.{ts,tsx}'], rules: restrict([...nodeImports, 'electron', '**/core/data/**', '**/core/analysis/**', '**/core/jobs/**', '**/core/service/**', '**/core/worker/**', '**/cli/**'], 'renderer talks to the api object and core/model types only') },
);
