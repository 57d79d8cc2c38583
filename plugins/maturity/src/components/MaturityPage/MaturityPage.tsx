import { Header, HeaderTabs, Page } from '@backstage/core-components';
import {
  Route,
  Routes,
  useLocation,
  useNavigate,
  useResolvedPath,
} from 'react-router-dom';
import { Heatmap } from '../Heatmap';
import { InitiativeDetail, InitiativesPage } from '../Initiatives';
import { Leaderboard } from '../Leaderboard';
import { PracticesPage } from '../PracticesPage';

const SECTIONS = [
  { id: 'leaderboard', label: 'Leaderboard', path: '' },
  { id: 'savings', label: 'Savings', path: '?by=savings' },
  { id: 'heatmap', label: 'Check adoption', path: '/heatmap' },
  { id: 'initiatives', label: 'Initiatives', path: '/initiatives' },
  { id: 'practices', label: 'Best practices', path: '/practices' },
];

/**
 * The suite's page: the leaderboard, the savings leaderboard (`?by=savings`), the check adoption
 * heatmap under `/heatmap`, the initiatives under `/initiatives` and the best-practice cases under
 * `/practices`.
 * @public
 */
export function MaturityPage() {
  const base = useResolvedPath('.').pathname.replace(/\/$/, '');
  const location = useLocation();
  const navigate = useNavigate();
  let current = /[?&]by=(savings|waste)\b/.test(location.search)
    ? 'savings'
    : 'leaderboard';
  if (location.pathname.startsWith(`${base}/practices`)) current = 'practices';
  if (location.pathname.startsWith(`${base}/heatmap`)) current = 'heatmap';
  if (location.pathname.startsWith(`${base}/initiatives`))
    current = 'initiatives';
  return (
    <Page themeId="tool">
      <Header
        title="Cloud-native maturity"
        subtitle="Scores roll up from workloads to products, teams, departments and the company, weighted by CPU cores"
      />
      <HeaderTabs
        tabs={SECTIONS.map(({ id, label }) => ({ id, label }))}
        selectedIndex={SECTIONS.findIndex(s => s.id === current)}
        onChange={index => navigate(`${base}${SECTIONS[index].path}`)}
      />
      <Routes>
        <Route path="/" element={<Leaderboard />} />
        <Route path="/heatmap" element={<Heatmap />} />
        <Route path="/initiatives" element={<InitiativesPage />} />
        <Route path="/initiatives/:id" element={<InitiativeDetail />} />
        <Route path="/practices" element={<PracticesPage />} />
      </Routes>
    </Page>
  );
}
