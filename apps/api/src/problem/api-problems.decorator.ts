import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

import { ProblemDto } from './problem.dto';

const WHY: Record<number, string> = {
  400: 'invalid input (`errors` names each field)',
  401: 'no key, or an invalid, expired or revoked key',
  403: "the key's role may not use this route",
  404: 'not found (also: a route this role may not see)',
  413: 'request body too large for this route',
  415: 'request body is not application/json',
  429: 'rate limit reached (see Retry-After and RateLimit-* headers)',
  503: 'overloaded, or storage unavailable or too slow (see Retry-After)',
};

/** Documents error answers as application/problem+json, which is what the filter sends. */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: WHY[status] ?? 'error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
