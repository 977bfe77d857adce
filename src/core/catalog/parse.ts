/**
 * Parses one catalog file into entities, with every problem positioned at its line and
 * column. Bad input never throws: a JSON syntax error is reported and the best-effort
 * parse is used, except for an entity the file ends inside or with a string left open (its
 * text is cut); an entity that breaks the schema is reported and left out, the rest stay.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import schema from '../../../schemas/catalog.schema.json';
import { LineIndex, type CatalogDiagnostic, type Severity } from './diagnostics';
import type { Entity } from './types';

/** An entity with where it was defined, so later checks can point at it. */
export interface LocatedEntity {
  entity: Entity;
  path: string;
  /** Finds the position of a JSON path inside this entity (e.g. ['aliases', 3]). */
  locate(subPath: Array<string | number>): { offset: number; length: number };
}

export interface ParsedCatalog {
  path: string;
  entities: LocatedEntity[];
  diagnostics: CatalogDiagnostic[];
}

let validateEntity: ValidateFunction | undefined;

/** Compiles the entity schema once (the same schema VS Code uses to validate while editing). */
function entityValidator(): ValidateFunction {
  if (!validateEntity) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(schema, 'catalog');
    validateEntity = ajv.getSchema('catalog#/definitions/entity')!;
  }
  return validateEntity;
}

export function parseCatalog(path: string, text: string): ParsedCatalog {
  const lines = new LineIndex(text);
  const diagnostics: CatalogDiagnostic[] = [];
  const report = (severity: Severity, code: string, message: string, offset: number, length: number): void => {
    diagnostics.push({ path, message, severity, code, offset, length, ...lines.position(offset) });
  };

  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { allowTrailingComma: false, disallowComments: true });
  let lastOffset = -1;
  for (const e of syntaxErrors) {
    if (e.offset === lastOffset) continue; // the parser often reports one mistake twice
    lastOffset = e.offset;
    report('error', 'json-syntax', `JSON syntax error: ${describeParseError(e)}`, e.offset, Math.max(1, e.length));
  }
  const entities: LocatedEntity[] = [];
  if (!root || root.type !== 'object') {
    if (syntaxErrors.length === 0) report('error', 'schema', 'A catalog must be a JSON object with an "entities" array.', 0, 1);
    return { path, entities, diagnostics };
  }
  const list = findNodeAtLocation(root, ['entities']);
  if (!list || list.type !== 'array') {
    const at = list ?? root;
    report('error', 'schema', 'The catalog has no "entities" array.', at.offset, list ? at.length : 1);
    return { path, entities, diagnostics };
  }
  for (const prop of root.children ?? []) {
    const key = prop.children?.[0]?.value as string | undefined;
    if (key !== undefined && !['$schema', 'version', 'entities'].includes(key)) {
      report('warning', 'schema', `Unknown top-level property "${key}" is ignored.`, prop.offset, prop.children![0]!.length);
    }
  }

  const validate = entityValidator();
  const seen = new Map<string, number>();
  // A string the parser had to close itself (the file was cut off, a quote is missing) holds
  // only part of its text: an entity around one is not used, or a half name becomes an alias.
  const openStrings = syntaxErrors.filter((e) => printParseErrorCode(e.error) === 'UnexpectedEndOfString').map((e) => e.offset);
  (list.children ?? []).forEach((node, index) => {
    const value = nodeValue(node);
    const end = node.offset + node.length;
    if (node.type === 'object' && (text.charCodeAt(end - 1) !== 0x7d /* } */ || openStrings.some((o) => o >= node.offset && o < end))) {
      report('error', 'json-syntax', `Entity ${index + 1}${idOf(value)}: incomplete (the file ends or a string is not closed inside it); ignored.`, node.offset, node.length);
      return;
    }
    if (!validate(value)) {
      for (const err of simplify(validate.errors ?? [])) {
        const at = findNodeAtLocation(node, pointerToPath(err.instancePath)) ?? node;
        report('error', 'schema', `Entity ${index + 1}${idOf(value)}: ${describeSchemaError(err)}`, at.offset, at.length);
      }
      return;
    }
    const entity = value as Entity;
    const idNode = findNodeAtLocation(node, ['id'])!;
    if (seen.has(entity.id)) {
      report('error', 'duplicate-id', `Duplicate id "${entity.id}": already defined by entity ${seen.get(entity.id)! + 1} of this file; this one is ignored.`, idNode.offset, idNode.length);
      return;
    }
    seen.set(entity.id, index);
    entities.push({
      entity,
      path,
      locate: (subPath) => {
        const n = findNodeAtLocation(node, subPath) ?? node;
        return { offset: n.offset, length: n.length };
      },
    });
  });
  return { path, entities, diagnostics };
}

/** Rebuilds a plain value from a parse-tree node (parseTree keeps values only on leaves). */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) o[k.value as string] = nodeValue(v);
      }
      return o;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function pointerToPath(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function idOf(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? ` ("${id}")` : '';
}

/**
 * Drops the noise ajv adds around oneOf/anyOf so each problem is reported once: a failed
 * oneOf (an alias that is neither a string nor an object) replaces its branches' errors.
 */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const out: ErrorObject[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const insideOneOf = [...oneOfPaths].some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/'));
    if (insideOneOf && e.keyword !== 'oneOf') continue;
    if (e.keyword === 'anyOf' && !e.instancePath.endsWith('/names')) continue;
    const key = `${e.instancePath}|${e.keyword}|${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out.length > 0 ? out : errors.slice(0, 1);
}

function describeSchemaError(e: ErrorObject): string {
  const where = e.instancePath ? `"${e.instancePath.slice(1).replace(/\//g, '.')}" ` : '';
  switch (e.keyword) {
    case 'required':
      return `missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum':
      return `${where}must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return `${where}has an invalid format (${e.instancePath.includes('date') || /\/(from|to)$/.test(e.instancePath) ? 'expected YYYY, YYYY-MM or YYYY-MM-DD' : `expected ${(e.params as { pattern: string }).pattern}`})`;
    case 'anyOf':
      return `${where}needs at least an "ar" or an "en" name`;
    case 'oneOf':
      return `${where}must be a string or an object { "text": …, "ambiguous": true }`;
    default:
      return `${where}${e.message ?? 'is invalid'}`;
  }
}

function describeParseError(e: ParseError): string {
  const names: Record<string, string> = {
    InvalidSymbol: 'invalid symbol',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'property name expected (trailing comma?)',
    ValueExpected: 'value expected (trailing comma?)',
    ColonExpected: 'colon expected',
    CommaExpected: 'comma expected',
    CloseBraceExpected: 'closing brace "}" expected',
    CloseBracketExpected: 'closing bracket "]" expected',
    EndOfFileExpected: 'end of file expected',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unexpected end of comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unexpected end of number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character',
  };
  const code = printParseErrorCode(e.error);
  return names[code] ?? code;
}
