/**
 * The error type Prometheus itself gave (`bad_data`, `execution`, `timeout`, ...), when it answered
 * with one. The client (prometheus-query) rejects with a plain object: `{ errorType, error }` for
 * a network failure, and `{ errorType: 'http_error', prometheus: { errorType, error } }` for an
 * error answer, which carries Prometheus' own type.
 */
function errorTypeOf(error: unknown): string | undefined {
  const e = error as
    | { errorType?: unknown; prometheus?: { errorType?: unknown } }
    | undefined;
  const type = e?.prometheus?.errorType ?? e?.errorType;
  return typeof type === 'string' ? type : undefined;
}

/**
 * A readable reason from whatever a Prometheus call rejected with: a plain object, not an Error,
 * which a template string renders as "[object Object]".
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object') {
    const { error: text, message } = error as {
      error?: unknown;
      message?: unknown;
    };
    const said = [text, message].find(
      (v): v is string => typeof v === 'string',
    );
    if (said) {
      const type = errorTypeOf(error);
      return type ? `${type}: ${said}` : said;
    }
    return JSON.stringify(error);
  }
  return String(error);
}

/**
 * Whether a failure is the source's (down, hanging, failing) rather than one query's: a source
 * failure trips the breaker for the rest of the run. Prometheus answers a bad query, such as a
 * workload's malformed selector, with `bad_data`, and one it refuses to finish, such as a shard
 * that would load more samples than `--query.max-samples`, with `execution`.
 */
export function isSourceFailure(error: unknown): boolean {
  const type = errorTypeOf(error);
  return type !== 'bad_data' && type !== 'execution';
}
