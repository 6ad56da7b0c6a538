/** Jest runs TypeScript through SWC; `tsc --noEmit` does the type-checking in `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@bot/(.*)$': '<rootDir>/bot/$1',
    '^@tab/(.*)$': '<rootDir>/tab/src/$1',
    '^@tests/(.*)$': '<rootDir>/tests/$1',
  },
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // jose (behind jwks-rsa), adaptivecards (with its carousel, swiper) and the d3 modules behind Fluent's
  // charts ship ES modules only: SWC turns them into CommonJS for Jest like our own code.
  transformIgnorePatterns: [
    '/node_modules/(?!(?:jose|adaptivecards|swiper|ssr-window|dom7|d3-[a-z-]+|internmap|delaunator|robust-predicates)/)',
  ],
  transform: {
    '^.+\\.(?:[tj]sx?|mjs)$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
        module: { type: 'commonjs' },
      },
    ],
  },
};
