import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ReferenceSpecRepository, type SpecVersionSummary } from '@apiscope/storage';

import { CurrentOrigin } from '../audit/current-origin.decorator';
import { type RequestOrigin } from '../audit/request-origin.type';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { type Principal } from '../auth/principal.type';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { NoQueryDto } from '../validation/no-query.dto';
import { ImportSpecRequestDto } from './import-spec-request.dto';
import { ImportSpecUseCase } from './import-spec.usecase';
import { SpecVersionDto, SpecVersionListDto } from './spec-version.dto';

const toDto = (v: SpecVersionSummary): SpecVersionDto => ({
  ...v,
  importedAt: new Date(v.importedAt).toISOString(),
});

@ApiTags('specs')
@Controller('api/v1/specs')
export class SpecsController {
  constructor(
    @Inject(ImportSpecUseCase) private readonly importSpec: ImportSpecUseCase,
    @Inject(ReferenceSpecRepository) private readonly specs: ReferenceSpecRepository,
  ) {}

  /** Each import is a new version of the service's reference spec; a bad spec is refused whole (400). */
  @Post()
  // admin only: a spec changes what every endpoint is flagged as
  @Roles()
  @ApiCreatedResponse({ type: SpecVersionDto })
  @ApiProblems(400, 413, 415)
  async import(
    @Body() body: ImportSpecRequestDto,
    @Query() _query: NoQueryDto,
    @CurrentPrincipal() actor: Principal,
    @CurrentOrigin() origin: RequestOrigin,
  ): Promise<SpecVersionDto> {
    return toDto(await this.importSpec.execute(body.service, body.document, { actor, origin }));
  }

  @Get()
  @Roles('viewer')
  @ApiOkResponse({ type: SpecVersionListDto })
  @ApiProblems(400)
  async list(@Query() _query: NoQueryDto): Promise<SpecVersionListDto> {
    return { specs: (await this.specs.versions()).map(toDto) };
  }
}
