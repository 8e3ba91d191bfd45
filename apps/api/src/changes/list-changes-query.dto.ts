import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { INVENTORY_CHANGE_KINDS, type InventoryChangeKind } from '@apiscope/inventory';

import { EndpointIdText } from '../validation/endpoint-id-text.decorator';
import { PrintableText } from '../validation/printable-text.decorator';

export class ListChangesQueryDto {
  @ApiPropertyOptional({ description: 'ISO 8601 instant; changes at or after it (default: 24 hours ago)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  cursor?: string;

  @ApiPropertyOptional({ description: 'service name, as in /api/v1/services' })
  @IsOptional()
  @PrintableText(1024)
  service?: string;

  @ApiPropertyOptional({ enum: INVENTORY_CHANGE_KINDS })
  @IsOptional()
  @IsIn(INVENTORY_CHANGE_KINDS)
  kind?: InventoryChangeKind;

  @ApiPropertyOptional({
    description:
      "opaque endpoint id, as `id` in endpoint lists: that endpoint's changes and its service's service-wide ones",
  })
  @IsOptional()
  @EndpointIdText()
  endpointId?: string;
}
