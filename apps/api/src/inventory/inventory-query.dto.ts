import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

import { PrintableText } from '../validation/printable-text.decorator';

export class InventoryQueryDto {
  @ApiPropertyOptional({ description: 'only this service' })
  @IsOptional()
  @PrintableText(1024)
  service?: string;
}
