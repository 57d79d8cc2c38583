import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import maturityPlugin from '@internal/plugin-maturity/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [catalogPlugin, maturityPlugin, navModule],
});
