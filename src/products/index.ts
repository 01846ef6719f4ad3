import type { Product } from "../product.ts";
import { freshdeskWiring } from "./freshdesk.ts";
import { freshserviceWiring } from "./freshservice.ts";
import type { ProductWiring } from "./wiring.ts";

export { type HelpdeskRateLimits, helpdeskRateLimits } from "./rate-limits.ts";
export type { CreatedDemo, ProductWiring } from "./wiring.ts";

export function productWiring(product: Product): ProductWiring {
  return product === "freshservice" ? freshserviceWiring : freshdeskWiring;
}
