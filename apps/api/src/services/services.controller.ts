import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ServiceRepository } from '@apiscope/storage';

import { Roles } from '../auth/roles.decorator';
import { ServiceListDto } from './service-list.dto';

@ApiTags('inventory')
@Roles('viewer')
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
