/**
 * The parts of the OpenAPI 3.1 object model this service uses. Schemas are JSON Schema 2020-12
 * objects produced by zod, so they stay loosely typed here.
 */
export type JsonSchema = Record<string, unknown>;

export type MediaType = { schema: JsonSchema; example?: unknown };

export type Parameter = {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
};

export type RequestBody = { required?: boolean; description?: string; content: Record<string, MediaType> };

export type Response = {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaType>;
};

/** Each entry names a security scheme and, for bearer tokens, the scope it needs. */
export type SecurityRequirement = Record<string, string[]>;

export type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security?: SecurityRequirement[];
  parameters?: Parameter[];
  requestBody?: RequestBody;
  responses: Record<string, Response>;
};

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItem = { summary?: string; description?: string } & Partial<Record<HttpMethod, Operation>>;
export type Paths = Record<string, PathItem>;

export type SecurityScheme =
  | { type: "http"; scheme: "basic" | "bearer"; description: string }
  | { type: "apiKey"; in: "header" | "cookie"; name: string; description: string };

export type Tag = { name: string; description: string };

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; summary?: string; description: string };
  jsonSchemaDialect: string;
  servers?: Array<{ url: string; description?: string }>;
  tags: Tag[];
  paths: Paths;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, SecurityScheme> };
};
