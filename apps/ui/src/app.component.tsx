import { type ReactNode, useEffect } from 'react';

import { dropEndpointSnapshot } from './api/endpoint-snapshot.store';
import { clearApiCache } from './api/use-api.hook';
import { EmptyState } from './design/state.component';
import { catalogHref, parseCatalogQuery } from './domain/catalog-query.util';
import { Shell } from './layout/shell.component';
import { EndpointCrumb, EndpointDetailPage } from './pages/endpoint-detail.page';
import { EndpointsPage } from './pages/endpoints.page';
import { FindingsPage } from './pages/findings.page';
import { LoginPage } from './pages/login.page';
import { OverviewPage } from './pages/overview.page';
import { ServicesPage } from './pages/services.page';
import { SpecsPage } from './pages/specs.page';
import { Link } from './router/link.component';
import { type RouteLocation } from './router/router.util';
import { useLocation } from './router/use-location.hook';
import { useApiKey } from './session/use-session.hook';

interface Route {
  title: string;
  crumbs: ReactNode[];
  page: ReactNode;
}

const serviceCrumb = (service: string) => (
  <Link href={catalogHref({ ...parseCatalogQuery(new URLSearchParams()), service })}>{service}</Link>
);

function route({ path, search }: RouteLocation): Route {
  if (path.startsWith('/endpoints/'))
    return {
      title: 'Endpoint',
      crumbs: ['Catalog', <Link href="/endpoints">Endpoints</Link>, <EndpointCrumb path={path} />],
      page: <EndpointDetailPage />,
    };
  switch (path) {
    case '/':
      return { title: 'Overview', crumbs: ['Overview'], page: <OverviewPage /> };
    case '/services':
      return { title: 'Services', crumbs: ['Catalog', 'Services'], page: <ServicesPage /> };
    case '/endpoints': {
      const service = search.get('service');
      return {
        title: service ? `${service} endpoints` : 'Endpoints',
        crumbs: [
          'Catalog',
          <Link href="/endpoints">Endpoints</Link>,
          ...(service ? [serviceCrumb(service)] : []),
        ],
        page: <EndpointsPage />,
      };
    }
    case '/findings':
      return { title: 'Findings', crumbs: ['Security', 'Findings'], page: <FindingsPage /> };
    case '/specs':
      return { title: 'Specs', crumbs: ['Security', 'Specs'], page: <SpecsPage /> };
    default:
      return {
        title: 'Not found',
        crumbs: ['Not found'],
        page: (
          <EmptyState title="No such page" action={<Link href="/">Go to the overview</Link>}>
            Nothing lives at {path}.
          </EmptyState>
        ),
      };
  }
}

/** Sign-in when there is no key; otherwise the page the URL names (deep links survive the sign-in). */
export function App() {
  const key = useApiKey();
  const location = useLocation();
  const current = key === null ? undefined : route(location);
  useEffect(() => {
    document.title = current ? `${current.title} · apiscope` : 'Sign in · apiscope';
  }, [current?.title]);
  // signed out (by the button or by a 401): inventory data read with that key leaves memory too
  useEffect(() => {
    if (key !== null) return;
    clearApiCache();
    dropEndpointSnapshot();
  }, [key]);
  if (!current) return <LoginPage />;
  return (
    <Shell crumbs={current.crumbs}>
      {/* a key per URL path: each page starts fresh, filters within a page keep its state */}
      <div key={location.path} className="stack" style={{ gap: 'var(--space-5)' }}>
        {current.page}
      </div>
    </Shell>
  );
}
