import { ApiProperty } from '@nestjs/swagger';

export class RiskFactorDto {
  @ApiProperty({
    description: 'a finding id (endpoint risk) or `service METHOD /path` (service risk)',
    example:
      'credential-exposure api.example.com GET /users/{userId} response.body $.password_hash password_hash',
  })
  source!: string;

  @ApiProperty({ description: 'points this factor adds to the score', example: 40 })
  points!: number;

  @ApiProperty({ example: 'critical credential-exposure (API3:2023): Password hash returned to the client' })
  reason!: string;
}

/** Risk of an endpoint or a service, explained by its factors (the findings that make it up). */
export class RiskScoreDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 80 }) score!: number;

  @ApiProperty({ enum: ['critical', 'high', 'medium', 'low', 'none'] }) level!: string;

  @ApiProperty({ type: [RiskFactorDto], description: 'largest contribution first' })
  factors!: RiskFactorDto[];

  @ApiProperty({ description: 'true when the factors add up to more than 100 (the score is capped)' })
  capped!: boolean;
}
