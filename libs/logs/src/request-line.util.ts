import { quoteValue } from './har-field.util';
import { LogSkipCode, LogSkipException } from './log-skip.exception';

/**
 * `GET /a?b HTTP/1.1` (or `GET /a`, HTTP/0.9) -> method and target, as nginx `$request` and the ALB
 * `request` field log it. A target with spaces (which only broken or hostile clients send) is kept
 * whole between the first space and the protocol; `-` means the server read no request line.
 */
export function splitRequestLine(request: string): { method: string; target: string } {
  const first = request.indexOf(' ');
  if (request === '-' || request === '' || first <= 0) {
    throw new LogSkipException(LogSkipCode.NO_REQUEST, `no request line was logged (${quoteValue(request)})`);
  }
  const last = request.lastIndexOf(' ');
  const target =
    last > first && request.startsWith('HTTP/', last + 1)
      ? request.slice(first + 1, last)
      : request.slice(first + 1);
  return { method: request.slice(0, first), target };
}
