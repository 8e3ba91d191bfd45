import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { DRIFT_KINDS, DRIFT_LOCATIONS } from '@apiscope/inventory';

/** OpenAPI description of the drift answer (the types live in @apiscope/inventory). */
export class DriftItemDto {
  @ApiProperty({ enum: DRIFT_KINDS }) kind!: string;
  @ApiProperty({ enum: DRIFT_LOCATIONS }) location!: string;
  @ApiProperty({
    description: "parameter name, the field's JSON path in the body, or the status code",
    example: '$.items[*].sku',
  })
  name!: string;
  @ApiPropertyOptional({ description: 'response status the item belongs to', example: '200' })
  status?: string;
  @ApiProperty({ example: 'in traffic, not in the spec' }) detail!: string;
}

export class EndpointDriftDto {
  @ApiProperty({ description: 'opaque id of GET /api/v1/endpoints/{id}' }) endpointId!: string;
  @ApiProperty({ example: 'GET' }) method!: string;
  @ApiProperty({ example: '/orders/{orderId}' }) path!: string;
  @ApiProperty({ type: [DriftItemDto] }) drift!: DriftItemDto[];
}

export class ServiceDriftDto {
  @ApiProperty({ example: 'shop.example.com' }) service!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the reference spec version compared' })
  specVersion!: number | null;
  @ApiProperty({ type: [EndpointDriftDto], description: 'documented endpoints with drift, by path' })
  items!: EndpointDriftDto[];
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(DRIFT_KINDS.map((k) => [k, { type: 'integer' }])),
    required: [...DRIFT_KINDS],
    description: 'items per kind',
  })
  summary!: Record<string, number>;
}
