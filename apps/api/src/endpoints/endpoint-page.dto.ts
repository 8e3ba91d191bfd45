import { ApiProperty } from '@nestjs/swagger';

import { InventoryEndpointDto } from '../inventory/inventory-document.dto';

/** An endpoint with its service and its opaque id (the key of GET /api/v1/endpoints/{id}). */
export class ServiceEndpointDto extends InventoryEndpointDto {
  @ApiProperty({ description: 'opaque, stable endpoint id' }) id!: string;
  @ApiProperty({ example: 'api.example.com' }) service!: string;
}

export class EndpointPageDto {
  @ApiProperty({ type: [ServiceEndpointDto] }) items!: ServiceEndpointDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
