export * from './regex-filter.js';
export * from './name-whitelist.js';
export * from './legacy-field-mapping.js';
export * from './enrichers.js';
export * from './user-agent.js';
export * from './python-regex.js';
