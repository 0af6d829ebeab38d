import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/dist/',
      '**/node_modules/',
      '.test-results/',
      '.pack/',
      'examples/**/.next/',
      'examples/**/.angular/',
      'examples/**/next-env.d.ts',
      'examples/**/test-results/',
      // The README's recipe copies the CDN files here to serve them beside the pages.
      'examples/html/adobe-auth-elements*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['demo/**/*.js', 'test/fixtures/**/*.js', 'bench/site/**/*.js', 'examples/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      // chai's property assertions: expect(x).to.be.empty
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
