// Step: the IAM role Lex V2 runs the bot as (trusts lexv2.amazonaws.com, may call Polly). Found by name
// first; a role that already exists is used as it is and never changed.
import { CreateRoleCommand, GetRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { isAwsError } from '../aws-errors';
import { resourceNames } from '../deployment';
import { LEX_ROLE_POLICY, LEX_TRUST_POLICY, accountOfArn } from '../lex-spec';
import type { ProvisioningStep } from '../step';

export const botRoleStep: ProvisioningStep = {
  key: 'bot-role',
  title: 'Bot IAM role',
  plan: (settings) => `Use the IAM role ${resourceNames(settings).roleName}, creating it if it does not exist`,
  async run(ctx) {
    const { roleName, rolePolicyName } = resourceNames(ctx.settings);
    const iam = ctx.clients.iam;
    let arn: string | undefined;
    let roleId: string | undefined;
    try {
      const { Role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
      arn = Role?.Arn;
      roleId = Role?.RoleId;
      // A role this deployment created on an attempt that failed before its policy was put: finish it.
      if (ctx.recorded('iamRole', roleName)?.created) {
        await iam.send(
          new PutRolePolicyCommand({ RoleName: roleName, PolicyName: rolePolicyName, PolicyDocument: LEX_ROLE_POLICY }),
        );
      }
      ctx.record({ kind: 'iamRole', name: roleName, id: roleName, arn, created: false });
      ctx.note('found');
    } catch (error) {
      if (!isAwsError(error, 'NoSuchEntity', 'NoSuchEntityException')) throw error;
      const { Role } = await iam.send(
        new CreateRoleCommand({
          RoleName: roleName,
          AssumeRolePolicyDocument: LEX_TRUST_POLICY,
          Description: `Runs the ${ctx.settings.botName} Lex V2 bot`,
        }),
      );
      arn = Role?.Arn;
      roleId = Role?.RoleId;
      ctx.record({ kind: 'iamRole', name: roleName, id: roleName, arn, created: true });
      // Recorded before the policy call so a failure here still leaves the role to roll back.
      await iam.send(
        new PutRolePolicyCommand({ RoleName: roleName, PolicyName: rolePolicyName, PolicyDocument: LEX_ROLE_POLICY }),
      );
      ctx.note('created');
    }
    if (!arn) throw new Error(`IAM returned no ARN for role ${roleName}.`);
    return { roleArn: arn, roleId: roleId ?? roleName, accountId: accountOfArn(arn) };
  },
};
