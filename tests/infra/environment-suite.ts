// The template tests of one environment (tests/infra/<env>.test.ts each run it, so vitest can take the three
// environments side by side): what the synthesized Amplify backend and infra-cfn promise, read from the JSON
// with aws-cdk-lib's assertions, per the environment's parameter file.
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCloudEnvironment, type EnvironmentName } from '../../amplify/environments';
import { readParameterFile } from '../../infra-cfn/include';
import type { AcknowledgedFinding } from '../../amplify/cdk-nag';
import { TABLES } from '../../src/data/tables';
import {
  amplifyResources,
  loadAmplify,
  loadInfra,
  rootAsWritten,
  scopesOf,
  type AmplifyCloud,
  type InfraCloud,
  type Json,
  type Resource,
  type TemplateScope,
} from './cloud-templates';

type Statement = { Effect?: string; Action?: Json; Resource?: Json; NotAction?: Json; NotResource?: Json };

/** The statements a policy-bearing resource grants, both branches of any Fn::If. */
function statementsOf(resource: Resource): Statement[] {
  const documents: Json[] = [];
  const p = resource.Properties ?? {};
  if (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy')
    documents.push(p.PolicyDocument!);
  if (resource.Type === 'AWS::IAM::Role') {
    for (const policy of (p.Policies as { PolicyDocument: Json }[] | undefined) ?? [])
      documents.push(policy.PolicyDocument);
  }
  const branches = (value: Json | undefined): Json[] => {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'Fn::If' in value) {
      const [, yes, no] = value['Fn::If'] as Json[];
      return [...branches(yes), ...branches(no)];
    }
    return value === undefined || value === null ? [] : [value];
  };
  return documents
    .flatMap(branches)
    .flatMap((doc) => branches((doc as { Statement?: Json }).Statement))
    .flatMap((s) => (Array.isArray(s) ? s : [s]))
    .flatMap(branches) as Statement[];
}

const list = (value: Json | undefined): Json[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * A resource element in the text cdk-nag reports it by: intrinsics as <…> tokens. The part after the last token
 * is what the acknowledgement's finding ends with.
 */
function literalTail(element: Json): string {
  if (typeof element === 'string')
    return element
      .replace(/\$\{[^}]+\}/g, '<>')
      .split('>')
      .pop()!;
  if (element && typeof element === 'object' && !Array.isArray(element)) {
    if ('Fn::Join' in element) {
      const parts = (element['Fn::Join'] as Json[])[1] as Json[];
      const last = parts.at(-1);
      return typeof last === 'string' ? last : '';
    }
    if ('Fn::Sub' in element) {
      const sub = element['Fn::Sub'];
      return literalTail(Array.isArray(sub) ? sub[0]! : sub!);
    }
  }
  return '';
}

/** Wildcards a statement grants: actions with `*`, resources whose literal part holds `*`. */
function wildcardsOf(statement: Statement): string[] {
  if (statement.Effect === 'Deny') return [];
  const actions = list(statement.Action)
    .filter((a): a is string => typeof a === 'string' && a.includes('*'))
    .map((a) => `Action::${a}`);
  const resources = list(statement.Resource)
    .map(literalTail)
    .filter((tail) => tail.includes('*'))
    .map((tail) => `Resource::…${tail}`);
  return [...actions, ...resources];
}

function acknowledges(ack: AcknowledgedFinding, wildcard: string): boolean {
  if (ack.finding === 'AwsSolutions-IAM5') return true;
  if (!ack.finding.startsWith('AwsSolutions-IAM5[')) return false;
  if (wildcard.startsWith('Action::')) return ack.finding === `AwsSolutions-IAM5[${wildcard}]`;
  const tail = wildcard.slice('Resource::…'.length);
  return tail === '*' ? ack.finding === 'AwsSolutions-IAM5[Resource::*]' : ack.finding.endsWith(`${tail}]`);
}

