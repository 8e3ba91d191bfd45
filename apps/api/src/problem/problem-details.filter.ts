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

/** What body-parser and the router attach to their errors. */
interface ExpressError {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
}

const BODY_ERROR_DETAIL: Record<string, string> = {
  'entity.parse.failed': 'request body is not valid JSON',
  'entity.too.large': 'request body is too large for this route',
  'encoding.unsupported': 'unsupported Content-Encoding',
  'charset.unsupported': 'unsupported charset; send UTF-8',
  'request.aborted': 'request body was cut off',
  'request.size.invalid': 'request body size does not match Content-Length',
};

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
    const express = exception as ExpressError | null;
    const status = Number(express?.status ?? express?.statusCode);
    if (Number.isInteger(status) && status >= 400 && status < 500) {
      const type = typeof express?.type === 'string' ? express.type : '';
      return problem(status, BODY_ERROR_DETAIL[type] ?? 'the request could not be read');
    }
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
    return problem(status, detail);
  }
}
