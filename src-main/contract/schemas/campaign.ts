import { z } from 'zod';
import { Id, IsoDate, label, patchOf, text } from '../primitives.ts';

export const ThematiqueInput = z.object({
  number: z.number().int().min(1).max(99),
  title: label(300),
  description: text(5_000).default(''),
  sujets: z.array(label(300)).max(50).default([]),
});
export const Thematique = ThematiqueInput.extend({ id: Id, campaignId: Id });
export type Thematique = z.infer<typeof Thematique>;

const CampaignFields = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,40}$/, { message: 'identifiant court attendu (minuscules, chiffres, tirets)' }),
  title: label(300),
  shortTitle: label(60),
  startDate: IsoDate,
  endDate: IsoDate,
  /** After this day no élu may attend (période de réserve); null when the campaign has none. */
  reserveDate: IsoDate.nullable().default(null),
  description: text(10_000).default(''),
});

function datesInOrder(value: { startDate?: string; endDate?: string }) {
  return !value.startDate || !value.endDate || value.startDate <= value.endDate;
}
const DATES_MESSAGE = { message: 'la date de fin précède la date de début', path: ['endDate'] };

export const CampaignCreate = CampaignFields.extend({
  thematiques: z.array(ThematiqueInput).max(30).default([]),
}).refine(datesInOrder, DATES_MESSAGE);
export const CampaignUpdate = patchOf(CampaignFields).extend({ id: Id }).refine(datesInOrder, DATES_MESSAGE);
export const Campaign = CampaignFields.extend({ id: Id, thematiques: z.array(Thematique) });
export type Campaign = z.infer<typeof Campaign>;

export const ThematiqueCreate = ThematiqueInput.extend({ campaignId: Id });
export const ThematiqueUpdate = patchOf(ThematiqueInput).extend({ id: Id });
