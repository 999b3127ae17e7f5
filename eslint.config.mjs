import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The owner's connection bypasses row-level security: scripts, benchmarks and test fixtures only.
const ownerDbPattern = {
  group: ['**/scripts/owner-db', '**/scripts/owner-db.ts', '@/scripts/owner-db'],
  message: 'The app connects through lib/db (withTenant / asSystem), never as the owner.',
};

const dbImport = {
  patterns: [
    {
      group: ['@/lib/db', '@/lib/db/*', '**/lib/db', '**/lib/db/*', '@prisma/client', '@prisma/client/*'],
      message: 'Only lib/ services touch the database: call a lib/<capability> service instead.',
    },
    ownerDbPattern,
  ],
};

const config = [
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      '.demo/**',
      'lib/db/generated/**',
      'next-env.d.ts',
      'playwright-report/**',
      'test-results/**',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  // The Prisma client lives behind lib/: routes, components and workers never import it.
  {
    files: ['app/**', 'components/**', 'workers/**'],
    rules: { 'no-restricted-imports': ['error', dbImport] },
  },
  {
    files: ['lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ownerDbPattern] }] },
  },
  // The queue infrastructure knows no capability: jobs and their routes live in workers/.
  {
    files: ['lib/queue/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '!../db', '!../env', '!../log', '@/*', '!@/lib/db', '!@/lib/env', '!@/lib/log'],
              message: 'lib/queue imports no capability: put the job in workers/jobs/ and register it.',
            },
            ownerDbPattern,
          ],
        },
      ],
    },
  },
  // Only lib/env.ts reads process.env.
  {
    files: ['app/**', 'components/**', 'lib/**', 'workers/**'],
    ignores: ['lib/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration from lib/env.ts.' },
      ],
    },
  },
  {
    files: ['scripts/**', 'tests/**', 'bench/**', 'prisma/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
];

export default config;
