/**
 * A user group created in place, from the user form: its id, name and the
 * campaigns it allows — what API List Restrict will keep the user to.
 * Not a nested <form> (HTML has none): its own button sends it.
 */
import { useId, useState } from 'react';
import { api } from '../api.js';
import { useIds } from '../hooks.js';
import { MultiSelect, TextField } from './fields.js';
import { fieldErrors, Problem } from './problem.js';

export function GroupCreator({ onCreated }: { onCreated: (group: string) => Promise<void> }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [group, setGroup] = useState({ user_group: '', group_name: '' });
  const [campaigns, setCampaigns] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const choices = useIds('campaigns', 'campaign_id');

  const create = async () => {
    try {
      await api('POST', '/api/v2/admin/records/userGroups', {
        key: { user_group: group.user_group },
        values: { group_name: group.group_name || group.user_group, allowed_campaigns: campaigns },
      });
      setError(undefined);
      setOpen(false);
      await onCreated(group.user_group);
      setGroup({ user_group: '', group_name: '' });
      setCampaigns([]);
    } catch (err) {
      setError(err);
    }
  };

  if (!open)
    return (
      <button type="button" className="new-group" aria-expanded={false} aria-controls={id} onClick={() => setOpen(true)}>
        New group…
      </button>
    );
  const errors = fieldErrors(error);
  return (
    <div
      id={id}
      className="inline-form"
      role="group"
      aria-label="New user group"
      onKeyDown={(e) => {
        // Enter here creates the group, not the user the surrounding form is about.
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'text') {
          e.preventDefault();
          void create();
        }
      }}
    >
      <div className="columns">
        <TextField label="Group id" name="new_user_group" value={group.user_group} onChange={(v) => setGroup((g) => ({ ...g, user_group: v }))} errors={{ new_user_group: errors.user_group ?? '' }} maxLength={20} />
        <TextField label="Group name" name="new_group_name" value={group.group_name} onChange={(v) => setGroup((g) => ({ ...g, group_name: v }))} errors={{ new_group_name: errors.group_name ?? '' }} maxLength={40} />
      </div>
      <MultiSelect
        label="Campaigns it allows"
        name="new_allowed_campaigns"
        value={campaigns}
        choices={['-ALL-CAMPAIGNS-', ...choices].map((name) => ({ name }))}
        all="-ALL-CAMPAIGNS-"
        onChange={setCampaigns}
        errors={{ new_allowed_campaigns: errors.allowed_campaigns ?? '' }}
      />
      <Problem error={Object.keys(errors).length ? undefined : error} />
      <div className="toolbar">
        <button type="button" className="primary" onClick={create}>
          Create group
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
