/** Typed errors with a code and an HTTP status, converted to a response once at the edge. */
export type ErrorCode =
  'BAD_REQUEST' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'UNAVAILABLE';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

/** A foreign row and a missing row are the same answer: nobody learns another tenant's ids. */
export const notFound = (what = 'Not found') => new AppError('NOT_FOUND', what);
export const forbidden = () => new AppError('FORBIDDEN', 'You do not have permission for this action');
export const badRequest = (message: string, details?: unknown) =>
  new AppError('BAD_REQUEST', message, details);
