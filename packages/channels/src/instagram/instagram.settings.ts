/**
 * Per-account configuration of the Instagram channel. We build on path A of channels.md §3.1
 * (Instagram API with Instagram Login: graph.instagram.com + Instagram user token); path B only changes
 * `graphBaseUrl` to graph.facebook.com and the token to a Page token, so both fit this shape.
 */
export interface InstagramSettings {
  /** Signs webhooks (§1.2, §3.4). Path A: the Instagram app secret [O]; path B: the Meta app secret. */
  appSecret: string;
  /** The string typed into the dashboard's "Verify token" field (§1.1, §3.2). */
  verifyToken: string;
  /** Instagram user access token (path A) or Page access token (path B), sent as a bearer token. */
  accessToken: string;
  /** IG_ID of our professional account: `entry[].id` of every webhook and the send path (§3.1, §3.6). */
  accountId: string;
  graphBaseUrl: string;
  graphVersion: string;
}

export type InstagramSettingsInput = Omit<InstagramSettings, 'graphBaseUrl' | 'graphVersion'> &
  Partial<Pick<InstagramSettings, 'graphBaseUrl' | 'graphVersion'>>;

export const INSTAGRAM_GRAPH_BASE_URL = 'https://graph.instagram.com';
/** Any `vNN.N` works (§2.1); v23.0 is the version of Meta's OpenAPI file we read. */
export const INSTAGRAM_GRAPH_VERSION = 'v23.0';

export function instagramSettings(input: InstagramSettingsInput): InstagramSettings {
  return {
    ...input,
    // Empty strings (a blank settings form) mean "default". The Meta stand-in runs on a local port, so
    // the base URL is configurable; a trailing slash would produce `//v23.0/...`, an unknown Graph path.
    graphBaseUrl: (input.graphBaseUrl || INSTAGRAM_GRAPH_BASE_URL).replace(/\/+$/, ''),
    graphVersion: input.graphVersion || INSTAGRAM_GRAPH_VERSION,
  };
}
