/**
 * A synthesis's scope named as French grammar needs it: « la région académique », « l’académie de Poitiers »,
 * « le département de la Vienne », with « de » and « à » contracted (du, au, des, aux) and elided (de l’).
 * The région's forms carry no name: seed 004's headings say « de la région académique ».
 */
import { ofAcademie } from '../contract/domain.ts';

export interface ScopeOf {
  kind: 'region' | 'academie' | 'departement' | 'national';
  code: string;
  name: string;
}

/** How a département's name is introduced (INSEE's « charnière »): the default is « de » (Paris, Mayotte…). */
const ARTICLES: Record<string, 'du' | 'de la' | 'des' | 'de l’' | 'd’'> = {
  ...Object.fromEntries(['14', '15', '18', '25', '29', '30', '32', '39', '41', '45', '46', '47', '56', '59', '62', '63', '67', '68', '69', '81', '83', '90', '94', '95'].map((c) => [c, 'du'])),
  ...Object.fromEntries(['16', '17', '19', '2A', '2B', '21', '23', '24', '26', '31', '33', '42', '43', '44', '48', '50', '51', '52', '53', '55', '57', '58', '70', '72', '73', '74', '76', '80', '85', '86', '87', '93', '971', '972', '973'].map((c) => [c, 'de la'])),
  ...Object.fromEntries(['04', '05', '06', '08', '13', '22', '40', '64', '65', '66', '78', '79', '88', '92'].map((c) => [c, 'des'])),
  ...Object.fromEntries(['01', '02', '03', '07', '09', '10', '11', '12', '27', '34', '36', '38', '60', '61', '89', '91'].map((c) => [c, 'de l’'])),
  ...Object.fromEntries(['28', '35', '37'].map((c) => [c, 'd’'])),
};

/** « de la Vienne », « du Var », « des Landes », « de l’Ain », « d’Eure-et-Loir », « de Paris », « de La Réunion ». */
export function ofDepartement(code: string, name: string): string {
  const article = ARTICLES[code] ?? (/^[AEIOUYÉÈÊÎÔ]/i.test(name) ? 'd’' : 'de');
  return article.endsWith('’') ? `${article}${name}` : `${article} ${name}`;
}

/** The scope as the subject or object of a sentence: « la région académique », « le département de la Vienne ». */
export function theScope(scope: ScopeOf): string {
  switch (scope.kind) {
    case 'region': return 'la région académique';
    case 'national': return 'les régions académiques';
    case 'academie': return `l’académie ${ofAcademie(scope.name)}`;
    case 'departement': return `le département ${ofDepartement(scope.code, scope.name)}`;
  }
}

/** « de » or « à » before the scope, contracted and elided: « du département… », « aux régions académiques ». */
export function scopeAfter(preposition: 'de' | 'à', scope: ScopeOf): string {
  const the = theScope(scope);
  const [article, rest] = the.startsWith('l’') ? ['l’', the.slice(2)] : [the.slice(0, the.indexOf(' ')), the.slice(the.indexOf(' ') + 1)];
  const contracted: Record<string, Record<string, string>> = {
    de: { le: 'du ', les: 'des ', la: 'de la ', 'l’': 'de l’' },
    à: { le: 'au ', les: 'aux ', la: 'à la ', 'l’': 'à l’' },
  };
  return `${contracted[preposition]![article]!}${rest}`;
}

/**
 * Where something took place: « en région académique » (seed 004, T4 and T5), « dans l’académie de Poitiers »,
 * « dans le département de la Vienne », « dans les régions académiques ».
 */
export function inScope(scope: ScopeOf): string {
  return scope.kind === 'region' ? 'en région académique' : `dans ${theScope(scope)}`;
}
