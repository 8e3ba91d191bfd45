import { type ApiCall } from '@apiscope/contracts';
import { detectCallAuth, graphqlOperationOf, serviceNameOf } from '@apiscope/inference';
import { type CallRecord, graphqlKey, toCallRecord } from '@apiscope/inventory';

import { type InferenceStateService } from './inference-state.service';

/** Values of the template's parameters in this path, by segment index (how profiles store them). */
function pathValues(path: string, template: string): Array<{ index: number; value: string }> {
  const segments = path.split('/');
  const out: Array<{ index: number; value: string }> = [];
  template.split('/').forEach((t, index) => {
    if (t.includes('{') && index < segments.length) out.push({ index, value: segments[index] });
  });
  return out;
}

/**
 * Service, endpoint key and credentials of every call of a batch, and what the batch teaches: the
 * templaters learn the whole batch first, so its calls are keyed with what the batch itself showed;
 * each call then feeds the profile of its key (parameters, sampled bodies, auth facts). A state that
 * already learnt this batch (a replay, see InferenceStateService) is not taught it again: it keys the
 * calls exactly as the first delivery did.
 */
export function enrichCalls(calls: readonly ApiCall[], state: InferenceStateService): CallRecord[] {
  const services = calls.map(serviceNameOf);
  const learning = new Set<string>();
  calls.forEach((call, i) => {
    const templater = state.templaterToTeach(services[i]);
    if (!templater) return;
    learning.add(services[i]);
    templater.observe(call.request.method.toUpperCase(), call.request.path);
  });
  for (const service of learning) state.templater(service).consolidate();
  return calls.map((call, i) => {
    const service = services[i];
    const method = call.request.method.toUpperCase();
    const { template } = state.templater(service).resolve(call.request.path, method);
    const operation = graphqlOperationOf(call);
    const key = operation ? graphqlKey(template, operation.type, operation.name) : template;
    const auth = detectCallAuth(call.request);
    state.profileToTeach(service, method, key)?.observe(call, auth, pathValues(call.request.path, template));
    return toCallRecord(call, service, key, auth);
  });
}
