import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { PROBLEM_BASE, PROBLEM_SLUGS } from './problem.type';

export class FieldProblemDto {
  @ApiProperty({ example: 'limit' }) field!: string;
  @ApiProperty({ example: 'limit must not be greater than 500' }) problem!: string;
}

/** RFC 9457 problem details: the body of every error (application/problem+json). */
export class ProblemDto {
  @ApiProperty({
    description: 'stable identifier of the kind of problem',
    enum: PROBLEM_SLUGS.map((slug) => `${PROBLEM_BASE}${slug}`),
  })
  type!: string;
  @ApiProperty({ example: 'Bad request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'limit: limit must not be greater than 500' }) detail!: string;
  @ApiPropertyOptional({ example: '/api/v1/endpoints' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) errors?: FieldProblemDto[];
}
