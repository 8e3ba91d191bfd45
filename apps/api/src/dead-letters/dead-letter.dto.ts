import { ApiProperty } from '@nestjs/swagger';

export class DeadLetterDto {
  @ApiProperty({ format: 'date-time', description: 'when the event was refused' }) ts!: string;
  @ApiProperty({ example: 'ingest' }) source!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() sensorId!: string;
  @ApiProperty({ example: 'request.method: is required' }) reason!: string;
  @ApiProperty({ description: 'start of the refused event (≤ 1 KiB), credentials masked' }) excerpt!: string;
}

export class DeadLetterPageDto {
  @ApiProperty({ type: [DeadLetterDto] }) items!: DeadLetterDto[];
  @ApiProperty({ type: String, nullable: true, description: 'cursor of the next page; null on the last' })
  nextCursor!: string | null;
}
