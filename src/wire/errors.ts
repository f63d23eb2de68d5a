/** The one error shape of the JSON face: a code a program can test, words a person can act on. */
export interface JsonError {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** A message per refused field, when there are fields. */
    readonly fields?: Readonly<Record<string, string>>;
  };
}
