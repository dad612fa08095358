/** Which screen a route shows. Each screen lives in its own folder under features/. */
import { ComparisonScreen } from '../features/comparison/ComparisonScreen.tsx';
import { ContributionsScreen } from '../features/contributions/ContributionsScreen.tsx';
import { DashboardScreen } from '../features/dashboard/DashboardScreen.tsx';
import { ExchangeScreen } from '../features/exchange/ExchangeScreen.tsx';
import { GroupsScreen } from '../features/groups/GroupsScreen.tsx';
import { LeaveDemoScreen } from '../features/identity/LeaveDemoScreen.tsx';
import { ImportsScreen } from '../features/imports/ImportsScreen.tsx';
import { MeetingsScreen } from '../features/meetings/MeetingsScreen.tsx';
import { RestitutionsScreen } from '../features/restitutions/RestitutionsScreen.tsx';
import { RetexScreen } from '../features/retex/RetexScreen.tsx';
import { SearchScreen } from '../features/search/SearchScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { SynthesisScreen } from '../features/synthesis/SynthesisScreen.tsx';
import { TramesScreen } from '../features/trames/TramesScreen.tsx';
import type { Route } from './routes.ts';

export function ScreenFor({ route }: { route: Route }) {
  const params = route.params;
  switch (route.screen) {
    case '/rencontres':
      return <MeetingsScreen params={params} />;
    case '/retex':
      return <RetexScreen params={params} />;
    case '/contributions':
      return <ContributionsScreen params={params} />;
    case '/regroupements':
      return <GroupsScreen params={params} />;
    case '/trames':
      return <TramesScreen params={params} />;
    case '/synthese':
      return <SynthesisScreen params={params} />;
    case '/comparaison':
      return <ComparisonScreen params={params} />;
    case '/imports':
      return <ImportsScreen params={params} />;
    case '/echanges':
      return <ExchangeScreen params={params} />;
    case '/mon-catalogue':
      return <LeaveDemoScreen params={params} />;
    case '/recherche':
      return <SearchScreen params={params} />;
    case '/restitutions':
      return <RestitutionsScreen params={params} />;
    case '/parametres':
      return <SettingsScreen params={params} />;
    default:
      return <DashboardScreen params={params} />;
  }
}
