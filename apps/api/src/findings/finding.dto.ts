import { ApiProperty } from '@nestjs/swagger';

import { FINDING_RULES, OWASP_API_TOP_10_2023, SEVERITIES } from '@apiscope/inventory';
import { SENSITIVE_CLASSES, SENSITIVE_LOCATIONS } from '@apiscope/inference';

export class FindingEvidenceDto {
  @ApiProperty({ enum: SENSITIVE_LOCATIONS }) location!: string;
  @ApiProperty({ example: '$.password_hash' }) name!: string;
  @ApiProperty({ enum: SENSITIVE_CLASSES }) class!: string;
  @ApiProperty({ description: 'calls in which the field carried this class' }) count!: number;
  @ApiProperty({ description: 'masked, never a raw value', example: '$2b$***' }) example!: string;
}

export class FindingEndpointKeyDto {
  @ApiProperty({ example: 'api.example.com' }) service!: string;
  @ApiProperty({ example: 'GET' }) method!: string;
  @ApiProperty({ description: 'path template (GraphQL: `#type name` appended)', example: '/users/{userId}' })
  pathTemplate!: string;
}

/** One finding with the endpoint it is about (`id` is stable across runs: the change log keys on it). */
export class FindingDto {
  @ApiProperty({
    description: 'stable id: rule, endpoint and, for field rules, the field',
    example:
      'credential-exposure api.example.com GET /users/{userId} response.body $.password_hash password_hash',
  })
  id!: string;
  @ApiProperty({ type: FindingEndpointKeyDto }) endpoint!: FindingEndpointKeyDto;
  @ApiProperty({ enum: FINDING_RULES }) rule!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ enum: Object.keys(OWASP_API_TOP_10_2023), description: 'OWASP API Security Top 10 (2023)' })
  category!: string;
  @ApiProperty({ example: 'Password hash returned to the client' }) title!: string;
  @ApiProperty({ description: 'why, with the counts that support it' }) detail!: string;
  @ApiProperty({ type: [FindingEvidenceDto], description: 'sensitive fields cited (at most 20)' })
  evidence!: FindingEvidenceDto[];
  @ApiProperty({ example: 'api.example.com' }) service!: string;
  @ApiProperty({ description: 'opaque endpoint id (GET /api/v1/endpoints/{id})' }) endpointId!: string;
  @ApiProperty({ example: 'GET' }) method!: string;
  @ApiProperty({ example: '/users/{userId}' }) path!: string;
}

export class FindingPageDto {
  @ApiProperty({ type: [FindingDto] }) items!: FindingDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
