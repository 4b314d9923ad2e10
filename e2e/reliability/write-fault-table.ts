/**
 * `npm run docs:faults`: rewrites the README's fault table from `fault-table.ts`, the same rows
 * the fault tests assert. The e2e suite fails while the README differs from them.
 */
import { formattedFaultTable, readReadme, withFaultTable, writeReadme } from "./readme-fault-table";

const readme = await readReadme();
const updated = withFaultTable(readme, await formattedFaultTable());
if (updated === readme) {
  console.log("README.md: the fault table is up to date.");
} else {
  await writeReadme(updated);
  console.log("README.md: fault table rewritten.");
}
