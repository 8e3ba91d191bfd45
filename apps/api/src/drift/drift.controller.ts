import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { ExpensiveQuery } from '../limits/expensive-query.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { ServiceParamDto } from '../services/service-param.dto';
import { NoQueryDto } from '../validation/no-query.dto';
import { GetServiceDriftUseCase, type ServiceDriftView } from './get-service-drift.usecase';
import { ServiceDriftDto } from './service-drift.dto';

@ApiTags('inventory')
@Roles('viewer')
@Controller('api/v1/services/:service/drift')
export class DriftController {
  constructor(@Inject(GetServiceDriftUseCase) private readonly drift: GetServiceDriftUseCase) {}

  /** Where traffic disagrees with the service's reference spec; 404 when it has none. */
  @Get()
  @ExpensiveQuery()
  @ApiOkResponse({ type: ServiceDriftDto })
  @ApiProblems(400, 404)
  drifted(@Param() params: ServiceParamDto, @Query() _query: NoQueryDto): Promise<ServiceDriftView> {
    return this.drift.execute(params.service);
  }
}
