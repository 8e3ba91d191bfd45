import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { type InventoryDocument } from '@apiscope/inventory';

import { Roles } from '../auth/roles.decorator';
import { ExpensiveQuery } from '../limits/expensive-query.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { GetInventoryUseCase } from './get-inventory.usecase';
import { InventoryDocumentDto } from './inventory-document.dto';
import { InventoryQueryDto } from './inventory-query.dto';

@ApiTags('inventory')
@Roles('viewer')
@Controller('api/v1/inventory')
export class InventoryController {
  constructor(@Inject(GetInventoryUseCase) private readonly getInventory: GetInventoryUseCase) {}

  /** The whole document in one answer (DESIGN.md): the heaviest read, so it runs under the cap. */
  @Get()
  @ExpensiveQuery()
  @ApiOkResponse({ type: InventoryDocumentDto })
  @ApiProblems(400)
  inventory(@Query() query: InventoryQueryDto): Promise<InventoryDocument> {
    return this.getInventory.execute(query.service);
  }
}
