/**
 * zod speaks French everywhere the contract is checked, in words users know: "nombre attendu",
 * not "number attendu". Messages a schema sets itself win over these.
 */
import { z } from 'zod';

const TYPES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'oui ou non (vrai/faux)',
  object: 'un objet',
  array: 'une liste',
  date: 'une date',
  null: 'une valeur vide',
  undefined: 'une valeur absente',
};

const french = z.locales.fr();

z.config({
  localeError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? 'valeur manquante' : `${TYPES[issue.expected] ?? issue.expected} attendu${issue.expected === 'array' ? 'e' : ''}`;
      case 'too_small':
        if (issue.origin === 'string') return `trop court (au moins ${String(issue.minimum)} caractère${Number(issue.minimum) > 1 ? 's' : ''})`;
        if (issue.origin === 'array') return `au moins ${String(issue.minimum)} élément${Number(issue.minimum) > 1 ? 's' : ''} attendu${Number(issue.minimum) > 1 ? 's' : ''}`;
        return `doit valoir au moins ${String(issue.minimum)}${issue.inclusive ? '' : ' (exclu)'}`;
      case 'too_big':
        if (issue.origin === 'string') return `trop long (${String(issue.maximum)} caractères au plus)`;
        if (issue.origin === 'array') return `${String(issue.maximum)} éléments au plus`;
        return `doit valoir au plus ${String(issue.maximum)}`;
      case 'invalid_value':
        return `valeur inconnue : choisir parmi ${issue.values.map((v) => `« ${String(v)} »`).join(', ')}`;
      case 'unrecognized_keys':
        return `champ${issue.keys.length > 1 ? 's' : ''} inconnu${issue.keys.length > 1 ? 's' : ''} : ${issue.keys.join(', ')}`;
      default:
        return french.localeError(issue);
    }
  },
});
