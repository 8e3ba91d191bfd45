import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { type Response } from 'express';

import { StorageException, StorageExceptionCode } from '@apiscope/storage';
import { TransportException } from '@apiscope/transport';

import { AUTH_MESSAGES } from '../auth/auth-messages.constant';
import { type ApiRequest } from '../auth/principal.type';
import { OverloadedException } from '../limits/overloaded.exception';
import { PROBLEM_BASE, type ProblemDetails, type ProblemSlug } from './problem.type';
import { RequestValidationException } from './validation.exception';

const SLUG_BY_STATUS: Record<number, ProblemSlug> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
};

/** What express and its parsers attach to their errors. */
interface ExpressError {
  status?: unknown;
  statusCode?: unknown;
}

const MAX_INSTANCE_CHARS = 256;

function problem(
  status: number,
  detail: string,
  slug: ProblemSlug = SLUG_BY_STATUS[status] ?? 'error',
): ProblemDetails {
  const name = (HttpStatus[status] ?? 'Error').toString().toLowerCase().replace(/_/g, ' ');
  return {
    type: `${PROBLEM_BASE}${slug}`,
    title: name.charAt(0).toUpperCase() + name.slice(1),
    status,
    detail,
  };
}

const internal = (): ProblemDetails => ({
  ...problem(500, 'internal error; the server log has the details', 'internal'),
  title: 'Internal error',
});

/**
 * Every error leaves as application/problem+json with a stable `type` (PROBLEM_SLUGS); nothing
 * internal (stack, SQL, file paths, ClickHouse messages) reaches the client: 5xx details are fixed
 * texts, and unexpected errors are logged here with their stack.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<ApiRequest>();
    const body = this.toProblem(exception, request, response);
    body.instance = (request.originalUrl ?? '').split('?')[0].slice(0, MAX_INSTANCE_CHARS);
    if (response.headersSent) return;
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, request: ApiRequest, response: Response): ProblemDetails {
    if (exception instanceof RequestValidationException) {
      return { ...problem(400, exception.message, 'validation'), errors: exception.problems };
    }
    if (exception instanceof OverloadedException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
      return problem(503, exception.message, 'overloaded');
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception, request);
    if (exception instanceof TransportException && exception.retriable) {
      response.setHeader('Retry-After', '1');
      return problem(503, 'the pipeline is busy; retry later', 'overloaded');
    }
    if (exception instanceof StorageException) {
      this.logger.error(`storage: ${exception.message}`);
      response.setHeader('Retry-After', '5');
      if (exception.code === StorageExceptionCode.TIMEOUT)
        return problem(503, 'the query took too long; narrow it or retry later', 'storage-timeout');
      return problem(
        503,
        exception.code === StorageExceptionCode.UNREACHABLE
          ? 'storage is unreachable; retry later'
          : 'storage failed; retry later',
        'storage',
      );
    }
    // a client error from express itself (body parsers map theirs in jsonBody): fixed text only
    const express = exception as ExpressError | null;
    const status = Number(express?.status ?? express?.statusCode);
    if (Number.isInteger(status) && status >= 400 && status < 500)
      return problem(status, 'the request could not be read');
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return internal();
  }

  private fromHttpException(exception: HttpException, request: ApiRequest): ProblemDetails {
    const status = exception.getStatus();
    if (status >= 500) {
      this.logger.error(exception.stack ?? exception.message);
      return internal();
    }
    const payload = exception.getResponse();
    const message = typeof payload === 'string' ? payload : (payload as { message?: unknown }).message;
    const detail = Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : exception.message;
    if (status === 404 && /^Cannot [A-Z]+ /.test(detail)) {
      // An unknown route under /api answers a caller without a key exactly as a known one does,
      // so the set of routes cannot be mapped without a key.
      if (!request.principal && request.path.startsWith('/api/'))
        return problem(401, AUTH_MESSAGES.missingKey);
      return problem(404, AUTH_MESSAGES.noSuchRoute);
    }
    // Nest maps express's URIError/SyntaxError to a 400 carrying their message, which quotes the
    // input ("Failed to decode param '%E0%A4%A'"): answer with a fixed text instead
    if (
      status === 400 &&
      !(exception instanceof RequestValidationException) &&
      exception.cause === undefined
    ) {
      if (/^Failed to decode param/.test(detail))
        return problem(400, 'the request path is not valid percent-encoding');
      if (/JSON/.test(detail) && /Unexpected|Expected|Bad control/.test(detail))
        return problem(400, 'request body is not valid JSON (an object or an array)');
    }
    return problem(status, detail);
  }
}
