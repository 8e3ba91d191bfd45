import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { type Page } from '../pagination/paginate.util';
import { ApiProblems } from '../problem/api-problems.decorator';
import { type DeadLetterDto, DeadLetterPageDto } from './dead-letter.dto';
import { ListDeadLettersQueryDto } from './list-dead-letters-query.dto';
import { ListDeadLettersUseCase } from './list-dead-letters.usecase';

@ApiTags('pipeline')
@Roles('admin')
@Controller('api/v1/dead-letters')
export class DeadLettersController {
  constructor(@Inject(ListDeadLettersUseCase) private readonly listLetters: ListDeadLettersUseCase) {}

  @Get()
  @ApiOperation({ summary: 'events the pipeline refused, with the reason; newest first (kept 14 days)' })
  @ApiOkResponse({ type: DeadLetterPageDto })
  @ApiProblems(400)
  list(@Query() query: ListDeadLettersQueryDto): Promise<Page<DeadLetterDto>> {
    return this.listLetters.execute(query);
  }
}
