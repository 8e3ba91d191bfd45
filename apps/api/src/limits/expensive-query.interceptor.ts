import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { type Observable, finalize, from, switchMap } from 'rxjs';

import { ConcurrencyLimiter } from './concurrency-limiter.util';

/** Holds one slot of the expensive-query limiter for the whole handler, released however it ends. */
@Injectable()
export class ExpensiveQueryInterceptor implements NestInterceptor {
  constructor(@Inject(ConcurrencyLimiter) private readonly limiter: ConcurrencyLimiter) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.limiter.acquire()).pipe(switchMap((release) => next.handle().pipe(finalize(release))));
  }
}
