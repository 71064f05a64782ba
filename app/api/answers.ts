/**
 * Decoders of whole answers: the envelope around the messages decode.ts
 * reads (`{run: ...}`, `{runs: [...], next_page_token}`), checked the same way.
 */
import { list, obj, optStr, str } from './check';
import type { Page } from './types';

/** `{<key>: message}` -> the message, decoded. */
export function one<T>(key: string, decode: (v: unknown, at: string) => T): (body: unknown) => T {
  return (body) => decode(obj(body, '')[key], key);
}

/** `{<key>: [...], next_page_token?}` -> a Page (MLflow omits both when empty). */
export function page<T>(
  key: string,
  decode: (v: unknown, at: string) => T,
): (body: unknown) => Page<T> {
  return (body) => {
    const o = obj(body, '');
    return {
      items: list(o, key, '', decode),
      nextPageToken: optStr(o, 'next_page_token', '') || null,
    };
  };
}

/** `{<key>: "text"}` -> the text. */
export function oneString(key: string): (body: unknown) => string {
  return (body) => str(obj(body, ''), key, '');
}
