import fp from 'fastify-plugin';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError, type ErrorCode, type ErrorDetails } from '@keluh/core';

/** Fastify's own failures that are the client's fault, mapped onto our stable codes. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.malformed_json',
  // @fastify/static's refusal of a path it will not map onto the disk (NUL, `..`, `//`, over-long names).
  FST_STATIC_FORBIDDEN_PATH: 'request.bad_path',
  FST_ERR_BAD_URL: 'request.bad_path',
  // A path parameter past the router's maxParamLength (100 characters): answered before any route runs.
  FST_ERR_MAX_PARAM_LENGTH: 'request.path_too_long',
};

/**
 * @fastify/static passes on @fastify/send's refusals as http-errors (status, statusCode, expose): a
 * Range past the end of a file, a failed If-Match, a path it will not map onto the disk.
 */
const staticFileCodes: Record<number, ErrorCode> = {
  400: 'request.bad_path',
  403: 'request.bad_path',
  412: 'request.precondition_failed',
  416: 'request.range_not_satisfiable',
};

function isHttpError(error: unknown): error is { status: number; headers?: Record<string, string> } {
  const candidate = error as { status?: unknown; statusCode?: unknown; expose?: unknown };
  return typeof candidate.status === 'number' && candidate.status === candidate.statusCode && typeof candidate.expose === 'boolean';
}

export function errorBody(code: ErrorCode | string, message: string, details?: ErrorDetails) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** Turns any thrown value into the one error shape; 5xx details stay in the log, never in the response. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    const issues = error.validation.map((issue) => ({
      path: [context, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'Invalid value',
    }));
    return new AppError('validation.failed', 'The request is not valid', { issues });
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code && fastifyCodes[fastifyError.code]) {
    return new AppError(fastifyCodes[fastifyError.code]!, fastifyError.message);
  }
  if (fastifyError.statusCode === 429) return new AppError('rate_limited', 'Too many requests; slow down');
  if (isHttpError(error) && staticFileCodes[error.status]) return new AppError(staticFileCodes[error.status]!, fastifyError.message);
  if (error instanceof SyntaxError) return new AppError('request.malformed_json', 'Body is not valid JSON');
  return new AppError('internal', 'Something went wrong on our side');
}

/**
 * For Fastify's `frameworkErrors` option: failures before routing (a URL that does not percent-decode,
 * such as `/widget/%c0%ae`) bypass the error handler, and would otherwise answer in Fastify's own shape.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  void reply.status(appError.status).send(errorBody(appError.code, appError.message, appError.details));
}

/**
 * For Fastify's `clientErrorHandler` option: requests Node's HTTP parser refuses (headers past 16 KiB,
 * a broken request line, a body neither Content-Length nor chunked framing describes) never reach
 * Fastify, and would otherwise be answered in Fastify's own `{ error, message, statusCode }` shape.
 * The connection is closed afterwards: what follows the broken bytes cannot be trusted to start a request.
 */
export function clientErrors(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer (Node's own advice for this event).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('request.headers_too_large', 'The request headers are larger than the server accepts')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('request.timeout', 'The request did not arrive in time')
        : new AppError('request.malformed', 'The request is not valid HTTP');
  const body = JSON.stringify(errorBody(appError.code, appError.message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * Node answers an `Expect` other than `100-continue` with an empty 417 before Fastify sees the request
 * (its `checkExpectation` event); answered here in the one error shape instead.
 */
export function expectationFailed(_request: IncomingMessage, response: ServerResponse): void {
  const appError = new AppError('request.expectation_failed', 'Only "Expect: 100-continue" is understood');
  response.writeHead(appError.status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  response.end(JSON.stringify(errorBody(appError.code, appError.message)));
}

export default fp(
  async (app) => {
    app.server.on('checkExpectation', expectationFailed);
    app.setErrorHandler((error, request: FastifyRequest, reply: FastifyReply) => {
      const appError = toAppError(error);
      if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: appError.code }, 'request refused');
      // A lock-out says how long to wait in the body for the console and in Retry-After for HTTP clients.
      const retryAfter = appError.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      const retryAfterMs = appError.details?.retryAfterMs;
      if (typeof retryAfterMs === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
      // A 416 says how long the file is (RFC 9110 §15.5.17), so the client can ask for a range that exists.
      const contentRange = isHttpError(error) ? error.headers?.['Content-Range'] : undefined;
      if (appError.code === 'request.range_not_satisfiable' && contentRange) reply.header('content-range', contentRange);
      return reply.status(appError.status).send(errorBody(appError.code, appError.message, appError.details));
    });
  },
  { name: 'error-handler' },
);
