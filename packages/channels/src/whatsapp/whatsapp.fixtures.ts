/**
 * The example payloads of channels.md §2.3.1–§2.3.5, copied as written there (invented ids), plus
 * small builders to wrap `value`s and message items in the §2.3 envelope.
 */

export const business = { wabaId: '498712345600011', phoneNumberId: '118220045566779', displayPhoneNumber: '6281100020003' };
export const metadata = { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId };

export type Json = Record<string, unknown>;

/** One entry per group of changes; each change is `{ field, value }` as Meta sends it. */
export function waBody(entries: { field?: string; value: Json }[][]): Json {
  return {
    object: 'whatsapp_business_account',
    entry: entries.map((changes, index) => ({ id: String(Number(business.wabaId) + index), changes: changes.map(({ field, value }) => ({ value, field: field ?? 'messages' })) })),
  };
}

export function messagesValue(parts: Json, phoneNumberId = business.phoneNumberId): Json {
  return { messaging_product: 'whatsapp', metadata: { ...metadata, phone_number_id: phoneNumberId }, ...parts };
}

/** Rina (§2.3.1) writing the given message items, as one change. */
export function fromRina(...messages: Json[]): Json {
  return waBody([[{ value: messagesValue({ contacts: [{ profile: { name: 'Rina Wulandari' }, wa_id: '6281234567890' }], messages }) }]]);
}

/** §2.3.1 — minified exactly as signed in §1.2. */
export const incomingTextRaw =
  '{"object":"whatsapp_business_account","entry":[{"id":"498712345600011","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"6281100020003","phone_number_id":"118220045566779"},"contacts":[{"profile":{"name":"Rina Wulandari"},"wa_id":"6281234567890"}],"messages":[{"from":"6281234567890","id":"wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjAxQTJCM0M0RDVFNkY3QTg5MEIA","timestamp":"1767225600","type":"text","text":{"body":"Paket saya belum sampai, sudah 5 hari."}}]},"field":"messages"}]}]}';
export const incomingTextSignature = 'sha256=6c2d1121908c038b49c4f4498a8f86d93ea7e281a20198d6cf7c039c0d9562df';
export const appSecret = 'fake-app-secret-0001';

/** §2.3.2 — image with caption, quoting one of our messages. */
export const imageQuotingUs: Json = fromRina({
  context: { from: '6281100020003', id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjAwQTFCMkMzRDRFNUY2MDcA' },
  from: '6281234567890',
  id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA5OTg4Nzc2NjU1NDQzMzIyMTEA',
  timestamp: '1767225710',
  type: 'image',
  image: { caption: 'Ini foto kardusnya, penyok', mime_type: 'image/jpeg', sha256: 'q3Jx0mN1b2FtZXRvbG9yZW1pcHN1bWRvbG9yc2l0YW0=', id: '2790415566331207' },
});

/** §2.3.3 — interactive list reply and voice note in one batch. */
export const listReplyAndVoiceNote: Json = waBody([[{
  value: messagesValue({
    contacts: [{ profile: { name: 'Budi S.' }, wa_id: '6285700011122' }],
    messages: [
      {
        context: { from: '6281100020003', id: 'wamid.HBgNNjI4NTcwMDAxMTEyMhUCABEYEkFBQkJDQ0RERUVGRjExMjIA' },
        from: '6285700011122',
        id: 'wamid.HBgNNjI4NTcwMDAxMTEyMhUCABIYFjNFQjBMSVNUUkVQTFkwMDAwMDAwMQA=',
        timestamp: '1767226001',
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'cat_refund', title: 'Refund', description: 'Barang rusak / salah kirim' } },
      },
      {
        from: '6285700011122',
        id: 'wamid.HBgNNjI4NTcwMDAxMTEyMhUCABIYFjNFQjBWT0lDRU5PVEUwMDAwMDAwMgA=',
        timestamp: '1767226004',
        type: 'audio',
        audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'Zm9vYmFyYmF6cXV4aW52ZW50ZWRoYXNodmFsdWU=', id: '1188374655021934', voice: true },
      },
    ],
  }),
}]]);

/** §2.3.4 — reaction, button tap, location, system (message items only). */
export const reactionItem: Json = { from: '6281234567890', id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlJFQUNUSU9OMDAwMDAwMDAwMDAxAA==', timestamp: '1767226100',
  type: 'reaction', reaction: { message_id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjAwQTFCMkMzRDRFNUY2MDcA', emoji: '🙏' } };
export const buttonItem: Json = { context: { from: '6281100020003', id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYElRFTVBMQVRFMDAwMDAwMDEA' },
  from: '6281234567890', id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkJVVFRPTjAwMDAwMDAwMDAwMDAxAA==', timestamp: '1767226130',
  type: 'button', button: { text: 'Sudah selesai', payload: 'CSAT_RESOLVED_YES' } };
export const locationItem: Json = { from: '6281234567890', id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFkxPQ0FUSU9OMDAwMDAwMDAwMDAxAA==', timestamp: '1767226160',
  type: 'location', location: { latitude: -6.2261, longitude: 106.8027, name: 'Gudang Cakung', address: 'Jl. Raya Cakung No. 9, Jakarta' } };
export const systemItem: Json = { from: '6281234567890', id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlNZU1RFTTAwMDAwMDAwMDAwMDAxAA==', timestamp: '1767226190',
  type: 'system', system: { type: 'user_changed_number', body: 'Rina Wulandari changed from 6281234567890 to 6281399988877', wa_id: '6281399988877' } };

/** §2.3.5 — unsupported (a poll). */
export const unsupportedItem: Json = { from: '6281234567890', id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlVOU1VQUE9SVEVEMDAwMDAwMDAxAA==', timestamp: '1767226220',
  type: 'unsupported', unsupported: { type: 'poll_creation' },
  errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown',
    error_data: { details: 'This kind of message cannot be received through the API yet.' } }] };
