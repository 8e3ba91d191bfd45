import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';

import { TelemetryModule } from '@apiscope/telemetry';

import { API_OPTIONS, type ApiOptions } from './api-options.type';
import { ChangeTrackerService } from './changes/change-tracker.service';
import { ChangesController } from './changes/changes.controller';
import { TrackChangesUseCase } from './changes/track-changes.usecase';
import { WebhookNotifier } from './changes/webhook.notifier';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { ListAuditUseCase } from './audit/list-audit.usecase';
import { AccessGuard } from './auth/access.guard';
import { ApiKeyAuthService } from './auth/api-key-auth.service';
import { ApiKeyUsageService } from './auth/api-key-usage.service';
import { AuthenticationMiddleware } from './auth/authentication.middleware';
import { OpenApiController } from './docs/openapi.controller';
import { OpenApiDocumentService } from './docs/openapi-document.service';
import { DriftController } from './drift/drift.controller';
import { GetServiceDriftUseCase } from './drift/get-service-drift.usecase';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { ListDeadLettersUseCase } from './dead-letters/list-dead-letters.usecase';
import { EndpointCallsUseCase } from './endpoints/endpoint-calls.usecase';
import { EndpointsController } from './endpoints/endpoints.controller';
import { GetEndpointUseCase } from './endpoints/get-endpoint.usecase';
import { ListEndpointsUseCase } from './endpoints/list-endpoints.usecase';
import { FindingsController } from './findings/findings.controller';
import { ListFindingsUseCase } from './findings/list-findings.usecase';
import { HealthController } from './health/health.controller';
import { IngestController } from './ingest/ingest.controller';
import { GetInventoryUseCase } from './inventory/get-inventory.usecase';
import { InventoryCacheService } from './inventory/inventory-cache.service';
import { InventoryController } from './inventory/inventory.controller';
import { CreateApiKeyUseCase } from './keys/create-api-key.usecase';
import { KeysController } from './keys/keys.controller';
import { ListApiKeysUseCase } from './keys/list-api-keys.usecase';
import { RevokeApiKeyUseCase } from './keys/revoke-api-key.usecase';
import { ConcurrencyLimiter } from './limits/concurrency-limiter.util';
import { ExpensiveQueryInterceptor } from './limits/expensive-query.interceptor';
import { RateLimitService } from './limits/rate-limit.service';
import { MetricsController } from './metrics/metrics.controller';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { ServiceOpenApiController } from './services/service-openapi.controller';
import { ServicesController } from './services/services.controller';
import { ImportSpecUseCase } from './specs/import-spec.usecase';
import { SpecsController } from './specs/specs.controller';
import { ListServicesUseCase } from './services/list-services.usecase';
import { GetCallVolumeUseCase } from './stats/get-call-volume.usecase';
import { StatsController } from './stats/stats.controller';
import { CorrectTemplateUseCase } from './templates/correct-template.usecase';
import { TemplatesController } from './templates/templates.controller';

/**
 * The REST API. Needs StorageModule and TransportModule in the application (both global), and its
 * HTTP concerns (middleware order, body limits, docs) from configureApiApp.
 */
@Module({})
export class ApiModule {
  static forRoot(options: ApiOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [TelemetryModule],
      controllers: [
        HealthController,
        IngestController,
        InventoryController,
        EndpointsController,
        FindingsController,
        ServicesController,
        ServiceOpenApiController,
        DriftController,
        SpecsController,
        ChangesController,
        StatsController,
        DeadLettersController,
        KeysController,
        AuditController,
        OpenApiController,
        TemplatesController,
        MetricsController,
      ],
      providers: [
        { provide: API_OPTIONS, useValue: options },
        RateLimitService,
        {
          provide: ConcurrencyLimiter,
          useFactory: () => new ConcurrencyLimiter(options.maxConcurrentExpensive ?? 2, 8, 10_000),
        },
        ExpensiveQueryInterceptor,
        AuditService,
        ListAuditUseCase,
        ApiKeyAuthService,
        ApiKeyUsageService,
        AuthenticationMiddleware,
        OpenApiDocumentService,
        InventoryCacheService,
        GetInventoryUseCase,
        ListEndpointsUseCase,
        ListFindingsUseCase,
        ImportSpecUseCase,
        WebhookNotifier,
        TrackChangesUseCase,
        ChangeTrackerService,
        GetEndpointUseCase,
        EndpointCallsUseCase,
        ListServicesUseCase,
        ListDeadLettersUseCase,
        GetCallVolumeUseCase,
        CreateApiKeyUseCase,
        ListApiKeysUseCase,
        RevokeApiKeyUseCase,
        CorrectTemplateUseCase,
        GetServiceDriftUseCase,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      // AuditService: modules that add admin actions (spec import, settings) record them here
      exports: [GetInventoryUseCase, AuditService, ImportSpecUseCase, ChangeTrackerService],
    };
  }
}
