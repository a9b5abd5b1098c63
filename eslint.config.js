// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

// Every Node built-in (fs, path, worker_threads…), with and without the `node:` prefix.
const nodeBuiltins = require('module').builtinModules.filter((n) => !n.startsWith('_'));
// The layers above the core, wherever the importing file sits inside src/core (test/core/boundary.test.ts).
const hostLayers = ['excel', 'taskpane', 'preview', 'cli', 'host', 'commands', 'app'];

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', 'test-output/', 'scratch/', 'test/stubs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Build scripts and configs are plain CommonJS run by Node.
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // assets/legacy-guard.js and office-loader.js run in the webview (ES5, before Office.js has loaded).
    files: ['assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      ecmaVersion: 5,
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        Office: 'readonly',
        Promise: 'readonly',
        Symbol: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: { 'no-new-func': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Spreading an array into a call's arguments (or .apply) puts every element on the stack: past
    // ~125,000 elements (a large table's rows) it throws RangeError. Use a loop.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement',
          message: 'No spread in call arguments: it overflows the stack on data-sized arrays. Use a loop.',
        },
        {
          selector: 'NewExpression > SpreadElement',
          message: 'No spread in constructor arguments: it overflows the stack on data-sized arrays. Use a loop.',
        },
        {
          selector: "CallExpression[callee.property.name='apply'][arguments.length=2]",
          message: 'No Function.prototype.apply: it overflows the stack on data-sized arrays. Use a loop.',
        },
      ],
    },
  },
  {
    // The core is pure: no Office.js, no DOM, no Node built-ins (it runs in Excel, the browser and Node).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.flatMap((n) => [n, `node:${n}`]).concat(['exceljs', '@microsoft/office-js']),
          patterns: [
            {
              group: hostLayers.flatMap((d) => [`**/${d}`, `**/${d}/*`]),
              message: 'The core is pure: hosts call it, never the reverse.',
            },
            { group: ['node:*'], message: 'No Node built-ins in the core.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'Office',
          'Excel',
          'OfficeExtension',
          'document',
          'window',
          'navigator',
          'localStorage',
          'self',
          'HTMLElement',
        ],
        ...['process', 'require', 'module', 'Buffer', '__dirname', '__filename'],
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.ts', 'src/preview/**/*.ts', 'src/commands/**/*.ts'],
    rules: {
      // Cell text is untrusted: render with textContent, never as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Cell text is untrusted: use textContent / DOM nodes.' },
        { property: 'outerHTML', message: 'Cell text is untrusted: use textContent / DOM nodes.' },
        { property: 'insertAdjacentHTML', message: 'Cell text is untrusted: use DOM nodes.' },
      ],
    },
  },
);
