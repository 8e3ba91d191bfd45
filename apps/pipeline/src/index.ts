export { PipelineModule } from './pipeline.module';
export { ProcessCallsUseCase } from './process-calls/process-calls.usecase';
export type { PipelineCounters } from './process-calls/process-calls.usecase';
export { KafkaPipelineConsumer } from './kafka-pipeline.consumer';
export type { KafkaPipelineOptions } from './kafka-pipeline.options';
