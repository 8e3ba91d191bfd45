import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import { type Request } from 'express';

import { API_OPTIONS, type ApiOptions } from '../api-options.type';
import { IS_PUBLIC } from './public.decorator';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Every route requires `Authorization: Bearer <key>` unless marked @Public(). Keys are compared as
 * SHA-256 digests in constant time, so neither length nor content leaks through timing.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  private readonly expected: Buffer;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(API_OPTIONS) options: ApiOptions,
  ) {
    this.expected = digest(options.apiKey);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new UnauthorizedException('missing API key: send Authorization: Bearer <key>');
    if (!timingSafeEqual(digest(match[1]), this.expected)) {
      // The key itself is never logged; the client address is.
      this.logger.warn(
        `rejected API key from ${request.ip ?? 'unknown'} for ${request.method} ${request.path}`,
      );
      throw new UnauthorizedException('invalid API key');
    }
    return true;
  }
}
