/**
 * What the server log keeps of an unexpected error: its kind, its message with every value
 * taken out, and where in the code it happened. DuckDB quotes the value it choked on
 * ("Could not convert string 'Ola Nordmann 12.03.2014' to INT32"), and an import or a query
 * carries data about children: the log must never repeat it. Quoted text becomes «…», and
 * numbers (with separators: dates, national identity numbers, counts) become #.
 */

/** The message with quoted text and numbers replaced. */
export function redactMessage(message: string): string {
  return message
    .replace(/'[^']*'|"[^"]*"|«[^»]*»|`[^`]*`/g, '«…»')
    // A number standing alone (with separators), or three digits or more inside a word;
    // type names such as INT32 keep their digits.
    .replace(/(?<![A-Za-z_\d])\d(?:[\d\s.,:/-]*\d)?|\d{3,}/g, '#');
}

/** One log entry for an unexpected error: name, redacted message, stack frames (code locations only). */
export function safeErrorLog(error: unknown): string {
  if (!(error instanceof Error)) return `Ukjent feil (${typeof error})`;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}: ${redactMessage(error.message)}`, ...frames].join('\n');
}
