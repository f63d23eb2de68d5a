/** A URL fit for a log line: the value of every secret parameter replaced by ***. */
import { SECRET_PARAMS } from '../api/agent/input-filters.js';

export function scrubUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return part;
      let name = part.slice(0, eq);
      try {
        name = decodeURIComponent(name.replaceAll('+', ' '));
      } catch {
        // keep the raw name: it cannot be a secret's name if it does not decode
      }
      return SECRET_PARAMS.has(name.replace(/\[.*$/, '')) ? `${part.slice(0, eq)}=***` : part;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}
