/** The shell of every screen: DSFR header with the main navigation, the active consultation, the page. */
import { Header } from '@codegouvfr/react-dsfr/Header';
import { useEffect, useRef } from 'react';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/Loading.tsx';
import { InboxNotice } from '../features/exchange/InboxNotice.tsx';
import { DemoBanner } from '../features/identity/DemoBanner.tsx';
import { WelcomeScreen } from '../features/identity/WelcomeScreen.tsx';
import { AppProvider, useApp } from './AppContext.tsx';
import { Notices } from './Notices.tsx';
import { href, navigate, SCREENS, useRoute } from './routes.ts';
import { ScreenFor } from './screens.tsx';
import { guardUnsavedWork } from './unsaved.ts';

export function App() {
  return (
    <AppProvider>
      <Shell />
    </AppProvider>
  );
}

function Shell() {
  const route = useRoute();
  // A link that replaces the screen must not drop the keyboard focus on <body>: it goes to the content.
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false; // on opening, the skip link stays the first stop
      return;
    }
    const main = document.getElementById('contenu');
    if (main) delete main.dataset.skipped; // a new screen: no longer where the skip link led
    if (document.activeElement === document.body || document.activeElement === null) main?.focus({ preventScroll: true });
  }, [route.screen, route.params.join('/')]);
  useEffect(() => guardUnsavedWork(), []);
  const { campaigns, campaign, setActiveCampaign, loading, identity, identityError, generation } = useApp();
  const current = SCREENS.find((s) => s.path === route.screen) ?? SCREENS[0]!;
  // The first launch asks who the catalogue is for before anything else.
  const welcome = identity === null;
  const label = welcome ? 'Bienvenue' : current.label;
  // Each screen names itself in the window title and the browser's history (RGAA 8.6).
  useEffect(() => {
    document.title = `${label} — Synthèse régionale`;
  }, [label]);
  return (
    <>
      <div className="fr-skiplinks">
        <nav className="fr-container" role="navigation" aria-label="Accès rapide">
          <ul className="fr-skiplinks__list">
            <li><a className="fr-link" href="#contenu" onClick={(e) => { e.preventDefault(); skipToContent(); }}>Contenu</a></li>
          </ul>
        </nav>
      </div>
      <DemoBanner onLeaveScreen={current.path === '/mon-catalogue'} />
      <Header
        brandTop={<>République<br />Française</>}
        serviceTitle="Synthèse régionale"
        serviceTagline="Rencontres, contributions et synthèses des consultations sur le numérique éducatif"
        homeLinkProps={{ href: href('/'), title: 'Accueil — Synthèse régionale' }}
        // One search over the whole consultation (the « Rechercher » screen).
        {...(!welcome && {
          renderSearchInput: ({ className, id, placeholder, type }) => (
            <input className={className} id={id} placeholder={placeholder} type={type} maxLength={200} aria-label="Rechercher dans tout le catalogue" />
          ),
          onSearchButtonClick: (text: string) => navigate(`/recherche/${encodeURIComponent(text.trim())}`),
        })}
        navigation={!welcome ? SCREENS.filter((s) => !s.hidden).map((s) => ({ text: s.label, linkProps: { href: href(s.path) }, isActive: s.path === current.path })) : undefined}
      />
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-4w app-main">
        {identity && campaigns.length > 1 && campaign && (
          <div className="app-campaign">
            <Select
              label="Consultation"
              nativeSelectProps={{ value: String(campaign.id), onChange: (e) => void setActiveCampaign(Number(e.target.value)) }}
            >
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>{c.title}</option>
              ))}
            </Select>
          </div>
        )}
        <Notices />
        {identity && current.path !== '/echanges' && <InboxNotice />}
        {identity === undefined ? (
          identityError ? <ErrorNotice error={identityError} /> : <Loading />
        ) : welcome ? (
          <WelcomeScreen key={generation} />
        ) : loading && !campaign ? (
          <Loading />
        ) : (
          <ScreenFor key={generation} route={route} />
        )}
      </main>
      <footer className="fr-footer" role="contentinfo">
        <div className="fr-container">
          <p className="fr-footer__content-desc fr-py-2w">
            Synthèse régionale — outil des DANE, des DSDEN et des régions académiques. Fonctionne hors ligne : le catalogue reste sur ce poste.
          </p>
        </div>
      </footer>
    </>
  );
}

/**
 * The skip link's target shows its focus frame (the user asked to go there); the focus moved there on a
 * change of screen, for screen readers, draws none round the whole page.
 */
function skipToContent(): void {
  const main = document.getElementById('contenu');
  if (!main) return;
  main.dataset.skipped = '';
  main.addEventListener('blur', () => delete main.dataset.skipped, { once: true });
  main.focus();
}
