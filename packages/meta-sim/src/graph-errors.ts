import { newFbTraceId } from './ids.ts';

/**
 * Graph API error answers. The envelope is §2.9 (WhatsApp: `error_data.messaging_product/details`)
 * and §3.8 (Instagram: `error_subcode`). Titles are Meta's short titles as mirrored by §2.9's table;
 * adapters must branch on `code` only, so the wording here is deliberately not load-bearing.
 * HTTP statuses follow §2.9's "HTTP" column ([O]) and §3.8 (field reports: 400); anything not listed
 * there is 400, and `knobs.httpStatusByCode` can override every one of them (§8.1).
 */

export const ERROR_DOCS_HREF = 'https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes';

interface CodeInfo {
  title: string;
  status: number;
}

export const WHATSAPP_CODES: Record<number, CodeInfo> = {
  0: { title: 'AuthException', status: 401 },
  2: { title: 'API service temporarily unavailable', status: 503 },
  3: { title: 'Capability or permissions issue', status: 400 },
  4: { title: 'Too many API calls', status: 400 },
  10: { title: 'Permission denied', status: 403 },
  100: { title: 'Invalid parameter', status: 400 },
  190: { title: 'Access token has expired', status: 401 },
  368: { title: 'Temporarily blocked for policies violations', status: 400 },
  80007: { title: 'Rate limit issues', status: 400 },
  130429: { title: 'Rate limit hit', status: 429 },
  130472: { title: "User's number is part of an experiment", status: 400 },
  131000: { title: 'Something went wrong', status: 500 },
  131005: { title: 'Access denied', status: 403 },
  131008: { title: 'Required parameter is missing', status: 400 },
  131009: { title: 'Parameter value is not valid', status: 400 },
  131026: { title: 'Message undeliverable', status: 400 },
  131030: { title: 'Recipient phone number not in allowed list', status: 400 },
  131031: { title: 'Account has been locked', status: 400 },
  131042: { title: 'Business eligibility payment issue', status: 400 },
  131047: { title: 'Re-engagement message', status: 400 },
  131048: { title: 'Spam rate limit hit', status: 400 },
  131049: { title: 'This message was not delivered to maintain healthy ecosystem engagement', status: 400 },
  131051: { title: 'Message type unknown', status: 400 },
  131052: { title: 'Media download error', status: 400 },
  131053: { title: 'Media upload error', status: 400 },
  // §2.9: 429 is the BSP envelope's status; Meta's own is [U].
  131056: { title: '(Business Account, Consumer Account) pair rate limit hit', status: 429 },
  131057: { title: 'Account in maintenance mode', status: 503 },
  131060: { title: 'Message currently unavailable', status: 400 },
  131062: { title: 'Business-scoped user id recipient not supported for this message', status: 400 },
  132000: { title: 'Number of parameters does not match the expected number of params', status: 400 },
  132001: { title: 'Template name does not exist in the translation', status: 400 },
  132007: { title: 'Template format character policy violated', status: 400 },
  132012: { title: 'Parameter format does not match format in the created template', status: 400 },
  132015: { title: 'Template is paused', status: 400 },
  132016: { title: 'Template is disabled', status: 400 },
  133010: { title: 'Phone number not registered', status: 400 },
};

export const INSTAGRAM_CODES: Record<number, CodeInfo> = {
  1: { title: 'An unknown error occurred', status: 500 },
  2: { title: 'An unexpected error has occurred. Please retry your request later.', status: 500 },
  4: { title: 'Application request limit reached', status: 400 },
  10: { title: 'This message is sent outside of allowed window.', status: 400 },
  17: { title: 'User request limit reached', status: 400 },
  32: { title: 'Page request limit reached', status: 400 },
  100: { title: 'Invalid parameter', status: 400 },
  190: { title: 'Invalid OAuth access token.', status: 401 },
  200: { title: 'Permissions error', status: 403 },
  551: { title: "This person isn't available right now.", status: 400 },
  613: { title: 'Calls to this api have exceeded the rate limit.', status: 400 },
};

export type GraphChannel = 'whatsapp' | 'instagram';

export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    fbtrace_id: string;
  };
}

/** Thrown inside a route; the router turns it into the Graph envelope and HTTP status. */
export class GraphError extends Error {
  constructor(
    readonly channel: GraphChannel,
    readonly httpStatus: number,
    readonly body: GraphErrorBody,
  ) {
    super(body.error.message);
  }

  get code(): number {
    return this.body.error.code;
  }
}

export interface ErrorSpec {
  code: number;
  subcode?: number;
  message?: string;
  details?: string;
  httpStatus?: number;
}

export function graphError(channel: GraphChannel, spec: ErrorSpec): GraphError {
  const info = (channel === 'whatsapp' ? WHATSAPP_CODES : INSTAGRAM_CODES)[spec.code];
  const title = info?.title ?? 'Unknown error';
  // Key order mirrors Meta's answers: message, type, code, error_subcode, error_data, fbtrace_id.
  const error: GraphErrorBody['error'] = {
    message: spec.message ?? `(#${spec.code}) ${title}`,
    type: 'OAuthException',
    code: spec.code,
    ...(spec.subcode !== undefined && { error_subcode: spec.subcode }),
    // §2.9: WhatsApp errors carry error_data.details; the subcode is deprecated for them since v16.
    ...(channel === 'whatsapp' && spec.code !== 190 && {
      error_data: { messaging_product: 'whatsapp' as const, details: spec.details ?? title },
    }),
    fbtrace_id: newFbTraceId(),
  };
  return new GraphError(channel, spec.httpStatus ?? info?.status ?? 400, { error });
}

/** §2.9 / §3.8: 190 with the Graph subcodes 463 (expired) / 467 (invalid) [U], HTTP 401 [O]. */
export function tokenError(channel: GraphChannel, kind: 'missing' | 'invalid' | 'expired'): GraphError {
  const spec: Record<typeof kind, ErrorSpec> = {
    missing: { code: 190, message: 'An access token is required to request this resource.' },
    invalid: { code: 190, subcode: 467, message: 'Invalid OAuth access token - Cannot parse access token' },
    expired: {
      code: 190,
      subcode: 463,
      message: 'Error validating access token: Session has expired. The current time is after the expiry time.',
    },
  };
  return graphError(channel, spec[kind]);
}

/** Generic Graph answer for an id that does not exist (or is not ours, or has expired). */
export function objectNotFound(channel: GraphChannel, id: string, method: string): GraphError {
  return graphError(channel, {
    code: 100,
    subcode: 33,
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    details: `Object with ID '${id}' does not exist.`,
  });
}

/** The error object that rides inside webhooks (`statuses[].errors[]`, `value.errors[]`), §2.3.6. */
export interface WebhookErrorObject {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href?: string;
}

export function webhookError(code: number, details?: string): WebhookErrorObject {
  const title = WHATSAPP_CODES[code]?.title ?? 'Unknown error';
  return { code, title, message: title, error_data: { details: details ?? title }, href: ERROR_DOCS_HREF };
}
