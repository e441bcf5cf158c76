import { business, messagesValue, waBody, type Json } from './whatsapp.fixtures.ts';

/** channels.md §2.3.6, §2.3.7 and §2.3.9 examples, copied as written there (invented ids). */

/** §2.3.6 `read` status — minified exactly as signed in §1.2. */
export const readStatusRaw =
  '{"object":"whatsapp_business_account","entry":[{"id":"498712345600011","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"6281100020003","phone_number_id":"118220045566779"},"statuses":[{"id":"wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjk5QUJDREVGMDEyMzQ1Njc4OQA=","status":"read","timestamp":"1767226200","recipient_id":"6281234567890"}]},"field":"messages"}]}]}';
export const readStatusSignature = 'sha256=d807198f2b35da79b8bb5f52b469bbd38cac7a6a6c047e70851515fd90a627dd';

/** §2.3.6 — `sent` with pricing, and `failed` outside the customer-service window. */
export const sentAndFailed: Json = waBody([[{
  value: messagesValue({
    statuses: [
      {
        id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjAwQTFCMkMzRDRFNUY2MDcA',
        status: 'sent',
        timestamp: '1767225650',
        recipient_id: '6281234567890',
        biz_opaque_callback_data: 'hd-msg-01JH8Q3V9D2X',
        pricing: { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
      },
      {
        id: 'wamid.HBgNNjI4NTcwMDAxMTEyMhUCABEYEkxBVEVSRVBMWTAwMDAwMDAxAA==',
        status: 'failed',
        timestamp: '1767312999',
        recipient_id: '6285700011122',
        errors: [{
          code: 131047,
          title: 'Re-engagement message',
          message: 'Re-engagement message',
          error_data: { details: 'Not sent: the customer last wrote to this number more than 24 hours ago.' },
          href: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes',
        }],
      },
    ],
  }),
}]]);

/** §2.3.7 — a value-level error (the `value` object). */
export const rateLimitValue: Json = messagesValue({
  errors: [{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit',
    error_data: { details: 'Too many messages were sent from this number in a short time.' } }],
});

/** §2.3.9 — an echo of a message typed in the WhatsApp Business app. */
export const echoText: Json = waBody([[{
  field: 'smb_message_echoes',
  value: messagesValue({
    message_echoes: [{
      from: business.displayPhoneNumber,
      to: '6281234567890',
      id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEkVDSE9GUk9NUEhPTkUwMDAxAA==',
      timestamp: '1767227000',
      type: 'text',
      text: { body: 'Kak, resinya sudah kami kirim ulang ya.' },
    }],
  }),
}]]);

export function echoes(...items: Json[]): Json {
  return waBody([[{ field: 'smb_message_echoes', value: messagesValue({ message_echoes: items }) }]]);
}

export function statuses(...items: Json[]): Json {
  return waBody([[{ value: messagesValue({ statuses: items }) }]]);
}
