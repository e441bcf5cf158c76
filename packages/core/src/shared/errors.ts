/**
 * Errors are data: every failure the outside world can see has a stable code, an HTTP-ish status and
 * optional details. Clients map codes to translated messages; the text here is for logs and developers.
 */
export const errorCatalog = {
  'validation.failed': 400,
  'request.malformed_json': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  /** A path we never serve: dot segments, NUL, backslashes, bad percent-encoding, static-file guards. */
  'request.bad_path': 400,
  'request.path_too_long': 414,
  /** Bytes Node's HTTP parser refuses before any route runs: a broken request line, header or body framing. */
  'request.malformed': 400,
  /** Request headers past Node's limit (16 KiB by default). */
  'request.headers_too_large': 431,
  /** A client that did not finish sending its request in time. */
  'request.timeout': 408,
  /** An `Expect` header other than `100-continue`: nothing else is ever expected of us. */
  'request.expectation_failed': 417,
  /** A `Range` that starts past the end of the file asked for. */
  'request.range_not_satisfiable': 416,
  /** An `If-Match` / `If-Unmodified-Since` the file asked for does not meet. */
  'request.precondition_failed': 412,
  /** Text typed by a person holding NUL or an unpaired UTF-16 surrogate (never valid Unicode). */
  'text.invalid_characters': 400,
  'auth.invalid_credentials': 401,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  /** A cookie-authenticated change from another site (or without proof of its origin): CSRF defence. */
  'auth.csrf_rejected': 403,
  /** Too many failed sign-ins for this account; `details.retryAfterSeconds` says how long to wait. */
  'auth.locked': 429,
  /** A socket handshake from an origin that may not open this namespace. */
  'socket.origin_rejected': 403,
  'widget.invalid_visitor_token': 401,
  /** The site-signed visitor identity has a bad signature or claims (docs/customers.md §Identity keys); nothing is stored. */
  'widget.identity_invalid': 401,
  /** The site-signed visitor identity carries an `exp` that has passed: the site signs a fresh one. */
  'widget.identity_expired': 401,
  /** The visitor's access token (or its refresh token) is past its lifetime: refresh, or start again. */
  'widget.token_expired': 401,
  /** The visitor session was ended (by staff, or because a spent refresh token came back). */
  'widget.token_revoked': 401,
  'ticket.not_found': 404,
  /** The ticket changed since the client read it (optimistic versioning): reload and try again. */
  'ticket.conflict': 409,
  /** The change would give the customer a second active ticket; one active ticket per customer issue. */
  'ticket.active_exists': 409,
  /** A ticket merged into itself. */
  'ticket.merge_self': 400,
  /** Tickets of two customers: merge the customers first (docs/customers.md). */
  'ticket.merge_other_customer': 409,
  /** A ticket already merged into another takes part in no merge or split: undo that merge first. */
  'ticket.already_merged': 409,
  /** The merge or split was undone already. */
  'ticket.move_undone': 409,
  /** A split naming no message of the ticket. */
  'ticket.split_empty': 400,
  /** A split taking every message: nothing would be left; that is a merge, or no change. */
  'ticket.split_all': 400,
  'ticket_move.not_found': 404,
  /** One socket watching more tickets at once than a console ever shows (collision detection). */
  'ticket.watch_limit': 429,
  /**
   * Another agent replied on the ticket after the newest message this agent had seen, moments ago;
   * `details` say who, when and which message. Sent again with `force: true` it goes out.
   */
  'reply.collision': 409,
  /** The reply names an identity (channel picker) that is not one of the ticket's customer's. */
  'reply.identity_not_of_customer': 400,
  'user.not_found': 404,
  /** Another account has this email (whatever its case). */
  'user.email_taken': 409,
  /** The change would leave no active admin: nobody could manage users any more. */
  'user.last_admin': 409,
  /** The account was deactivated by an admin: it cannot sign in, and changes to it are refused. */
  'user.deactivated': 403,
  /** A role the help desk does not know. */
  'user.invalid_role': 400,
  /** A per-channel capacity outside 0–50 open tickets. */
  'user.invalid_capacity': 400,
  'team.not_found': 404,
  'team.name_taken': 409,
  /** A time zone that is not an IANA name (e.g. `Asia/Jakarta`). */
  'team.invalid_time_zone': 400,
  /** Assigning a ticket to someone who is not a member of the ticket's team. */
  'assign.other_team': 422,
  'message.not_found': 404,
  'media.not_found': 404,
  /** Channel media refused before download: not https, not the channel's media host, or a malformed URL. */
  'media.blocked_url': 422,
  /** Channel media whose address (literal or resolved, on any redirect hop) is loopback, private, metadata … */
  'media.blocked_address': 422,
  'media.too_large': 413,
  'media.timeout': 504,
  'media.too_many_redirects': 508,
  /** An outbound URL (Graph base URL, API-channel webhook) that is not https or points inside our network. */
  'outbound.blocked': 400,
  'route.not_found': 404,
  'api_channel.not_found': 404,
  'message.body_empty': 400,
  'message.body_too_long': 400,
  'message.body_invalid': 400,
  'channel.not_configured': 409,
  'channel.window_closed': 409,
  'channel.unsupported': 400,
  /**
   * A structured question (rating, consent) that does not fit the channel's native form: too many options,
   * a title or id too long (channels.md §9). `details.issues` names each one. Refused before the channel is called.
   */
  'channel.choices_unfit': 400,
  /** The Graph base URL changed while the access token was left masked: the token must be typed again. */
  'channel.token_required': 400,
  /** The channel's API refused or failed a management call (e.g. re-subscribing webhooks). */
  'channel.subscribe_failed': 502,
  'webhook.invalid_signature': 401,
  'webhook.verification_failed': 403,
  'webhook.invalid_payload': 400,
  'rate_limited': 429,
  /** Presence lives in Redis when REDIS_URL is set, and Redis cannot be reached right now. */
  'presence.unavailable': 503,
  /** Stored secrets were sealed with another SECRET_KEY than the one given: the start stops. */
  'secrets.key_mismatch': 500,
  /** A sealed secret is damaged or not sealed where it must be: never handed on as garbage. */
  'secrets.unreadable': 500,
  /** DEMO_SIM=1 on an installation without the Meta stand-in (the production image): the start stops. */
  'demo_sim.unavailable': 500,
  /** Moving on while the stage's exit criteria are unmet and no override reason was given; `details.missing` lists them. */
  'workflow.exit_criteria_unmet': 409,
  /** A stage change the machine never allows: skipping ahead, the same stage, past 5. */
  'workflow.transition_refused': 409,
  /** Going back, overriding, or marking "not a complaint" needs a reason. */
  'workflow.reason_required': 400,
  /** The ticket was marked "not a complaint": its stages stand still until it is marked one again. */
  'workflow.not_a_complaint': 409,
  /** Stages move only on open or pending tickets. */
  'workflow.ticket_inactive': 409,
  'category.not_found': 404,
  /** A fact key the ticket's category does not define. */
  'fact.unknown': 400,
  'phrase.not_found': 404,
  /** A `{placeholder}` the phrase bank does not know; `details.placeholders` lists the unknown ones. */
  'phrase.unknown_placeholder': 400,
  /** A phrase with the same key, language, tone, intensity and fault wording exists: edit that one. */
  'phrase.variant_exists': 409,
  /** A past case (resolution record) that does not exist. */
  'case.not_found': 404,
  'promise.not_found': 404,
  'promise.due_in_past': 400,
  /** The ticket already has an open promise: keep or break it first. */
  'promise.open_exists': 409,
  /** The promise was kept, broken or cancelled already. */
  'promise.settled': 409,
  'review.not_found': 404,
  /** A rating outside 1–5. */
  'review.invalid_score': 400,
  /** A score, comment or consent for a review that was never requested (or is no longer open). */
  'review.not_requested': 409,
  /** The ticket already has a review request waiting for its answer. */
  'review.open_exists': 409,
  /** Publishing a review whose customer did not consent. */
  'testimonial.no_consent': 409,
  'recovery.not_found': 404,
  /** The recovery task was closed already (by someone else, a moment ago). */
  'recovery.closed': 409,
  /** An SLA target of 0 or less: a target is a positive number of seconds, or null for no clock. */
  'sla.invalid_target': 400,
  /** A business-hours window that ends at or before its start without `overnight` (or overnight but same-day). */
  'sla.window_inverted': 400,
  /** Two business-hours windows share a minute (across midnight and the week's end too). */
  'sla.window_overlap': 400,
  /** A calendar without any business hours: no clock on it could ever run. */
  'sla.calendar_empty': 400,
  /** Two holidays of one list share a day. */
  'sla.holiday_overlap': 400,
  /** A holiday with an impossible date, an end before its start, or no name. */
  'sla.holiday_invalid': 400,
  /** Not an IANA time zone name (Asia/Jakarta, Asia/Makassar, Asia/Jayapura …). */
  'sla.invalid_time_zone': 400,
  'sla.policy_not_found': 404,
  'sla.holiday_list_not_found': 404,
  /** A report range whose end comes before its start. */
  'report.invalid_range': 400,
  /** A report range longer than 366 days. */
  'report.range_too_long': 400,
  /** A report name we do not compute. */
  'report.unknown': 404,
  /** A phone number a person typed that libphonenumber cannot read as a valid number in the region. */
  'identity.invalid_phone': 400,
  'identity.invalid_email': 400,
  'customer.not_found': 404,
  /** Merging a customer into themselves. */
  'customer.merge_self': 400,
  /** Either side is merged into someone already: undo that first, or merge into the survivor. */
  'customer.already_merged': 409,
  'customer.merge_not_found': 404,
  /** The merge was undone already. */
  'customer.merge_undone': 409,
  /** The survivor was merged again since: undo the later merge first. */
  'customer.merge_not_latest': 409,
  'suggestion.not_found': 404,
  /** The suggestion was confirmed or rejected already. */
  'suggestion.decided': 409,
  /** A custom attribute key no admin defined (or one since deleted). */
  'customer.attribute_unknown': 400,
  /** A custom attribute value of the wrong type, or a choice not offered; `details` name the key and type. */
  'customer.attribute_invalid': 400,
  /** An attribute definition with this key exists already. */
  'customer.attribute_exists': 409,
  /** A search of nothing: no letters or digits to look for. */
  'search.query_empty': 400,
  /** A search longer than MAX_SEARCH_QUERY_LENGTH characters. */
  'search.query_too_long': 400,
  'internal': 500,
} as const;

export type ErrorCode = keyof typeof errorCatalog;

export interface ErrorDetails {
  /** Field paths for validation errors, e.g. [{ path: 'body', message: 'Required' }] */
  issues?: { path: string; message: string }[];
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetails) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalog[code];
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
