import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { EndpointPageDto } from './endpoint-page.dto';
import { ListEndpointsQueryDto } from './list-endpoints-query.dto';
import { type EndpointPage, ListEndpointsUseCase } from './list-endpoints.usecase';

@ApiTags('inventory')
@Roles('viewer')
@Controller('api/v1/endpoints')
export class EndpointsController {
  constructor(@Inject(ListEndpointsUseCase) private readonly listEndpoints: ListEndpointsUseCase) {}

  @Get()
  @ApiOkResponse({ type: EndpointPageDto })
  list(@Query() query: ListEndpointsQueryDto): Promise<EndpointPage> {
    return this.listEndpoints.execute(query);
  }
}
