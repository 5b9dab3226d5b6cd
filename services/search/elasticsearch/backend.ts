// Placeholder until the Elasticsearch backend lands (issue 6): selecting it says so plainly.
import type { Config } from '../../config.js';
import type { SearchBackend } from '../backend.js';

export const ElasticsearchBackend = {
  async open(_config: Config, _signature: string): Promise<SearchBackend> {
    throw new Error('the Elasticsearch backend is not available in this build; use GONGKAI_BACKEND=sqlite');
  },
};
