// Step: the code hook Lambda's resource policy lets Lex V2 invoke it for this bot alias only. The statement
// is looked up in the function's policy first; AddPermission's ResourceConflictException (a statement with
// that id appeared meanwhile) also counts as already there.
import { AddPermissionCommand, GetPolicyCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { isAwsError } from '../aws-errors';
import { required, type ProvisioningStep } from '../step';

/** Statement ids allow letters, digits, "-" and "_" (up to 100). */
export function permissionStatementId(botId: string, botAliasId: string): string {
  return `lexv2-${botId}-${botAliasId}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 100);
}

async function hasStatement(lambda: LambdaClient, functionName: string, statementId: string): Promise<boolean> {
  try {
    const { Policy } = await lambda.send(new GetPolicyCommand({ FunctionName: functionName }));
    const statements = (JSON.parse(Policy ?? '{}') as { Statement?: { Sid?: string }[] }).Statement ?? [];
    return statements.some((s) => s.Sid === statementId);
  } catch (error) {
    // A function without any resource policy answers ResourceNotFoundException.
    if (isAwsError(error, 'ResourceNotFoundException')) return false;
    throw error;
  }
}

export const lambdaPermissionStep: ProvisioningStep = {
  key: 'lambda-permission',
  title: 'Code hook permission',
  plan: () => 'Allow Lex to invoke the code hook Lambda for this bot alias',
  async run(ctx) {
    const statementId = permissionStatementId(required(ctx, 'botId'), required(ctx, 'botAliasId'));
    const resource = {
      kind: 'lambdaPermission' as const,
      name: statementId,
      id: statementId,
      scope: { functionName: ctx.codeHookLambdaArn },
    };
    if (await hasStatement(ctx.clients.lambda, ctx.codeHookLambdaArn, statementId)) {
      ctx.record({ ...resource, created: false });
      ctx.note('already allowed');
      return { permissionStatementId: statementId };
    }
    try {
      await ctx.clients.lambda.send(
        new AddPermissionCommand({
          FunctionName: ctx.codeHookLambdaArn,
          StatementId: statementId,
          Action: 'lambda:InvokeFunction',
          Principal: 'lexv2.amazonaws.com',
          SourceArn: required(ctx, 'botAliasArn'),
        }),
      );
      ctx.record({ ...resource, created: true });
      ctx.note('added');
    } catch (error) {
      if (!isAwsError(error, 'ResourceConflictException')) throw error;
      ctx.record({ ...resource, created: false });
      ctx.note('already allowed');
    }
    return { permissionStatementId: statementId };
  },
};
