// This file was generated from the core's limits. Do not edit it by hand.
import type { Limits } from "./Limits";

/** What the core accepts: text lengths, list sizes, headcount, shares, weights, pay. */
export const LIMITS: Limits = {
  "short_text": 200,
  "long_text": 4000,
  "list_items": 200,
  "departments": 500,
  "headcount_max": 100000,
  "share_min": 1,
  "share_max": 100,
  "weight_max": 100,
  "weight_decimals": 1,
  "pay_max": 10000000
};
