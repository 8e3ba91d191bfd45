import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { NoQueryDto } from '../validation/no-query.dto';
import { EndpointCallsQueryDto } from './endpoint-calls-query.dto';
import { EndpointCallsDto } from './endpoint-calls.dto';
import { EndpointCallsUseCase } from './endpoint-calls.usecase';
import { EndpointIdParamDto } from './endpoint-id-param.dto';
import { EndpointPageDto, ServiceEndpointDto } from './endpoint-page.dto';
import { GetEndpointUseCase } from './get-endpoint.usecase';
import { ListEndpointsQueryDto } from './list-endpoints-query.dto';
import { type EndpointPage, ListEndpointsUseCase, type ServiceEndpoint } from './list-endpoints.usecase';

@ApiTags('inventory')
@Roles('viewer')
@Controller('api/v1/endpoints')
export class EndpointsController {
  constructor(
    @Inject(ListEndpointsUseCase) private readonly listEndpoints: ListEndpointsUseCase,
    @Inject(GetEndpointUseCase) private readonly getEndpoint: GetEndpointUseCase,
    @Inject(EndpointCallsUseCase) private readonly endpointCalls: EndpointCallsUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'endpoints, filtered and sorted, keyset-paginated' })
  @ApiOkResponse({ type: EndpointPageDto })
  @ApiProblems(400)
  list(@Query() query: ListEndpointsQueryDto): Promise<EndpointPage> {
    return this.listEndpoints.execute(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'one endpoint: parameters, schemas, auth, flags, sensitive data' })
  @ApiOkResponse({ type: ServiceEndpointDto })
  @ApiProblems(400, 404)
  get(@Param() params: EndpointIdParamDto, @Query() _query: NoQueryDto): Promise<ServiceEndpoint> {
    return this.getEndpoint.execute(params.id);
  }

  @Get(':id/calls')
  @ApiOperation({ summary: 'recent calls of one endpoint, newest first, metadata only, client masked' })
  @ApiOkResponse({ type: EndpointCallsDto })
  @ApiProblems(400, 404)
  calls(
    @Param() params: EndpointIdParamDto,
    @Query() query: EndpointCallsQueryDto,
  ): Promise<EndpointCallsDto> {
    return this.endpointCalls.execute(params.id, query);
  }
}
