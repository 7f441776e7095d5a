/**
 * The practical limit: a bare node:http server answering every request with one fixed response
 * (the exact bytes and headers Warta served for the page under test). Started as a child process.
 *
 *   node bench/bare-server.ts <port> <response.json>   (response.json: { headers, bodyFile })
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [portArg, specFile] = process.argv.slice(2);
if (!portArg || !specFile) throw new Error("usage: bare-server.ts <port> <response.json>");
const spec = JSON.parse(readFileSync(specFile, "utf8")) as {
  headers: Record<string, string>;
  bodyFile: string;
};
const body = readFileSync(spec.bodyFile);
const headers = Object.entries(spec.headers).flat();
const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 10_000;
server.listen(Number(portArg), "127.0.0.1", () => process.send?.("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
