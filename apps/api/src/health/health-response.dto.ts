import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status!: 'ok' | 'degraded';

  @ApiProperty({ enum: ['ok', 'unreachable'] })
  storage!: 'ok' | 'unreachable';

  @ApiProperty({ description: 'events accepted but not yet stored' })
  queuedEvents!: number;

  @ApiPropertyOptional({ description: 'why the status is degraded (absent when ok)' })
  reason?: string;
}
