import { HttpException } from '@nestjs/common';
import { type NextFunction, type Request, type Response, json } from 'express';

/** body-parser's error types -> a fixed client text (its own messages quote the body back). */
const DETAIL: Record<string, string> = {
  'entity.parse.failed': 'request body is not valid JSON (an object or an array)',
  'entity.too.large': 'request body is too large for this route',
  'encoding.unsupported': 'unsupported Content-Encoding',
  'charset.unsupported': 'unsupported charset; send UTF-8',
  'request.aborted': 'request body was cut off',
  'request.size.invalid': 'request body size does not match Content-Length',
};

interface BodyParserError {
  type?: unknown;
  status?: unknown;
}

/**
 * JSON body parsing with a size limit. Parser errors become HttpExceptions with fixed texts here:
 * left to Nest, a SyntaxError becomes a 400 whose detail quotes part of the body (which may hold
 * anything, keys included) back to the client and into logs.
 */
export function jsonBody(limitBytes: number): (req: Request, res: Response, next: NextFunction) => void {
  const parse = json({ limit: limitBytes, strict: true });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if (error === undefined || error === null) return next();
      const e = error as BodyParserError;
      const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 400;
      const type = typeof e.type === 'string' ? e.type : '';
      next(new HttpException(DETAIL[type] ?? 'the request body could not be read', status));
    });
}
