// Bound expressions and the logical/physical plan the binder produces and the executor runs.
import type { DataType, Field } from '@hive-batch/core';
import type { AggregateEvaluator } from '@hive-batch/aggregate';

/** What the binder needs to know about a table (a catalog `Table` has these fields). */
export interface BinderTable {
  readonly id: { readonly database: string; readonly table: string };
  readonly columns: readonly Field[];
  readonly partitionKeys: readonly Field[];
}

/** A typed expression compiled to a closure over an input row. */
export interface BoundExpr {
  readonly type: DataType;
  /** Readable form for EXPLAIN. */
  readonly text: string;
  readonly eval: (row: readonly unknown[]) => unknown;
  /** Set for constants (literals and folded calls). */
  readonly constant?: { readonly value: unknown };
  /** Set for a plain reference to an input column. */
  readonly inputIndex?: number;
}

/** One output column of a plan node. */
export interface PlanColumn {
  readonly name: string;
  readonly type: DataType;
  /** Table alias the column can be qualified with (lower-case), or null. */
  readonly qualifier: string | null;
}

/** An aggregate call of an Aggregate node. */
export interface BoundAggregate {
  readonly name: string;
  readonly text: string;
  readonly evaluator: AggregateEvaluator;
  /** Arguments cast to `evaluator.inputTypes`. */
  readonly args: readonly BoundExpr[];
  /** The call site as written (arguments before the casts), for operators that resolve the function themselves. */
  readonly call: {
    readonly rawArgs: readonly BoundExpr[];
    readonly distinct: boolean;
    readonly star: boolean;
  };
}

/** One window function of a Window node. */
export interface BoundWindow {
  readonly text: string;
  readonly type: DataType;
  readonly partitionBy: readonly BoundExpr[];
  readonly orderBy: readonly SortKey[];
  /** `partition`: the whole partition (no ORDER BY); `range`: up to the current row's peers; `rows`: up to the row. */
  readonly frame: 'partition' | 'range' | 'rows';
  readonly fn:
    | {
        readonly kind: 'aggregate';
        readonly evaluator: AggregateEvaluator;
        readonly args: readonly BoundExpr[];
      }
    | { readonly kind: 'rank'; readonly name: 'row_number' | 'rank' | 'dense_rank' };
}

