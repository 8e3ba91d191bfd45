import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, type OpenAPIObject } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { NoQueryDto } from '../validation/no-query.dto';
import { OpenApiDocumentService } from './openapi-document.service';

@ApiTags('docs')
@Roles('viewer')
@Controller('api/docs')
export class OpenApiController {
  constructor(@Inject(OpenApiDocumentService) private readonly docs: OpenApiDocumentService) {}

  /** Behind a key like the rest of the API: only /healthz answers strangers (issue 10). */
  @Get('openapi.json')
  @ApiOperation({ summary: 'this OpenAPI document' })
  @ApiOkResponse({ description: 'OpenAPI 3.0 document', schema: { type: 'object' } })
  @ApiProblems(400)
  document(@Query() _query: NoQueryDto): OpenAPIObject {
    return this.docs.get();
  }
}
