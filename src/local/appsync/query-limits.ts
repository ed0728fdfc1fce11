// The local server's abuse limits (OWASP API4): query tokens counted before parsing, then depth, aliases,
// directives, cost (graphql-armor's validation rules) and root fields as validation rules, every refusal a
// GraphQL error typed QueryLimitExceeded whose message names the limit and how to stay inside it.
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { QUERY_LIMITS } from '../../api/query-limits';
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type ASTNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from './graphql-js';

export type QueryLimits = { [K in keyof typeof QUERY_LIMITS]: number };

export const QUERY_LIMIT_ERROR_TYPE = 'QueryLimitExceeded';

/** A refusal the caller can act on: what was exceeded, by how much, and how to ask within the limit. */
export function queryLimitError(message: string, resolution: string, nodes?: readonly ASTNode[]): GraphQLError {
  return new GraphQLError(`${message} ${resolution}`, {
    nodes,
    extensions: { errorType: QUERY_LIMIT_ERROR_TYPE, errorInfo: { resolution } },
  });
}

/**
 * Counts the query's tokens, stopping one past the limit, so a huge document is refused before any parsing
 * or validation work; undefined when within the limit (syntax errors are left to the parser).
 */
export function checkTokenLimit(query: string, limit: number): GraphQLError | undefined {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > limit) {
        return queryLimitError(
          `The query has more than ${limit} tokens.`,
          'Ask for fewer fields or split the request into several requests.',
        );
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

type ArmorRule = (options: {
  propagateOnRejection: boolean;
  onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[];
}) => (context: ValidationContext) => object;

/** A graphql-armor rule that reports our refusal through the validation context instead of throwing its own. */
function armored(rule: ArmorRule, options: object, resolution: string): ValidationRule {
  return (context) =>
    rule({
      ...options,
      propagateOnRejection: false,
      onReject: [
        (_ctx, error) => {
          context.reportError(queryLimitError(error.message.replace(/^Syntax Error: /, ''), resolution));
        },
      ],
    })(context) as ReturnType<ValidationRule>;
}

function rootFieldCount(set: SelectionSetNode, context: ValidationContext, seen: Set<string>): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += rootFieldCount(selection.selectionSet, context, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += rootFieldCount(fragment.selectionSet, context, seen);
    }
  }
  return count;
}

/** Each root field is one resolver call (AppSync's ResolverCountLimit: nothing below the root has a resolver). */
function maxRootFieldsRule(limit: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const count = rootFieldCount(operation.selectionSet, context, new Set());
      if (count > limit) {
        context.reportError(
          queryLimitError(
            `The operation selects ${count} root fields; at most ${limit} are allowed in one request.`,
            'Split the request into several requests.',
            [operation],
          ),
        );
      }
    },
  });
}

/** The validation rules every request passes after the standard ones, over HTTP and the real-time channel. */
export function queryLimitRules(limits: QueryLimits = QUERY_LIMITS): ValidationRule[] {
  return [
    armored(
      maxDepthRule as ArmorRule,
      { n: limits.depth, ignoreIntrospection: false, flattenFragments: true },
      'Select fewer nested levels.',
    ),
    armored(
      maxAliasesRule as ArmorRule,
      { n: limits.aliases },
      'Look fewer items up in one request (each alias is a separate lookup), or use a list query.',
    ),
    armored(maxDirectivesRule as ArmorRule, { n: limits.directives }, 'Use fewer directives.'),
    armored(
      costLimitRule as ArmorRule,
      { maxCost: limits.cost, ignoreIntrospection: false, flattenFragments: true },
      'Ask for fewer fields or split the request into several requests.',
    ),
    maxRootFieldsRule(limits.rootFields),
  ];
}

/** Whether an operation asks for the schema itself (__schema or __type at its root). */
export function isIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some(
    (s) => s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type'),
  );
}
