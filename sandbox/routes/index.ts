import type { Router } from '../router';
import { accountRoutes } from './account';
import { associationRoutes } from './associations';
import { batchRoutes } from './batch';
import { fileRoutes } from './files';
import { formRoutes } from './forms';
import { journalRoutes } from './journal';
import { journalSubscriptionRoutes } from './journalSubscriptions';
import { listRoutes } from './lists';
import { oauthRoutes } from './oauth';
import { objectRoutes } from './objects';
import { ownerRoutes } from './owners';
import { pipelineRoutes } from './pipelines';
import { propertyRoutes } from './properties';
import { schemaRoutes } from './schemas';
import { searchRoutes } from './search';
import { webhookRoutes } from './webhooks';

/**
 * Every area of the emulated API registers its routes here. Each area lives in its own file.
 */
export type RouteModule = (router: Router) => void;

export const routeModules: RouteModule[] = [
  accountRoutes,
  associationRoutes,
  oauthRoutes,
  searchRoutes,
  objectRoutes,
  batchRoutes,
  propertyRoutes,
  schemaRoutes,
  pipelineRoutes,
  ownerRoutes,
  listRoutes,
  fileRoutes,
  formRoutes,
  webhookRoutes,
  journalSubscriptionRoutes,
  journalRoutes,
];
