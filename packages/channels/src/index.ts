export * from './webchat/webchat.adapter.ts';
export * from './meta/handshake.ts';
export * from './meta/signature.ts';
export * from './whatsapp/index.ts';
export * from './instagram/index.ts';
export * from './api-channel/index.ts';
export * from './outbound/index.ts';
