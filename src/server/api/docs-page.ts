import { createHash } from "node:crypto";
import { html, trusted, type SafeHtml } from "../../content/html.ts";

/**
 * A self-contained, browsable page of the OpenAPI document: no CDN, no JavaScript. Each operation
 * shows its method, path, summary, parameters, request body and responses (schemas as JSON).
 */
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
}

interface OpenApiDoc {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

const json = (value: unknown) => JSON.stringify(value, null, 2);

function anchor(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-");
}

function operationView(method: string, path: string, op: Operation): SafeHtml {
  const body = op.requestBody?.content;
  return html`<section class="op" id="${anchor(method, path)}">
    <h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
    ${op.summary ? html`<p>${op.summary}</p>` : ""} ${op.description ? html`<p>${op.description}</p>` : ""}
    ${
      op.parameters && op.parameters.length > 0
        ? html`<h4>Parameter</h4>
          <table>
            <tr>
              <th>nama</th>
              <th>di</th>
              <th>wajib</th>
              <th>skema</th>
            </tr>
            ${op.parameters.map(
              (p) =>
                html`<tr>
                  <td><code>${p.name}</code></td>
                  <td>${p.in}</td>
                  <td>${p.required ? "ya" : "tidak"}</td>
                  <td><code>${json(p.schema ?? {})}</code> ${p.description ?? ""}</td>
                </tr>`,
            )}
          </table>`
        : ""
    }
    ${
      body
        ? html`<h4>Isi permintaan</h4>
          ${Object.entries(body).map(
            ([type, media]) => html`<p><code>${type}</code></p>
              <pre>${json(media.schema ?? {})}</pre>`,
          )}`
        : ""
    }
    <h4>Respons</h4>
    ${Object.entries(op.responses ?? {}).map(
      ([status, response]) => html`<details>
        <summary><strong>${status}</strong> ${response.description ?? ""}</summary>
        ${Object.entries(response.content ?? {}).map(
          ([type, media]) => html`<p><code>${type}</code></p>
            <pre>${json(media.schema ?? {})}</pre>`,
        )}
      </details>`,
    )}
  </section>`;
}

/** The page's only styling, inline; allowed by its hash in the docs CSP (plugins/security-policy.ts). */
export const DOCS_STYLE = [
  "body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #111; }",
  "pre, code { font: 13px ui-monospace, monospace; }",
  "pre { background: #f5f5f4; padding: .75rem; overflow: auto; max-height: 24rem; }",
  ".op { border-top: 1px solid #ddd; padding: .5rem 0; }",
  ".m { display: inline-block; min-width: 4.5rem; font-weight: 700; }",
  ".m-get { color: #15603c; } .m-post { color: #1d4ed8; } .m-put, .m-patch { color: #92400e; } .m-delete { color: #b91c1c; }",
  "table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }",
  "nav ul { columns: 2; }",
].join("\n");
export const DOCS_STYLE_HASH = `'sha256-${createHash("sha256").update(DOCS_STYLE).digest("base64")}'`;

export function renderDocsPage(doc: OpenApiDoc, specUrl: string): string {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ method: m, path, op: item[m] as Operation })),
  );
  const byTag = new Map<string, typeof operations>();
  for (const entry of operations) {
    const tag = entry.op.tags?.[0] ?? "lainnya";
    byTag.set(tag, [...(byTag.get(tag) ?? []), entry]);
  }
  const page = html`<!doctype html>
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.info?.title ?? "API"} — dokumentasi</title>
        <style>${trusted(DOCS_STYLE)}</style>
      </head>
      <body>
        <h1>${doc.info?.title ?? "API"} <small>${doc.info?.version ?? ""}</small></h1>
        <p>${doc.info?.description ?? ""}</p>
        <p>Dokumen OpenAPI 3.1: <a href="${specUrl}"><code>${specUrl}</code></a></p>
        <nav>
          <ul>
            ${operations.map(
              (o) =>
                html`<li><a href="#${anchor(o.method, o.path)}">${o.method.toUpperCase()} ${o.path}</a></li>`,
            )}
          </ul>
        </nav>
        ${[...byTag].map(
          ([tag, ops]) => html`<h2>${tag}</h2>
            ${ops.map((o) => operationView(o.method, o.path, o.op))}`,
        )}
      </body>
    </html>`;
  return page.value;
}
