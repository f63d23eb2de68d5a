/** Ids the forms offer as choices (campaigns, groups, in-groups, statuses), fetched once per page. */
import { useEffect, useState } from 'react';
import { api, type VersionedRecord } from './api.js';

export function useIds(section: string, column: string): string[] {
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    api<{ records: VersionedRecord[] }>('GET', `/api/v2/admin/records/${section}`)
      .then((r) => setIds(r.records.map((x) => String(x.values[column]))))
      .catch(() => setIds([]));
  }, [section, column]);
  return ids;
}
