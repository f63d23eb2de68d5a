/**
 * The lead on screen as an editable form: the fields VICIdial's agent screen
 * shows. Edits stay local until saved (Save lead, or with the disposition);
 * the server checks them with update_fields' rules and names the field it
 * refuses. A change made elsewhere (update_fields) shows at once in every
 * field the agent has not touched.
 */
import type { FormEvent } from 'react';
import type { LeadView } from '../../src/wire/agent-screen';
import { Field } from './field';

type Input = { name: string; label: string; type?: 'email' | 'date' | 'tel' | 'gender' | 'long'; wide?: boolean };

/** VICIdial's agent form, in its order. */
const FORM: Input[] = [
  { name: 'title', label: 'Title' },
  { name: 'first_name', label: 'First name' },
  { name: 'middle_initial', label: 'Middle initial' },
  { name: 'last_name', label: 'Last name' },
  { name: 'address1', label: 'Address 1', wide: true },
  { name: 'address2', label: 'Address 2', wide: true },
  { name: 'address3', label: 'Address 3', wide: true },
  { name: 'city', label: 'City' },
  { name: 'state', label: 'State' },
  { name: 'postal_code', label: 'Postal code' },
  { name: 'province', label: 'Province' },
  { name: 'country_code', label: 'Country code' },
  { name: 'phone_code', label: 'Dial code', type: 'tel' },
  { name: 'phone_number', label: 'Phone', type: 'tel' },
  { name: 'alt_phone', label: 'Alt. phone', type: 'tel' },
  { name: 'email', label: 'Email', type: 'email', wide: true },
  { name: 'security_phrase', label: 'Show' },
  { name: 'gender', label: 'Gender', type: 'gender' },
  { name: 'date_of_birth', label: 'Date of birth', type: 'date' },
  { name: 'vendor_lead_code', label: 'Vendor lead code' },
  { name: 'comments', label: 'Comments', type: 'long', wide: true },
];

interface Props {
  lead: LeadView;
  draft: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  onEdit: (name: string, value: string) => void;
  onSave: () => Promise<boolean>;
}

export function LeadForm({ lead, draft, errors, onEdit, onSave }: Props) {
  const value = (name: string) => draft[name] ?? lead.fields[name] ?? '';
  const dirty = Object.entries(draft).some(([k, v]) => v !== (lead.fields[k] ?? ''));
  const name = [lead.fields.first_name, lead.fields.last_name].filter(Boolean).join(' ');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSave();
  };
  return (
    <section className="card" aria-labelledby="lead-heading">
      <h2 id="lead-heading">
        Lead {lead.leadId}
        {name && ` — ${name}`}
      </h2>
      <form className="lead-form" onSubmit={submit} noValidate>
        {FORM.map((f) => (
          <Field key={f.name} id={`lead-${f.name}`} label={f.label} error={errors[f.name]} className={f.wide ? 'wide' : ''}>
            {(control) =>
              f.type === 'long' ? (
                <textarea {...control} name={f.name} rows={3} value={value(f.name)} onChange={(e) => onEdit(f.name, e.target.value)} />
              ) : f.type === 'gender' ? (
                <select {...control} name={f.name} value={value(f.name) || 'U'} onChange={(e) => onEdit(f.name, e.target.value)}>
                  <option value="U">Not given</option>
                  <option value="F">Female</option>
                  <option value="M">Male</option>
                </select>
              ) : (
                <input
                  {...control}
                  name={f.name}
                  type={f.type === 'email' ? 'email' : f.type === 'date' ? 'date' : 'text'}
                  inputMode={f.type === 'tel' ? 'tel' : undefined}
                  autoComplete="off"
                  value={value(f.name)}
                  onChange={(e) => onEdit(f.name, e.target.value)}
                />
              )
            }
          </Field>
        ))}
        <div className="row wide">
          <button type="submit" className="primary" disabled={!dirty}>
            Save lead
          </button>
          {dirty && <span className="muted">Unsaved changes — they are saved with the disposition too.</span>}
        </div>
      </form>
    </section>
  );
}
