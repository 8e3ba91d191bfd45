import { Logger } from '@nestjs/common';
import { type logCreator, logLevel } from 'kafkajs';

/** Routes kafkajs's own log lines to the process logger (context `kafkajs`), never to the console. */
export const kafkaLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    const { message, ...extra } = log;
    // Our sink retries batches itself within a bounded buffer (see KafkaCallSink): kafkajs's advice
    // to retry forever does not apply, so its warning about it is noise.
    if (message.startsWith('Limiting retries for the idempotent producer')) return;
    const line = `${message}${Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : ''}`;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else logger.debug(line);
  };
};
