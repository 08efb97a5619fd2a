/**
 * An error message with every value taken out, for logs that must not repeat data about
 * children: the server's log (server/http/safeErrorLog.ts) and the command line's stderr,
 * which ends up in an administrator's cron log (cliErrorMessage.ts). DuckDB quotes the value
 * it choked on ("Could not convert string 'Ola Nordmann 12.03.2014' to INT32"), and an
 * import or a query carries such values. Quoted text becomes «…», and numbers (with
 * separators: dates, national identity numbers, counts) become #.
 */

/** The message with quoted text and numbers replaced. */
export function redactMessage(message: string): string {
  return message
    .replace(/'[^']*'|"[^"]*"|«[^»]*»|`[^`]*`/g, '«…»')
    // A number standing alone (with separators), or three digits or more inside a word;
    // type names such as INT32 keep their digits.
    .replace(/(?<![A-Za-z_\d])\d(?:[\d\s.,:/-]*\d)?|\d{3,}/g, '#');
}