export interface SortKey {
  readonly expr: BoundExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

export type PlanNode =
  | {
      readonly kind: 'scan';
      readonly columns: readonly PlanColumn[];
      readonly table: BinderTable;
      /** Partition pruning predicate over the partition columns, evaluated on scan rows, or null. */
      readonly partitionFilter: BoundExpr | null;
      /** Column indexes the query reads (the others stay NULL), or null for all. */
      readonly projection?: readonly number[] | null;
    }
  | {
      readonly kind: 'values';
      readonly columns: readonly PlanColumn[];
      readonly rows: readonly (readonly unknown[])[];
    }
  | {
      readonly kind: 'filter';
      readonly columns: readonly PlanColumn[];
      readonly input: PlanNode;
      readonly predicate: BoundExpr;
    }
  | {
      readonly kind: 'project';
      readonly columns: readonly PlanColumn[];
      readonly input: PlanNode;
      readonly exprs: readonly BoundExpr[];
    }
  | {
      readonly kind: 'aggregate';
      readonly columns: readonly PlanColumn[];
      readonly input: PlanNode;
      readonly groupBy: readonly BoundExpr[];
      /**
       * GROUPING SETS / ROLLUP / CUBE: each set lists the indexes of `groupBy` it keeps; the output then has a
       * `grouping__id` column after the keys (bit set = key not in the set, first key = highest bit). Null: plain.
       */
      readonly groupingSets: readonly (readonly number[])[] | null;
      readonly aggregates: readonly BoundAggregate[];
    }
  | {
      readonly kind: 'sort';
      readonly columns: readonly PlanColumn[];
      readonly input: PlanNode;
      readonly keys: readonly SortKey[];
    }
  | {
      readonly kind: 'limit';
      readonly columns: readonly PlanColumn[];
      readonly input: PlanNode;
      readonly limit: number | null;
      readonly offset: number;
    }
  | { readonly kind: 'union'; readonly columns: readonly PlanColumn[]; readonly inputs: readonly PlanNode[] }
  | {
      /** LATERAL VIEW [OUTER] explode/posexplode/inline(arg): input row × generated rows. */
      readonly kind: 'lateral';
      readonly columns: readonly PlanColumn[];
      readonly input: PlanNode;
      readonly generator: 'explode' | 'posexplode' | 'inline';
      readonly arg: BoundExpr;
      readonly outer: boolean;
    }
  | {
      readonly kind: 'window';
      readonly columns: readonly PlanColumn[];
      readonly input: PlanNode;
      /** Appended to each input row, in order. */
      readonly windows: readonly BoundWindow[];
    }
  | {
      readonly kind: 'join';
      readonly columns: readonly PlanColumn[];
      readonly joinType: 'inner' | 'left' | 'right' | 'full' | 'leftSemi' | 'leftAnti' | 'cross';
      readonly left: PlanNode;
      readonly right: PlanNode;
      /** Equi-join keys (left over left rows, right over right rows). */
      readonly leftKeys: readonly BoundExpr[];
      readonly rightKeys: readonly BoundExpr[];
      /** Remaining condition over the concatenated row, or null. */
      readonly residual: BoundExpr | null;
    };

/** Prints a plan as an indented tree (what EXPLAIN shows). */
export function formatPlan(node: PlanNode, indent = ''): string {
  const cols = node.columns.map((c) => c.name).join(', ');
  const child = (n: PlanNode): string => formatPlan(n, indent + '  ');
  switch (node.kind) {
    case 'scan':
      return (
        `${indent}TableScan ${node.table.id.database}.${node.table.id.table} [${cols}]` +
        (node.projection != null
          ? ` read: [${node.projection.map((i) => node.columns[i]?.name ?? '').join(', ')}]`
          : '') +
        (node.partitionFilter != null ? ` partitions: ${node.partitionFilter.text}` : '')
      );
    case 'values':
      return `${indent}Values ${node.rows.length} row(s) [${cols}]`;
    case 'filter':
      return `${indent}Filter ${node.predicate.text}\n${child(node.input)}`;
    case 'project':
      return `${indent}Project [${node.exprs.map((e, i) => `${e.text} AS ${node.columns[i]?.name ?? ''}`).join(', ')}]\n${child(node.input)}`;
    case 'aggregate':
      return (
        `${indent}HashAggregate(final) keys=[${node.groupBy.map((e) => e.text).join(', ')}]${node.groupingSets != null ? ` sets=${JSON.stringify(node.groupingSets)}` : ''} aggs=[${node.aggregates.map((a) => a.text).join(', ')}]\n` +
        `${indent}  HashAggregate(partial)\n${formatPlan(node.input, indent + '    ')}`
      );
    case 'sort':
      return `${indent}Sort [${node.keys.map((k) => `${k.expr.text} ${k.descending ? 'DESC' : 'ASC'} NULLS ${k.nullsFirst ? 'FIRST' : 'LAST'}`).join(', ')}]\n${child(node.input)}`;
    case 'limit':
      return `${indent}Limit ${node.limit ?? 'ALL'}${node.offset > 0 ? ` OFFSET ${node.offset}` : ''}\n${child(node.input)}`;
    case 'lateral':
      return `${indent}LateralView ${node.outer ? 'OUTER ' : ''}${node.generator}(${node.arg.text})\n${child(node.input)}`;
    case 'window':
      return `${indent}Window [${node.windows.map((w) => w.text).join(', ')}]\n${child(node.input)}`;
    case 'union':
      return `${indent}UnionAll\n${node.inputs.map(child).join('\n')}`;
    case 'join':
      return (
        `${indent}HashJoin ${node.joinType} keys=[${node.leftKeys.map((k, i) => `${k.text} = ${node.rightKeys[i]?.text ?? ''}`).join(', ')}]` +
        (node.residual != null ? ` residual=${node.residual.text}` : '') +
        `\n${child(node.left)}\n${child(node.right)}`
      );
  }
}
