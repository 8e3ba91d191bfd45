import { type DynamicModule, Module } from '@nestjs/common';

import { ApiModule, type ApiOptions } from '@apiscope/api';
import { PipelineModule } from '@apiscope/pipeline';
import { type ClickHouseConfig, StorageModule } from '@apiscope/storage';
import { TransportModule } from '@apiscope/transport';

/** Embedded mode in one process: storage + in-process bus + pipeline + API (DESIGN.md, "The flow"). */
@Module({})
export class EmbeddedAppModule {
  static forRoot(storage: ClickHouseConfig, api: ApiOptions): DynamicModule {
    return {
      module: EmbeddedAppModule,
      imports: [
        StorageModule.forRoot(storage),
        TransportModule.forRoot(),
        PipelineModule.forBus(),
        ApiModule.forRoot(api),
      ],
    };
  }
}
