import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';

import { ApiscopeMetrics } from '@apiscope/telemetry';

import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { NoQueryDto } from '../validation/no-query.dto';

/**
 * Prometheus exposition. Admin only: the numbers tell an outsider which services exist and how
 * busy they are. Scrapers send the admin key as a bearer token (`authorization` in scrape_config).
 */
@ApiTags('metrics')
@Roles('admin')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(ApiscopeMetrics) private readonly metrics: ApiscopeMetrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format 0.0.4', type: String })
  @ApiProblems(400, 401, 404, 429)
  async scrape(@Query() _query: NoQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    res.type(this.metrics.contentType);
    return this.metrics.scrape();
  }
}
