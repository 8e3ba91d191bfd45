import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ServiceRepository } from '@apiscope/storage';

import { ServiceListDto } from './service-list.dto';

@ApiTags('inventory')
@ApiBearerAuth()
@Controller('api/v1/services')
export class ServicesController {
  constructor(@Inject(ServiceRepository) private readonly services: ServiceRepository) {}

  @Get()
  @ApiOkResponse({ type: ServiceListDto })
  async list(): Promise<ServiceListDto> {
    const services = await this.services.list();
    return {
      services: services.map((s) => ({
        ...s,
        firstSeen: new Date(s.firstSeen).toISOString(),
        lastSeen: new Date(s.lastSeen).toISOString(),
      })),
    };
  }
}
