/** Campaigns and lists: the fields the agent and non-agent APIs read. */
import type { Meta } from '../api.js';
import { RecordSection } from '../components/record-section.js';
import { useIds } from '../hooks.js';
import { PageHeading } from '../components/page-heading.js';

export function CampaignsPage({ meta }: { meta: Meta }) {
  const campaigns = useIds('campaigns', 'campaign_id');
  const statuses = useIds('statuses', 'status');
  const c = meta.choices;
  return (
    <>
      <PageHeading title="Campaigns and lists" />
      <RecordSection
        section="campaigns"
        title="Campaigns"
        keyFields={[{ name: 'campaign_id', label: 'Campaign', kind: 'text' }]}
        fields={[
          { name: 'campaign_name', label: 'Name', kind: 'text' },
          { name: 'active', label: 'Active', kind: 'select', choices: ['Y', 'N'] },
          { name: 'dial_method', label: 'Dial method', kind: 'select', choices: c.dial_method ?? [] },
          { name: 'auto_dial_level', label: 'Dial level', kind: 'text' },
          { name: 'campaign_allow_inbound', label: 'Allow inbound', kind: 'select', choices: ['Y', 'N'] },
          { name: 'manual_dial_list_id', label: 'Manual dial list', kind: 'number' },
          { name: 'api_manual_dial', label: 'API manual dial', kind: 'select', choices: c.api_manual_dial ?? [] },
          { name: 'manual_preview_dial', label: 'Manual preview dial', kind: 'select', choices: c.manual_preview_dial ?? [] },
          { name: 'alt_number_dialing', label: 'Alt number dialing', kind: 'select', choices: c.alt_number_dialing ?? [] },
          { name: 'agent_lead_search', label: 'Agent lead search', kind: 'select', choices: c.agent_lead_search ?? [] },
          { name: 'dial_statuses', label: 'Dial statuses', kind: 'multi', choices: statuses },
        ]}
      />
      <RecordSection
        section="lists"
        title="Lists"
        canCreate
        keyFields={[{ name: 'list_id', label: 'List', kind: 'number' }]}
        fields={[
          { name: 'list_name', label: 'Name', kind: 'text' },
          { name: 'campaign_id', label: 'Campaign', kind: 'select', choices: campaigns },
          { name: 'active', label: 'Active', kind: 'select', choices: ['Y', 'N'] },
        ]}
      />
    </>
  );
}
