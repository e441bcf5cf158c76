export { InstagramAdapter, type InstagramAdapterOptions, type InstagramDelivery, type InstagramSubscribeResult } from './instagram.adapter.ts';
export {
  INSTAGRAM_GRAPH_BASE_URL,
  INSTAGRAM_GRAPH_VERSION,
  instagramSettings,
  type InstagramSettings,
  type InstagramSettingsInput,
} from './instagram.settings.ts';
export { INSTAGRAM_DASHBOARD_TEST_ID, parseInstagramWebhook } from './instagram.webhook.ts';
export { InstagramGraphClient, type FetchLike as InstagramFetch, type GraphOutcome as InstagramGraphOutcome, type InstagramSendBody } from './instagram.client.ts';
export { DEFAULT_INSTAGRAM_CDN_HOSTS } from './instagram.media.ts';
export { fetchInstagramProfile, instagramDisplayName, type InstagramProfile } from './instagram.profile.ts';
