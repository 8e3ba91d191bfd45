import { type Request } from 'express';

import { type ApiKeyRole } from '@apiscope/storage';

/** Who is calling: the key that authenticated the request. Never holds the key itself. */
export interface Principal {
  keyId: string;
  name: string;
  role: ApiKeyRole;
}

/** An express request after the authentication middleware: `principal` is set when a key was valid. */
export interface ApiRequest extends Request {
  principal?: Principal;
}

/** The bootstrap key (APISCOPE_API_KEY or `<data>/api-key`) is not stored; it acts as this admin. */
export const BOOTSTRAP_PRINCIPAL: Principal = {
  keyId: 'bootstrap',
  name: 'bootstrap key (APISCOPE_API_KEY or data directory)',
  role: 'admin',
};
