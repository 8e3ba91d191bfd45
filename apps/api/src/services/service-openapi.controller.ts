import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { toOpenApiDocument } from '@apiscope/inventory';

import { GetInventoryUseCase } from '../inventory/get-inventory.usecase';
import { ServiceParamDto } from './service-param.dto';

@ApiTags('inventory')
@Controller('api/v1/services/:service/openapi')
export class ServiceOpenApiController {
  constructor(@Inject(GetInventoryUseCase) private readonly inventory: GetInventoryUseCase) {}

  /** OpenAPI 3.1 document of the service as traffic showed it, with `x-apiscope-*` facts. */
  @Get()
  @ApiOkResponse({ description: 'OpenAPI 3.1 document', schema: { type: 'object' } })
  async openapi(@Param() params: ServiceParamDto): Promise<Record<string, unknown>> {
    const doc = await this.inventory.execute(params.service);
    const service = doc.services.find((s) => s.name === params.service);
    if (!service || service.endpoints.every((e) => e.calls === 0))
      throw new NotFoundException(`no traffic seen for service ${params.service}`);
    return toOpenApiDocument(service);
  }
}
