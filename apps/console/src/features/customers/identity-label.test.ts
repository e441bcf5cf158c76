import { describe, expect, it } from 'vitest';
import { identityLabel } from './identity-label.ts';

const base = { externalId: '17841400123456789', displayName: null, phone: null, email: null, username: null };

describe('naming an identity to the agent', () => {
  it('shows an Instagram identity by its @handle, never the numeric id', () => {
    expect(identityLabel({ ...base, channel: 'instagram', username: 'rina.wulan', displayName: 'Rina' }, 'Instagram')).toBe('@rina.wulan');
    expect(identityLabel({ ...base, channel: 'instagram' }, 'Instagram')).toBe('Instagram 6789');
  });

  it('shows a phone in E.164 and an anonymous web visitor by channel and a short id', () => {
    expect(identityLabel({ ...base, channel: 'whatsapp', externalId: '6281234567890', phone: '+6281234567890' }, 'WhatsApp')).toBe('+6281234567890');
    expect(identityLabel({ ...base, channel: 'webchat', externalId: '5280e1a24b52a01692ef48bf1d3c7024' }, 'Web chat')).toBe('Web chat 7024');
  });
});
