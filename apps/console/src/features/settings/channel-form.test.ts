import { describe, expect, it } from 'vitest';
import type { ChannelViewDto } from '@keluh/contracts';
import { formFrom, isDirty, issuesByField, maskedTail, parseTemplates, settingsToSubmit, validateForm } from './channel-form.ts';

const templates = '[{"name":"complaint_followup_v2","language":"id","body":"Halo {{1}}"}]';
const whatsapp: ChannelViewDto = {
  kind: 'whatsapp',
  settings: {
    appSecret: '••••cret',
    verifyToken: '••••',
    accessToken: '••••9f2a',
    phoneNumberId: '118220045566779',
    graphBaseUrl: 'https://graph.facebook.com',
    graphVersion: 'v23.0',
    templates,
  },
  status: 'active',
  statusReason: null,
  webhookUrl: 'https://desk.example/webhooks/whatsapp',
  updatedAt: '2025-01-06T09:00:00.000Z',
};

describe('the channel settings form', () => {
  it('starts from the stored settings with secrets still masked and templates laid out for editing', () => {
    const form = formFrom('whatsapp', whatsapp);
    expect(form.accessToken).toBe('••••9f2a');
    expect(form.templates).toContain('\n  {\n    "name": "complaint_followup_v2"');
    expect(maskedTail(form.accessToken!)).toBe('9f2a');
    expect(maskedTail(form.verifyToken!)).toBeNull();
  });

  it('sends untouched secrets back masked, which the server reads as "keep the stored one"', () => {
    const form = { ...formFrom('whatsapp', whatsapp), accessToken: 'EAAG-new-token' };
    const settings = settingsToSubmit('whatsapp', form);
    expect(settings).toMatchObject({ appSecret: '••••cret', verifyToken: '••••', accessToken: 'EAAG-new-token', phoneNumberId: '118220045566779' });
    expect(settings.templates).toBe(templates);
  });

  it('leaves out optional fields left empty so the server’s defaults apply', () => {
    const form = { ...formFrom('instagram', null), appSecret: 's', verifyToken: 'v', accessToken: 't', accountId: ' 17841400123456789 ' };
    expect(settingsToSubmit('instagram', form)).toEqual({ appSecret: 's', verifyToken: 'v', accessToken: 't', accountId: '17841400123456789' });
  });

  it('knows when nothing was edited', () => {
    const initial = formFrom('whatsapp', whatsapp);
    expect(isDirty({ ...initial }, initial)).toBe(false);
    expect(isDirty({ ...initial, graphVersion: 'v24.0' }, initial)).toBe(true);
  });

  it('refuses a masked secret that was only partly edited, since the server would silently keep the old one', () => {
    const initial = formFrom('whatsapp', whatsapp);
    expect(validateForm('whatsapp', { ...initial, accessToken: '••••9f2aX' }, initial)).toEqual({ accessToken: { key: 'maskedEdited' } });
    expect(validateForm('whatsapp', initial, initial)).toEqual({});
  });

  it('asks for the access token again when the Graph address moves to another host', () => {
    const initial = formFrom('whatsapp', whatsapp);
    expect(validateForm('whatsapp', { ...initial, graphBaseUrl: 'https://graph.example.org' }, initial)).toEqual({ accessToken: { key: 'tokenForNewHost' } });
    // Emptied means the default host, which is where it already pointed.
    expect(validateForm('whatsapp', { ...initial, graphBaseUrl: '' }, initial)).toEqual({});
    expect(validateForm('whatsapp', { ...initial, graphBaseUrl: 'https://graph.facebook.com/' }, initial)).toEqual({});
    expect(validateForm('whatsapp', { ...initial, graphBaseUrl: 'https://graph.example.org', accessToken: 'EAAG-typed-again' }, initial)).toEqual({});
  });

  it('asks for the required credentials of a channel not connected yet', () => {
    const empty = formFrom('instagram', null);
    expect(Object.keys(validateForm('instagram', empty, empty)).sort()).toEqual(['accessToken', 'accountId', 'appSecret', 'verifyToken']);
  });

  it('checks ids and versions the way Meta writes them', () => {
    const initial = formFrom('whatsapp', whatsapp);
    const problems = validateForm('whatsapp', { ...initial, phoneNumberId: '+62 812', graphVersion: '23' }, initial);
    expect(problems).toEqual({ phoneNumberId: { key: 'numericId' }, graphVersion: { key: 'version' } });
  });

  it('maps the server’s field issues onto the fields', () => {
    const details = { issues: [{ path: 'body.phoneNumberId', message: 'The numeric phone-number id from Meta' }, { path: 'body', message: 'x' }] };
    expect(issuesByField(details)).toEqual({ phoneNumberId: 'The numeric phone-number id from Meta', _: 'x' });
    expect(issuesByField(undefined)).toEqual({});
  });
});

describe('the templates JSON', () => {
  it('accepts an empty editor as "no templates"', () => {
    expect(parseTemplates('  ')).toEqual({ ok: true, templates: [] });
  });

  it('accepts a list of name, language and body', () => {
    expect(parseTemplates(templates)).toEqual({ ok: true, templates: [{ name: 'complaint_followup_v2', language: 'id', body: 'Halo {{1}}' }] });
  });

  it('says what is wrong, and with which entry', () => {
    expect(parseTemplates('[{"name": "x",')).toEqual({ ok: false, problem: { key: 'templatesJson' } });
    expect(parseTemplates('{"name":"x"}')).toEqual({ ok: false, problem: { key: 'templatesList' } });
    expect(parseTemplates('[{"name":"ok","language":"id","body":"a"}, "text"]')).toEqual({ ok: false, problem: { key: 'templatesEntry', params: { n: 2 } } });
    expect(parseTemplates('[{"name":"Has Spaces","language":"id","body":"a"}]')).toMatchObject({ problem: { key: 'templatesName' } });
    expect(parseTemplates('[{"name":"a","language":"Indonesian","body":"a"}]')).toMatchObject({ problem: { key: 'templatesLanguage' } });
    expect(parseTemplates('[{"name":"a","language":"en_US","body":" "}]')).toMatchObject({ problem: { key: 'templatesBody' } });
    expect(parseTemplates('[{"name":"a","language":"id","body":"x"},{"name":"a","language":"id","body":"y"}]')).toEqual({
      ok: false,
      problem: { key: 'templatesDuplicate', params: { n: 2, name: 'a:id' } },
    });
  });
});
