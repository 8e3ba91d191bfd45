import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { SENSITIVE_CLASSES, type SensitiveClass } from '@apiscope/inference';
import {
  FINDING_RULES,
  type FindingRule,
  OWASP_API_TOP_10_2023,
  type OwaspApiCategory,
  SEVERITIES,
  type Severity,
} from '@apiscope/inventory';

import { PageQueryDto } from '../pagination/page-query.dto';
import { EndpointIdText } from '../validation/endpoint-id-text.decorator';
import { PrintableText } from '../validation/printable-text.decorator';

const CATEGORIES = Object.keys(OWASP_API_TOP_10_2023) as OwaspApiCategory[];

export class ListFindingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'service name, as in /api/v1/services' })
  @IsOptional()
  @PrintableText(1024)
  service?: string;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ enum: CATEGORIES, description: 'OWASP API Security Top 10 (2023) category id' })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: OwaspApiCategory;

  @ApiPropertyOptional({ enum: SENSITIVE_CLASSES, description: 'findings citing this sensitive data class' })
  @IsOptional()
  @IsIn(SENSITIVE_CLASSES)
  class?: SensitiveClass;

  @ApiPropertyOptional({ enum: FINDING_RULES })
  @IsOptional()
  @IsIn(FINDING_RULES)
  rule?: FindingRule;

  @ApiPropertyOptional({ description: 'opaque endpoint id, as `id` in endpoint lists' })
  @IsOptional()
  @EndpointIdText()
  endpointId?: string;
}
