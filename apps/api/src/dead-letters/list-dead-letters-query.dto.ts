import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

import { PageQueryDto } from '../pagination/page-query.dto';
import { PrintableText } from '../validation/printable-text.decorator';

/** Refused events, newest first. */
export class ListDeadLettersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'where the event came from, e.g. ingest or har:file.har',
    example: 'ingest',
  })
  @IsOptional()
  @PrintableText(256)
  source?: string;

  @ApiPropertyOptional({ description: 'sensor id of the refused events' })
  @IsOptional()
  @PrintableText(128)
  sensorId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'refused at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  since?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'refused before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  until?: string;
}
