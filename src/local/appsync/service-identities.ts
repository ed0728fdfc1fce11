// IAM identities of services outside the backend, as the local server knows them: fixed local credentials
// standing in for the roles the cloud assigns (the MCP server's task or function role).

/**
 * The MCP server's service identity: it signs GraphQL calls with these credentials (SigV4, service
 * `appsync`) and names the partner token it acts for in x-courier-partner-token-id. The API accepts that
 * header from this ARN only.
 */
export const LOCAL_MCP_SERVICE = {
  accessKeyId: 'local-mcp-service',
  secretAccessKey: 'local-mcp-service-secret',
  accountId: '000000000000',
  userArn: 'arn:aws:iam::000000000000:role/courier-mcp-service',
} as const;
