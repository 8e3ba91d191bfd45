import { ApiProperty } from '@nestjs/swagger';

export class ServiceDto {
  @ApiProperty({ example: 'api.example.com' }) name!: string;
  @ApiProperty() endpoints!: number;
  @ApiProperty() calls!: number;
  @ApiProperty({ format: 'date-time' }) firstSeen!: string;
  @ApiProperty({ format: 'date-time' }) lastSeen!: string;
}

export class ServiceListDto {
  @ApiProperty({ type: [ServiceDto] }) services!: ServiceDto[];
}
