/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // office-addin-mock pulls office-addin-manifest, which fails to load under jest 30 on Node 20.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/tests/stubs/office-addin-manifest.js' },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tests/reporters/summary-line.js'],
};
