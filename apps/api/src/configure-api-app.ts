import { ValidationPipe } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';

import { type ApiOptions } from './api-options.type';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { RequestValidationException, flattenValidationErrors } from './problem/validation.exception';

export const DEFAULT_INGEST_BODY_LIMIT = 64 * 1024 * 1024;

/** HTTP concerns shared by every host of the API (CLI `up`/`api`, tests): one place, one behaviour. */
export function configureApiApp(app: NestExpressApplication, options: ApiOptions): void {
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
  app.useBodyParser('json', { limit: options.ingestBodyLimitBytes ?? DEFAULT_INGEST_BODY_LIMIT });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
    }),
  );
  // Errors thrown before routing (body parser) also need the problem format.
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('apiscope API')
      .setDescription(
        'Passive API discovery: inventory, ingest, findings. Every /api/v1 route needs `Authorization: Bearer <key>`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
