import { Body, Controller, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { InProcessBus } from '@apiscope/transport';

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
  constructor(@Inject(InProcessBus) private readonly bus: InProcessBus) {}

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
  ingest(@Body(IngestEnvelopePipe) body: unknown, @Query() _query: NoQueryDto): Promise<IngestResponseDto> {
    const { calls } = body as IngestRequestDto;
    return this.bus.publish(calls.map((payload) => ({ payload, source: 'ingest' })));
  }
}
