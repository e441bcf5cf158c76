/** Per-channel configuration of one WhatsApp business number (channels.md §2.1, §1.2). */
export interface WhatsappSettings {
  /** Meta app secret: signs every webhook POST (§1.2). */
  appSecret: string;
  /** Our token for the GET verification handshake (§1.1). */
  verifyToken: string;
  /** System-user / business-integration token sent as `Authorization: Bearer` (§2.1). */
  accessToken: string;
  /** Business phone number id: routes inbound changes and forms the send URL (§2.1). */
  phoneNumberId: string;
  /** Graph host; tests and the local Meta stand-in point this elsewhere. */
  graphBaseUrl?: string;
  /** Pinned Graph version (§2.1: Meta's OpenAPI file is v23.0). */
  graphVersion?: string;
}

/** §2.7: the download URL Graph hands out lives on Meta's lookaside host; nothing else is fetched with the token. */
export const WHATSAPP_MEDIA_HOSTS: readonly string[] = ['lookaside.fbsbx.com'];

export const whatsappGraphDefaults = { graphBaseUrl: 'https://graph.facebook.com', graphVersion: 'v23.0' } as const;

/** `https://graph.facebook.com/v23.0` for the settings, without a trailing slash. */
export function whatsappGraphRoot(settings: WhatsappSettings): string {
  const base = (settings.graphBaseUrl ?? whatsappGraphDefaults.graphBaseUrl).replace(/\/+$/, '');
  return `${base}/${settings.graphVersion ?? whatsappGraphDefaults.graphVersion}`;
}
