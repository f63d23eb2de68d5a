/** Statuses (system-wide and per campaign) and each campaign's pause codes. */
import { useState } from 'react';
import type { Meta } from '../api.js';
import { SelectField } from '../components/fields.js';
import { RecordSection, type FieldSpec } from '../components/record-section.js';
import { useIds } from '../hooks.js';
import { PageHeading } from '../components/page-heading.js';

const STATUS_FIELDS: FieldSpec[] = [
  { name: 'status_name', label: 'Name', kind: 'text' },
  { name: 'selectable', label: 'Selectable', kind: 'select', choices: ['Y', 'N'] },
  { name: 'scheduled_callback', label: 'Callback', kind: 'select', choices: ['Y', 'N'] },
];

export function StatusesPage({ meta }: { meta: Meta }) {
  const campaigns = useIds('campaigns', 'campaign_id');
  const [campaign, setCampaign] = useState('');
  const chosen = campaign || campaigns[0] || '';
  return (
    <>
      <PageHeading title="Statuses and pause codes" />
      <RecordSection section="statuses" title="System statuses" canCreate keyFields={[{ name: 'status', label: 'Status', kind: 'text' }]} fields={STATUS_FIELDS} />
      <SelectField label="Campaign" name="campaign" value={chosen} choices={campaigns} onChange={setCampaign} errors={{}} />
      {chosen ? (
        <>
          <RecordSection
            key={`s-${chosen}`}
            section="campaignStatuses"
            title={`Statuses of ${chosen}`}
            where={{ campaign_id: chosen }}
            canCreate
            canDelete
            keyFields={[{ name: 'status', label: 'Status', kind: 'text' }]}
            fields={STATUS_FIELDS}
          />
          <RecordSection
            key={`p-${chosen}`}
            section="pauseCodes"
            title={`Pause codes of ${chosen}`}
            where={{ campaign_id: chosen }}
            canCreate
            canDelete
            keyFields={[{ name: 'pause_code', label: 'Pause code', kind: 'text' }]}
            fields={[
              { name: 'pause_code_name', label: 'Name', kind: 'text' },
              { name: 'billable', label: 'Billable', kind: 'select', choices: meta.choices.billable ?? [] },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
