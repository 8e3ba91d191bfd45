import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';

import { ClickHouseStore } from '@apiscope/storage';
import { InProcessBus } from '@apiscope/transport';

import { Public } from '../auth/public.decorator';
import { HealthResponseDto } from './health-response.dto';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(ClickHouseStore) private readonly store: ClickHouseStore,
    @Inject(InProcessBus) private readonly bus: InProcessBus,
  ) {}

  /** Open on purpose (load balancers, `apiscope up` readiness); tells nothing about the data. */
  @Public()
  @Get('healthz')
  @ApiOkResponse({
    type: HealthResponseDto,
    description: '200 when healthy, 503 when storage is unreachable',
  })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponseDto> {
    const storage = (await this.store.ping()) ? 'ok' : 'unreachable';
    const { pendingEvents } = this.bus.stats();
    if (storage !== 'ok') res.status(503);
    return { status: storage === 'ok' ? 'ok' : 'degraded', storage, queuedEvents: pendingEvents };
  }
}
