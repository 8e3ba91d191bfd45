import { type DynamicModule, Module } from '@nestjs/common';

import { TelemetryModule } from '@apiscope/telemetry';

import { BusConsumer } from './bus.consumer';
import { KafkaPipelineConsumer } from './kafka-pipeline.consumer';
import { KAFKA_PIPELINE_OPTIONS, type KafkaPipelineOptions } from './kafka-pipeline.options';
import { InferenceStateService } from './process-calls/inference-state.service';
import { ProcessCallsUseCase } from './process-calls/process-calls.usecase';

/**
 * The pipeline: one use case, two sources. Embedded mode consumes the in-process bus (needs
 * TransportModule); distributed mode is a Kafka consumer-group member. Both need StorageModule.
 */
@Module({})
export class PipelineModule {
  static forBus(): DynamicModule {
    return {
      module: PipelineModule,
      imports: [TelemetryModule],
      providers: [InferenceStateService, ProcessCallsUseCase, BusConsumer],
      exports: [ProcessCallsUseCase],
    };
  }

  static forKafka(options: KafkaPipelineOptions): DynamicModule {
    return {
      module: PipelineModule,
      imports: [TelemetryModule],
      providers: [
        InferenceStateService,
        ProcessCallsUseCase,
        { provide: KAFKA_PIPELINE_OPTIONS, useValue: options },
        KafkaPipelineConsumer,
      ],
      exports: [ProcessCallsUseCase, KafkaPipelineConsumer],
    };
  }
}
