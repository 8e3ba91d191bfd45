import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { ExpensiveQuery } from '../limits/expensive-query.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { CallVolumePageDto } from './call-volume.dto';
import { CallVolumeQueryDto } from './call-volume-query.dto';
import { GetCallVolumeUseCase } from './get-call-volume.usecase';

@ApiTags('inventory')
@Roles('viewer')
@Controller('api/v1/stats')
export class StatsController {
  constructor(@Inject(GetCallVolumeUseCase) private readonly callVolume: GetCallVolumeUseCase) {}

  /** Scans the raw calls table over a time range: runs under the cap on expensive queries. */
  @Get('calls')
  @ExpensiveQuery()
  @ApiOperation({ summary: 'calls per service over time (per hour or day), with error counts' })
  @ApiOkResponse({ type: CallVolumePageDto })
  @ApiProblems(400)
  calls(@Query() query: CallVolumeQueryDto): Promise<CallVolumePageDto> {
    return this.callVolume.execute(query);
  }
}
