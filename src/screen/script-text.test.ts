import { describe, expect, it } from 'vitest';
import { fillScript, scriptHtmlToText } from './script-text.js';

const context = {
  lead: { leadId: 7, listId: 101, fields: { first_name: 'Ada', last_name: 'Lovelace', city: '<b>London</b>' } },
  user: '1001',
  fullName: 'Agent 1001',
  campaignId: 'TESTCAMP',
};

describe('fillScript', () => {
  it('puts the lead’s and the agent’s values in place of VICIdial’s placeholders', () => {
    expect(fillScript('Hello --A--first_name--B-- --A--last_name--B--, this is --A--fullname--B-- (--A--user--B--) for --A--campaign--B--, lead --A--lead_id--B-- of list --A--list_id--B--.', context)).toBe(
      'Hello Ada Lovelace, this is Agent 1001 (1001) for TESTCAMP, lead 7 of list 101.',
    );
  });

  it('leaves an unknown placeholder as written and an empty field empty', () => {
    expect(fillScript('--A--nosuch--B--|--A--email--B--|', { ...context, lead: { ...context.lead, fields: { email: '' } } })).toBe('--A--nosuch--B--||');
  });

  it('shows a lead value as text, never as markup', () => {
    expect(fillScript('You live in --A--city--B--.', context)).toBe('You live in <b>London</b>.');
  });
});

describe('scriptHtmlToText', () => {
  it('keeps line breaks, drops tags (scripts included) and decodes entities', () => {
    expect(scriptHtmlToText('<p>One &amp; two</p><p>three<br>four<BR/>five</p><script>alert(1)</script>&lt;ok&gt;')).toBe('One & two\nthree\nfour\nfive\nalert(1)<ok>');
  });
});
