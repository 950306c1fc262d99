/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  // Integration files each start servers with their own database; two at a time fits 2 cores.
  maxWorkers: 2,
  testTimeout: 60_000,
  forceExit: false,
};
