import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'apiscope:public';

/** Marks a route that needs no API key. Only `/healthz` carries it: everything else is closed by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
