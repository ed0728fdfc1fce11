// The GraphQL API's abuse limits in the cloud (OWASP API4): AppSync's query depth and resolver count limits
// with the numbers the local server enforces (src/api/query-limits.ts), introspection off (AppSync has one switch
// for the whole API; the schema is published as graphql/schema.graphql), and a regional WAF on the API with
// per-address rate rules, a tighter one for requests carrying the public API key (tracking), and AWS's managed
// rule groups (IP reputation, common rules, known bad inputs).
import { Stack } from 'aws-cdk-lib';
import type { CfnGraphQLApi } from 'aws-cdk-lib/aws-appsync';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { QUERY_LIMITS, WAF_RATE_LIMITS } from '../../src/api/query-limits';

const RATE_WINDOW_SECONDS = 300;

export function applyGraphqlAbuseLimits(api: CfnGraphQLApi): CfnWebACL {
  api.queryDepthLimit = QUERY_LIMITS.depth;
  api.resolverCountLimit = QUERY_LIMITS.rootFields;
  api.introspectionConfig = 'DISABLED';

  const stack = Stack.of(api);
  const visibility = (metricName: string) => ({
    cloudWatchMetricsEnabled: true,
    metricName,
    sampledRequestsEnabled: true,
  });
  const managedRule = (priority: number, name: string, group: string, excluded: string[] = []) => ({
    name,
    priority,
    overrideAction: { none: {} },
    visibilityConfig: visibility(`graphql-${name}`),
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name: group,
        ...(excluded.length > 0 ? { excludedRules: excluded.map((rule) => ({ name: rule })) } : {}),
      },
    },
  });
  const acl = new CfnWebACL(stack, 'GraphqlApiWebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: visibility('graphql-api'),
    rules: [
      {
        name: 'public-key-rate-per-address',
        priority: 0,
        action: { block: {} },
        visibilityConfig: visibility('graphql-public-key-rate'),
        statement: {
          rateBasedStatement: {
            limit: WAF_RATE_LIMITS.publicKeyPerAddress,
            evaluationWindowSec: RATE_WINDOW_SECONDS,
            aggregateKeyType: 'IP',
            scopeDownStatement: {
              sizeConstraintStatement: {
                fieldToMatch: { singleHeader: { Name: 'x-api-key' } },
                comparisonOperator: 'GT',
                size: 0,
                textTransformations: [{ priority: 0, type: 'NONE' }],
              },
            },
          },
        },
      },
      {
        name: 'rate-per-address',
        priority: 1,
        action: { block: {} },
        visibilityConfig: visibility('graphql-rate'),
        statement: {
          rateBasedStatement: {
            limit: WAF_RATE_LIMITS.perAddress,
            evaluationWindowSec: RATE_WINDOW_SECONDS,
            aggregateKeyType: 'IP',
          },
        },
      },
      // AWS managed rule groups; an AppSync API takes one web ACL, so they live here rather than in infra-cfn.
      managedRule(2, 'aws-ip-reputation', 'AWSManagedRulesAmazonIpReputationList'),
      // GraphQL bodies (bulk booking lists, reports) may exceed the 8 KB its SizeRestrictions_BODY rule allows;
      // the API's own 256 KB limit applies instead.
      managedRule(3, 'aws-common', 'AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY']),
      managedRule(4, 'aws-known-bad-inputs', 'AWSManagedRulesKnownBadInputsRuleSet'),
    ],
  });
  new CfnWebACLAssociation(stack, 'GraphqlApiWebAclAssociation', {
    resourceArn: api.attrArn,
    webAclArn: acl.attrArn,
  });
  return acl;
}
