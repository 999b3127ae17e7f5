/**
 * `path` when it is a path on this site, else '/'. A leading '//' or '/\' is another host to a
 * browser (it reads a backslash as a slash), and control characters can hide either.
 */
export function sameSitePath(path: string): string {
  return /^\/(?![/\\])[^\u0000-\u001f\\]*$/.test(path) ? path : '/';
}
