import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

import { SENSITIVE_CLASSES, type SensitiveClass } from '@apiscope/inference';
import { type AuthStatus, ENDPOINT_FLAGS, type EndpointFlag } from '@apiscope/inventory';

import { PageQueryDto } from '../pagination/page-query.dto';
import { PrintableText } from '../validation/printable-text.decorator';
import { ENDPOINT_SORTS, type EndpointSort } from './endpoint-sort.constant';

export { MAX_PAGE_SIZE } from '../pagination/page-query.dto';

const AUTH_STATUSES = [
  'authenticated',
  'unauthenticated',
  'mixed',
  'unknown',
] as const satisfies readonly AuthStatus[];

export class ListEndpointsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'service name, as in /api/v1/services' })
  @IsOptional()
  @PrintableText(1024)
  service?: string;

  @ApiPropertyOptional({ example: 'GET' })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,32}$/, { message: 'method must be an HTTP method name' })
  method?: string;

  @ApiPropertyOptional({ description: 'path template prefix, e.g. /v1/users' })
  @IsOptional()
  @PrintableText(2048)
  pathPrefix?: string;

  @ApiPropertyOptional({ description: 'text the path template contains, in any case, e.g. admin' })
  @IsOptional()
  @PrintableText(2048)
  pathContains?: string;

  @ApiPropertyOptional({ enum: ENDPOINT_FLAGS })
  @IsOptional()
  @IsIn(ENDPOINT_FLAGS)
  flag?: EndpointFlag;

  @ApiPropertyOptional({ enum: AUTH_STATUSES, description: 'auth.status of the endpoint' })
  @IsOptional()
  @IsIn(AUTH_STATUSES)
  auth?: AuthStatus;

  @ApiPropertyOptional({
    enum: SENSITIVE_CLASSES,
    description:
      'only endpoints where this sensitive data class was seen (any location), as in `sensitive[].class`',
  })
  @IsOptional()
  @IsIn(SENSITIVE_CLASSES)
  class?: SensitiveClass;

  @ApiPropertyOptional({
    enum: ENDPOINT_SORTS,
    default: 'path',
    description:
      'path: by service, method, template; calls / lastSeen (prefix - for descending), ties by path',
  })
  @IsOptional()
  @IsIn(ENDPOINT_SORTS)
  sort?: EndpointSort;
}
