import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ReferenceSpecRepository, type SpecVersionSummary } from '@apiscope/storage';

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
  @ApiCreatedResponse({ type: SpecVersionDto })
  async import(@Body() body: ImportSpecRequestDto): Promise<SpecVersionDto> {
    return toDto(await this.importSpec.execute(body.service, body.document));
  }

  @Get()
  @ApiOkResponse({ type: SpecVersionListDto })
  async list(): Promise<SpecVersionListDto> {
    return { specs: (await this.specs.versions()).map(toDto) };
  }
}
