import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentOrigin } from '../audit/current-origin.decorator';
import { type RequestOrigin } from '../audit/request-origin.type';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { type Principal } from '../auth/principal.type';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { ServiceParamDto } from '../services/service-param.dto';
import { NoQueryDto } from '../validation/no-query.dto';

import { CorrectTemplateUseCase } from './correct-template.usecase';
import {
  TemplateCorrectionDto,
  TemplateCorrectionListDto,
  TemplateCorrectionResponseDto,
} from './template-correction.dto';

@ApiTags('inventory')
@Controller('api/v1/services/:service/templates')
export class TemplatesController {
  constructor(@Inject(CorrectTemplateUseCase) private readonly correct: CorrectTemplateUseCase) {}

  /** Pin, split or merge a learnt template (`apiscope templates pin|split|merge SERVICE TEMPLATE`). */
  @Post()
  @Roles()
  @HttpCode(201)
  @ApiCreatedResponse({ type: TemplateCorrectionResponseDto })
  @ApiProblems(400, 413, 415)
  create(
    @Param() params: ServiceParamDto,
    @Body() dto: TemplateCorrectionDto,
    @Query() _query: NoQueryDto,
    @CurrentPrincipal() actor: Principal,
    @CurrentOrigin() origin: RequestOrigin,
  ): Promise<TemplateCorrectionResponseDto> {
    return this.correct.execute(params.service, dto, { actor, origin });
  }

  @Get()
  @Roles('viewer')
  @ApiOkResponse({ type: TemplateCorrectionListDto })
  @ApiProblems(400)
  async list(
    @Param() params: ServiceParamDto,
    @Query() _query: NoQueryDto,
  ): Promise<TemplateCorrectionListDto> {
    return { corrections: await this.correct.list(params.service) };
  }
}
