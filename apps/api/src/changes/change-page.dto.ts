import { ApiProperty } from '@nestjs/swagger';

import { INVENTORY_CHANGE_KINDS, type InventoryChangeKind } from '@apiscope/inventory';

export class ChangeDto {
  @ApiProperty({ format: 'date-time' }) ts!: string;
  @ApiProperty({ enum: INVENTORY_CHANGE_KINDS }) kind!: InventoryChangeKind;
  @ApiProperty() service!: string;
  @ApiProperty() method!: string;
  @ApiProperty() path!: string;
  @ApiProperty({
    description:
      'flag, data class or field concerned; for new_finding, the finding id (GET /api/v1/findings)',
  })
  subject!: string;
}

export class ChangePageDto {
  @ApiProperty({ type: [ChangeDto] }) items!: ChangeDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
