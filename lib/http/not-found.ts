import { notFound } from 'next/navigation';
import { AppError } from '../errors';

/**
 * For pages: a service's NOT_FOUND (a missing, malformed or foreign id alike) becomes the 404 page;
 * anything else (a database outage, a bug) is rethrown and stays an error.
 */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}
