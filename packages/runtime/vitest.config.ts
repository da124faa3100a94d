import { packageProject } from '../../vitest.shared.ts';

export default packageProject('@hive-batch/runtime');
