import { expect, test } from "@playwright/test";
import { faultCases } from "./fault-table";
import { formattedFaultTable, readmeFaultTable, readReadme } from "./readme-fault-table";

/** The README's fault table is the one `fault-table.ts` renders: `npm run docs:faults` rewrites it. */
test("the README's fault table matches the fault tests' expectations", async () => {
  const inReadme = readmeFaultTable(await readReadme());
  expect(inReadme, "README.md has no fault-table block").not.toBeNull();
  expect(inReadme, "README.md's fault table is stale: run `npm run docs:faults`").toBe(
    await formattedFaultTable(),
  );
  expect(inReadme?.split("\n")).toHaveLength(faultCases.length + 2);
});
