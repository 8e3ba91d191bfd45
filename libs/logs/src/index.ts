export { parseHar } from './har.parser';
export { HarFormatException, HarFormatExceptionCode } from './har-format.exception';
export { HAR_DEFAULT_MAX_BODY_BYTES, HAR_SENSOR_KIND } from './har.constant';
export type { HarReadOptions, HarReadResult, HarSkip } from './har-read.type';
