/** Imports et exports: the fill-in sheet, the import of a filled-in sheet, the Bilan workbook. */
import { useApp } from '../../app/AppContext.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { FolderImportPanel } from '../restitutions/FolderImportPanel.tsx';
import { BilanExportPanel } from './BilanExportPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { TemplatePanel } from './TemplatePanel.tsx';
import './imports.css';

export function ImportsScreen(_props: { params: string[] }) {
  const { campaign } = useApp();
  return (
    <>
      <PageHeader
        title="Imports et exports"
        description="Faites remplir les rencontres dans un tableur, importez-les en vérifiant chaque ligne, et sortez le bilan en classeur Excel. Les fichiers sont écrits sur cet ordinateur."
      />
      {!campaign ? (
        <p>Aucune consultation : installez-en une depuis les Paramètres.</p>
      ) : (
        <>
          <section aria-labelledby="imp-template-title" className="imp-panel">
            <h2 id="imp-template-title" className="fr-h4">1. Tableau des rencontres à remplir</h2>
            <p>
              Un classeur (.xlsx) pour une académie ou un département, avec ses listes déroulantes (niveaux, départements,
              bassins) et les rencontres déjà connues : à envoyer aux DSDEN ou aux bassins.
            </p>
            <TemplatePanel campaignId={campaign.id} />
          </section>
          <section aria-labelledby="imp-import-title" className="imp-panel">
            <h2 id="imp-import-title" className="fr-h4">2. Importer un tableau rempli</h2>
            <p>
              Chaque ligne est vérifiée avant tout enregistrement. Une rencontre déjà connue (même référence, ou même niveau, date et
              lieu) est mise à jour, jamais ajoutée deux fois.
            </p>
            <ImportPanel campaignId={campaign.id} />
          </section>
          <section aria-labelledby="imp-bilan-title" className="imp-panel">
            <h2 id="imp-bilan-title" className="fr-h4">3. Bilan des rencontres en classeur Excel</h2>
            <p>Par académie, département, niveau et catégorie de participants, pour le périmètre choisi.</p>
            <BilanExportPanel campaignId={campaign.id} />
          </section>
          <section aria-labelledby="imp-restitutions-title" className="imp-panel">
            <h2 id="imp-restitutions-title" className="fr-h4">4. Restitutions d’un dossier</h2>
            <p>
              Les restitutions reçues (Word, OpenDocument, PDF, texte), chacune jointe à sa rencontre : un aperçu d’abord, que vous
              corrigez, puis l’import en une fois. Une restitution déjà jointe n’est pas ajoutée deux fois.
            </p>
            <FolderImportPanel campaignId={campaign.id} />
          </section>
        </>
      )}
    </>
  );
}
