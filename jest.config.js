/**
 * One Jest run over every workspace. Workspace packages resolve to their TypeScript sources, so a test never
 * sees a stale build and every class (type-graphql, TypeORM metadata) exists once per test file.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testMatch: ['<rootDir>/{shared,services,gateway,schema,launcher,test}/**/test/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper: {
    '^@junction/(errors|config|db|federation|testing|cache|observability|events)$': '<rootDir>/shared/$1/src/index.ts',
    '^@junction/federation/identity$': '<rootDir>/shared/federation/src/identity.ts',
    '^@junction/onchain$': '<rootDir>/shared/onchain/src/index.ts',
    '^@junction/devnet$': '<rootDir>/shared/devnet/src/index.ts',
    '^@junction/(partners|chains|bridges|incidents)$': '<rootDir>/services/$1/src/server.ts',
    '^@junction/gateway$': '<rootDir>/gateway/src/gateway.ts',
    '^@junction/launcher$': '<rootDir>/launcher/src/stack.ts',
  },
  testTimeout: 60_000,
};
