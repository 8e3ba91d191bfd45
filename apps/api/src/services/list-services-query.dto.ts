import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

import { PageQueryDto } from '../pagination/page-query.dto';
import { PrintableText } from '../validation/printable-text.decorator';

/** Services by name. */
export class ListServicesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'only services whose name starts with this' })
  @IsOptional()
  @PrintableText(1024)
  prefix?: string;
}
