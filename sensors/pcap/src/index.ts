export { PcapSensorService } from './pcap-sensor.service';
export type { SensorReport } from './pcap-sensor.service';
export type { CallSink, CaptureSource, PcapSensorOptions } from './pcap-sensor-options.type';
export { PcapSensorException, PcapSensorExceptionCode } from './pcap-sensor.exception';
export { formatSensorSummary } from './sensor-summary.util';
export { readCaptureCalls } from './read-capture-calls.util';
