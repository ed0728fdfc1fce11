// How the Amplify backend's functions run in an environment: each with its own log group (the environment's
// retention), X-Ray tracing and the Powertools service and metrics namespace; the api and code hook functions
// released through a `live` alias by CodeDeploy (canary or linear, rolled back when the alias's errors alarm),
// the code hook with provisioned concurrency where the environment asks for it; AppSync's query limits; and the
// backend's outputs published to SSM Parameter Store under /courier/<env>/amplify/ for infra-cfn to read.
import { Aspects, CfnResource, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import type { CloudEnvironment } from './environments';

/** A function of the backend as this module needs it: its name in metrics and SSM, and the Lambda itself. */
export type BackendFunction = { name: string; fn: lambda.IFunction };

/** The prefix every SSM parameter of the backend's outputs lives under. */
export const outputsPrefix = (env: CloudEnvironment) => `/courier/${env.name}/amplify`;

/**
 * One log group per function with the environment's retention (instead of Lambda's never-expiring default),
 * active tracing, and the Powertools variables that give every log line and metric the function's name.
 */
export function instrumentFunctions(functions: BackendFunction[], env: CloudEnvironment, retain: boolean): void {
  for (const { name, fn } of functions) {
    const cfn = fn.node.defaultChild as lambda.CfnFunction;
    const logGroup = new logs.LogGroup(Stack.of(fn), `${name}-logs`, {
      retention: env.logRetentionDays as logs.RetentionDays,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    cfn.loggingConfig = { logGroup: logGroup.logGroupName, logFormat: 'Text' };
    cfn.tracingConfig = { mode: 'Active' };
    fn.addToRolePolicy(
      new PolicyStatement({
        // X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level permissions.
        actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
        resources: ['*'],
      }),
    );
    const environment = fn as lambda.Function;
    environment.addEnvironment('POWERTOOLS_SERVICE_NAME', name);
    environment.addEnvironment('POWERTOOLS_METRICS_NAMESPACE', `Courier/${env.name}`);
  }
}

export type LiveRelease = { alias: lambda.Alias; errorsAlarm: cloudwatch.Alarm };

/**
 * The `live` alias callers reach, moved to each new version by CodeDeploy in the environment's steps; a version
 * whose invocations fail during the shift is rolled back by the alarm.
 */
export function releaseThroughLiveAlias(
  fn: lambda.IFunction,
  id: string,
  env: CloudEnvironment,
  options: { provisionedConcurrency?: number } = {},
): LiveRelease {
  const scope: Construct = Stack.of(fn);
  const alias = new lambda.Alias(scope, `${id}LiveAlias`, {
    aliasName: 'live',
    version: (fn as lambda.Function).currentVersion,
    ...(options.provisionedConcurrency ? { provisionedConcurrentExecutions: options.provisionedConcurrency } : {}),
  });
  const errorsAlarm = new cloudwatch.Alarm(scope, `${id}ReleaseErrors`, {
    alarmDescription: `The ${id} function's live alias fails invocations: CodeDeploy rolls a release back`,
    metric: alias.metricErrors({ period: Duration.minutes(1), statistic: 'Sum' }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  new codedeploy.LambdaDeploymentGroup(scope, `${id}Release`, {
    alias,
    deploymentConfig: codedeploy.LambdaDeploymentConfig.fromLambdaDeploymentConfigName(
      scope,
      `${id}ReleaseConfig`,
      env.lambdaReleaseConfig,
    ),
    alarms: [errorsAlarm],
    autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
  });
  return { alias, errorsAlarm };
}

/** The backend's outputs for infra-cfn: one String parameter each, named by what it holds. */
export function publishOutputs(scope: Construct, env: CloudEnvironment, outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) {
    new StringParameter(scope, `Output-${name.replace(/[^A-Za-z0-9]/g, '-')}`, {
      parameterName: `${outputsPrefix(env)}/${name}`,
      stringValue: value,
      description: `Courier ${env.name}: ${name} of the Amplify backend, read by infra-cfn`,
    });
  }
}

/** Cost allocation and ownership tags on every taggable resource of the backend. */
export function tagBackend(root: Construct, env: CloudEnvironment): void {
  const tags = {
    'courier:environment': env.name,
    'courier:application': 'courier-voicebot',
    'courier:component': 'amplify-backend',
  };
  for (const [key, value] of Object.entries(tags)) Tags.of(root).add(key, value);
  // CDK's custom resource providers (the bucket auto-delete handler) are plain CfnResources that Tags.of skips.
  Aspects.of(root).add({
    visit(node) {
      if (
        CfnResource.isCfnResource(node) &&
        node.cfnResourceType === 'AWS::Lambda::Function' &&
        !(node instanceof lambda.CfnFunction)
      ) {
        node.addPropertyOverride(
          'Tags',
          Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
        );
      }
    },
  });
}
