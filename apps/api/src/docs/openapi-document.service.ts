import { Injectable } from '@nestjs/common';
import { type OpenAPIObject } from '@nestjs/swagger';

/** Holds the OpenAPI document built at start-up from the app's own routes and DTOs. */
@Injectable()
export class OpenApiDocumentService {
  private document: OpenAPIObject | undefined;

  set(document: OpenAPIObject): void {
    this.document = document;
  }

  get(): OpenAPIObject {
    if (!this.document) throw new Error('the OpenAPI document is built by configureApiApp');
    return this.document;
  }
}
