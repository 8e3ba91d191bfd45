import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { ExpensiveQuery } from '../limits/expensive-query.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { FindingPageDto } from './finding.dto';
import { ListFindingsQueryDto } from './list-findings-query.dto';
import { type FindingPage, ListFindingsUseCase } from './list-findings.usecase';

@ApiTags('findings')
@Roles('viewer')
@Controller('api/v1/findings')
export class FindingsController {
  constructor(@Inject(ListFindingsUseCase) private readonly listFindings: ListFindingsUseCase) {}

  /** Assesses the whole inventory (or one service's): runs under the cap on expensive queries. */
  @Get()
  @ExpensiveQuery()
  @ApiOperation({
    summary:
      'findings with severity and OWASP API Top 10 (2023) category, most severe first, keyset-paginated',
  })
  @ApiOkResponse({ type: FindingPageDto })
  @ApiProblems(400)
  list(@Query() query: ListFindingsQueryDto): Promise<FindingPage> {
    return this.listFindings.execute(query);
  }
}
