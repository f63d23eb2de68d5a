/** Small hooks the pages share: ids offered as choices, and the page title. */
import { useEffect, useState } from 'react';
import { api, type VersionedRecord } from './api.js';

/** Ids the forms offer as choices (campaigns, groups, in-groups, statuses), fetched once per page. */
export function useIds(section: string, column: string): string[] {
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    api<{ records: VersionedRecord[] }>('GET', `/api/v2/admin/records/${section}`)
      .then((r) => setIds(r.records.map((x) => String(x.values[column]))))
      .catch(() => setIds([]));
  }, [section, column]);
  return ids;
}

/**
 * The browser tab says where the administrator is and how the last action
 * went ("Saved: User 7100 · agentgate admin"), as the page's status region
 * says it to a screen reader.
 */
export function usePageTitle(title: string, status?: string): void {
  useEffect(() => {
    document.title = `${status ? `${status}: ` : ''}${title} · agentgate admin`;
  }, [title, status]);
}
