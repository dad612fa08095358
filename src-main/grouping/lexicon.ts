/**
 * The field's own words: what coordinators of digital education write in several ways for one thing.
 * Acronyms and their expansions (« ENT » and « espace numérique de travail »), spelled variants
 * (« cyber-harcèlement », « harcèlement en ligne »), familiar words (« profs », « ordis ») and near
 * synonyms of the domain (« recruter », « embaucher ») are made one word before stemming, so that a
 * rarity weight sees one term where the writers meant one thing. Only equivalences a coordinator would
 * grant in any consultation on digital education; nothing that depends on one set of texts.
 *
 * Also the actors a proposition is for or by (teachers, families, pupils, local authorities, private
 * firms): two propositions about the same thing for different actors are different propositions
 * (« former les enseignants à l’ENT », « former les parents à l’ENT »).
 */

/** Folded word sequences (words.ts words()) → one canonical word. Longest first when they overlap. */
const PHRASES: [string, string][] = [
  ['espace numerique de travail', 'ent'],
  ['espaces numeriques de travail', 'ent'],
  ['environnement numerique de travail', 'ent'],
  ['environnements numeriques de travail', 'ent'],
  ['reglement general sur la protection des donnees', 'rgpd'],
  ['reglement general de protection des donnees', 'rgpd'],
  ['harcelement en ligne', 'cyberharcelement'],
  ['harcelement sur les reseaux sociaux', 'cyberharcelement'],
  ['cyber harcelement', 'cyberharcelement'],
  ['education aux medias et a l information', 'emi'],
  ['education aux medias', 'emi'],
  ['tableau numerique interactif', 'tni'],
  ['tableaux numeriques interactifs', 'tni'],
  ['tableau blanc interactif', 'tni'],
  ['tableaux blancs interactifs', 'tni'],
  ['videoprojecteur interactif', 'tni'],
  ['videoprojecteurs interactifs', 'tni'],
  ['tres haut debit', 'thd'],
  ['fibre optique', 'thd'],
  ['ordinateur portable', 'ordinateur'],
  ['ordinateurs portables', 'ordinateur'],
  ['terminal mobile', 'tablette'],
  ['terminaux mobiles', 'tablette'],
  ['situation de handicap', 'handicap'],
  ['besoins educatifs particuliers', 'handicap'],
  ['mettre en commun', 'mutualiser'],
  ['mise en commun', 'mutualiser'],
  ['prendre en charge', 'financer'],
  ['pris en charge', 'financer'],
  ['prise en charge', 'financer'],
  ['aux frais', 'financer'],
  ['personnels enseignants', 'enseignant'],
  ['personnel enseignant', 'enseignant'],
  ['ressources educatives libres', 'ressources libres'],
  ['logiciel libre', 'libre'],
  ['logiciels libres', 'libre'],
  ['intelligence artificielle', 'ia'],
  ['fake news', 'infox'],
  ['fausses informations', 'infox'],
  ['fausse information', 'infox'],
  ['fausses nouvelles', 'infox'],
  ['impact environnemental', 'ecologie'],
  ['empreinte ecologique', 'ecologie'],
  ['empreinte environnementale', 'ecologie'],
  ['empreinte carbone', 'ecologie'],
  ['open source', 'libre'],
  ['securite informatique', 'cybersecurite'],
  ['securite numerique', 'cybersecurite'],
  ['cyber securite', 'cybersecurite'],
  ['mot de passe', 'identifiant'],
  ['mots de passe', 'identifiant'],
  ['zone blanche', 'zoneblanche'],
  ['zones blanches', 'zoneblanche'],
  ['zones non couvertes', 'zoneblanche'],
  ['zone non couverte', 'zoneblanche'],
  ['se deconnecter', 'deconnexion'],
  ['classe virtuelle', 'visioconference'],
  ['classes virtuelles', 'visioconference'],
  ['telephone portable', 'smartphone'],
  ['telephones portables', 'smartphone'],
  ['apportez votre equipement', 'byod'],
  ['enseignement a distance', 'distance'],
  ['professeur documentaliste', 'documentaliste'],
  ['professeurs documentalistes', 'documentaliste'],
  ['non francophones', 'allophone'],
  ['non francophone', 'allophone'],
  ['travail a la maison', 'devoirs'],
  ['chez eux', 'domicile'],
  ['a la maison', 'domicile'],
  ['personnels techniques', 'technicien'],
  ['personnel technique', 'technicien'],
  ['agents de maintenance', 'technicien'],
];

