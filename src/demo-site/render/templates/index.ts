import type { TemplateName } from '../../content-schema.js';
import type { PageTemplate } from '../page-view.js';
import { courierPage } from './courier.js';
import { echoPage } from './echo.js';
import { globePage } from './globe.js';
import { ledgerPage } from './ledger.js';
import { wirePage } from './wire.js';

/** Page template of each outlet layout. */
export const PAGE_TEMPLATES: Readonly<Record<TemplateName, PageTemplate>> = {
  wire: wirePage,
  globe: globePage,
  ledger: ledgerPage,
  courier: courierPage,
  echo: echoPage,
};
