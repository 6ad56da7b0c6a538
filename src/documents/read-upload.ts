import type { Request } from 'restify';
import { MAX_DOCUMENT_BYTES, tooLargeProblem } from '@/kernel/pupil-document';
import { ValidationError } from '@/kernel/errors';

const tooLarge = (bytes: number) => new ValidationError([tooLargeProblem(bytes)]);

/**
 * The request body as bytes, read by the upload route itself (the JSON parser passes it by). A
 * declared length over the limit is refused before anything is read; a body that grows past it
 * stops being read.
 * @throws ValidationError
 */
export async function readUpload(req: Request): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_DOCUMENT_BYTES) throw tooLarge(declared);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) throw tooLarge(size);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
