import { useServices } from '../api/use-services.hook';
import { Panel } from '../design/panel.component';
import { EmptyState } from '../design/state.component';
import { formatCount } from '../domain/format.util';

/**
 * Reference specs per service, upload, drift, and the reconstructed OpenAPI document. The API of
 * this build has none of these routes, so the page says so rather than pretending; it lists which
 * services a spec would cover.
 */
export function SpecsPage() {
  const services = useServices();
  const count = services.data?.services.length;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Specs</h1>
          <p>
            Reference OpenAPI documents per service, their drift from traffic, and the reconstructed specs.
          </p>
        </div>
      </div>
      <Panel>
        <EmptyState title="Specs are not available yet" icon="specs">
          This API version has no reference-spec routes: uploading a spec (admin), versions, drift and the
          download of the reconstructed OpenAPI document appear here once it has.
          {count !== undefined &&
            ` ${formatCount(count)} service${count === 1 ? '' : 's'} ${count === 1 ? 'has' : 'have'} no reference spec.`}
        </EmptyState>
      </Panel>
    </>
  );
}
