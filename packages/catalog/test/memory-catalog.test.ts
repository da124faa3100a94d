import { createMemoryCatalog } from '@hive-batch/catalog';
import { catalogContract } from './catalog-contract';

catalogContract('in-memory', (warehouse) => createMemoryCatalog({ warehouse }));
