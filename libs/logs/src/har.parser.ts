import { API_CALL_LIMITS, type ApiCall, formatContractIssues, validateApiCall } from '@apiscope/contracts';

import { HAR_DEFAULT_MAX_BODY_BYTES } from './har.constant';
import { type HarDocument, type HarLog } from './har.type';
import { HarEntrySkipException } from './har-entry-skip.exception';
import { parseHarEntry } from './har-entry.parser';
import { asObject } from './har-field.util';
import { HarFormatException, HarFormatExceptionCode } from './har-format.exception';
import { type HarReadOptions, type HarReadResult, type HarSkip } from './har-read.type';

/** Bad options are a caller's bug, not a bad file, hence RangeError rather than HarFormatException. */
function checkOptions(options: HarReadOptions): Required<HarReadOptions> {
  const { sensorId } = options;
  if (sensorId === '' || sensorId.length > API_CALL_LIMITS.sensorFieldLength) {
    throw new RangeError(`sensorId must be 1 to ${API_CALL_LIMITS.sensorFieldLength} characters`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? HAR_DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw new RangeError(`maxBodyBytes must be an integer >= 0, got ${maxBodyBytes}`);
  }
  return { sensorId, maxBodyBytes };
}

/** JSON.parse messages quote the input, which may span lines: keep the error on one short line. */
function oneLine(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
  return message.length > 120 ? `${message.slice(0, 120)}...` : message;
}

function readEntries(text: string): unknown[] {
  // Some exporters start the file with a UTF-8 byte-order mark (corpus with-bom.har); JSON.parse refuses it.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '')
    throw new HarFormatException(HarFormatExceptionCode.NOT_JSON, 'not a HAR file: it is empty');
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new HarFormatException(
      HarFormatExceptionCode.NOT_JSON,
      `not a HAR file: invalid JSON (${oneLine(error)})`,
      {
        cause: error,
      },
    );
  }
  const log = asObject<HarLog>(asObject<HarDocument>(document)?.log);
  if (!log) throw new HarFormatException(HarFormatExceptionCode.NOT_HAR, 'not a HAR file: log is missing');
  if (log.entries === undefined) {
    throw new HarFormatException(HarFormatExceptionCode.NOT_HAR, 'not a HAR file: log.entries is missing');
  }
  if (!Array.isArray(log.entries)) {
    throw new HarFormatException(
      HarFormatExceptionCode.NOT_HAR,
      'not a HAR file: log.entries is not an array',
    );
  }
  return log.entries as unknown[];
}

/**
 * Reads a HAR 1.2 file's text into ApiCall v1 events. Throws HarFormatException only when the file as
 * a whole is unusable; every entry that yields no valid event is listed in `skipped` with the reason.
 */
export function parseHar(text: string, options: HarReadOptions): HarReadResult {
  const settings = checkOptions(options);
  const entries = readEntries(text);
  const calls: ApiCall[] = [];
  const skipped: HarSkip[] = [];
  for (let index = 0; index < entries.length; index++) {
    try {
      const call = parseHarEntry(entries[index], index, settings);
      const validation = validateApiCall(call);
      if (validation.ok) calls.push(call);
      else
        skipped.push({
          entry: index,
          reason: `not a valid ApiCall: ${formatContractIssues(validation.issues)}`,
        });
    } catch (error) {
      // Anything else is a bug met on hostile input; it costs this entry, never the rest of the file.
      const reason =
        error instanceof HarEntrySkipException ? error.message : `unexpected error: ${oneLine(error)}`;
      skipped.push({ entry: index, reason });
    }
  }
  return { calls, skipped };
}
