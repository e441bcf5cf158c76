export { WhatsappAdapter, type WhatsappDelivery, type MarkReadResult } from './whatsapp.adapter.ts';
export { WHATSAPP_MEDIA_HOSTS, whatsappGraphDefaults, whatsappGraphRoot, type WhatsappSettings } from './whatsapp.settings.ts';
export { parseWhatsappWebhook, whatsappWebhookErrors, type WhatsappWebhookError } from './whatsapp.webhook.ts';
export { WhatsappGraphClient, type GraphResponse, type DownloadResponse, type WhatsappClientOptions } from './whatsapp.client.ts';
export { whatsappSendBody, sendWhatsappMessage } from './whatsapp.send.ts';
export { whatsappSendError, whatsappNetworkError } from './whatsapp.send-errors.ts';
export { fetchWhatsappMedia } from './whatsapp.media.ts';
export { whatsappSender, whatsappPhone } from './whatsapp.sender.ts';
