import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { ENDPOINT_FLAGS } from '@apiscope/inventory';

import { RiskScoreDto } from './risk-score.dto';

/** OpenAPI description of the inventory document (the type itself lives in @apiscope/inventory). */
export class EndpointAuthDto {
  @ApiProperty({ type: [String], example: ['bearer'] })
  schemes!: string[];

  @ApiProperty({ enum: ['authenticated', 'unauthenticated', 'mixed', 'unknown'] })
  status!: string;

  @ApiProperty({ description: '2xx answers to calls that carried no credentials' })
  unauthenticatedSuccesses!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'status codes answered to calls without credentials (401/403: the endpoint doing its job)',
    example: { '401': 3 },
  })
  unauthenticatedStatusCodes!: Record<string, number>;

  @ApiPropertyOptional({
    type: 'object',
    properties: { jwt: { type: 'integer' }, opaque: { type: 'integer' } },
    description: 'bearer tokens seen: JWTs and opaque tokens',
  })
  bearer?: { jwt: number; opaque: number };

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'JWT alg, iss and aud with their calls (never the token)',
    example: [{ alg: 'RS256', iss: 'https://idp.example.com/', aud: ['api'], calls: 40 }],
  })
  jwtIssuers?: Array<Record<string, unknown>>;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [{ in: 'header', name: 'x-api-key', calls: 3 }],
  })
  apiKeys?: Array<Record<string, unknown>>;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [{ name: 'JSESSIONID', calls: 3 }],
  })
  sessionCookies?: Array<Record<string, unknown>>;
}

export class GraphqlOperationDto {
  @ApiProperty({ enum: ['query', 'mutation', 'subscription'] }) operationType!: string;
  @ApiProperty({ example: 'GetUser' }) operationName!: string;
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

export class EndpointSpecNoteDto {
  @ApiProperty({
    enum: ['public', 'required', 'unspecified'],
    description:
      'what the reference spec says of credentials: public = `security: []` (open traffic is intended), required = a security requirement applies, unspecified = none declared',
  })
  security!: string;
  @ApiPropertyOptional({ example: 'getOrder' }) operationId?: string;
  @ApiPropertyOptional({ description: 'true when the spec marks the operation deprecated' })
  deprecated?: boolean;
}

export class InventoryEndpointDto {
  @ApiProperty({ example: 'GET' }) method!: string;
  @ApiProperty({ example: '/users/{userId}' }) path!: string;
  @ApiPropertyOptional({
    type: GraphqlOperationDto,
    description: 'GraphQL over HTTP: one endpoint per operation',
  })
  graphql?: GraphqlOperationDto;
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
  @ApiProperty({
    type: RiskScoreDto,
    description: 'risk from the findings of this endpoint (GET /api/v1/findings)',
  })
  risk!: RiskScoreDto;
  @ApiPropertyOptional({
    type: EndpointSpecNoteDto,
    description: 'the matched reference spec operation (absent when no spec documents the endpoint)',
  })
  spec?: EndpointSpecNoteDto;
}

export class InventoryServiceDto {
  @ApiProperty({ example: 'api.example.com' }) name!: string;
  @ApiProperty({ type: [InventoryEndpointDto] }) endpoints!: InventoryEndpointDto[];
  @ApiProperty({
    type: RiskScoreDto,
    description: 'riskiest endpoint in full, plus a tenth of every other endpoint',
  })
  risk!: RiskScoreDto;
}

export class InventoryDocumentDto {
  @ApiProperty({ type: [InventoryServiceDto] }) services!: InventoryServiceDto[];
}
