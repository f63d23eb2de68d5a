/** Users as the non-agent API administers them: add, copy, update, delete, ranks. */
import type { Executor } from './executor.js';

export class UserAdminRepository {
  constructor(private readonly db: Executor) {}
}
