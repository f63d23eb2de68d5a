/** Logger settings: JSON lines, with request URLs scrubbed and credentials redacted. */
import type { FastifyServerOptions } from 'fastify';
import { scrubUrl } from './scrub-url.js';

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.pass', '*.password'], censor: '***' },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: scrubUrl(req.url), ip: req.ip }),
    },
  };
}
