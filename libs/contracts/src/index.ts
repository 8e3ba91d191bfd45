export type {
  ApiCall,
  ApiCallBody,
  ApiCallRequest,
  ApiCallResponse,
  ApiCallSensor,
  BodyEncoding,
  HttpScheme,
  NameValueList,
  NetworkPeer,
} from './api-call.type';
export { API_CALL_CONTRACT_VERSION } from './api-call.type';
export { API_CALL_LIMITS } from './api-call.limits.constant';
export { API_CALL_V1_SCHEMA } from './api-call.schema';
export { validateApiCall, formatContractIssues } from './validate-api-call.util';
export type { ApiCallValidation, ContractIssue } from './validate-api-call.util';
export { splitRequestTarget, parseQueryString, headerValue } from './request-target.util';
export type { SplitTarget } from './request-target.util';
