import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_CALLS_LIMIT = 50;
export const MAX_CALLS_LIMIT = 200;

export class EndpointCallsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CALLS_LIMIT, default: DEFAULT_CALLS_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CALLS_LIMIT)
  limit?: number;
}
