import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@codegouvfr/react-dsfr/main.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons.min.css';
import { captureBridgeToken, settleWrites } from './api/client.ts';
import { App } from './app/App.tsx';
import { watchOpenedBundles } from './features/exchange/openedBundle.ts';
import './app/app.css';

// The launch address carries the HTTP bridge's token in its fragment: take it before routing starts.
captureBridgeToken();
window.syntheseSettleWrites = settleWrites;
// Bundles opened from the file manager (desktop) or dropped on the window go to « Échanges ».
watchOpenedBundles();
startReactDsfr({ defaultColorScheme: 'system' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
