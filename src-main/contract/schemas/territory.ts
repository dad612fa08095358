import { z } from 'zod';
import { BassinKind, EtablissementType } from '../domain.ts';
import { AcademieCode, DepartementCode, Id, label, patchOf, RegionCode, Uai } from '../primitives.ts';
import { PageFields, pageOf, SearchText } from './lists.ts';

export const Departement = z.object({ code: DepartementCode, nom: z.string(), academieCode: AcademieCode });
export const Academie = z.object({
  code: AcademieCode,
  numero: z.string(),
  nom: z.string(),
  regionCode: RegionCode,
  departements: z.array(Departement),
});
export const RegionAcademique = z.object({ code: RegionCode, nom: z.string(), academies: z.array(Academie) });
export type RegionAcademique = z.infer<typeof RegionAcademique>;

const BassinFields = z.object({ departementCode: DepartementCode, kind: BassinKind, nom: label(200) });
export const BassinCreate = BassinFields;
export const BassinUpdate = patchOf(BassinFields).extend({ id: Id });
export const Bassin = BassinFields.extend({ id: Id, academieCode: AcademieCode });
export type Bassin = z.infer<typeof Bassin>;
export const BassinFilter = z.object({
  academieCode: AcademieCode.optional(),
  departementCode: DepartementCode.optional(),
});

const EtablissementFields = z.object({
  uai: Uai,
  nom: label(300),
  type: EtablissementType,
  commune: label(200),
  departementCode: DepartementCode,
  bassinId: Id.nullable().default(null),
});
export const EtablissementCreate = EtablissementFields;
export const EtablissementUpdate = patchOf(EtablissementFields.omit({ uai: true })).extend({ uai: Uai });
export const Etablissement = EtablissementFields.extend({ academieCode: AcademieCode });
export type Etablissement = z.infer<typeof Etablissement>;
/** A page of établissements of a territory, found by name, commune or UAI (anywhere in them). */
export const EtablissementFilter = BassinFilter.extend({ search: SearchText.optional(), ...PageFields });
export const EtablissementPage = pageOf(Etablissement);
