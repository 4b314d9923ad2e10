import { describe, expect, it } from "vitest";
import { parseEntityId } from "@/lib/model/entity-id";
import { extractEntityId } from "./extract-entity-id";

const DEAL = "deal_01KFFFBYJ8FB0H37XY6EZZ1X3K";

describe("parseEntityId", () => {
  it.each([
    [DEAL, "deal"],
    ["contact_01HY1", "contact"],
    ["meeting_A", "meeting"],
  ])("reads %s as a %s", (id, type) => {
    expect(parseEntityId(id)).toEqual({ id, type });
  });

  it.each([
    "",
    "deal_",
    "lead_01HY1",
    "Deal_01HY1",
    "deal_01HY1/../x",
    "deal_01 HY1",
    "deal_01HY1\n",
    `deal_${"A".repeat(65)}`,
    "wf_01HY1",
  ])("refuses %j", (id) => {
    expect(parseEntityId(id)).toBeNull();
  });
});

describe("extractEntityId", () => {
  it.each([
    [DEAL, DEAL],
    [`  ${DEAL}\n`, DEAL],
    [`/records/${DEAL}?window=30d`, DEAL],
    [`https://runboard.example.com/records/${DEAL}`, DEAL],
    [`https://app.leadlex.com/deals/${DEAL}/activity`, DEAL],
    [`app.leadlex.com/deals/${DEAL}`, DEAL],
    [`https://app.leadlex.com/record?id=${DEAL}`, DEAL],
    ["https://app.leadlex.com/contacts/contact_01HY1#notes", "contact_01HY1"],
  ])("finds the id in %j", (input, id) => {
    expect(extractEntityId(input)).toBe(id);
  });

  it.each([
    "",
    "   ",
    "wf_01HY1",
    "https://app.leadlex.com/deals/",
    "https://app.leadlex.com/deals/lead_01HY1",
    "javascript:alert(1)",
    "http://[bad",
    "/records/%E0%A4%A",
    "deal 01HY1",
  ])("finds no id in %j", (input) => {
    expect(extractEntityId(input)).toBeNull();
  });
});
