import type { NextConfig } from 'next';

const config: NextConfig = {
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ['pino', 'bullmq', 'ioredis', 'nodemailer', 'smtp-server', 'mailparser', 'pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
  // Lets a second dev server run beside the main one without sharing its build folder.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  typedRoutes: false,
};

export default config;
