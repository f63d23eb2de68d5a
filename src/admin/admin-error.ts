/** A refusal of the admin console, with the HTTP status and words it is answered with. */
export class AdminError extends Error {
  override readonly name = 'AdminError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AdminError(404, 'not-found', `${what} does not exist.`);

/** The answer to an edit made from an old copy of the record. */
export const staleEdit = (what: string) =>
  new AdminError(
    409,
    'stale-edit',
    `${what} was changed by someone else after you opened it. Your change was not saved: reload it, check their change, and edit again.`,
  );
