import { Body, Controller, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiscopeMetrics } from '@apiscope/telemetry';
import { InProcessBus, TransportException, TransportExceptionCode } from '@apiscope/transport';

import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { NoQueryDto } from '../validation/no-query.dto';
import { IngestEnvelopePipe } from './ingest-envelope.pipe';
import { IngestRequestDto } from './ingest-request.dto';
import { IngestResponseDto } from './ingest-response.dto';

@ApiTags('ingest')
@Roles('ingest')
@Controller('api/v1/ingest')
export class IngestController {
  constructor(
    @Inject(InProcessBus) private readonly bus: InProcessBus,
    @Inject(ApiscopeMetrics) private readonly metrics: ApiscopeMetrics,
  ) {}

  /**
   * Answers once the calls are stored: a 200 means nothing is lost. Calls that break the contract
   * are refused one by one with their reason; the rest of the batch is kept.
   */
  @Post()
  @HttpCode(200)
  @ApiBody({ type: IngestRequestDto })
  @ApiProblems(400, 413, 415)
  @ApiOkResponse({ type: IngestResponseDto })
  // typed `unknown` so the global ValidationPipe passes it through to the envelope pipe untouched
  async ingest(
    @Body(IngestEnvelopePipe) body: unknown,
    @Query() _query: NoQueryDto,
  ): Promise<IngestResponseDto> {
    const { calls } = body as IngestRequestDto;
    this.metrics.eventsIn.inc({ stage: 'ingest' }, calls.length);
    try {
      const outcome = await this.bus.publish(calls.map((payload) => ({ payload, source: 'ingest' })));
      this.metrics.eventsOut.inc({ stage: 'ingest' }, outcome.accepted);
      this.metrics.eventsDropped.inc({ stage: 'ingest', reason: 'contract' }, outcome.rejected);
      return outcome;
    } catch (error) {
      const reason =
        error instanceof TransportException && error.code === TransportExceptionCode.BUS_OVERLOADED
          ? 'overloaded'
          : error instanceof TransportException
            ? 'shutdown'
            : 'storage';
      this.metrics.eventsDropped.inc({ stage: 'ingest', reason }, calls.length);
      throw error;
    }
  }
}
