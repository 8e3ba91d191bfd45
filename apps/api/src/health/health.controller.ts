import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';

import { ClickHouseStore } from '@apiscope/storage';
import { StorageHealthService } from '@apiscope/telemetry';
import { InProcessBus } from '@apiscope/transport';

import { Public } from '../auth/public.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { NoQueryDto } from '../validation/no-query.dto';
import { HealthResponseDto } from './health-response.dto';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(ClickHouseStore) private readonly store: ClickHouseStore,
    @Inject(InProcessBus) private readonly bus: InProcessBus,
    @Inject(StorageHealthService) private readonly writes: StorageHealthService,
  ) {}

  /** Open on purpose (load balancers, `apiscope up` readiness); tells nothing about the data. */
  @Public()
  @Get('healthz')
  @ApiOkResponse({ type: HealthResponseDto, description: 'healthy' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'storage is unreachable' })
  @ApiProblems(400, 429)
  async health(
    @Query() _query: NoQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HealthResponseDto> {
    const storage = (await this.store.ping()) ? 'ok' : 'unreachable';
    const { pendingEvents } = this.bus.stats();
    // a ping can pass while inserts fail (full disk, read-only replica): the pipeline's view counts too
    const writes = this.writes.current();
    if (storage === 'ok' && !writes.degraded) return { status: 'ok', storage, queuedEvents: pendingEvents };
    res.status(503);
    return {
      status: 'degraded',
      storage,
      queuedEvents: pendingEvents,
      reason: writes.degraded
        ? `storage writes failing since ${new Date(writes.since ?? Date.now()).toISOString()} (${writes.retries} attempts, retrying): ${writes.reason ?? ''}`
        : 'storage does not answer',
    };
  }
}
