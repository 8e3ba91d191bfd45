import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { type Request, type Response } from 'express';

import { StorageException, StorageExceptionCode } from '@apiscope/storage';
import { TransportException } from '@apiscope/transport';

import { PROBLEM_BASE, type ProblemDetails } from './problem.type';
import { RequestValidationException } from './validation.exception';

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  503: 'unavailable',
};

interface ExpressBodyError {
  type?: string;
  status?: number;
  expose?: boolean;
}

function problem(status: number, detail: string, slug = TYPE_BY_STATUS[status] ?? 'error'): ProblemDetails {
  const title =
    status >= 500
      ? 'Service unavailable'
      : (HttpStatus[status] ?? 'Error').toString().toLowerCase().replace(/_/g, ' ');
  return {
    type: `${PROBLEM_BASE}${slug}`,
    title: title.charAt(0).toUpperCase() + title.slice(1),
    status,
    detail,
  };
}

/**
 * Every error leaves as application/problem+json with a stable `type`; nothing internal (stack,
 * SQL, paths) reaches the client. Unexpected errors are logged here with their stack, answered 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = this.toProblem(exception, response);
    body.instance = request.originalUrl?.split('?')[0];
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, response: Response): ProblemDetails {
    if (exception instanceof RequestValidationException) {
      return { ...problem(400, exception.message, 'validation'), errors: exception.problems };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message = typeof payload === 'string' ? payload : (payload as { message?: unknown }).message;
      const detail = Array.isArray(message)
        ? message.join('; ')
        : typeof message === 'string'
          ? message
          : exception.message;
      return problem(status, status === 404 && /^Cannot /.test(detail) ? 'no such route' : detail);
    }
    if (exception instanceof TransportException && exception.retriable) {
      response.setHeader('Retry-After', '1');
      return problem(503, exception.message, 'overloaded');
    }
    if (exception instanceof StorageException) {
      this.logger.error(`storage: ${exception.message}`);
      response.setHeader('Retry-After', '5');
      return problem(
        503,
        exception.code === StorageExceptionCode.UNREACHABLE
          ? 'storage is unreachable; retry later'
          : 'storage failed; retry later',
        'storage',
      );
    }
    // body-parser errors (bad JSON, too large, wrong charset) carry a status and a `type`
    const bodyError = exception as ExpressBodyError;
    if (
      typeof bodyError?.status === 'number' &&
      bodyError.status >= 400 &&
      bodyError.status < 500 &&
      bodyError.expose
    ) {
      const detail =
        bodyError.type === 'entity.parse.failed'
          ? 'request body is not valid JSON'
          : bodyError.type === 'entity.too.large'
            ? 'request body is too large'
            : 'request body could not be read';
      return problem(bodyError.status, detail);
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return {
      ...problem(500, 'internal error; the server log has the details', 'internal'),
      title: 'Internal error',
    };
  }
}
