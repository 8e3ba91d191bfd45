import { Inject, Injectable } from '@nestjs/common';

import { ServiceRepository } from '@apiscope/storage';

import { type Page, pageSize, readCursor, toPage } from '../pagination/paginate.util';
import { type ListServicesQueryDto } from './list-services-query.dto';
import { type ServiceDto } from './service-list.dto';

@Injectable()
export class ListServicesUseCase {
  constructor(@Inject(ServiceRepository) private readonly services: ServiceRepository) {}

  async execute(q: ListServicesQueryDto): Promise<Page<ServiceDto>> {
    const limit = pageSize(q.limit);
    const after = readCursor(q.cursor, ['string']);
    const rows = await this.services.list({
      limit: limit + 1,
      ...(after && { after: String(after[0]) }),
      ...(q.prefix !== undefined && { prefix: q.prefix }),
    });
    return toPage(
      rows,
      limit,
      (s) => ({
        ...s,
        firstSeen: new Date(s.firstSeen).toISOString(),
        lastSeen: new Date(s.lastSeen).toISOString(),
      }),
      (s) => [s.name],
    );
  }
}
