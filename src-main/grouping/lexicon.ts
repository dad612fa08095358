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
  // —— More of the field's ways of writing one thing (written from the field's knowledge, not from a test set).
  // Teachers: primary-school names keep their word and add « enseignant » (and so the actor).
  ['corps enseignant', 'enseignant'],
  ['instituteurs', 'enseignant'],
  ['institutrices', 'enseignant'],
  ['maitresse', 'enseignant'],
  ['prof doc', 'documentaliste'],
  ['profs doc', 'documentaliste'],

  // Digital referents: ERUN (1st degree) and RUPN (2nd degree) keep their word, « référent numérique » added.
  ['referent numerique', 'referentnumerique'],
  ['referents numeriques', 'referentnumerique'],
  ['referent pour les usages pedagogiques du numerique', 'referentnumerique'],
  ['erun', 'referentnumerique'],
  ['rupn', 'referentnumerique'],

  // Heads of schools: proviseur (lycée), directeur d'école (primary) keep their words, one canonical added.
  ['chef d etablissement', 'chefetablissement'],
  ['chefs d etablissement', 'chefetablissement'],
  ['personnels de direction', 'chefetablissement'],
  ['equipe de direction', 'chefetablissement'],
  ['proviseur', 'chefetablissement'],
  ['proviseurs', 'chefetablissement'],
  ['directeur d ecole', 'chefetablissement'],
  ['directeurs d ecole', 'chefetablissement'],

  // School-life staff written out.
  ['conseiller principal d education', 'cpe'],
  ['assistant d education', 'aed'],
  ['assistants d education', 'aed'],

  // Families: legal guardians, parenting, parents' federation.
  ['responsables legaux', 'famille'],
  ['representants legaux', 'famille'],
  ['parentalite', 'famille'],
  ['fcpe', 'famille'],

  // School–family link: one proposition however the relation is named.
  ['lien ecole famille', 'lienecolefamille'],
  ['relation ecole famille', 'lienecolefamille'],
  ['relations ecole famille', 'lienecolefamille'],
  ['communication avec les familles', 'lienecolefamille'],
  ['relations avec les familles', 'lienecolefamille'],
  ['coeducation', 'lienecolefamille'],

  // Girls: « lycéennes », « collégiennes » keep their level (WORDS_ADD) and add « filles ».
  ['lyceennes', 'filles'],
  ['lyceenne', 'filles'],
  ['collegiennes', 'filles'],
  ['collegienne', 'filles'],

  // Teenagers are « les jeunes » (their word kept).
  ['adolescents', 'jeunes'],
  ['ados', 'jeunes'],

  // Newly arrived non-French-speaking pupils and their schemes.
  ['nouvellement arrives', 'allophone'],
  ['primo arrivants', 'allophone'],
  ['francais langue etrangere', 'allophone'],
  ['upe2a', 'allophone'],

  // Disability: MDPH and AESH written out; specific learning disorders are « dys »; sensory impairments.
  ['maison departementale des personnes handicapees', 'mdph'],
  ['accompagnant d eleves en situation de handicap', 'aesh'],
  ['accompagnants d eleves en situation de handicap', 'aesh'],
  ['auxiliaires de vie scolaire', 'aesh'],
  ['troubles des apprentissages', 'dys'],
  ['dyslexie', 'dys'],
  ['dyslexiques', 'dys'],
  ['deficients visuels', 'malvoyant'],
  ['deficients auditifs', 'malentendant'],

  // Sick and hospitalised pupils (continuity of schooling), telepresence robots.
  ['eleves malades', 'hopital'],
  ['enfants malades', 'hopital'],
  ['robots de telepresence', 'telepresence'],

  // Computers, tablets, mobile sets of devices, computer rooms.
  ['poste informatique', 'ordinateur'],
  ['postes informatiques', 'ordinateur'],
  ['poste de travail', 'ordinateur'],
  ['postes de travail', 'ordinateur'],
  ['tablettes tactiles', 'tablette'],
  ['classe mobile', 'classemobile'],
  ['classes mobiles', 'classemobile'],
  ['salle informatique', 'salleinformatique'],
  ['salles informatiques', 'salleinformatique'],

  // Interactive boards and screens are one thing (a plain projector is another).
  ['tableau numerique', 'tni'],
  ['tableaux numeriques', 'tni'],
  ['tableau interactif', 'tni'],
  ['ecran numerique interactif', 'tni'],
  ['ecrans numeriques interactifs', 'tni'],
  ['ecran interactif', 'tni'],
  ['ecrans interactifs', 'tni'],
  ['video projecteur interactif', 'tni'],

  // Pupils' phones: « le portable » alone is the phone (« ordinateur portable » is matched from « ordinateur »).
  ['le portable', 'smartphone'],
  ['son portable', 'smartphone'],
  ['leur portable', 'smartphone'],
  ['telephone mobile', 'smartphone'],
  ['pause numerique', 'pausenumerique'],
  ['portable en pause', 'pausenumerique'],

  // Second-hand devices.
  ['seconde main', 'reconditionne'],
  ['d occasion', 'reconditionne'],

  // Technical support.
  ['support technique', 'maintenance'],
  ['assistance technique', 'maintenance'],

  // Network and the digital divide.
  ['wi fi', 'wifi'],
  ['bande passante', 'connexion'],
  ['fracture numerique', 'fracturenumerique'],
  ['fractures numeriques', 'fracturenumerique'],
  ['inegalites numeriques', 'fracturenumerique'],

  // Regional ENT names keep their word and add « ent ».
  ['toutatice', 'ent'],
  ['skolengo', 'ent'],
  ['e lyco', 'ent'],
  ['mon bureau numerique', 'ent'],
  ['lycee connecte', 'ent'],

  // School-life software and the homework diary.
  ['logiciel de vie scolaire', 'pronote'],
  ['ecole directe', 'pronote'],
  ['cahier de textes', 'cahiertextes'],
  ['cahier de texte', 'cahiertextes'],

  // Videoconference.
  ['video conference', 'visioconference'],
  ['visio conference', 'visioconference'],
  ['teams', 'visioconference'],
  ['webinaire', 'visioconference'],
  ['webinaires', 'visioconference'],

  // Ministry platforms, in-service training, skills framework.
  ['apps education', 'appseducation'],
  ['magistere', 'formation'],
  ['plan academique de formation', 'planformation'],
  ['cadre de reference des competences numeriques', 'crcn'],

  // Institutions: DRANE (ex-DANE), DSDEN, INSPE (ex-ESPE), CDI, DNE.
  ['delegation academique au numerique', 'drane'],
  ['delegation regionale academique au numerique', 'drane'],
  ['direction des services departementaux', 'dsden'],
  ['institut national superieur du professorat', 'inspe'],
  ['ecole superieure du professorat', 'inspe'],
  ['centre de documentation', 'cdi'],
  ['direction du numerique pour l education', 'dne'],

  // Local authorities: councils and inter-municipal bodies (the actor « collectivité »).
  ['conseil departemental', 'departement'],
  ['conseils departementaux', 'departement'],
  ['conseil general', 'departement'],
  ['conseil regional', 'region'],
  ['conseils regionaux', 'region'],
  ['communaute de communes', 'commune'],
  ['intercommunalite', 'commune'],

  // Private firms: publishers and ed-tech start-ups keep their word and add the actor.
  ['editeurs', 'entreprise'],
  ['edtech', 'entreprise'],
  ['start up', 'entreprise'],
  ['startups', 'entreprise'],
  ['societes privees', 'entreprise'],

  // Personal data and where it is hosted.
  ['delegue a la protection des donnees', 'dpd'],
  ['sol francais', 'hebergementfrance'],
  ['heberge en france', 'hebergementfrance'],
  ['hebergee en france', 'hebergementfrance'],
  ['heberges en france', 'hebergementfrance'],
  ['hebergees en france', 'hebergementfrance'],
  ['hebergement en france', 'hebergementfrance'],
  ['cloud souverain', 'souverainete'],

  // Big tech.
  ['geants du numerique', 'gafam'],
  ['geants du web', 'gafam'],
  ['grandes plateformes americaines', 'gafam'],
  ['big tech', 'gafam'],

  // Free software, digital commons, digital textbooks.
  ['linux', 'libre'],
  ['communs numeriques', 'libre'],
  ['manuel numerique', 'manuelnumerique'],
  ['manuels numeriques', 'manuelnumerique'],

  // Online risks: cyber-violence, social networks, screen time, digital footprint, copyright.
  ['harcelement sur internet', 'cyberharcelement'],
  ['cyber violence', 'cyberharcelement'],
  ['reseaux sociaux', 'reseauxsociaux'],
  ['reseau social', 'reseauxsociaux'],
  ['tiktok', 'reseauxsociaux'],
  ['instagram', 'reseauxsociaux'],
  ['snapchat', 'reseauxsociaux'],
  ['temps d ecran', 'tempsecran'],
  ['temps devant les ecrans', 'tempsecran'],
  ['exposition aux ecrans', 'tempsecran'],
  ['surexposition aux ecrans', 'tempsecran'],
  ['identite numerique', 'identitenumerique'],
  ['e reputation', 'identitenumerique'],
  ['traces numeriques', 'identitenumerique'],
  ['droit d auteur', 'droitauteur'],
  ['droits d auteur', 'droitauteur'],

  // Ecology of digital tools.
  ['numerique responsable', 'ecologie'],
  ['green it', 'ecologie'],
  ['eco conception', 'ecologie'],

  // Artificial intelligence: named tools and chatbots.
  ['chatgpt', 'ia'],
  ['chat gpt', 'ia'],
  ['agent conversationnel', 'ia'],
  ['agents conversationnels', 'ia'],
  ['chatbot', 'ia'],

  // Programming and the computing courses written out.
  ['scratch', 'programmation'],
  ['algorithmique', 'programmation'],
  ['sciences numeriques et technologie', 'snt'],
  ['numerique et sciences informatiques', 'nsi'],

  // Teaching formats.
  ['classe inversee', 'classeinversee'],
  ['classes inversees', 'classeinversee'],
  ['serious games', 'jeuxserieux'],
  ['jeux serieux', 'jeuxserieux'],

  // School levels written out (levels are never merged with one another).
  ['premier degre', 'primaire'],
  ['1er degre', 'primaire'],
  ['second degre', 'secondaire'],
  ['2nd degre', 'secondaire'],
  ['lycee professionnel', 'lyceepro'],
  ['lycees professionnels', 'lyceepro'],

  // One entry point, single sign-on, ease of use.
  ['guichet unique', 'guichetunique'],
  ['portail unique', 'guichetunique'],
  ['point d entree unique', 'guichetunique'],
  ['authentification unique', 'sso'],
  ['simple d utilisation', 'ergonomie'],
  ['facile d utilisation', 'ergonomie'],

  // Messaging and schoolbag written out.
  ['courrier electronique', 'messagerie'],
  ['sac a dos', 'cartable'],
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
  // —— More of the field's ways of writing one thing.
  // Families (the actor): parents, families, households are one word.
  parent: 'famille', parents: 'famille', foyers: 'famille', menages: 'famille', familial: 'famille', familiale: 'famille',

  // Pupils: feminine forms keep their level and give the actor; teenagers; drop-outs.
  lyceennes: 'lyceen', lyceenne: 'lyceen', collegiennes: 'collegien', collegienne: 'collegien',
  ados: 'adolescents', decrocheurs: 'decrochage', decrocheur: 'decrochage',

  // Disability, hospital.
  avs: 'aesh', aveugles: 'malvoyant', aveugle: 'malvoyant', sourds: 'malentendant',
  hospitalises: 'hopital', hospitalise: 'hopital', hospitalisees: 'hopital', hospitalisation: 'hopital',
  hospitalier: 'hopital',

  // Devices.
  ipad: 'tablette', ipads: 'tablette', iphone: 'smartphone',
  ecouteurs: 'casque', eni: 'tni',

  // Equipping: doter, équiper, dotation, équipement, matériel (canonical « dotation »: « équipement » would stem as « équipe », a team).
  doter: 'dotation', dote: 'dotation', dotee: 'dotation', equiper: 'dotation', equipement: 'dotation',
  equipements: 'dotation', equipee: 'dotation', materiel: 'dotation', materiels: 'dotation',

  // Lending, re-use, repair, support staff, faults.
  emprunt: 'preter', emprunts: 'preter', emprunter: 'preter', reemploi: 'reconditionne',
  depannage: 'maintenance', depanner: 'maintenance', hotline: 'maintenance',
  informaticien: 'technicien', informaticiens: 'technicien',
  bug: 'dysfonctionnement', bugs: 'dysfonctionnement', panne: 'dysfonctionnement', pannes: 'dysfonctionnement',

  // Network, divide.
  connectivite: 'connexion', illectronisme: 'fracturenumerique',

  // Software, platforms, how-tos.
  ecoledirecte: 'pronote', appli: 'application', webconference: 'visioconference',
  videoconference: 'visioconference', tuto: 'tutoriel',

  // Institutions (« paf » is a stop word: mapped here so that the acronym is kept).
  dane: 'drane', rectorat: 'academie', rectorats: 'academie', etab: 'etablissement',
  paf: 'planformation',

  // Local authorities.
  municipalite: 'mairie', municipalites: 'mairie', municipal: 'commune', municipale: 'commune',

  // Private firms.
  fournisseur: 'prestataire', fournisseurs: 'prestataire',

  // Data, sovereignty, security, big tech.
  gdpr: 'rgpd', dpo: 'dpd', gafa: 'gafam', souverain: 'souverainete', souveraine: 'souverainete',
  souveraines: 'souverainete', securiser: 'securite', securisation: 'securite', securise: 'securite',

  // Online risks, ecology.
  cyberviolence: 'cyberharcelement', cyberviolences: 'cyberharcelement', fakenews: 'infox',
  accro: 'addiction', accros: 'addiction', ereputation: 'identitenumerique',
  greenit: 'ecologie', ecoconception: 'ecologie', energetique: 'ecologie', climatique: 'ecologie',

  // Formats, ease of use.
  gamification: 'ludification', intuitif: 'ergonomie', intuitive: 'ergonomie', intuitifs: 'ergonomie',

  // Noun and verb of one action whose stems the stemmer leaves apart.
  protection: 'proteger', protections: 'proteger', interdiction: 'interdire', interdictions: 'interdire',
  interdit: 'interdire', interdits: 'interdire', bannir: 'interdire', restreindre: 'limiter',
  restriction: 'limiter', restrictions: 'limiter', prevention: 'prevenir', reduction: 'reduire',
  simplification: 'simplifier', creation: 'creer', certification: 'certifier', communication: 'communiquer',
  uniformiser: 'harmoniser', achat: 'acheter', achats: 'acheter', indemnite: 'remunerer',

  // Schoolbag.
  sac: 'cartable', sacs: 'cartable',
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
