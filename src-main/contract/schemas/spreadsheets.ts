/** Spreadsheets: the fill-in template, the attendance import and its report, the Bilan workbook. */
import { z } from 'zod';
import { AcademieCode, DepartementCode, Id } from '../primitives.ts';
import { exactlyOneSource, FileSourceFields, ONE_SOURCE } from './files.ts';
import { ScopeRef } from './reports.ts';

export const TemplateRequest = z.object({
  campaignId: Id,
  /** Where to write the .xlsx on this computer. */
  outputPath: z.string().min(1).max(2_000),
  academieCode: AcademieCode.optional(),
  departementCode: DepartementCode.optional(),
});

export const ImportRequest = FileSourceFields.extend({
  campaignId: Id,
  /** Write the rows that can be imported even though others are refused. */
  acceptPartial: z.boolean().default(false),
}).refine(exactlyOneSource, ONE_SOURCE);

export const RowProblem = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string(),
  message: z.string(),
});

export const ImportReport = z.object({
  fileName: z.string(),
  sheetName: z.string(),
  rowsRead: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  /** True when the catalogue was changed; a preview, or a refusal without acceptPartial, changes nothing. */
  applied: z.boolean(),
  ignoredColumns: z.array(z.object({ header: z.string(), column: z.string() })),
  problems: z.array(RowProblem),
  rows: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(['ajout', 'mise-a-jour', 'inchangee', 'refusee']),
      meetingId: z.number().int().nullable(),
      title: z.string(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const WorkbookRequest = z.object({
  campaignId: Id,
  outputPath: z.string().min(1).max(2_000),
  scope: ScopeRef.default('region'),
});
