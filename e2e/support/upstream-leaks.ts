/**
 * Text that only LeadLex's (the emulator's) failure bodies contain: none of it may reach a response
 * of ours or a page. Our own messages never use these words.
 */
export const upstreamOnlyText = [
  // wf_fault_html: the page, its script and its stack trace
  "<script>document.location",
  "evil.example.invalid",
  "502 Bad Gateway",
  "ApiGateway.forward",
  "/var/task/",
  "processTicksAndRejections",
  "upstream connect error",
  // The upstream's own error messages and codes (ours are spelt differently)
  "Internal server error",
  "service_unavailable",
  "The service is temporarily unavailable",
  "Rate limit exceeded; retry after",
  // wf_fault_badjson / wf_fault_schema bodies
  '"items":"nope"',
  '"page":"one"',
] as const;

/** The subset of `upstreamOnlyText` found in `text`; `[]` when clean. */
export function upstreamLeaksIn(text: string): string[] {
  return upstreamOnlyText.filter((fragment) => text.includes(fragment));
}

/** Signs of a stack trace or a server path, ours or anyone's. */
export function stackTraceIn(text: string): string[] {
  const patterns = [/\n\s+at \S+ \(/, /node:internal/, /\/work\/main\//, /webpack-internal/];
  return patterns.filter((pattern) => pattern.test(text)).map(String);
}
