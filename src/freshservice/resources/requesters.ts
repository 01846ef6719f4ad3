import { z } from "zod";
import type { Page } from "../../freshdesk/pagination.ts";
import type { Transport } from "../../freshdesk/transport.ts";
import { envelope } from "../schemas/common.ts";
import { type FsRequester, fsRequesterSchema } from "../schemas/requester.ts";
import { type FsPageOptions, pageQuery, quoted, resourceId } from "./params.ts";

/**
 * `query` is a bare filter expression (`first_name:'Ann'`, `~[first_name|last_name]:'an'`); the client adds the
 * outer double quotes. Filtered lists lag writes by a few minutes of indexing [DOC].
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

export type FsRequestersApi = ReturnType<typeof requestersApi>;
