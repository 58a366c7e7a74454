import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

// ajv-formats is CommonJS; its default export arrives as the module object under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

// biome-ignore lint/suspicious/noExplicitAny: the document is JSON walked by pointer.
type Json = any;

interface Operation {
  pointer: string;
  operation: Json;
  pattern: RegExp;
  literalSegments: number;
}

/** JSON Pointer escaping (RFC 6901). */
function escapePointer(part: string): string {
  return part.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Holds the server to its published contract (issue: the OpenAPI document drifted). Every response a test
 * receives is checked against the operation's response schema for its status, and every request the
 * server accepted (2xx) against the operation's parameters and request body: a change that makes the two
 * disagree fails the tests that exercise it.
 */
export class ContractChecker {
  readonly #ajv: Ajv2020;
  readonly #operations = new Map<string, Operation[]>();
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: Json) {
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.#ajv);
    this.#ajv.addSchema(document, 'openapi', undefined, false);
    for (const [path, item] of Object.entries<Json>(document.paths)) {
      for (const [method, operation] of Object.entries<Json>(item)) {
        const segments = path.split('/');
        const pattern = new RegExp(
          `^${segments.map((segment) => (segment.startsWith('{') ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/')}$`,
        );
        const list = this.#operations.get(method) ?? [];
        list.push({
          pointer: `#/paths/${escapePointer(path)}/${method}`,
          operation,
          pattern,
          literalSegments: segments.filter((segment) => !segment.startsWith('{')).length,
        });
        this.#operations.set(method, list);
      }
    }
  }

  #validator(pointer: string): ValidateFunction {
    let validate = this.#compiled.get(pointer);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `openapi${pointer}` });
      this.#compiled.set(pointer, validate);
    }
    return validate;
  }

  #problems(pointer: string, value: unknown): string | undefined {
    const validate = this.#validator(pointer);
    if (validate(value)) return undefined;
    return this.#ajv.errorsText(validate.errors, { dataVar: 'value' });
  }

  /** The operation Express would route `method path` to: literal segments win over parameters. */
  #find(method: string, path: string): Operation | undefined {
    const candidates = (this.#operations.get(method.toLowerCase()) ?? []).filter((entry) =>
      entry.pattern.test(path),
    );
    return candidates.sort((a, b) => b.literalSegments - a.literalSegments)[0];
  }

  /** Query values arrive as text; the document types them (numbers, booleans, lists). */
  #queryValue(schema: Json, values: string[]): unknown {
    const types: string[] = [schema.type, ...(schema.anyOf ?? []).map((entry: Json) => entry.type)].flat();
    const single = values.length === 1 ? values[0]! : undefined;
    if (single !== undefined && !types.includes('array')) {
      if ((types.includes('number') || types.includes('integer')) && /^-?\d+(\.\d+)?$/.test(single))
        return Number(single);
      if (types.includes('boolean') && (single === 'true' || single === 'false')) return single === 'true';
      return single;
    }
    return values.length === 1 && types.includes('string') ? values[0] : values;
  }

  /** Every way the exchange disagrees with the document; empty when it keeps to it. */
  check(exchange: {
    method: string;
    url: URL;
    requestBody?: string | undefined;
    requestType?: string | undefined;
    status: number;
    responseType: string;
    responseBody: unknown;
  }): string[] {
    const path = exchange.url.pathname;
    const found = this.#find(exchange.method, path);
    const where = `${exchange.method} ${path}${exchange.url.search}`;
    if (!found) return [];
    const problems: string[] = [];
    const response = found.operation.responses?.[String(exchange.status)];
    if (!response) {
      problems.push(`${where} answered ${exchange.status}, which the document does not list`);
    } else if (exchange.responseType && exchange.status !== 204) {
      const type = exchange.responseType.split(';')[0]!.trim();
      const content = response.content?.[type];
      if (!content) problems.push(`${where} answered ${exchange.status} as ${type}, not documented`);
      else if (type.endsWith('json')) {
        const pointer = `${found.pointer}/responses/${exchange.status}/content/${escapePointer(type)}/schema`;
        const problem = this.#problems(pointer, exchange.responseBody);
        if (problem) problems.push(`${where} ${exchange.status} response: ${problem}`);
      }
    }
    if (exchange.status < 200 || exchange.status >= 300) return problems;
    // The server accepted the request: the published request schema must accept it too.
    return [...problems, ...this.requestProblems(exchange)];
  }

  /** How a request disagrees with the operation's published parameters and body; empty when it keeps to them. */
  requestProblems(exchange: {
    method: string;
    url: URL;
    requestBody?: string | undefined;
    requestType?: string | undefined;
  }): string[] {
    const found = this.#find(exchange.method, exchange.url.pathname);
    if (!found) return [`${exchange.method} ${exchange.url.pathname} is not in the document`];
    const where = `${exchange.method} ${exchange.url.pathname}${exchange.url.search}`;
    const problems: string[] = [];
    const parameters: Json[] = found.operation.parameters ?? [];
    const names = new Set(exchange.url.searchParams.keys());
    for (const name of names) {
      const index = parameters.findIndex((parameter) => parameter.in === 'query' && parameter.name === name);
      if (index < 0) {
        problems.push(`${where} was accepted with the query parameter ${name}, which the document lacks`);
        continue;
      }
      const value = this.#queryValue(parameters[index].schema, exchange.url.searchParams.getAll(name));
      const problem = this.#problems(`${found.pointer}/parameters/${index}/schema`, value);
      if (problem) problems.push(`${where} was accepted, but query ${name}: ${problem}`);
    }
    const body = found.operation.requestBody;
    if (body && exchange.requestBody !== undefined) {
      const type = (exchange.requestType ?? 'application/json').split(';')[0]!.trim();
      if (!body.content?.[type]) problems.push(`${where} was accepted with a ${type} body, not documented`);
      else {
        const parsed = type.includes('yaml')
          ? parseYaml(exchange.requestBody)
          : JSON.parse(exchange.requestBody);
        const problem = this.#problems(
          `${found.pointer}/requestBody/content/${escapePointer(type)}/schema`,
          parsed,
        );
        if (problem) problems.push(`${where} was accepted, but its body: ${problem}`);
      }
    }
    return problems;
  }
}
