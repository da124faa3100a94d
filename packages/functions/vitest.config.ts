import { mergeConfig } from 'vitest/config';
import { packageProject } from '../../vitest.shared.ts';

// --expose-gc: the realm-churn test measures memory after a full collection. Realms never inherit it (they run
// with empty execArgv).
export default mergeConfig(packageProject('@hive-batch/functions'), { test: { execArgv: ['--expose-gc'] } });
