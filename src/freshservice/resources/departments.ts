import { z } from "zod";
import type { Page } from "../../freshdesk/pagination.ts";
import type { Transport } from "../../freshdesk/transport.ts";
import { envelope } from "../schemas/common.ts";
import { type FsDepartment, fsDepartmentSchema } from "../schemas/department.ts";
import { type FsPageOptions, pageQuery, quoted, resourceId } from "./params.ts";

/**
 * `query` is a bare filter expression (`name:'Sales'`); the client adds the
 * outer double quotes. Filtered lists lag writes by a few minutes of indexing [DOC].
 */

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

export type FsDepartmentsApi = ReturnType<typeof departmentsApi>;
