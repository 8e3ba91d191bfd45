import { ApiProperty } from '@nestjs/swagger';

export class EndpointCallDto {
  @ApiProperty({
    description: 'when the request was seen (ISO 8601, UTC)',
    example: '2026-01-01T12:00:00.000Z',
  })
  ts!: string;
  @ApiProperty({ description: 'response status; 0 when no response was seen' }) status!: number;
  @ApiProperty({ type: Number, nullable: true }) durationMs!: number | null;
  @ApiProperty({
    description: 'client address, masked: first two IPv4 octets or first two IPv6 groups',
    example: '10.1.x.x',
  })
  client!: string;
  @ApiProperty({ example: 'har' }) sensorKind!: string;
  @ApiProperty({ enum: ['present', 'absent', 'unknown'] }) credentials!: 'present' | 'absent' | 'unknown';
  @ApiProperty({ type: [String], example: ['bearer'] }) authSchemes!: string[];
  @ApiProperty() requestSize!: number;
  @ApiProperty() responseSize!: number;
  @ApiProperty({ description: 'the exchange was not seen whole' }) incomplete!: boolean;
  @ApiProperty({ description: 'the concrete path the sensor saw (no query string)', example: '/v1/users/42' })
  path!: string;
}

export class EndpointCallsDto {
  @ApiProperty({ type: [EndpointCallDto], description: 'newest first' }) items!: EndpointCallDto[];
}
