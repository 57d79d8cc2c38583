/** The longest failure reason kept: a sentence, not a dump. */
const MAX_LENGTH = 500;

/**
 * One readable sentence for why a run failed, as `/v1/runs` shows it. A database error from
 * knex starts with the whole statement it ran (thousands of rows of values for a page of
 * workloads) and ends, after " - ", with what the database said; only that part is kept.
 */
export function describeRunFailure(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  const statement =
    /^\s*(insert|update|delete|select|with|create|alter|drop)\b[\s\S]* - ([^\n]+)$/i.exec(
      message,
    );
  if (statement)
    message = `The database refused the run's writes: ${statement[2]}`;
  message = message.split('\n')[0].trim();
  return message.length > MAX_LENGTH
    ? `${message.slice(0, MAX_LENGTH - 1)}…`
    : message;
}
