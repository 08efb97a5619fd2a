/**
 * What the server log keeps of an unexpected error: its kind, its message with every value
 * taken out, and where in the code it happened. DuckDB quotes the value it choked on
 * ("Could not convert string 'Ola Nordmann 12.03.2014' to INT32"), and an import or a query
 * carries data about children: the log must never repeat it. Quoted text becomes «…», and
 * numbers (with separators: dates, national identity numbers, counts) become #
 * (etl/log/redactMessage.ts, shared with the command line).
 */
import { redactMessage } from '../../etl/log/redactMessage.ts';

/** One log entry for an unexpected error: name, redacted message, stack frames (code locations only). */
export function safeErrorLog(error: unknown): string {
  if (!(error instanceof Error)) return `Ukjent feil (${typeof error})`;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}: ${redactMessage(error.message)}`, ...frames].join('\n');
}
