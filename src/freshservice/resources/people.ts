import { z } from "zod";
import type { Page } from "../../freshdesk/pagination.ts";
import type { Transport } from "../../freshdesk/transport.ts";
import { type FsAgent, fsAgentSchema } from "../schemas/agent.ts";
import { envelope } from "../schemas/common.ts";
import { type FsDepartment, fsDepartmentSchema } from "../schemas/department.ts";
import { type FsGroup, fsGroupSchema } from "../schemas/group.ts";
import { type FsRequester, fsRequesterSchema } from "../schemas/requester.ts";
import { type FsPageOptions, pageQuery, quoted, resourceId } from "./params.ts";

/**
 * `query` parameters below are bare filter expressions (`first_name:'Ann'`,
 * `~[first_name|last_name]:'an'`, `name:'Sales'`); the client adds the outer double quotes.
 * Filtered lists lag writes by a few minutes of indexing [DOC].
 */

export type FsRequesterListParams = FsPageOptions & { email?: string; query?: string };

/** POST /requesters: `first_name` plus one of primary_email, work or mobile phone [DOC]. */
export type FsRequesterCreate = {
  first_name: string;
  last_name?: string;
  primary_email?: string;
  secondary_emails?: string[];
  work_phone_number?: string;
  mobile_phone_number?: string;
  job_title?: string;
  department_ids?: number[];
  reporting_manager_id?: number;
  location_id?: number;
  time_zone?: string;
  language?: string;
  address?: string;
  background_information?: string;
  custom_fields?: Record<string, unknown>;
};

export type FsRequesterUpdate = Partial<FsRequesterCreate>;

export type FsAgentListParams = FsPageOptions & { email?: string; active?: boolean; query?: string };

export function requestersApi(transport: Transport) {
  return {
    async list(params: FsRequesterListParams = {}): Promise<Page<FsRequester>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: "/requesters",
          query: {
            email: params.email,
            query: params.query === undefined ? undefined : quoted("requester query", params.query),
            ...pageQuery(params),
          },
          bucket: "list",
        },
        envelope("requesters", z.array(fsRequesterSchema)),
      );
      return { items: data, nextPage };
    },

    async get(id: number): Promise<FsRequester> {
      const { data } = await transport.json(
        { method: "GET", path: `/requesters/${resourceId("requester", id)}` },
        envelope("requester", fsRequesterSchema),
      );
      return data;
    },

    async create(body: FsRequesterCreate): Promise<FsRequester> {
      const { data } = await transport.json(
        { method: "POST", path: "/requesters", body },
        envelope("requester", fsRequesterSchema),
      );
      return data;
    },

    async update(id: number, body: FsRequesterUpdate): Promise<FsRequester> {
      const { data } = await transport.json(
        { method: "PUT", path: `/requesters/${resourceId("requester", id)}`, body },
        envelope("requester", fsRequesterSchema),
      );
      return data;
    },
  };
}

export function agentsApi(transport: Transport) {
  return {
    async list(params: FsAgentListParams = {}): Promise<Page<FsAgent>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: "/agents",
          query: {
            email: params.email,
            active: params.active,
            query: params.query === undefined ? undefined : quoted("agent query", params.query),
            ...pageQuery(params),
          },
          bucket: "list",
        },
        envelope("agents", z.array(fsAgentSchema)),
      );
      return { items: data, nextPage };
    },

    async get(id: number): Promise<FsAgent> {
      const { data } = await transport.json(
        { method: "GET", path: `/agents/${resourceId("agent", id)}` },
        envelope("agent", fsAgentSchema),
      );
      return data;
    },
  };
}

export function groupsApi(transport: Transport) {
  return {
    /** Agent groups of one workspace (default the primary) [DOC]. */
    async list(options: FsPageOptions = {}): Promise<Page<FsGroup>> {
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/groups", query: pageQuery(options) },
        envelope("groups", z.array(fsGroupSchema)),
      );
      return { items: data, nextPage };
    },

    async get(id: number): Promise<FsGroup> {
      const { data } = await transport.json(
        { method: "GET", path: `/groups/${resourceId("group", id)}` },
        envelope("group", fsGroupSchema),
      );
      return data;
    },
  };
}

export function departmentsApi(transport: Transport) {
  return {
    async list(params: FsPageOptions & { query?: string } = {}): Promise<Page<FsDepartment>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: "/departments",
          query: {
            query: params.query === undefined ? undefined : quoted("department query", params.query),
            ...pageQuery(params),
          },
        },
        envelope("departments", z.array(fsDepartmentSchema)),
      );
      return { items: data, nextPage };
    },

    async get(id: number): Promise<FsDepartment> {
      const { data } = await transport.json(
        { method: "GET", path: `/departments/${resourceId("department", id)}` },
        envelope("department", fsDepartmentSchema),
      );
      return data;
    },
  };
}

export type FsRequestersApi = ReturnType<typeof requestersApi>;
export type FsAgentsApi = ReturnType<typeof agentsApi>;
export type FsGroupsApi = ReturnType<typeof groupsApi>;
export type FsDepartmentsApi = ReturnType<typeof departmentsApi>;
