import { type Request } from 'express';

/** Where a request came from and what it asked, as the audit log records it. */
export interface RequestOrigin {
  clientIp: string;
  method: string;
  path: string;
}

export function requestOriginOf(req: Request): RequestOrigin {
  return {
    clientIp: req.socket.remoteAddress ?? 'unknown',
    method: req.method,
    // the path only: a query string may carry anything
    path: (req.originalUrl ?? req.url).split('?')[0],
  };
}
