// The local AppSync-compatible GraphQL server: its public surface.
export { createAppSyncServer } from './server';
export type { AppSyncServer, AppSyncServerOptions, WebMiddleware } from './server';
export { LocalWebSocket, toLocalRealtimeUrl } from './local-websocket';
export { loadAuthRulesSdl, generateAuthRulesSdl } from './model-schema';
export { INTERNAL_FAILURE_MESSAGE } from './appsync-errors';
export type { AppSyncLog, AppSyncLogEntry } from './appsync-errors';
export type { AuthMode, IamOperationGrant, Principal } from './authorization';
export type { IamServiceSettings, IamSettings, LambdaAuthorizerSettings, UserPoolSettings } from './authentication';
export { LOCAL_MCP_SERVICE } from './service-identities';
export type { ResolveFn } from './executable-schema';
