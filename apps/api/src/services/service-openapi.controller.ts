import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { toOpenApiDocument } from '@apiscope/inventory';

import { Roles } from '../auth/roles.decorator';
import { GetInventoryUseCase } from '../inventory/get-inventory.usecase';
import { ExpensiveQuery } from '../limits/expensive-query.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { NoQueryDto } from '../validation/no-query.dto';
import { ServiceParamDto } from './service-param.dto';

@ApiTags('inventory')
@Roles('viewer')
@Controller('api/v1/services/:service/openapi')
export class ServiceOpenApiController {
  constructor(@Inject(GetInventoryUseCase) private readonly inventory: GetInventoryUseCase) {}

  /** OpenAPI 3.1 document of the service as traffic showed it, with `x-apiscope-*` facts. */
  @Get()
  @ExpensiveQuery()
  @ApiOkResponse({ description: 'OpenAPI 3.1 document', schema: { type: 'object' } })
  @ApiProblems(400, 404)
  async openapi(
    @Param() params: ServiceParamDto,
    @Query() _query: NoQueryDto,
  ): Promise<Record<string, unknown>> {
    const doc = await this.inventory.execute(params.service);
    const service = doc.services.find((s) => s.name === params.service);
    if (!service || service.endpoints.every((e) => e.calls === 0))
      throw new NotFoundException(`no traffic seen for service ${params.service}`);
    return toOpenApiDocument(service);
  }
}
