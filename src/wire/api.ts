/** JSON shapes of the integrations' /api/v2 routes (type-only, shared with clients). */
import type { ApiKeyView } from './admin.js';

/** GET /api/v2/me: who the credentials are. */
export interface ApiMe {
  readonly user: string;
  readonly userGroup: string;
  /** The API Allowed Functions this request has: the user's, narrowed by its key. */
  readonly allowedFunctions: readonly string[];
  /** The key the request came with, or null for a user and password. */
  readonly key: Pick<ApiKeyView, 'name' | 'prefix' | 'functions' | 'campaigns' | 'ratePerSecond' | 'expiresAt'> | null;
}
