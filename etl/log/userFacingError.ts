/**
 * An error the project raises on purpose, with a message written for the administrator about
 * their own input (an option, a file they named, a school id they typed). The command line
 * prints its message as it is; every other error is redacted first (cliErrorMessage.ts),
 * since it may quote a value read from the data.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}
