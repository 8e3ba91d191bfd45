import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { type Page } from '../pagination/paginate.util';
import { ApiProblems } from '../problem/api-problems.decorator';
import { type AuditEntryDto, AuditPageDto } from './audit-entry.dto';
import { ListAuditQueryDto } from './list-audit-query.dto';
import { ListAuditUseCase } from './list-audit.usecase';

@ApiTags('audit')
@Roles('admin')
@Controller('api/v1/audit')
export class AuditController {
  constructor(@Inject(ListAuditUseCase) private readonly listAudit: ListAuditUseCase) {}

  @Get()
  @ApiOperation({
    summary: 'the audit log: admin actions, failed authentications, denied access; newest first',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProblems(400)
  list(@Query() query: ListAuditQueryDto): Promise<Page<AuditEntryDto>> {
    return this.listAudit.execute(query);
  }
}
