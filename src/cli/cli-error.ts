/** A failure the user can act on: printed as one line, exit code 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
