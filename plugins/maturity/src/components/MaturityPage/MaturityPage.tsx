import { Header, Page } from '@backstage/core-components';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { Route, Routes, useLocation, useNavigate, useResolvedPath } from 'react-router-dom';
import { MaturityLeaderboardPage } from '../MaturityLeaderboardPage';
import { PracticesPage } from '../PracticesPage';

/**
 * The suite's page: the leaderboard, the savings leaderboard (`?by=savings`) and the
 * best-practice cases under `/practices`.
 * @public
 */
export function MaturityPage() {
  const base = useResolvedPath('.').pathname.replace(/\/$/, '');
  const location = useLocation();
  const navigate = useNavigate();
  const savings = /[?&]by=(savings|waste)\b/.test(location.search);
  let current = savings ? 'savings' : 'leaderboard';
  if (location.pathname.startsWith(`${base}/practices`)) current = 'practices';
  const targets: Record<string, string> = {
    leaderboard: base,
    savings: `${base}?by=savings`,
    practices: `${base}/practices`,
  };
  return (
    <Page themeId="tool">
      <Header
        title="Cloud-native maturity"
        subtitle="Scores roll up from workloads to products, teams, departments and the company, weighted by CPU cores"
      />
      <Tabs
        value={current}
        onChange={(_e, next) => navigate(targets[next])}
        indicatorColor="primary"
        aria-label="Maturity sections"
        style={{ paddingLeft: 24 }}
      >
        <Tab value="leaderboard" label="Leaderboard" />
        <Tab value="savings" label="Savings" />
        <Tab value="practices" label="Best practices" />
      </Tabs>
      <Routes>
        <Route path="/" element={<MaturityLeaderboardPage />} />
        <Route path="/practices" element={<PracticesPage />} />
      </Routes>
    </Page>
  );
}
