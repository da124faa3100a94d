// An example hive-batch plugin. The host injects its API (`api`): the plugin imports nothing from the host, so a
// single host API instance serves every plugin in a realm. Pack it with `npm pack` and load it with
//   CREATE TEMPORARY FUNCTION plus_one AS 'plusOne' USING JAR '/path/to/hive-batch-example-udf-plugin-1.0.0.tgz';

/** @param {import('@hive-batch/functions').PluginApi} api */
export function plugin(api) {
  return api.definePlugin({
    name: 'example-udf-plugin',
    apiVersion: 1,
    functions: {
      // Scalar, vectorized: one array per argument in, one array out.
      plusOne: api.defineUdf({
        argumentTypes: ['int'],
        resultType: 'int',
        description: 'plus_one(x) - Returns x + 1',
        evaluate: ([xs], numRows) => {
          const out = new Array(numRows);
          for (let i = 0; i < numRows; i++) out[i] = xs[i] == null ? null : (xs[i] + 1) | 0;
          return out;
        },
      }),
      initials: api.defineUdf({
        argumentTypes: ['string'],
        resultType: 'string',
        description: 'initials(s) - Returns the first letter of every word of s, upper-cased',
        evaluate: ([xs]) =>
          xs.map((s) =>
            s == null
              ? null
              : s
                  .split(/\s+/)
                  .filter((w) => w.length > 0)
                  .map((w) => w[0].toUpperCase())
                  .join(''),
          ),
      }),
      // Table function: one row in, rows out.
      splitWords: api.defineUdtf({
        argumentTypes: ['string'],
        outputColumns: [
          { name: 'pos', type: 'int' },
          { name: 'word', type: 'string' },
        ],
        description: 'split_words(s) - One row (pos, word) per word of s',
        *process([s]) {
          if (s == null) return;
          let pos = 0;
          for (const word of s.split(/\s+/)) if (word.length > 0) yield [pos++, word];
        },
      }),
      // Aggregate over plain-data state; runs in the hash-aggregation operator.
      geomean: api.defineUdaf({
        argumentTypes: ['double'],
        resultType: 'double',
        partialType: 'struct<logsum:double,n:bigint>',
        description: 'geomean(x) - Geometric mean of the positive non-NULL values of x',
        init: () => ({ logsum: 0, n: 0 }),
        iterate: (s, [x]) => (x == null || !(x > 0) ? s : { logsum: s.logsum + Math.log(x), n: s.n + 1 }),
        merge: (s, p) => ({ logsum: s.logsum + p.logsum, n: s.n + p.n }),
        terminate: (s) => (s.n === 0 ? null : Math.exp(s.logsum / s.n)),
      }),
    },
  });
}
