import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { type ApiKeyRole } from '@apiscope/storage';

import { AuditService } from '../audit/audit.service';
import { requestOriginOf } from '../audit/request-origin.type';
import { AUTH_MESSAGES } from './auth-messages.constant';
import { type ApiRequest } from './principal.type';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

/**
 * Authorization. Authentication already ran (middleware, before routing and body parsing) and left
 * the principal on the request; this guard only compares its role with the route's @Roles.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const principal = request.principal;
    if (!principal) throw new UnauthorizedException(AUTH_MESSAGES.missingKey);
    const allowed = this.reflector.getAllAndOverride<ApiKeyRole[]>(ROLES_KEY, targets) ?? ['admin'];
    if (allowed.includes(principal.role)) return true;
    await this.audit.recordQuietly({
      action: 'access.denied',
      outcome: 'denied',
      actor: principal,
      origin: requestOriginOf(request),
      target: `${request.method} ${request.route ? String((request.route as { path: unknown }).path) : request.path}`,
      detail: `role ${principal.role}; route open to ${allowed.join(', ')}`,
    });
    if (allowed.every((role) => role === 'admin')) throw new NotFoundException(AUTH_MESSAGES.noSuchRoute);
    throw new ForbiddenException(`a key with role ${principal.role} may not use this route`);
  }
}
