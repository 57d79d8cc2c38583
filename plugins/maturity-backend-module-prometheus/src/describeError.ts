/**
 * A readable reason from whatever a Prometheus call rejected with. The client (prometheus-query)
 * rejects with a plain object, `{ status, errorType, error }`, not an Error, which a template
 * string renders as "[object Object]".
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object') {
    const {
      errorType,
      error: text,
      message,
    } = error as { errorType?: unknown; error?: unknown; message?: unknown };
    const said = [text, message].find(
      (v): v is string => typeof v === 'string',
    );
    if (said)
      return typeof errorType === 'string' ? `${errorType}: ${said}` : said;
    return JSON.stringify(error);
  }
  return String(error);
}

/**
 * Whether a failure is the source's (down, hanging, failing) rather than one query's: a source
 * failure trips the breaker for the rest of the run. Prometheus answers a bad query, such as a
 * workload's malformed selector, with `bad_data`.
 */
export function isSourceFailure(error: unknown): boolean {
  const errorType = (error as { errorType?: unknown } | undefined)?.errorType;
  return errorType !== 'bad_data';
}
