import { type DynamicModule, Global, Module } from '@nestjs/common';

import { InProcessBus, type InProcessBusOptions } from './in-process.bus';

/** Provides the process's bus. Embedded mode: the in-process bus (Kafka arrives with distributed mode). */
@Global()
@Module({})
export class TransportModule {
  static forRoot(options: InProcessBusOptions = {}): DynamicModule {
    return {
      module: TransportModule,
      providers: [{ provide: InProcessBus, useFactory: () => new InProcessBus(options) }],
      exports: [InProcessBus],
    };
  }
}
