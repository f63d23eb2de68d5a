/**
 * A campaign script as the agent reads it: VICIdial's `--A--name--B--`
 * placeholders take the lead's (and the agent's) values. VICIdial scripts are
 * HTML; the screen shows them as text — line breaks kept, tags dropped, the
 * common entities decoded — so a script (or a lead value) can never run code.
 */

/** What a script may name besides the lead's own fields (vicidial_list columns). */
export interface ScriptContext {
  readonly lead: { readonly leadId: number; readonly listId: number; readonly fields: Readonly<Record<string, string>> };
  readonly user: string;
  readonly fullName: string;
  readonly campaignId: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** HTML to plain text: block ends and <br> become line breaks, other tags go. */
export function scriptHtmlToText(html: string): string {
  return html
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The script's text with every known placeholder filled; an unknown one stays as written, for its author to see. */
export function fillScript(scriptText: string, context: ScriptContext): string {
  const values: Record<string, string> = {
    ...context.lead.fields,
    lead_id: String(context.lead.leadId),
    list_id: String(context.lead.listId),
    user: context.user,
    fullname: context.fullName,
    campaign: context.campaignId,
  };
  return scriptHtmlToText(scriptText).replace(/--A--([A-Za-z0-9_]+)--B--/g, (whole, name: string) => values[name] ?? whole);
}
