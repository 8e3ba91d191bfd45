import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ResolvedEndpointRepository } from '@apiscope/storage';

import { ServiceListDto } from './service-list.dto';

@ApiTags('inventory')
@ApiBearerAuth()
@Controller('api/v1/services')
export class ServicesController {
  constructor(@Inject(ResolvedEndpointRepository) private readonly endpoints: ResolvedEndpointRepository) {}

  /** Counts resolved endpoints (stored keys may be older, finer templates of one endpoint). */
  @Get()
  @ApiOkResponse({ type: ServiceListDto })
  async list(): Promise<ServiceListDto> {
    const byService = new Map<
      string,
      { endpoints: number; calls: number; firstSeen: number; lastSeen: number }
    >();
    for (const { stats } of await this.endpoints.list()) {
      const s = byService.get(stats.service) ?? {
        endpoints: 0,
        calls: 0,
        firstSeen: Infinity,
        lastSeen: -Infinity,
      };
      s.endpoints += 1;
      s.calls += stats.calls;
      s.firstSeen = Math.min(s.firstSeen, stats.firstSeen);
      s.lastSeen = Math.max(s.lastSeen, stats.lastSeen);
      byService.set(stats.service, s);
    }
    return {
      services: [...byService]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, s]) => ({
          name,
          endpoints: s.endpoints,
          calls: s.calls,
          firstSeen: new Date(s.firstSeen).toISOString(),
          lastSeen: new Date(s.lastSeen).toISOString(),
        })),
    };
  }
}