/** Folded words → canonical word. */
const WORDS: Record<string, string> = {
  prof: 'enseignant', profs: 'enseignant', professeur: 'enseignant', professeurs: 'enseignant', professeure: 'enseignant',
  professeures: 'enseignant', enseignante: 'enseignant', enseignantes: 'enseignant', enseignants: 'enseignant',
  ordi: 'ordinateur', ordis: 'ordinateur', pc: 'ordinateur', ordinateurs: 'ordinateur',
  tablettes: 'tablette',
  apprenant: 'eleve', apprenants: 'eleve', eleves: 'eleve',
  embaucher: 'recruter', embauche: 'recruter', embauches: 'recruter', recrutement: 'recruter', recrutements: 'recruter',
  recrute: 'recruter', recrutes: 'recruter',
  cyberharcelements: 'cyberharcelement',
  handicapes: 'handicap', handicape: 'handicap', handicapee: 'handicap', handicapees: 'handicap', handicaps: 'handicap',
  payer: 'financer', paye: 'financer', payee: 'financer', payes: 'financer', payees: 'financer', financement: 'financer',
  financements: 'financer', finance: 'financer', financee: 'financer', finances: 'financer', financees: 'financer',
  mutualisation: 'mutualiser', mutualise: 'mutualiser', mutualisees: 'mutualiser', mutualises: 'mutualiser',
  partager: 'mutualiser', partage: 'mutualiser', partagees: 'mutualiser', partages: 'mutualiser', partagee: 'mutualiser',
  fibre: 'thd', wifi: 'wifi', 'wi': 'wifi',
  harcelement: 'harcelement',
  tbi: 'tni', vpi: 'tni',
  connexion: 'connexion', connexions: 'connexion', debit: 'connexion', debits: 'connexion', internet: 'connexion',
  infox: 'infox', desinformation: 'infox', intox: 'infox',
  environnemental: 'ecologie', environnementale: 'ecologie', environnementaux: 'ecologie', environnementales: 'ecologie',
  ecologique: 'ecologie', ecologiques: 'ecologie', pollution: 'ecologie', sobriete: 'ecologie', carbone: 'ecologie',
  cybersecurite: 'cybersecurite', phishing: 'hameconnage', hameconnage: 'hameconnage',
  identifiants: 'identifiant', login: 'identifiant', logins: 'identifiant', authentification: 'identifiant',
  deconnecter: 'deconnexion', deconnexions: 'deconnexion',
  mail: 'messagerie', mails: 'messagerie', courriel: 'messagerie', courriels: 'messagerie', email: 'messagerie',
  emails: 'messagerie', messageries: 'messagerie',
  interoperable: 'interoperabilite', interoperables: 'interoperabilite',
  technicienne: 'technicien', techniciens: 'technicien', techniciennes: 'technicien',
  visio: 'visioconference', visioconferences: 'visioconference', visios: 'visioconference',
  smartphones: 'smartphone', byod: 'byod',
  distanciel: 'distance', espe: 'inspe',
  documentalistes: 'documentaliste', allophones: 'allophone',
  code: 'programmation', coder: 'programmation', codage: 'programmation',
  podcasts: 'podcast', baladodiffusion: 'podcast', webradio: 'radio', webradios: 'radio', radios: 'radio',
  former: 'formation', forme: 'formation', formes: 'formation', formee: 'formation', formees: 'formation', formations: 'formation',
  formons: 'formation', formant: 'formation', formez: 'formation',
  eple: 'etablissement', etablissements: 'etablissement',
  accessible: 'accessibilite', accessibles: 'accessibilite',
};

export type Actor = 'enseignant' | 'famille' | 'eleve' | 'collectivite' | 'entreprise';

/** Canonical or folded words naming who a proposition is for or by. */
const ACTORS: Record<string, Actor> = {
  enseignant: 'enseignant',
  parent: 'famille', parents: 'famille', famille: 'famille', familles: 'famille', foyer: 'famille', foyers: 'famille',
  eleve: 'eleve', collegien: 'eleve', collegiens: 'eleve', lyceen: 'eleve', lyceens: 'eleve', ecolier: 'eleve', ecoliers: 'eleve',
  enfant: 'eleve', enfants: 'eleve', jeunes: 'eleve',
  collectivite: 'collectivite', collectivites: 'collectivite', commune: 'collectivite', communes: 'collectivite',
  mairie: 'collectivite', mairies: 'collectivite', departement: 'collectivite', region: 'collectivite',
  prestataire: 'entreprise', prestataires: 'entreprise', entreprise: 'entreprise', entreprises: 'entreprise', prive: 'entreprise',
};

interface PhraseNode { next: Map<string, PhraseNode>; canonical?: string }

const PHRASE_TREE: PhraseNode = (() => {
  const root: PhraseNode = { next: new Map() };
  for (const [phrase, canonical] of PHRASES) {
    let node = root;
    for (const w of phrase.split(' ')) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map() }));
      node = child;
    }
    node.canonical = canonical;
  }
  return root;
})();

/** Folded words with the field's words made canonical and its phrases' canonical word added (longest phrase first). */
export function canonicalWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let node: PhraseNode | undefined = PHRASE_TREE;
    let match: { end: number; canonical: string } | null = null;
    for (let j = i; j < words.length && node; j++) {
      node = node.next.get(words[j]!);
      if (node?.canonical) match = { end: j + 1, canonical: node.canonical };
    }
    if (match) {
      // The phrase's own words stay (a one-word phrase would leave a text's other words weighing more),
      // and the canonical word is added: two spellings of one thing share it.
      for (let k = i; k < match.end; k++) out.push(WORDS[words[k]!] ?? words[k]!);
      out.push(...match.canonical.split(' '));
      i = match.end;
    } else {
      const w = words[i++]!;
      out.push(WORDS[w] ?? w);
    }
  }
  return out;
}

/** The actors canonical words name. */
export function actorsOf(words: readonly string[]): Set<Actor> {
  const actors = new Set<Actor>();
  for (const w of words) {
    const actor = ACTORS[w];
    if (actor) actors.add(actor);
  }
  return actors;
}