/** Wildcard grants that no acknowledgement (with a written reason) covers: `template logicalId wildcard`. */
function unexplainedWildcards(
  resources: { file: string; id: string; resource: Resource }[],
  acknowledged: AcknowledgedFinding[],
): string[] {
  const missing: string[] = [];
  for (const { file, id, resource } of resources) {
    for (const statement of statementsOf(resource)) {
      for (const wildcard of wildcardsOf(statement)) {
        const covered = acknowledged.some(
          (a) => a.template === file && a.logicalId === id && a.reason.length >= 40 && acknowledges(a, wildcard),
        );
        if (!covered) missing.push(`${file} ${id} ${wildcard}`);
      }
    }
  }
  return missing;
}

/** The Ref names an alarm's metrics are dimensioned by (which function, table, API or instance it watches). */
function watched(alarm: Resource): string[] {
  const p = alarm.Properties ?? {};
  const dimensions = [
    ...list(p.Dimensions),
    ...list(p.Metrics).flatMap((m) =>
      list((m as { MetricStat?: { Metric?: { Dimensions?: Json } } }).MetricStat?.Metric?.Dimensions),
    ),
  ] as { Name: string; Value: Json }[];
  return dimensions.flatMap((d) =>
    d.Value && typeof d.Value === 'object' && !Array.isArray(d.Value) && typeof d.Value.Ref === 'string'
      ? [d.Value.Ref]
      : typeof d.Value === 'string'
        ? [d.Value]
        : [],
  );
}

function alarmsOf(scope: TemplateScope): Resource[] {
  return scope.ofType('AWS::CloudWatch::Alarm').map(([, r]) => r);
}

const notifiesTopic = (alarm: Resource) =>
  JSON.stringify(alarm.Properties?.AlarmActions ?? []).includes('"Ref":"AlarmTopicArn"');

