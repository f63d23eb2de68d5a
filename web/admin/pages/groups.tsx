/** User groups: which campaigns each team's API users may reach (API List Restrict), and which groups its admins see. */
import { RecordSection } from '../components/record-section.js';
import { useIds } from '../hooks.js';
import { PageHeading } from '../components/page-heading.js';

export function GroupsPage() {
  const campaigns = useIds('campaigns', 'campaign_id');
  const groups = useIds('userGroups', 'user_group');
  return (
    <>
      <PageHeading title="User groups" />
      <p className="hint">With API List Restrict on, an API user reaches only the campaigns its group allows. A box is shared when some group is limited to some campaigns.</p>
      <RecordSection
        section="userGroups"
        title="User groups"
        canCreate
        keyFields={[{ name: 'user_group', label: 'Group', kind: 'text' }]}
        fields={[
          { name: 'group_name', label: 'Name', kind: 'text' },
          { name: 'allowed_campaigns', label: 'Allowed campaigns', kind: 'multi', choices: ['-ALL-CAMPAIGNS-', ...campaigns], all: '-ALL-CAMPAIGNS-' },
          { name: 'admin_viewable_groups', label: 'Admin viewable groups', kind: 'multi', choices: ['---ALL---', ...groups], all: '---ALL---' },
          { name: 'api_ip_list', label: 'API IP list', kind: 'text' },
        ]}
      />
    </>
  );
}
