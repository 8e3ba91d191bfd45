import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { InProcessBus } from '@apiscope/transport';

import { IngestRequestDto } from './ingest-request.dto';
import { IngestResponseDto } from './ingest-response.dto';

@ApiTags('ingest')
@ApiBearerAuth()
@Controller('api/v1/ingest')
export class IngestController {
  constructor(@Inject(InProcessBus) private readonly bus: InProcessBus) {}

  /**
   * Answers once the calls are stored: a 200 means nothing is lost. Calls that break the contract
   * are refused one by one with their reason; the rest of the batch is kept.
   */
  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: IngestResponseDto })
  ingest(@Body() body: IngestRequestDto): Promise<IngestResponseDto> {
    return this.bus.publish(body.calls.map((payload) => ({ payload, source: 'ingest' })));
  }
}
