import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CorrectTemplateUseCase } from './correct-template.usecase';
import {
  TemplateCorrectionDto,
  TemplateCorrectionListDto,
  TemplateCorrectionResponseDto,
} from './template-correction.dto';

@ApiTags('inventory')
@ApiBearerAuth()
@Controller('api/v1/services/:service/templates')
export class TemplatesController {
  constructor(@Inject(CorrectTemplateUseCase) private readonly correct: CorrectTemplateUseCase) {}

  /** Pin, split or merge a learnt template (`apiscope templates pin|split|merge SERVICE TEMPLATE`). */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: TemplateCorrectionResponseDto })
  create(
    @Param('service') service: string,
    @Body() dto: TemplateCorrectionDto,
  ): Promise<TemplateCorrectionResponseDto> {
    return this.correct.execute(service, dto);
  }

  @Get()
  @ApiOkResponse({ type: TemplateCorrectionListDto })
  async list(@Param('service') service: string): Promise<TemplateCorrectionListDto> {
    return { corrections: await this.correct.list(service) };
  }
}
