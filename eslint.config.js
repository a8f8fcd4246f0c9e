// Lint: TypeScript and Vue rules, plus the layering rules of ARCHITECTURE.md (who may import what).
import globals from 'globals';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto', 'node:*'];
const MAIN_ONLY_PACKAGES = ['mqtt', 'aedes', 'ws', 'serialport', '@serialport/*'];

/** Exact package names go to `paths`; globs (with * or /) to `patterns`, so "mqtt" does not match "../mqtt/x". */
const restrict = (names, message) => {
  const isGlob = (name) => name.includes('*') || name.includes('/');
  const globs = names.filter(isGlob);
  const options = { paths: names.filter((name) => !isGlob(name)).map((name) => ({ name, message })) };
  if (globs.length > 0) options.patterns = [{ group: globs, message }];
  return { 'no-restricted-imports': ['error', options] };
};

export default tseslint.config(
  { ignores: ['out/**', '.out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.lead/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['src-main/**/*.ts', 'src-shared/**/*.ts', 'src-renderer/**/*.{ts,vue}', 'test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['src-main/app/**', 'test/unit/app/**'],
    rules: restrict(['electron'], "Only src-main/app/ and src-preload/ may import 'electron' (ARCHITECTURE.md)."),
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: restrict(
      ['electron', 'vue', 'pinia', 'vue-i18n', ...NODE_BUILTINS, ...MAIN_ONLY_PACKAGES, '**/src-main/**', '**/src-renderer/**', '**/src-preload/**'],
      'src-shared is pure TypeScript: no Node, DOM, Electron or Vue imports (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      ['electron', ...NODE_BUILTINS, ...MAIN_ONLY_PACKAGES, '**/src-main/**', '**/src-preload/**'],
      'The renderer imports only itself and src-shared; capabilities live on the main side (ARCHITECTURE.md).',
    ),
  },
);
