import { type LogReadOptions } from '@apiscope/logs';

import { type LogSensorSettings } from './log-sensor-settings.type';

/** The parser options every reader of the sensor derives from its settings (the source is per generation). */
export function readOptionsOf(settings: LogSensorSettings): Omit<LogReadOptions, 'source'> {
  return {
    sensorId: settings.sensorId,
    ...(settings.nginxFormat !== undefined && { nginxFormat: settings.nginxFormat }),
    validate: settings.validate === true,
  };
}
