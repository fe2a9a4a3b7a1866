/** The built-in connectors and formats, by identifier. */
import type { ConnectorFactory } from './connector.js';
import type { FormatFactory } from './formats/format.js';
import { blackholeFactory } from './blackhole/blackhole-factory.js';
import { datagenFactory } from './datagen/datagen-factory.js';
import { filesystemFactory } from './filesystem/filesystem-factory.js';
import { nexmarkFactory } from './nexmark/nexmark-factory.js';
import { printFactory } from './print/print-factory.js';
import { csvFormatFactory } from './formats/csv/csv-format.js';
import { debeziumJsonFormatFactory } from './formats/debezium-json/debezium-json-format.js';
import { jsonFormatFactory } from './formats/json/json-format.js';
import { rawFormatFactory } from './formats/raw/raw-format.js';

export { validateOptions, findConnectorFactory } from './option-validation.js';

const CONNECTORS: ReadonlyMap<string, ConnectorFactory> = new Map(
  [blackholeFactory, datagenFactory, filesystemFactory, nexmarkFactory, printFactory].map((f) => [f.identifier, f]),
);
const FORMATS: ReadonlyMap<string, FormatFactory> = new Map(
  [csvFormatFactory, debeziumJsonFormatFactory, jsonFormatFactory, rawFormatFactory].map((f) => [f.identifier, f]),
);

export function connectorFactories(): ReadonlyMap<string, ConnectorFactory> {
  return CONNECTORS;
}

export function formatFactories(): ReadonlyMap<string, FormatFactory> {
  return FORMATS;
}
