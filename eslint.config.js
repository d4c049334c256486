import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['build/', 'app/generated/', 'node_modules/', 'test-results/', 'playwright-report/', 'data/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  // The layers (README, "Where does X go"): foundation (utils, permissions, validation, editor,
  // tone, search) ← domain (models) ← web layer (web) ← pages (routes, components, root). No import runs
  // upward, the domain knows nothing of Remix, and pages hold no permission logic of their own.
  {
    files: [
      'app/utils/**',
      'app/permissions/**',
      'app/validation/**',
      'app/editor/**',
      'app/tone/**',
      'app/search/**',
      'app/i18n.ts',
      'app/locales/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['~/models/*', '**/models/*'],
              message: 'The foundation does not import the domain (app/models).',
            },
            {
              group: ['~/web/*', '**/web/*', '~/routes/*', '~/components/*', '@remix-run/*'],
              message: 'The foundation does not import the web layer or Remix.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/models/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['~/web/*', '**/web/*', '~/routes/*', '~/components/*', '@remix-run/*'],
              message:
                'The domain knows nothing of Remix or the web layer: throw a typed error from app/utils/errors.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/routes/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '~/permissions/authorize.ts',
              message: 'Routes call the domain’s require* functions; the checks live there.',
            },
          ],
          patterns: [
            { group: ['@casl/*'], message: 'Routes hold no permission logic: ask the domain (require*, *Actions).' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^(can|authorize)$/]',
          message: 'Routes hold no permission logic: ask the domain (require*, *Actions).',
        },
        {
          selector: "CallExpression[callee.property.name='can']",
          message: 'Routes hold no permission logic: ask the domain (require*, *Actions).',
        },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      'react/prop-types': 'off',
      'jsx-a11y/no-autofocus': 'off',
      // A scrolling region takes focus so keyboard users can scroll it (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region'] }],
    },
  },
)
