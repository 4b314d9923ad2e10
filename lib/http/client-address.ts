import type { IncomingMessage } from "node:http";

/**
 * Who is asking, for the connect throttle. Next gives Server Actions no socket, so the front door
 * (which sees every request first) writes the socket's address into a header of our own,
 * replacing any value a client sent under that name. `X-Forwarded-For` is read only when a
 * setting says a reverse proxy writes it, and then its last entry: the address the proxy itself
 * saw, whether it appends to what the client sent or replaces it.
 */
export const CLIENT_ADDRESS_HEADER = "x-runboard-client-address";

/** Longer than any IPv6 text form; whatever is longer is not an address. */
const MAX_ADDRESS_CHARACTERS = 64;

export function stampClientAddress(request: IncomingMessage): void {
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
}

export function clientAddress(headers: Headers, trustForwardedFor: boolean): string {
  const forwarded = trustForwardedFor
    ? headers.get("x-forwarded-for")?.split(",").at(-1)?.trim()
    : undefined;
  const address = forwarded || headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
  return address.length > MAX_ADDRESS_CHARACTERS ? "unknown" : address;
}
