import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noDangerousHtml = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Names are shown as text, never as HTML.',
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dev-dist',
      'bench/dist',
      'node_modules',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': ['error', noDangerousHtml],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Only the store knows Dexie exists.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/store/**', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'Only src/store/ may import Dexie.' }] },
      ],
    },
  },
  {
    // Features do not import each other; what they share lives below them (ui, bus, model).
    files: ['src/features/**/*.{ts,tsx}'],
    // Tests may look behind the UI, e.g. to prove a refusal stored nothing.
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only src/store/ may import Dexie.' }],
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)',
              message: 'Features do not import each other; move shared code to src/ui.',
            },
            { regex: '/(app|store)(/|$)', message: 'Features reach state through src/bus.' },
          ],
        },
      ],
    },
  },
);
