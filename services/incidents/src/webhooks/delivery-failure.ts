/** The longest failure sentence stored. */
const MAX_LENGTH = 300;

/** Why an endpoint's answer does not count as delivered, as one sentence; null for 2xx. */
export function describeHttpFailure(statusCode: number): string | null {
  if (statusCode >= 200 && statusCode < 300) return null;
  if (statusCode >= 300 && statusCode < 400) return `The endpoint answered HTTP ${statusCode}, a redirect, which is not followed; point the webhook at the final URL.`;
  return `The endpoint answered HTTP ${statusCode}; only a 2xx answer counts as delivered.`;
}

/**
 * Why a request got no answer, as one sentence without a stack: a timeout, or the network error fetch reports in
 * its `cause` (`connect ECONNREFUSED 127.0.0.1:9`, `getaddrinfo ENOTFOUND hooks.example.org` …).
 */
export function describeRequestFailure(error: unknown, timeoutMs: number): string {
  if (nameOf(error) === 'TimeoutError') return `The endpoint did not answer within ${timeoutMs} ms.`;
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  const reason = messageOf(cause) ?? messageOf(error) ?? String(error);
  const sentence = `The request could not be sent: ${reason.replace(/\s+/g, ' ').replace(/\.$/, '')}.`;
  return sentence.length > MAX_LENGTH ? `${sentence.slice(0, MAX_LENGTH - 1)}…` : sentence;
}

// Duck-typed rather than `instanceof Error`: fetch's errors may come from another realm (undici, test sandboxes).
const nameOf = (value: unknown) => (typeof value === 'object' && value !== null && 'name' in value ? String(value.name) : undefined);
const messageOf = (value: unknown) => (typeof value === 'object' && value !== null && 'message' in value ? String(value.message) : undefined);
