import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { type Page } from '../pagination/paginate.util';
import { ApiProblems } from '../problem/api-problems.decorator';
import { ListServicesQueryDto } from './list-services-query.dto';
import { ListServicesUseCase } from './list-services.usecase';
import { type ServiceDto, ServicePageDto } from './service-list.dto';

@ApiTags('inventory')
@Roles('viewer')
@Controller('api/v1/services')
export class ServicesController {
  constructor(@Inject(ListServicesUseCase) private readonly listServices: ListServicesUseCase) {}

  @Get()
  @ApiOperation({ summary: 'services with endpoint and call counts, by name, keyset-paginated' })
  @ApiOkResponse({ type: ServicePageDto })
  @ApiProblems(400)
  list(@Query() query: ListServicesQueryDto): Promise<Page<ServiceDto>> {
    return this.listServices.execute(query);
  }
}
