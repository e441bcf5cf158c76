/**
 * Just enough multipart/form-data parsing for `POST /{phone-number-id}/media` (§2.6: fields `file`,
 * `type`, `messaging_product`), so the sim needs no upload library.
 */

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentTypeHeader: string | undefined): MultipartPart[] | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentTypeHeader ?? '');
  const token = boundary?.[1] ?? boundary?.[2];
  if (!token) return undefined;
  const delimiter = Buffer.from(`--${token}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const chunk = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = chunk.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
      if (name !== undefined) {
        parts.push({
          name,
          data: Buffer.from(chunk.subarray(headerEnd + 4)),
          ...(filename !== undefined && { filename }),
          ...(contentType !== undefined && { contentType }),
        });
      }
    }
    start = next;
  }
  return parts;
}
