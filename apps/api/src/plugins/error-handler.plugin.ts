import fp from 'fastify-plugin';
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
};

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

export default fp(
  async (app) => {
    app.setErrorHandler((error, request: FastifyRequest, reply: FastifyReply) => {
      const appError = toAppError(error);
      if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: appError.code }, 'request refused');
      // A lock-out says how long to wait in the body for the console and in Retry-After for HTTP clients.
      const retryAfter = appError.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      const retryAfterMs = appError.details?.retryAfterMs;
      if (typeof retryAfterMs === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
      return reply.status(appError.status).send(errorBody(appError.code, appError.message, appError.details));
    });
  },
  { name: 'error-handler' },
);
