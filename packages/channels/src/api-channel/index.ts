export { ApiChannelAdapter } from './api-channel.adapter.ts';
export { parseApiChannelDelivery, type ApiChannelDelivery } from './api-channel.inbound.ts';
export { sendApiChannelMessage, type ApiChannelLookup, type ApiChannelSendOptions, type ApiChannelTarget } from './api-channel.send.ts';
export { API_DELIVERY_HEADER, API_SIGNATURE_HEADER, apiChannelSignature, generateApiChannelSecret, isValidApiChannelSignature } from './api-channel.signature.ts';
export { outboundDeliveryId, scopedKey, splitScopedKey } from './api-channel.keys.ts';
