// Placeholder facade implementation while the index is being built: every feature answers empty.
import type { TreatyService, TreatyServiceOptions } from './index';

export function createTreatyService(_options: TreatyServiceOptions): TreatyService {
  throw new Error('not implemented yet');
}
