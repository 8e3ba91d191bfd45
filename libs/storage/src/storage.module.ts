import {
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';

import { ApiKeyRepository } from './api-key.repository';
import { AuditRepository } from './audit.repository';
import { CallRepository } from './call.repository';
import { CallVolumeRepository } from './call-volume.repository';
import { type ClickHouseConfig } from './clickhouse-config.type';
import { ClickHouseStore } from './clickhouse-store';
import { ConsumerIntentRepository } from './consumer-intent.repository';
import { DeadLetterRepository } from './dead-letter.repository';
import { EndpointRepository } from './endpoint.repository';
import { InventoryChangeRepository } from './inventory-change.repository';
import { InferenceStateRepository } from './inference-state.repository';
import { InventoryVersionRepository } from './inventory-version.repository';
import { ResolvedEndpointRepository } from './resolved-endpoint.repository';
import { runMigrations } from './migration.runner';
import { ReferenceSpecRepository } from './reference-spec.repository';

/**
 * Opens ClickHouse once per process, migrates it, and provides the repositories. Closed last, on
 * application shutdown, after the consumers have finished their batches.
 */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  private readonly logger = new Logger(StorageModule.name);

  constructor(@Inject(ClickHouseStore) private readonly store: ClickHouseStore) {}

  static forRoot(config: ClickHouseConfig): DynamicModule {
    const repositories = [
      CallRepository,
      EndpointRepository,
      DeadLetterRepository,
      ConsumerIntentRepository,
      ReferenceSpecRepository,
      InventoryChangeRepository,
      ApiKeyRepository,
      AuditRepository,
      CallVolumeRepository,
      InferenceStateRepository,
      InventoryVersionRepository,
    ].map((Repo) => ({
      provide: Repo,
      useFactory: (store: ClickHouseStore) => new Repo(store),
      inject: [ClickHouseStore],
    }));
    const resolved = {
      provide: ResolvedEndpointRepository,
      useFactory: (endpoints: EndpointRepository, state: InferenceStateRepository) =>
        new ResolvedEndpointRepository(endpoints, state),
      inject: [EndpointRepository, InferenceStateRepository],
    };
    return {
      module: StorageModule,
      providers: [
        {
          provide: ClickHouseStore,
          useFactory: async () => {
            const store = await ClickHouseStore.open(config);
            const report = await runMigrations(store);
            new Logger(StorageModule.name).log(
              `ClickHouse ${store.mode} at ${store.location}, database ${store.database}; migrations applied: [${report.applied.join(', ')}]`,
            );
            return store;
          },
        },
        ...repositories,
        resolved,
      ],
      exports: [ClickHouseStore, ...repositories.map((r) => r.provide), ResolvedEndpointRepository],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.logger.log('ClickHouse closed');
  }
}
