import { buildScratchProject, type BuiltProject } from "./scratch-project";

/**
 * The framework's floor for first-load JavaScript: an empty page and the minimal root layout Next
 * requires, with Next's default settings. The JS budget counts Runboard's bytes above it.
 */
export function buildEmptyPageFloor(): BuiltProject {
  return buildScratchProject({
    name: "floor-app",
    files: new Map([
      ["package.json", JSON.stringify({ private: true, type: "module" })],
      ["next.config.mjs", "export default {};\n"],
      [
        "app/layout.jsx",
        'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
      ],
      ["app/page.jsx", "export default function Page() { return <main>Empty</main>; }\n"],
    ]),
  });
}
