import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { EndpointPageDto } from './endpoint-page.dto';
import { ListEndpointsQueryDto } from './list-endpoints-query.dto';
import { type EndpointPage, ListEndpointsUseCase } from './list-endpoints.usecase';

@ApiTags('inventory')
@ApiBearerAuth()
@Controller('api/v1/endpoints')
export class EndpointsController {
  constructor(@Inject(ListEndpointsUseCase) private readonly listEndpoints: ListEndpointsUseCase) {}

  @Get()
  @ApiOkResponse({ type: EndpointPageDto })
  list(@Query() query: ListEndpointsQueryDto): Promise<EndpointPage> {
    return this.listEndpoints.execute(query);
  }
}
