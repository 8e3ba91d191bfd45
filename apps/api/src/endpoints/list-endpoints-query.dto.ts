import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

import { ENDPOINT_FLAGS, type EndpointFlag } from '@apiscope/inventory';

export const MAX_PAGE_SIZE = 500;

export class ListEndpointsQueryDto {
  @ApiPropertyOptional({ description: 'service name, as in /api/v1/services' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  service?: string;

  @ApiPropertyOptional({ example: 'GET' })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,32}$/, { message: 'method must be an HTTP method name' })
  method?: string;

  @ApiPropertyOptional({ description: 'path template prefix, e.g. /v1/users' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  pathPrefix?: string;

  @ApiPropertyOptional({ enum: ENDPOINT_FLAGS })
  @IsOptional()
  @IsIn(ENDPOINT_FLAGS)
  flag?: EndpointFlag;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(8192)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}
