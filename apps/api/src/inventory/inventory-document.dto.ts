import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { ENDPOINT_FLAGS } from '@apiscope/inventory';

/** OpenAPI description of the inventory document (the type itself lives in @apiscope/inventory). */
export class EndpointAuthDto {
  @ApiProperty({ type: [String], example: ['bearer'] })
  schemes!: string[];

  @ApiProperty({ enum: ['authenticated', 'unauthenticated', 'mixed', 'unknown'] })
  status!: string;

  @ApiProperty({ description: '2xx answers to calls that carried no credentials' })
  unauthenticatedSuccesses!: number;
}

export class SensitiveFindingDto {
  @ApiProperty({ example: 'response.body' }) location!: string;
  @ApiProperty({ example: '$.email' }) name!: string;
  @ApiProperty({ example: 'email' }) class!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ example: 'j***@e***.com' }) example!: string;
}

export class InventoryParameterDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['path', 'query', 'header', 'cookie'] }) in!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) schema!: Record<string, unknown>;
}

export class LatencyDto {
  @ApiProperty() avg!: number;
  @ApiProperty() max!: number;
}

export class InventoryEndpointDto {
  @ApiProperty({ example: 'GET' }) method!: string;
  @ApiProperty({ example: '/users/{userId}' }) path!: string;
  @ApiProperty() calls!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstSeen!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSeen!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { '200': 40, '404': 2 },
  })
  statusCodes!: Record<string, number>;
  @ApiPropertyOptional({ type: LatencyDto, nullable: true }) latencyMs!: LatencyDto | null;
  @ApiProperty({ type: EndpointAuthDto }) auth!: EndpointAuthDto;
  @ApiProperty({ enum: ENDPOINT_FLAGS, isArray: true }) flags!: string[];
  @ApiProperty({ type: [SensitiveFindingDto] }) sensitive!: SensitiveFindingDto[];
  @ApiProperty({ type: [InventoryParameterDto] }) parameters!: InventoryParameterDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) requestBody!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) responses!: Record<
    string,
    Record<string, unknown>
  >;
}

export class InventoryServiceDto {
  @ApiProperty({ example: 'api.example.com' }) name!: string;
  @ApiProperty({ type: [InventoryEndpointDto] }) endpoints!: InventoryEndpointDto[];
}

export class InventoryDocumentDto {
  @ApiProperty({ type: [InventoryServiceDto] }) services!: InventoryServiceDto[];
}
