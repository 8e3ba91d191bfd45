import { UseInterceptors, applyDecorators } from '@nestjs/common';

import { ExpensiveQueryInterceptor } from './expensive-query.interceptor';

/**
 * A route whose query scans much (the whole inventory, call history): it runs under the API-wide
 * cap on concurrent expensive queries and answers 503 + Retry-After when the cap and its queue are full.
 */
export const ExpensiveQuery = () => applyDecorators(UseInterceptors(ExpensiveQueryInterceptor));
