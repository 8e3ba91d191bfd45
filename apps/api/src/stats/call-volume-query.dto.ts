import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';

import { CALL_VOLUME_INTERVALS, type CallVolumeInterval } from '@apiscope/storage';

import { PageQueryDto } from '../pagination/page-query.dto';
import { EndpointIdText } from '../validation/endpoint-id-text.decorator';
import { PrintableText } from '../validation/printable-text.decorator';

/** Calls per service and time bucket, by bucket then service. */
export class CallVolumeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CALL_VOLUME_INTERVALS, default: 'hour' })
  @IsOptional()
  @IsIn(CALL_VOLUME_INTERVALS)
  interval?: CallVolumeInterval;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'start (inclusive); default: 24 hours (interval=hour) or 30 days (interval=day) before `to`',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'end (exclusive); default: now' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;

  @ApiPropertyOptional({ description: 'only this service' })
  @IsOptional()
  @PrintableText(1024)
  service?: string;

  @ApiPropertyOptional({ description: 'only this endpoint (an endpoint id from an endpoint list)' })
  @IsOptional()
  @EndpointIdText()
  endpoint?: string;
}
