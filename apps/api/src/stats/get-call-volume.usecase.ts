import { Inject, Injectable } from '@nestjs/common';

import { CallVolumeRepository, type CallVolumeInterval } from '@apiscope/storage';

import { requireEndpointId } from '../endpoints/endpoint-id.util';
import { pageSize, readCursor, toPage } from '../pagination/paginate.util';
import { RequestValidationException } from '../problem/validation.exception';
import { type CallVolumePageDto } from './call-volume.dto';
import { type CallVolumeQueryDto } from './call-volume-query.dto';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Default span and longest span per interval: a bounded number of buckets per service. */
const SPAN: Record<CallVolumeInterval, { default: number; max: number }> = {
  hour: { default: DAY, max: 31 * DAY },
  day: { default: 30 * DAY, max: 400 * DAY },
};

@Injectable()
export class GetCallVolumeUseCase {
  constructor(@Inject(CallVolumeRepository) private readonly volume: CallVolumeRepository) {}

  async execute(q: CallVolumeQueryDto, now = Date.now()): Promise<CallVolumePageDto> {
    const interval = q.interval ?? 'hour';
    const to = q.to === undefined ? now : Date.parse(q.to);
    const from = q.from === undefined ? to - SPAN[interval].default : Date.parse(q.from);
    if (!(from < to) || to - from > SPAN[interval].max)
      throw new RequestValidationException([
        {
          field: 'from',
          problem: `from must be before to, at most ${SPAN[interval].max / DAY} days apart for interval=${interval}`,
        },
      ]);
    const endpoint = requireEndpointId(q.endpoint, 'endpoint');
    if (endpoint && q.service !== undefined && q.service !== endpoint.service)
      throw new RequestValidationException([
        { field: 'service', problem: 'service differs from the endpoint’s' },
      ]);
    const limit = pageSize(q.limit);
    const after = readCursor(q.cursor, ['number', 'string']);
    const rows = await this.volume.list({
      interval,
      from,
      to,
      limit: limit + 1,
      ...(q.service !== undefined && { service: q.service }),
      ...(endpoint && {
        service: endpoint.service,
        method: endpoint.method,
        pathTemplate: endpoint.pathTemplate,
      }),
      ...(after && { after: { bucket: Number(after[0]), service: String(after[1]) } }),
    });
    const page = toPage(
      rows,
      limit,
      (r) => ({ ...r, bucket: new Date(r.bucket).toISOString() }),
      (r) => [r.bucket, r.service],
    );
    return { interval, from: new Date(from).toISOString(), to: new Date(to).toISOString(), ...page };
  }
}
