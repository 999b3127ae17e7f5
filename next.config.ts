import type { NextConfig } from 'next';

const config: NextConfig = {
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: [
    'pino',
    'bullmq',
    'ioredis',
    'nodemailer',
    'smtp-server',
    'mailparser',
    'pg',
    '@prisma/adapter-pg',
  ],
  poweredByHeader: false,
  // Lets a second dev server run beside the main one without sharing its build folder.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  typedRoutes: false,
  // `npm test` runs `tsc --noEmit` as its own step; the build does not type-check a second time.
  typescript: { ignoreBuildErrors: true },
  // CSV imports arrive through server actions; the default 1 MB cap is below the 5 MB we accept.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
};

export default config;
