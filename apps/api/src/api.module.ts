import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';

import { API_OPTIONS, type ApiOptions } from './api-options.type';
import { ApiKeyGuard } from './auth/api-key.guard';
import { EndpointsController } from './endpoints/endpoints.controller';
import { ListEndpointsUseCase } from './endpoints/list-endpoints.usecase';
import { HealthController } from './health/health.controller';
import { IngestController } from './ingest/ingest.controller';
import { GetInventoryUseCase } from './inventory/get-inventory.usecase';
import { InventoryController } from './inventory/inventory.controller';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { ServicesController } from './services/services.controller';
import { CorrectTemplateUseCase } from './templates/correct-template.usecase';
import { TemplatesController } from './templates/templates.controller';

/** The REST API. Needs StorageModule and TransportModule in the application (both global). */
@Module({})
export class ApiModule {
  static forRoot(options: ApiOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ThrottlerModule.forRoot([{ name: 'per-ip', ttl: 60_000, limit: options.rateLimitPerMinute ?? 6000 }]),
      ],
      controllers: [
        HealthController,
        IngestController,
        InventoryController,
        EndpointsController,
        ServicesController,
        TemplatesController,
      ],
      providers: [
        { provide: API_OPTIONS, useValue: options },
        GetInventoryUseCase,
        ListEndpointsUseCase,
        CorrectTemplateUseCase,
        // order matters: the rate limit runs before authentication, so key guessing is throttled too
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [GetInventoryUseCase],
    };
  }
}
