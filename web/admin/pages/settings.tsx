/** System settings: the system-wide Agent API switch and the switches functions read. */
import type { Meta } from '../api.js';
import { RecordSection } from '../components/record-section.js';
import { PageHeading } from '../components/page-heading.js';

export function SettingsPage({ meta }: { meta: Meta }) {
  return (
    <>
      <PageHeading title="System settings" />
      <p className="hint">
        vdc_agent_api_active is the system-wide Agent API switch: with it at 0 every agent API call answers
        <code> ERROR: System API NOT ACTIVE</code>, whatever the API user's own permissions.
      </p>
      <RecordSection
        section="systemSettings"
        title="Settings"
        keyFields={[]}
        fields={[
          { name: 'vdc_agent_api_active', label: 'Agent API active (vdc_agent_api_active)', kind: 'select', choices: ['0', '1'] },
          { name: 'agent_notifications', label: 'Agent notifications', kind: 'select', choices: meta.choices.agent_notifications ?? [] },
          { name: 'outbound_cid_any', label: 'Explicit outbound caller id', kind: 'select', choices: meta.choices.outbound_cid_any ?? [] },
          { name: 'allow_ip_lists', label: 'IP lists', kind: 'select', choices: meta.choices.allow_ip_lists ?? [] },
        ]}
      />
    </>
  );
}
