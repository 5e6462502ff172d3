/** Processor engines by name: `legacy-fields`, `regex-filter`, `name-whitelist`, `user-agent`, `geo`. */
import { TrackingConfigError } from '../errors.js';
import type { Processor } from '../event.js';
import { geoEnricher, userAgentEnricher } from '../processors/enrichers.js';
import { legacyFieldMapping } from '../processors/legacy-field-mapping.js';
import { nameWhitelistProcessor } from '../processors/name-whitelist.js';
import { regexFilter } from '../processors/regex-filter.js';
import type { TrackingServices } from './build-tracker.js';
import { engineNode, onlyKeys, optionalChoice, stringList } from './checks.js';

export const PROCESSOR_ENGINES = ['legacy-fields', 'regex-filter', 'name-whitelist', 'user-agent', 'geo'] as const;

export function processorFactory(value: unknown, path: string, services: TrackingServices): Processor {
  const { engine, options, optionsPath } = engineNode(value, path);
  switch (engine) {
    case 'legacy-fields':
      onlyKeys(options, [], optionsPath);
      return legacyFieldMapping;
    case 'regex-filter': {
      // edX spells these filter_type / regular_expressions; both spellings work.
      onlyKeys(options, ['filterType', 'regularExpressions', 'filter_type', 'regular_expressions'], optionsPath);
      const typeKey = 'filter_type' in options ? 'filter_type' : 'filterType';
      const listKey = 'regular_expressions' in options ? 'regular_expressions' : 'regularExpressions';
      const filterType = optionalChoice(options, typeKey, optionsPath, ['allowlist', 'blocklist'] as const);
      if (!filterType) throw new TrackingConfigError(`${optionsPath}.${typeKey}`, "is required: 'allowlist' or 'blocklist'");
      const regularExpressions = stringList(options[listKey], `${optionsPath}.${listKey}`);
      return regexFilter({ filterType, regularExpressions, configPath: optionsPath });
    }
    case 'name-whitelist':
      onlyKeys(options, ['whitelist'], optionsPath);
      return nameWhitelistProcessor(stringList(options.whitelist, `${optionsPath}.whitelist`), optionsPath);
    case 'user-agent':
      onlyKeys(options, [], optionsPath);
      return userAgentEnricher();
    case 'geo':
      onlyKeys(options, [], optionsPath);
      if (!services.geoLookup)
        throw new TrackingConfigError(path, "engine 'geo' needs a lookup: pass { geoLookup } to buildTracker");
      return geoEnricher(services.geoLookup);
    default:
      throw new TrackingConfigError(`${path}.engine`, `unknown processor engine '${engine}'; known: ${PROCESSOR_ENGINES.join(', ')}`);
  }
}
