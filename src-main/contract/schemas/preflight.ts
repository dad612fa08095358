/** What the pre-flight check finds before a synthesis is written: each finding points to its record. */
import { z } from 'zod';

export const FindingTarget = z.object({
  kind: z.enum(['meeting', 'retex', 'contribution', 'thematique', 'trame', 'settings', 'sectionText']),
  id: z.number().int().nullable(),
  /** A short name of the record, for the list ("Concertation départementale de la Gironde"). */
  label: z.string(),
});

export const Finding = z.object({
  /** `attention`: the document will show a gap or a figure to check; `information`: worth knowing. */
  severity: z.enum(['attention', 'information']),
  code: z.string(),
  message: z.string(),
  target: FindingTarget,
});
export type Finding = z.infer<typeof Finding>;

/** Findings of one code beyond the first ones listed: how many, and what they are (« rencontres sans restitution reçue »). */
export const OmittedFindings = z.object({
  code: z.string(),
  severity: Finding.shape.severity,
  count: z.number().int().min(1),
  label: z.string(),
});

export const PreflightReport = z.object({ findings: z.array(Finding), omitted: z.array(OmittedFindings).default([]) });
export type PreflightReport = z.infer<typeof PreflightReport>;