export function describeEnvironment(env: EnvironmentName): void {
  const file = readParameterFile(env);
  const settings = loadCloudEnvironment(env);
  let amplify: AmplifyCloud;
  let infra: InfraCloud;

  describe(`the ${env} cloud`, () => {
    beforeAll(() => {
      amplify = loadAmplify(env);
      infra = loadInfra(env);
    });

    it('synthesizes with no cdk-nag AwsSolutions finding left, each acknowledgement with its reason', () => {
      expect(amplify.nag.findings).toEqual([]);
      expect(infra.nag.findings).toEqual([]);
      for (const ack of [...amplify.nag.acknowledged, ...infra.nag.acknowledged]) {
        expect(ack.reason.length, `${ack.finding} at ${ack.path}`).toBeGreaterThanOrEqual(40);
      }
    });

    it('keeps every table with point-in-time recovery, the backend key, deletion protection and Retain', () => {
      const tables = amplifyResources(amplify).filter(({ resource }) => resource.Type.startsWith('AWS::DynamoDB::'));
      expect(tables.map((t) => t.resource.Type).every((t) => t === 'AWS::DynamoDB::GlobalTable')).toBe(true);
      expect(tables).toHaveLength(Object.keys(TABLES).length);
      const tablesTemplate = amplify.templates.find((t) => tables.some((x) => x.file === t.file))!;
      const key = Object.entries(tablesTemplate.json.Resources).find(([, r]) => r.Type === 'AWS::KMS::Key');
      expect(key, 'a customer-managed key beside the tables').toBeDefined();
      const template = Template.fromJSON(tablesTemplate.json as unknown as Record<string, unknown>);
      template.hasResource('AWS::KMS::Key', { Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' });
      const billing =
        settings.tableCapacity.mode === 'onDemand'
          ? { BillingMode: 'PAY_PER_REQUEST' }
          : {
              BillingMode: 'PROVISIONED',
              WriteProvisionedThroughputSettings: {
                WriteCapacityAutoScalingSettings: {
                  MinCapacity: settings.tableCapacity.write.min,
                  MaxCapacity: settings.tableCapacity.write.max,
                  TargetTrackingScalingPolicyConfiguration: {
                    TargetValue: settings.tableCapacity.targetUtilizationPercent,
                  },
                },
              },
            };
      const everyTable = template.findResources('AWS::DynamoDB::GlobalTable');
      expect(Object.keys(everyTable)).toHaveLength(tables.length);
      for (const id of Object.keys(everyTable)) {
        expect(everyTable[id]).toMatchObject({
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: {
            ...billing,
            SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
            Replicas: [
              {
                PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
                DeletionProtectionEnabled: true,
                SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [key![0], 'Arn'] } },
                Tags: expect.arrayContaining([{ Key: 'courier:backup', Value: env }]) as unknown,
              },
            ],
          },
        });
      }
      // AWS Backup copies what carries that tag, daily, to a second Region when a vault is given.
      const backup = scopesOf(infra).nested.Backup!;
      const selection = backup.ofType('AWS::Backup::BackupSelection');
      expect(JSON.stringify(selection)).toContain('courier:backup');
    });

    it('grants no wildcard action or resource without an acknowledgement that gives the reason', () => {
      expect(unexplainedWildcards(amplifyResources(amplify), amplify.nag.acknowledged)).toEqual([]);
      const nested = Object.values(infra.nested).flatMap(({ file, json }) =>
        Object.entries(json.Resources).map(([id, resource]) => ({ file, id, resource })),
      );
      expect(unexplainedWildcards(nested, infra.nag.acknowledged)).toEqual([]);
      // The test sees wildcards at all (it would pass vacuously if statements were not read).
      expect(nested.flatMap(({ resource }) => statementsOf(resource).flatMap(wildcardsOf)).length).toBeGreaterThan(0);
    });

    it('spreads what runs in a VPC over two Availability Zones taken from the Region, not named', () => {
      const { root, nested } = scopesOf(
        loadInfra(env, { McpDeploymentMode: 'FARGATE', BatchDeploymentMode: 'FARGATE' }),
      );
      expect(root.activeResources().Network).toBeDefined();
      const network = nested.Network!;
      const subnets = network.ofType('AWS::EC2::Subnet');
      const zones = subnets.map(([, s]) => JSON.stringify(s.Properties?.AvailabilityZone));
      expect(zones).toHaveLength(4);
      expect(new Set(zones).size).toBe(2);
      for (const zone of zones) expect(zone).toMatch(/^\{"Fn::Select":\[[01],\{"Fn::GetAZs":""\}\]\}$/);
      expect(network.ofType('AWS::EC2::NatGateway')).toHaveLength(Number(file.Parameters.NatGateways));
      const mcp = nested.Mcp!;
      const [, service] = mcp.ofType('AWS::ECS::Service')[0]!;
      expect(JSON.stringify(service.Properties?.NetworkConfiguration)).toContain('{"Ref":"PrivateSubnetIds"}');
      expect(Number(mcp.value({ Ref: 'MinTasks' }))).toBeGreaterThanOrEqual(2);
      const [, balancer] = mcp.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer')[0]!;
      expect(balancer.Properties?.Subnets).toEqual({ Ref: 'PublicSubnetIds' });
      // The root hands the two subnets of each kind over as lists built from both zones.
      const outputs = JSON.stringify(infra.nested.Network!.json.Outputs);
      expect(outputs).toContain('PrivateSubnetA');
      expect(outputs).toContain('PrivateSubnetB');
    });

    it('has an alarm to the alarm topic for every service', () => {
      const watchedBy = (scope: TemplateScope) => alarmsOf(scope).flatMap(watched);
      const connected = scopesOf(
        loadInfra(env, {
          ConnectInstanceArn: 'arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-0000-0000-000000000000',
          ConnectAgentQueueArn:
            'arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-0000-0000-000000000000/queue/q',
        }),
      ).nested;
      const monitoring = connected.Monitoring!;
      expect(watchedBy(monitoring)).toEqual(
        expect.arrayContaining([
          'GraphqlApiId',
          'ApiFunctionName',
          'CodeHookFunctionName',
          'NotifierFunctionName',
          'AggregatorFunctionName',
          'corruption-detector',
          'BookingsTable',
          'RollupsTable',
          'RateLimitsTable',
          'ConnectInstanceId',
        ]),
      );
      for (const alarm of alarmsOf(monitoring)) expect(notifiesTopic(alarm), JSON.stringify(alarm)).toBe(true);
      // Every function of the Amplify backend (each publishes its name to SSM as function/<name>) reaches the
      // monitoring stack from that SSM parameter (the root as written, the environment's name put in) and is
      // watched by an alarm there.
      const functionPaths = amplifyResources(amplify)
        .filter(({ resource }) => resource.Type === 'AWS::SSM::Parameter')
        .map(({ resource }) => String(resource.Properties?.Name))
        .filter((name) => name.startsWith(`/courier/${env}/amplify/function/`));
      expect(functionPaths.length).toBeGreaterThanOrEqual(8);
      const monitoringParameters = Object.entries(
        (
          rootAsWritten(env).findResources('AWS::CloudFormation::Stack').Monitoring?.Properties as {
            Parameters: Record<string, { 'Fn::Sub'?: string }>;
          }
        ).Parameters,
      );
      const watchedNames = new Set(watchedBy(monitoring));
      for (const path of functionPaths) {
        const parameter = monitoringParameters.find(([, value]) => value['Fn::Sub'] === `{{resolve:ssm:${path}}}`);
        expect(parameter, `${path} passed to the monitoring stack`).toBeDefined();
        expect(watchedNames.has(parameter![0]), `an alarm on ${parameter![0]}`).toBe(true);
      }
      for (const mode of ['FARGATE', 'LAMBDA']) {
        const { nested } = scopesOf(loadInfra(env, { McpDeploymentMode: mode, BatchDeploymentMode: mode }));
        const mcpAlarms = alarmsOf(nested.Mcp!);
        expect(mcpAlarms.length, `MCP on ${mode}`).toBeGreaterThan(0);
        for (const alarm of mcpAlarms) expect(notifiesTopic(alarm)).toBe(true);
        // Batch: a failed Lambda job raises an alarm, a failed task an event rule to the same topic.
        const batchWatch = [...alarmsOf(nested.Batch!), ...nested.Batch!.ofType('AWS::Events::Rule').map(([, r]) => r)];
        expect(batchWatch.length, `batch on ${mode}`).toBe(1);
        expect(JSON.stringify(batchWatch[0])).toContain('{"Ref":"AlarmTopicArn"}');
      }
      // The three resolver functions' and the code hook's releases roll back on their own alarms (Amplify side).
      const deploymentGroups = amplifyResources(amplify).filter(
        (r) => r.resource.Type === 'AWS::CodeDeploy::DeploymentGroup',
      );
      expect(deploymentGroups).toHaveLength(4);
      for (const { resource } of deploymentGroups) {
        expect(resource.Properties).toMatchObject({
          AlarmConfiguration: { Enabled: true, Alarms: [expect.anything()] as unknown },
          AutoRollbackConfiguration: {
            Enabled: true,
            Events: expect.arrayContaining(['DEPLOYMENT_STOP_ON_ALARM']) as unknown,
          },
          DeploymentConfigName: settings.lambdaReleaseConfig,
        });
      }
    });

    it('switches the MCP server and the batch jobs between Fargate and Lambda by parameter, data left in place', () => {
      const types = (scope: TemplateScope) => new Set(Object.values(scope.activeResources()).map((r) => r.Type));
      const fargate = scopesOf(loadInfra(env, { McpDeploymentMode: 'FARGATE', BatchDeploymentMode: 'FARGATE' }));
      const lambda = scopesOf(loadInfra(env, { McpDeploymentMode: 'LAMBDA', BatchDeploymentMode: 'LAMBDA' }));

      const mcpOnFargate = types(fargate.nested.Mcp!);
      expect(mcpOnFargate).toContain('AWS::ECS::Service');
      expect(mcpOnFargate).toContain('AWS::ElasticLoadBalancingV2::LoadBalancer');
      expect(mcpOnFargate).not.toContain('AWS::Lambda::Function');
      const [, service] = fargate.nested.Mcp!.ofType('AWS::ECS::Service')[0]!;
      expect(service.Properties).toMatchObject({
        LaunchType: 'FARGATE',
        DeploymentConfiguration: { Strategy: 'BLUE_GREEN' },
      });
      const mcpOnLambda = types(lambda.nested.Mcp!);
      expect(mcpOnLambda).toContain('AWS::Lambda::Function');
      expect(mcpOnLambda).toContain('AWS::ApiGatewayV2::Api');
      expect(mcpOnLambda).toContain('AWS::CodeDeploy::DeploymentGroup');
      expect(mcpOnLambda).not.toContain('AWS::ECS::Service');
      // No network at all when nothing runs on Fargate.
      expect(lambda.root.activeResources().Network).toBeUndefined();
      expect(fargate.root.activeResources().Network).toBeDefined();

      expect(types(fargate.nested.Batch!)).toContain('AWS::ECS::TaskDefinition');
      expect(types(fargate.nested.Batch!)).not.toContain('AWS::Lambda::Function');
      expect(types(lambda.nested.Batch!)).toContain('AWS::Lambda::Function');
      expect(types(lambda.nested.Batch!)).not.toContain('AWS::ECS::TaskDefinition');
      const target = (scope: TemplateScope) =>
        scope.select(scope.ofType('AWS::Scheduler::Schedule')[0]![1].Properties!.Target as Json);
      expect(JSON.stringify(target(fargate.nested.Batch!))).toContain('EcsParameters');
      expect(JSON.stringify(target(lambda.nested.Batch!))).toContain('"Arn":{"Fn::GetAtt":"Function.Arn"}');

      // The endpoint's SSM parameter exists in both modes (partners' configuration reads it), and nothing that
      // holds data depends on the mode: switching replaces compute only.
      expect(fargate.nested.Mcp!.activeResources().EndpointParameter).toBeDefined();
      expect(lambda.nested.Mcp!.activeResources().EndpointParameter).toBeDefined();
      const stateful = /^AWS::(DynamoDB|S3::Bucket$|RDS|EFS|Backup::BackupVault|KMS::Key)/;
      for (const id of ['Mcp', 'Batch']) {
        for (const [logicalId, r] of Object.entries(infra.nested[id]!.json.Resources)) {
          if (r.Condition) expect(stateful.test(r.Type), `${id}.${logicalId}`).toBe(false);
        }
      }
    });

    it(`deploys ${file.Parameters.McpDeploymentMode} MCP and ${file.Parameters.BatchDeploymentMode} batch as its parameter file says`, () => {
      const { nested } = scopesOf(infra);
      const onFargate = file.Parameters.McpDeploymentMode === 'FARGATE';
      expect(nested.Mcp!.activeResources().Service !== undefined).toBe(onFargate);
      expect(nested.Mcp!.activeResources().Function !== undefined).toBe(!onFargate);
    });

    it('tells the admins through one KMS-encrypted SNS topic that only the notifiers may publish to', () => {
      const resources = amplifyResources(amplify);
      const topics = resources.filter(({ resource }) => resource.Type === 'AWS::SNS::Topic');
      expect(topics).toHaveLength(1);
      const [{ id: topicId, resource: topic }] = topics as [(typeof topics)[number]];
      expect(topic.Properties!.KmsMasterKeyId).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/^AdminTopicKey/), 'Arn'],
      });
      const policy = resources.find(({ resource }) => resource.Type === 'AWS::SNS::TopicPolicy')!.resource;
      const denies = statementsOf({ Type: 'AWS::IAM::Policy', Properties: policy.Properties }).filter(
        (st) => st.Effect === 'Deny',
      );
      expect(JSON.stringify(denies)).toContain('"aws:SecureTransport":"false"');
      expect(JSON.stringify(denies)).toContain('"aws:PrincipalAccount"');
      // sns:Publish is granted on the one topic (its reference in each function's stack), never on a wildcard.
      const publishers = resources.filter(({ resource }) =>
        statementsOf(resource).some((st) => list(st.Action).includes('sns:Publish')),
      );
      expect(publishers.length).toBe(3);
      for (const { id, resource } of publishers) {
        for (const st of statementsOf(resource).filter((x) => list(x.Action).includes('sns:Publish'))) {
          expect(list(st.Resource), id).toHaveLength(1);
          expect(JSON.stringify(st.Resource), id).toMatch(new RegExp(topicId.slice(0, 10)));
        }
      }
      const withTopic = resources.filter(
        ({ resource }) =>
          resource.Type === 'AWS::Lambda::Function' &&
          JSON.stringify(resource.Properties?.Environment ?? {}).includes('ADMIN_TOPIC_ARN'),
      );
      expect(withTopic.map(({ id }) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
        'aggregatorlambda',
        'apisummarieslambda',
        'corruptiondetectorlambda',
      ]);
    });

    it('scores feedback with Amazon Comprehend in the functions that take feedback, and only those', () => {
      const resources = amplifyResources(amplify);
      const scoring = resources.filter(
        ({ resource }) =>
          resource.Type === 'AWS::Lambda::Function' &&
          JSON.stringify(resource.Properties?.Environment ?? {}).includes('"SENTIMENT_ANALYZER":"comprehend"'),
      );
      expect(scoring.map(({ id }) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
        'apilambda',
        'lexcodehooklambda',
      ]);
      // DetectSentiment alone (it has no resource-level permissions), in the two functions' role policies.
      const granting = resources.filter(({ resource }) =>
        statementsOf(resource).some((st) => list(st.Action).includes('comprehend:DetectSentiment')),
      );
      expect(granting.map(({ resource }) => JSON.stringify(resource.Properties!.Roles)).join(' ')).toMatch(
        /apilambda[\s\S]*lexcodehooklambda|lexcodehooklambda[\s\S]*apilambda/,
      );
      for (const { resource } of granting)
        for (const st of statementsOf(resource).filter((x) =>
          list(x.Action).some((a) => String(a).startsWith('comprehend:')),
        ))
          expect(st).toMatchObject({ Effect: 'Allow', Action: 'comprehend:DetectSentiment', Resource: '*' });
    });

    it("lets the voicebot's function read Lex V2's analytics of this account's bots, and nothing more of Lex", () => {
      const resources = amplifyResources(amplify);
      const reading = resources.flatMap(({ resource }) =>
        statementsOf(resource)
          .filter((st) => list(st.Action).some((a) => /^lex:List\w*Metrics$/.test(String(a))))
          .map((st) => ({ roles: JSON.stringify(resource.Properties?.Roles ?? []), st })),
      );
      expect(reading).toHaveLength(1);
      expect(reading[0]!.roles).toMatch(/apivoicebotlambdaServiceRole/);
      expect(reading[0]!.st).toEqual({
        Effect: 'Allow',
        Action: ['lex:ListSessionMetrics', 'lex:ListIntentMetrics', 'lex:ListIntentStageMetrics'],
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':lex:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              ':bot/*',
            ],
          ],
        },
      });
      // No other Lex action reaches the voicebot function's role, and none the api function's.
      const lexActionsOf = (role: string) =>
        resources
          .filter(({ resource }) => JSON.stringify(resource.Properties?.Roles ?? []).includes(role))
          .flatMap(({ resource }) => statementsOf(resource).flatMap((st) => list(st.Action).map(String)))
          .filter((a) => a.startsWith('lex:'));
      expect(lexActionsOf('apivoicebotlambdaServiceRole').sort()).toEqual([
        'lex:ListIntentMetrics',
        'lex:ListIntentStageMetrics',
        'lex:ListSessionMetrics',
      ]);
      expect(lexActionsOf('apilambdaServiceRole')).toEqual([]);
    });

    it('places addresses with Amazon Location in the functions that book, allowed Geocode on the Places provider only', () => {
      const resources = amplifyResources(amplify);
      const placing = resources.filter(
        ({ resource }) =>
          resource.Type === 'AWS::Lambda::Function' &&
          JSON.stringify(resource.Properties?.Environment ?? {}).includes('"GEOCODER":"amazon-location"'),
      );
      expect(placing.map(({ id }) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
        'apilambda',
        'lexcodehooklambda',
      ]);
      const granting = resources.filter(({ resource }) =>
        statementsOf(resource).some((st) => list(st.Action).some((a) => String(a).startsWith('geo-places:'))),
      );
      expect(granting.map(({ resource }) => JSON.stringify(resource.Properties!.Roles)).join(' ')).toMatch(
        /apilambda[\s\S]*lexcodehooklambda|lexcodehooklambda[\s\S]*apilambda/,
      );
      for (const { resource } of granting)
        for (const st of statementsOf(resource).filter((x) =>
          list(x.Action).some((a) => String(a).startsWith('geo-places:')),
        )) {
          expect(st).toMatchObject({ Effect: 'Allow', Action: 'geo-places:Geocode' });
          expect(JSON.stringify(st.Resource)).toBe(
            JSON.stringify({
              'Fn::Join': [
                '',
                ['arn:', { Ref: 'AWS::Partition' }, ':geo-places:', { Ref: 'AWS::Region' }, '::provider/default'],
              ],
            }),
          );
        }
    });

    it("schedules last week's executive summary on Monday mornings in the company's time zone, in either mode", () => {
      for (const mode of ['LAMBDA', 'FARGATE']) {
        const { nested } = scopesOf(loadInfra(env, { BatchDeploymentMode: mode }));
        const batch = nested.Batch!;
        const [, schedule] = batch.ofType('AWS::Scheduler::Schedule').find(([id]) => id === 'ExecutiveSummary')!;
        expect(schedule.Properties).toMatchObject({
          ScheduleExpression: { Ref: 'ExecutiveSummarySchedule' },
          ScheduleExpressionTimezone: { Ref: 'CompanyTimeZone' },
        });
        expect(batch.value({ Ref: 'ExecutiveSummarySchedule' })).toBe('cron(0 6 ? * MON *)');
        const target = batch.select(schedule.Properties!.Target as Json) as Record<string, Json>;
        if (mode === 'LAMBDA') expect(target.Input).toBe('{"job":"executive-summary"}');
        else {
          expect(JSON.stringify(target)).toContain('{"Ref":"SummaryTaskDefinition"}');
          const task = batch.activeResources().SummaryTaskDefinition!;
          expect(JSON.stringify(task.Properties!.ContainerDefinitions)).toContain(
            '"Command":["node","dist/jobs.mjs","executive-summary"]',
          );
        }
        // What the job may touch: the summaries prefix, the one topic and its key, the outbox and alerts tables.
        const granted = statementsOf(batch.activeResources().JobDataPolicy!);
        const on = (action: string) =>
          granted.filter((st) => list(st.Action).includes(action)).map((st) => st.Resource);
        expect(on('sns:Publish')).toEqual([{ Ref: 'AdminTopicArn' }]);
        expect(on('s3:PutObject')).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${StorageBucket}/summaries/*' }]);
        expect(JSON.stringify(on('dynamodb:PutItem'))).toContain('${OutboxTable}');
      }
      // The admins' e-mail subscription, only when the root's AdminEmail is set.
      const security = infra.nested.Security!.json;
      expect(security.Resources.AdminEmailSubscription).toMatchObject({
        Condition: 'HasAdminEmail',
        Properties: { Protocol: 'email', TopicArn: { Ref: 'AdminTopicArn' } },
      });
    });

    it('looks for deliveries running late against their ETA every minute, in either mode, with only what it needs', () => {
      for (const mode of ['LAMBDA', 'FARGATE']) {
        const { nested } = scopesOf(loadInfra(env, { BatchDeploymentMode: mode }));
        const batch = nested.Batch!;
        const [, schedule] = batch.ofType('AWS::Scheduler::Schedule').find(([id]) => id === 'LateDeliveries')!;
        expect(schedule.Properties).toMatchObject({
          ScheduleExpression: { Ref: 'LateDeliveryCheckSchedule' },
          FlexibleTimeWindow: { Mode: 'OFF' },
        });
        // The root's default, passed through to the nested stack.
        expect(batch.value({ Ref: 'LateDeliveryCheckSchedule' })).toBe('rate(1 minute)');
        const target = batch.select(schedule.Properties!.Target as Json) as Record<string, Json>;
        if (mode === 'LAMBDA') expect(target.Input).toBe('{"job":"late-deliveries"}');
        else {
          expect(JSON.stringify(target)).toContain('{"Ref":"LateDeliveriesTaskDefinition"}');
          const task = batch.activeResources().LateDeliveriesTaskDefinition!;
          const container = JSON.stringify(task.Properties!.ContainerDefinitions);
          expect(container).toContain('"Command":["node","dist/jobs.mjs","late-deliveries"]');
          for (const variable of ['TABLE_ROLLUPS', 'TABLE_ALERTS', 'TABLE_OUTBOX', 'ADMIN_TOPIC_ARN'])
            expect(container).toContain(`"Name":"${variable}"`);
          // The scheduler may start it (and only the batch task definitions).
          const runTask = statementsOf(batch.activeResources().SchedulerRole!).filter((st) =>
            list(st.Action).includes('ecs:RunTask'),
          );
          expect(JSON.stringify(runTask)).toContain('{"Ref":"LateDeliveriesTaskDefinition"}');
        }
        // What it touches: the rollups' watches (Query), the alerts (Put, conditional), the outbox and the topic.
        const granted = statementsOf(batch.activeResources().JobDataPolicy!);
        const on = (action: string) =>
          JSON.stringify(granted.filter((st) => list(st.Action).includes(action)).map((st) => st.Resource));
        expect(on('dynamodb:Query')).toContain('${RollupsTable}');
        expect(on('dynamodb:PutItem')).toContain('${AlertsTable}');
        expect(on('dynamodb:PutItem')).toContain('${OutboxTable}');
        expect(on('sns:Publish')).toBe('[{"Ref":"AdminTopicArn"}]');
      }
    });

    it('has a monthly budget with alert thresholds and cost allocation tags on every stack and resource', () => {
      const monitoring = Template.fromJSON(infra.nested.Monitoring!.json as unknown as Record<string, unknown>);
      monitoring.resourceCountIs('AWS::Budgets::Budget', 1);
      monitoring.hasResourceProperties('AWS::Budgets::Budget', {
        Budget: {
          BudgetType: 'COST',
          TimeUnit: 'MONTHLY',
          BudgetLimit: { Amount: { Ref: 'MonthlyBudgetUsd' }, Unit: 'USD' },
        },
        NotificationsWithSubscribers: Match.arrayWith([
          Match.objectLike({
            Notification: Match.objectLike({ NotificationType: 'ACTUAL', Threshold: { Ref: 'BudgetAlertPercent' } }),
            Subscribers: [{ SubscriptionType: 'SNS', Address: { Ref: 'AlarmTopicArn' } }],
          }),
        ]),
      });
      const monitoringScope = scopesOf(infra).nested.Monitoring!;
      expect(Number(monitoringScope.value({ Ref: 'MonthlyBudgetUsd' }))).toBe(Number(file.Parameters.MonthlyBudgetUsd));
      expect(Number(monitoringScope.value({ Ref: 'BudgetAlertPercent' }))).toBeLessThan(100);

      // infra-cfn: every nested stack is tagged (CloudFormation propagates stack tags to what it creates); the
      // parameter file's tags go on the root stack at deploy.
      expect(file.Tags).toMatchObject({ 'courier:environment': env, 'courier:application': 'courier-voicebot' });
      const stacks = rootAsWritten(env).findResources('AWS::CloudFormation::Stack');
      expect(Object.keys(stacks).sort()).toEqual(Object.keys(infra.nested).sort());
      for (const stack of Object.values(stacks)) {
        expect(stack.Properties.Tags).toEqual(
          expect.arrayContaining([
            { Key: 'courier:environment', Value: env },
            { Key: 'courier:application', Value: 'courier-voicebot' },
          ]),
        );
      }
      // Amplify: every resource that takes tags carries the environment's.
      const tagged = amplifyResources(amplify).filter(({ resource }) => {
        const p = resource.Properties ?? {};
        return 'Tags' in p || 'UserPoolTags' in p;
      });
      expect(tagged.length).toBeGreaterThan(30);
      for (const { id, resource } of tagged) {
        const tags = JSON.stringify(resource.Properties!.Tags ?? resource.Properties!.UserPoolTags);
        expect(tags, id).toMatch(new RegExp(`"courier:environment"(,"Value":|:)"${env}"`));
      }
      for (const type of ['AWS::Lambda::Function', 'AWS::KMS::Key', 'AWS::S3::Bucket', 'AWS::AppSync::GraphQLApi']) {
        const untagged = amplifyResources(amplify).filter(
          ({ resource }) => resource.Type === type && !resource.Properties?.Tags,
        );
        expect(
          untagged.map((u) => u.id),
          type,
        ).toEqual([]);
      }
    });
  });
}
