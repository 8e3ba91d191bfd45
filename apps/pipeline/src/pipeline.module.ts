import { Module } from '@nestjs/common';

import { BusConsumer } from './bus.consumer';
import { InferenceStateService } from './process-calls/inference-state.service';
import { ProcessCallsUseCase } from './process-calls/process-calls.usecase';

/** Needs StorageModule and TransportModule in the application (both global). */
@Module({
  providers: [InferenceStateService, ProcessCallsUseCase, BusConsumer],
  exports: [ProcessCallsUseCase],
})
export class PipelineModule {}
