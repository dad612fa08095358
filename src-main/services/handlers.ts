/** Every operation of the contract, mapped to its handler. TypeScript checks that none is missing. */
import { campaignHandlers, thematiqueHandlers } from './campaigns.service.ts';
import { comparisonHandlers } from './comparison.service.ts';
import { contributionHandlers } from './contributions.service.ts';
import type { Handlers } from './context.ts';
import { exchangeHandlers } from './exchange.service.ts';
import { groupHandlers } from './groups.service.ts';
import { identityHandlers } from './identity.service.ts';
import { categoryHandlers, meetingHandlers } from './meetings.service.ts';
import { kit2015Handlers } from './kit2015.service.ts';
import { missingHandlers } from './missing.service.ts';
import { readingProgressHandlers } from './reading-progress.ts';
import { retexHandlers } from './retex.service.ts';
import { restitutionHandlers } from './restitutions.service.ts';
import { searchHandlers } from './search.service.ts';
import { catalogueHandlers, settingsHandlers } from './settings.service.ts';
import { spreadsheetHandlers } from './spreadsheets.service.ts';
import { styleHandlers } from './styles.service.ts';
import { statsHandlers } from './stats.service.ts';
import { documentHandlers, synthesisHandlers } from './synthesis.service.ts';
import { bassinHandlers, etablissementHandlers, territoryHandlers } from './territory.service.ts';
import { sectionTextHandlers, trameHandlers } from './trames.service.ts';

export const handlers: Handlers = {
  ...campaignHandlers,
  ...thematiqueHandlers,
  ...territoryHandlers,
  ...bassinHandlers,
  ...etablissementHandlers,
  ...categoryHandlers,
  ...meetingHandlers,
  ...retexHandlers,
  ...contributionHandlers,
  ...restitutionHandlers,
  ...groupHandlers,
  ...readingProgressHandlers,
  ...comparisonHandlers,
  ...sectionTextHandlers,
  ...trameHandlers,
  ...settingsHandlers,
  ...catalogueHandlers,
  ...styleHandlers,
  ...statsHandlers,
  ...missingHandlers,
  ...searchHandlers,
  ...synthesisHandlers,
  ...documentHandlers,
  ...kit2015Handlers,
  ...spreadsheetHandlers,
  ...identityHandlers,
  ...exchangeHandlers,
};
