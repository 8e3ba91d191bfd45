import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentOrigin } from '../audit/current-origin.decorator';
import { type RequestOrigin } from '../audit/request-origin.type';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { type Principal } from '../auth/principal.type';
import { Roles } from '../auth/roles.decorator';
import { type Page } from '../pagination/paginate.util';
import { ApiProblems } from '../problem/api-problems.decorator';
import { NoQueryDto } from '../validation/no-query.dto';
import { ApiKeyDto, ApiKeyPageDto, CreatedApiKeyDto } from './api-key.dto';
import { ApiKeyIdParamDto } from './api-key-id-param.dto';
import { CreateApiKeyDto } from './create-api-key.dto';
import { CreateApiKeyUseCase } from './create-api-key.usecase';
import { ListApiKeysQueryDto } from './list-api-keys-query.dto';
import { ListApiKeysUseCase } from './list-api-keys.usecase';
import { RevokeApiKeyUseCase } from './revoke-api-key.usecase';

@ApiTags('keys')
@Roles('admin')
@Controller('api/v1/keys')
export class KeysController {
  constructor(
    @Inject(CreateApiKeyUseCase) private readonly createKey: CreateApiKeyUseCase,
    @Inject(ListApiKeysUseCase) private readonly listKeys: ListApiKeysUseCase,
    @Inject(RevokeApiKeyUseCase) private readonly revokeKey: RevokeApiKeyUseCase,
  ) {}

  @Post()
  @ApiOperation({ summary: 'create an API key; the answer is the only time the key is shown' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(400, 413, 415)
  create(
    @Body() body: CreateApiKeyDto,
    @Query() _query: NoQueryDto,
    @CurrentPrincipal() actor: Principal,
    @CurrentOrigin() origin: RequestOrigin,
  ): Promise<CreatedApiKeyDto> {
    return this.createKey.execute(body, actor, origin);
  }

  @Get()
  @ApiOperation({ summary: 'API keys, newest first (never the keys themselves)' })
  @ApiOkResponse({ type: ApiKeyPageDto })
  @ApiProblems(400)
  list(@Query() query: ListApiKeysQueryDto): Promise<Page<ApiKeyDto>> {
    return this.listKeys.execute(query);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'revoke an API key (it stays listed as revoked)' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiProblems(400)
  revoke(
    @Param() params: ApiKeyIdParamDto,
    @Query() _query: NoQueryDto,
    @CurrentPrincipal() actor: Principal,
    @CurrentOrigin() origin: RequestOrigin,
  ): Promise<ApiKeyDto> {
    return this.revokeKey.execute(params.id, actor, origin);
  }
}
