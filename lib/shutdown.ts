import { disconnectDb } from './db';
import { closeTransport } from './mail/transport';

/** Closes the process-wide database pool and SMTP pool (worker, scripts, tests). */
export async function shutdownServices() {
  closeTransport();
  await disconnectDb();
}
