/** Same keys, any strings: the nl dictionary must have exactly the keys of the en one. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** One namespace of user-facing texts in both languages; the type checker refuses a missing key. */
export function defineMessages<T extends Record<string, unknown>>(en: T, nl: Shape<T>) {
  return { en: en as Shape<T>, nl };
}
