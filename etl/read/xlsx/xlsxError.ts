/** A workbook that cannot be read, or is refused by a limit: the message is for the user, in bokmål, without values. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}
