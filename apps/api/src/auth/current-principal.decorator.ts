import { type ExecutionContext, UnauthorizedException, createParamDecorator } from '@nestjs/common';

import { AUTH_MESSAGES } from './auth-messages.constant';
import { type ApiRequest, type Principal } from './principal.type';

/** The authenticated caller of a route (the access guard has already required one). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<ApiRequest>().principal;
    if (!principal) throw new UnauthorizedException(AUTH_MESSAGES.missingKey);
    return principal;
  },
);
