import { createSqliteCatalog } from '@hive-batch/catalog';
import { catalogContract } from './catalog-contract';

catalogContract('sqlite', (warehouse) => createSqliteCatalog({ warehouse }));
