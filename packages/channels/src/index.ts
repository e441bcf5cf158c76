export * from './webchat/webchat.adapter.ts';
