/*
 * The demo backend: the catalog, guest sign-in, permissions, notifications, Tech Insights and the
 * maturity suite.
 */
import { createBackend } from '@backstage/backend-defaults';
import { demoPolicyModule } from './permissions/demoPolicyModule';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@internal/plugin-catalog-backend-module-maturity'));
// Entities the catalog could not store (a malformed maturity annotation, say), for the
// unprocessed-entities page of the app.
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));

backend.add(import('@backstage/plugin-permission-backend'));
// allow-all unless demo.permissionPolicy chooses owned-only (app-config.permissions.yaml).
backend.add(demoPolicyModule);

// User settings are stored in the backend and pushed to open tabs through signals.
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
// Owners are told when a score falls or a waiver ends, on the app's notifications page.
backend.add(import('@backstage/plugin-notifications-backend'));

backend.add(import('@internal/plugin-maturity-backend'));
backend.add(import('@internal/plugin-maturity-backend-module-kubernetes'));
backend.add(import('@internal/plugin-maturity-backend-module-prometheus'));
// Tech Insights with its built-in fact retrievers, whose facts the maturity checks can read.
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(import('@internal/plugin-maturity-backend-module-tech-insights'));

backend.start();
