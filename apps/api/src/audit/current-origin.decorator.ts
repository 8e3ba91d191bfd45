import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { type Request } from 'express';

import { type RequestOrigin, requestOriginOf } from './request-origin.type';

/** The client address, method and path of the current request, for the audit log. */
export const CurrentOrigin = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestOrigin =>
    requestOriginOf(context.switchToHttp().getRequest<Request>()),
);
