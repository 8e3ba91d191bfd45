import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { API_KEY_ROLES, type ApiKeyRole, type ApiKeyStatus } from '@apiscope/storage';

import { PageQueryDto } from '../pagination/page-query.dto';
import { API_KEY_STATUSES } from './api-key.dto';

/** Keys, newest first. */
export class ListApiKeysQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: API_KEY_ROLES })
  @IsOptional()
  @IsIn(API_KEY_ROLES)
  role?: ApiKeyRole;

  @ApiPropertyOptional({ enum: API_KEY_STATUSES })
  @IsOptional()
  @IsIn(API_KEY_STATUSES)
  status?: ApiKeyStatus;
}
