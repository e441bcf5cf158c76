import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { MessageDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import { message } from '../../test/fixtures.ts';
import TimelineMessage from './TimelineMessage.vue';

function render(overrides: Partial<MessageDto>) {
  return mount(TimelineMessage, { props: { message: message(1, 1, overrides) }, global: { plugins: [createAppI18n('en')] } });
}

describe('a message in the timeline', () => {
  it('shows a stored photo as a thumbnail that opens full size in a new tab', () => {
    const wrapper = render({ attachments: [{ kind: 'image', url: '/api/media/abc', mimeType: 'image/jpeg', state: 'stored' }] });
    const attachment = wrapper.get('[data-testid=attachment]');
    expect(attachment.attributes()).toMatchObject({ 'data-kind': 'image', 'data-state': 'stored' });
    const link = attachment.get('a');
    expect(link.attributes()).toMatchObject({ href: '/api/media/abc', target: '_blank', rel: 'noopener' });
    expect(attachment.get('img').attributes('src')).toBe('/api/media/abc');
  });

  it('keeps the photo’s box while it downloads, and says when the channel lost it', () => {
    const pending = render({ attachments: [{ kind: 'image', mimeType: 'image/jpeg', state: 'pending' }] }).get('[data-testid=attachment]');
    expect(pending.attributes('data-state')).toBe('pending');
    expect(pending.text()).toContain('Downloading…');
    expect(pending.get('[aria-busy=true]').classes()).toContain('h-[180px]');
    const gone = render({ attachments: [{ kind: 'video', state: 'unavailable' }] });
    expect(gone.get('[data-testid=attachment-unavailable]').text()).toBe('Media no longer available');
  });

  it('plays video and audio, and shows documents as a file chip with the file name', () => {
    const wrapper = render({
      attachments: [
        { kind: 'video', url: '/api/media/v', mimeType: 'video/mp4', state: 'stored' },
        { kind: 'audio', url: '/api/media/a', mimeType: 'audio/ogg', state: 'stored' },
        { kind: 'document', url: '/api/media/d', mimeType: 'application/pdf', filename: 'invoice-1042.pdf', state: 'stored' },
      ],
    });
    expect(wrapper.get('video').attributes('src')).toBe('/api/media/v');
    expect(wrapper.get('audio').attributes('src')).toBe('/api/media/a');
    expect(wrapper.get('[data-testid=attachment-file]').text()).toContain('invoice-1042.pdf');
  });

  it('shows a location as a card with an OpenStreetMap link instead of the generated text', () => {
    const wrapper = render({
      body: '📍 Toko Batik Sari — Jl. Malioboro 12 (-7.792, 110.366)',
      attachments: [{ kind: 'location', data: { latitude: -7.792, longitude: 110.366, name: 'Toko Batik Sari', address: 'Jl. Malioboro 12' } }],
    });
    expect(wrapper.text()).not.toContain('📍');
    const card = wrapper.get('[data-testid=location-card]');
    expect(card.text()).toContain('Jl. Malioboro 12');
    expect(card.text()).toContain('-7.792, 110.366');
    expect(card.get('[data-testid=location-map-link]').attributes()).toMatchObject({
      href: 'https://www.openstreetmap.org/?mlat=-7.792&mlon=110.366#map=17/-7.792/110.366',
      target: '_blank',
    });
  });

  it('shows a contact card with its numbers', () => {
    const contacts = [{ name: { formatted_name: 'Budi Santoso' }, phones: [{ phone: '+62 812-3456-7890' }] }];
    const wrapper = render({ body: '👤 Budi Santoso (+62 812-3456-7890)', attachments: [{ kind: 'contacts', data: { contacts } }] });
    const card = wrapper.get('[data-testid=contacts-card]');
    expect(card.text()).toContain('Budi Santoso');
    expect(card.get('a').attributes('href')).toBe('tel:+6281234567890');
  });

  it('says the customer replied to or mentioned us in a story', () => {
    const reply = render({ channel: 'instagram', context: { story: { id: '1', url: 'https://cdn.example/story.jpg' } } });
    expect(reply.get('[data-testid=message-story]').text()).toContain('Replied to your story');
    const mention = render({ channel: 'instagram', body: '', attachments: [{ kind: 'story', url: '/api/media/s', mimeType: 'image/jpeg', state: 'stored', data: { instagramType: 'story_mention' } }] });
    expect(mention.get('[data-testid=message-story]').attributes('data-kind')).toBe('mention');
    expect(mention.text()).toContain('Mentioned you in their story');
  });

  it('never turns a javascript: or data: URL from the channel into a link', () => {
    for (const url of ['javascript:alert(document.cookie)', ' JavaScript:fetch("/api/tickets")', 'data:text/html,<script>alert(1)</script>', '//attacker.example/x']) {
      const reply = render({ channel: 'instagram', context: { story: { id: '1', url } } });
      expect(reply.get('[data-testid=message-story]').text()).toContain('Replied to your story');
      expect(reply.find('[data-testid=message-story] a').exists(), url).toBe(false);

      const shared = render({ channel: 'instagram', body: '', attachments: [{ kind: 'share', url, mimeType: 'image/jpeg', state: 'stored' }] });
      expect(shared.find('[data-testid=attachment] a').exists(), url).toBe(false);
      expect(shared.find('[data-testid=attachment] img').exists(), url).toBe(false);

      const file = render({ attachments: [{ kind: 'document', url, filename: 'invoice.pdf', state: 'stored' }] });
      expect(file.get('[data-testid=attachment-file]').element.tagName, url).toBe('SPAN');
      expect(file.html(), url).not.toContain('href');

      const place = render({ attachments: [{ kind: 'location', data: { latitude: -7.79, longitude: 110.36, name: 'Toko', url } }] });
      expect(place.findAll('a').map((link) => link.attributes('href')), url).toEqual(['https://www.openstreetmap.org/?mlat=-7.79&mlon=110.36#map=17/-7.79/110.36']);
    }
  });

  it('shows a "photo" whose bytes were not a picture as a file to download, never as an image', () => {
    const wrapper = render({ attachments: [{ kind: 'image', url: '/api/media/abc', mimeType: 'application/octet-stream', state: 'stored', caption: 'struk' }] });
    expect(wrapper.find('img').exists()).toBe(false);
    const file = wrapper.get('[data-testid=attachment-file]');
    expect(file.attributes()).toMatchObject({ href: '/api/media/abc', download: '' });
    const svg = render({ attachments: [{ kind: 'image', url: '/api/media/svg', mimeType: 'image/svg+xml', state: 'stored' }] });
    expect(svg.find('img').exists()).toBe(false);
  });

  it('says why a download was refused, in both languages', () => {
    const refused = { attachments: [{ kind: 'image', state: 'unavailable' as const, error: { code: 'media.blocked_address', reason: '127.0.0.1 is a loopback address' } }] };
    const en = render(refused).get('[data-testid=attachment-unavailable]');
    expect(en.attributes()).toMatchObject({ 'data-code': 'media.blocked_address', title: '127.0.0.1 is a loopback address' });
    expect(en.text()).toBe('Not downloaded: the link points into a private or local network.');
    const id = mount(TimelineMessage, { props: { message: message(1, 1, refused) }, global: { plugins: [createAppI18n('id')] } });
    expect(id.get('[data-testid=attachment-unavailable]').text()).toBe('Tidak diunduh: tautannya mengarah ke jaringan privat atau lokal.');
    const tooLarge = render({ attachments: [{ kind: 'video', state: 'unavailable', error: { code: 'media.too_large', reason: 'big' } }] });
    expect(tooLarge.get('[data-testid=attachment-unavailable]').text()).toBe('Not downloaded: the file is larger than this help desk accepts.');
  });

  it('explains a placeholder in the channel’s name', () => {
    expect(render({ body: '', placeholder: 'unsupported' }).text()).toContain('The customer sent something WhatsApp cannot show here.');
  });

  it('strikes through an unsent message and marks edits and reactions', () => {
    const unsent = render({ body: 'Barangnya rusak', deletedAt: '2025-01-06T09:30:00.000Z' });
    expect(unsent.get('[data-testid=message-deleted]').text()).toBe('unsent');
    expect(unsent.get('.line-through').text()).toBe('Barangnya rusak');
    const edited = render({ editCount: 1, editedAt: '2025-01-06T09:30:00.000Z', reactions: [{ emoji: '🙏', by: 'customer', at: '2025-01-06T09:31:00.000Z' }] });
    expect(edited.get('[data-testid=message-edited]').text()).toBe('(edited)');
    expect(edited.get('[data-testid=message-reaction]').text()).toBe('🙏');
  });

  it('names the channel’s own app instead of an agent for replies sent outside Keluh', () => {
    const wrapper = render({ direction: 'out', authorKind: 'agent', authorName: null, status: 'sent', via: 'whatsapp_business_app' });
    expect(wrapper.get('[data-testid=message-via]').text()).toBe('from the WhatsApp Business app');
  });

  it('explains a failure in words, the channel’s reason when we have none', () => {
    const known = render({ direction: 'out', authorKind: 'agent', status: 'failed', error: { code: '131026', reason: 'Message undeliverable' } });
    expect(known.get('[data-testid=message-error]').text()).toContain('WhatsApp could not deliver this message');
    expect(known.get('[data-testid=message-error]').attributes('title')).toBe('Message undeliverable');
    const unknown = render({ direction: 'out', authorKind: 'agent', status: 'failed', error: { code: 'whatsapp.131999', reason: 'Something odd' } });
    expect(unknown.get('[data-testid=message-error]').text()).toBe('Not delivered: Something odd');
  });

  it('makes a customer’s web address clickable, opening in a new tab that cannot reach back', () => {
    const wrapper = render({ body: 'Lacak: https://jne.example/track/JP123. Kok belum sampai?' });
    const link = wrapper.get('[data-testid=message-link]');
    expect(link.attributes()).toMatchObject({ href: 'https://jne.example/track/JP123', target: '_blank', rel: 'noopener noreferrer' });
    expect(wrapper.get('[data-testid=message-body]').text()).toBe('Lacak: https://jne.example/track/JP123. Kok belum sampai?');
  });

  it('never turns a script address into a link', () => {
    const wrapper = render({ body: 'javascript:alert(document.cookie)' });
    expect(wrapper.find('[data-testid=message-link]').exists()).toBe(false);
  });

  it('lets a long unbroken word or address wrap inside the bubble', () => {
    const wrapper = render({ body: 'a'.repeat(300) });
    expect(wrapper.get('[data-testid=message-body]').classes()).toEqual(expect.arrayContaining(['[overflow-wrap:anywhere]', 'min-w-0', 'max-w-full']));
  });

  it('flags an angry or urgent customer message with what made it read so', () => {
    const emotion = { anger: 80, urgency: 70, level: 'angry', urgent: true, cues: [{ dimension: 'anger', kind: 'word', text: 'parah', weight: 20 }] };
    const mood = render({ body: 'Parah!!! sudah 3 hari', emotion } as never).get('[data-testid=message-mood]');
    expect(mood.text()).toBe('Angry · Urgent');
    expect(mood.attributes('title')).toBe('parah');
    const calm = { ...emotion, level: 'calm', urgent: false };
    expect(render({ body: 'Terima kasih', emotion: calm } as never).find('[data-testid=message-mood]').exists()).toBe(false);
  });
});
