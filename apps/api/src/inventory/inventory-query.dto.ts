import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class InventoryQueryDto {
  @ApiPropertyOptional({ description: 'only this service' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  service?: string;
}
