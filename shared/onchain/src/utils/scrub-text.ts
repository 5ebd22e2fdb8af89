import { scrubUrl } from './scrub-url';

/** Anything that starts like an absolute URL, up to the first character that cannot be part of one in prose. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>()[\]{}]+/gi;

/**
 * Returns `text` with every URL in it passed through {@link scrubUrl}: for error messages and stack traces that
 * quote an RPC URL (viem's `URL: …` lines, `fetch failed` causes).
 */
export function scrubText(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => {
    // Prose often ends a URL with punctuation; keep it outside the URL.
    const trailing = /[.,;:!?]+$/.exec(url)?.[0] ?? '';
    return scrubUrl(url.slice(0, url.length - trailing.length)) + trailing;
  });
}
