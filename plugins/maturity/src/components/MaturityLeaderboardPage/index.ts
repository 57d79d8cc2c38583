export { MaturityLeaderboardPage } from './MaturityLeaderboardPage';
