import { ApiProperty } from '@nestjs/swagger';

export class IngestRejectionDto {
  @ApiProperty({ description: 'index in the posted `calls`' })
  index!: number;

  @ApiProperty({ example: 'request.method: is required' })
  reason!: string;
}

export class IngestResponseDto {
  @ApiProperty({ description: 'calls stored' })
  accepted!: number;

  @ApiProperty({ description: 'calls refused (kept in the dead-letter table with the reason)' })
  rejected!: number;

  @ApiProperty({ type: [IngestRejectionDto] })
  rejections!: IngestRejectionDto[];
}
