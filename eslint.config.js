import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noDangerousHtml = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Names are shown as text, never as HTML.',
};

// Tests wire real parts together (a component test uses the real bus and store, a store test
// reads what the model folds), so they may import across layers; production code may not.
const TESTS = ['**/*.test.{ts,tsx}', 'src/test/**'];

/*
 * Layers: imports only point down.
 *
 *   events ← model ← store ← sync ← bus ← ui ← features ← app (src/app and src/main.tsx)
 *        ↖ i18n (the words) ← ui, features, app
 *
 * The bus may use the sync port; sync knows nothing of the bus. The UI reaches state through the
 * bus, never the store. src/test (test helpers) is for tests only.
 *
 * i18n is the UI's: only ui, features and app import it at run time. Yet the model, store and bus
 * produce sentences ("added Milk × 2", "disk full") to be said later in the reader's language.
 * So the vocabulary of sentences is a bottom layer of its own, src/events/sentence.ts: the
 * `Sentence` type, `says()` and `MessageKey`. A message key is a key of the English table, and its
 * parameters are that message's parameters, so the compiler checks every `says('added', …)`
 * against the words. That check needs `import type` from src/i18n, which the layers below the
 * UI may use and nothing else: types vanish at build time, so no code below the UI loads or
 * depends on the words at run time, and only the UI decides how a sentence is said. At type level
 * that edge closes a loop (the words cite NAME_MAX from events/validation.ts, whose messages are
 * message keys); no-cycle, like the bundler, sees none. To lose it, events would declare every
 * key's parameters and each language would satisfy them.
 */
const LAYERS = {
  events: { paths: ['src/events'], mayImport: [], typesOfWords: true },
  model: { paths: ['src/model'], mayImport: ['events'], typesOfWords: true },
  store: { paths: ['src/store'], mayImport: ['events', 'model'], typesOfWords: true },
  sync: { paths: ['src/sync'], mayImport: ['events', 'model', 'store'], typesOfWords: true },
  bus: { paths: ['src/bus'], mayImport: ['events', 'model', 'store', 'sync'], typesOfWords: true },
  i18n: { paths: ['src/i18n'], mayImport: ['events'] },
  ui: { paths: ['src/ui'], mayImport: ['events', 'model', 'sync', 'bus', 'i18n'] },
  features: {
    paths: ['src/features'],
    mayImport: ['events', 'model', 'sync', 'bus', 'i18n', 'ui'],
  },
  app: {
    paths: ['src/app', 'src/main.tsx'],
    mayImport: ['events', 'model', 'store', 'sync', 'bus', 'i18n', 'ui', 'features'],
  },
};
const TEST_HELPERS = 'src/test';

const pathsOf = (layers) => layers.flatMap((layer) => LAYERS[layer].paths);
const filesOf = (paths) => paths.map((path) => (path.endsWith('.tsx') ? path : `${path}/**`));

function layerZones(name, { paths, mayImport, typesOfWords }) {
  const others = Object.keys(LAYERS).filter((other) => other !== name);
  // The words are checked by the type-only rule below, not here, for the layers that may use
  // their types.
  const above = others.filter((o) => !mayImport.includes(o) && !(typesOfWords && o === 'i18n'));
  const allowed = mayImport.length ? `only ${mayImport.join(', ')}` : 'nothing else in src';
  const zones = [
    {
      target: paths,
      from: [...pathsOf(above), TEST_HELPERS],
      message: `src/${name} may import ${allowed}: imports point down (see eslint.config.js).`,
    },
  ];
  if (name === 'features') {
    // Whatever the path says (a sibling's "../lists/ListPicker", or "../../features/lists"),
    // the file it resolves to decides.
    const folders = readdirSync(`${import.meta.dirname}/src/features`, { withFileTypes: true });
    for (const feature of folders.filter((entry) => entry.isDirectory()).map((e) => e.name)) {
      zones.push({
        target: `src/features/${feature}`,
        from: 'src/features',
        except: [`./${feature}`],
        message: 'Features never import each other; move what they share to src/ui.',
      });
    }
  }
  return zones;
}

// Libraries that one layer owns: the rest of the code reaches them only through that layer.
const OWNED = {
  store: {
    paths: [{ name: 'dexie', message: 'Only src/store/ imports Dexie.' }],
  },
  bus: {
    paths: [
      {
        name: 'rxjs',
        importNames: ['Subject', 'BehaviorSubject', 'ReplaySubject', 'AsyncSubject'],
        message:
          'Only src/bus/ holds a Subject: expose a function to call and an Observable to read.',
      },
    ],
  },
  sync: {
    patterns: [{ group: ['@nats-io/*'], message: 'Only src/sync/ talks to a NATS server.' }],
  },
};
const wordsAtRunTime = {
  regex: '(^|/)i18n(/|$)',
  allowTypeImports: true,
  message:
    'Below the UI, src/i18n is imported with `import type` only; make a sentence with says() from src/events/sentence.ts and let the UI say it.',
};

function restrictedImports(name, { typesOfWords }) {
  const others = Object.entries(OWNED).filter(([owner]) => owner !== name);
  return {
    paths: others.flatMap(([, owned]) => owned.paths ?? []),
    patterns: [
      ...others.flatMap(([, owned]) => owned.patterns ?? []),
      ...(typesOfWords ? [wordsAtRunTime] : []),
    ],
  };
}

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
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': ['error', noDangerousHtml],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // A cycle means two modules are one; `import type` is no cycle (it is gone at run time).
      'import-x/no-cycle': 'error',
    },
  },
  ...Object.entries(LAYERS).map(([name, layer]) => ({
    name: `basket/layer/${name}`,
    files: filesOf(layer.paths),
    ignores: TESTS,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: import.meta.dirname, zones: layerZones(name, layer) },
      ],
      '@typescript-eslint/no-restricted-imports': ['error', restrictedImports(name, layer)],
    },
  })),
);
