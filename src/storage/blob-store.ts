import { gunzipSync, gzipSync } from 'node:zlib';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { StorageError } from './errors.js';

/** Deterministic S3 keys: by day, outlet and article id, so a re-fetch overwrites instead of duplicating. */
export function articleKeys(day: string, outlet: string, articleId: string): { raw_key: string; text_key: string } {
  const [year, month, date] = day.split('-');
  const prefix = `${year}/${month}/${date}/${slug(outlet)}/${articleId}`;
  return { raw_key: `raw/${prefix}.html.gz`, text_key: `text/${prefix}.json` };
}

/** The coder's output is kept next to the text: provenance for users, and what copies of the story reuse. */
export function codedKeyOf(textKey: string): string {
  return textKey.replace(/^text\//, 'coded/');
}

function slug(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'unknown'
  );
}

/** Raw pages (with their response headers) and JSON objects: extracted text, coder output. */
export interface BlobStore {
  putRaw(key: string, body: Uint8Array, headers: Record<string, string>): Promise<void>;
  putJson(key: string, value: unknown): Promise<void>;
  getJson(key: string): Promise<unknown>;
  /** The JSON under `key`, or null when no object is stored there. */
  findJson(key: string): Promise<unknown>;
  getRaw(key: string): Promise<Uint8Array>;
}

/** BlobStore in the S3 bucket: raw pages gzipped, headers as metadata. */
export class S3BlobStore implements BlobStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async putRaw(key: string, body: Uint8Array, headers: Record<string, string>): Promise<void> {
    await this.put(key, gzipSync(body), 'text/html', {
      ContentEncoding: 'gzip',
      // Response headers travel as one JSON metadata value: S3 metadata keys are restricted to a small charset.
      Metadata: { 'response-headers': Buffer.from(JSON.stringify(headers)).toString('base64').slice(0, 1800) },
    });
  }

  async putJson(key: string, value: unknown): Promise<void> {
    await this.put(key, Buffer.from(JSON.stringify(value)), 'application/json', {});
  }

  async getJson(key: string): Promise<unknown> {
    return JSON.parse(Buffer.from(await this.get(key)).toString('utf8'));
  }

  /** The JSON under `key`, or null when no object is stored there. */
  async findJson(key: string): Promise<unknown> {
    try {
      return await this.getJson(key);
    } catch (error) {
      if (error instanceof StorageError && error.cause instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async getRaw(key: string): Promise<Uint8Array> {
    return gunzipSync(await this.get(key));
  }

  private async put(key: string, body: Uint8Array, contentType: string, extra: Record<string, unknown>): Promise<void> {
    try {
      await this.s3.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ...extra }),
      );
    } catch (error) {
      throw new StorageError(`S3 put ${key} failed`, error);
    }
  }

  private async get(key: string): Promise<Uint8Array> {
    try {
      const result = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!result.Body) throw new Error('empty body');
      return await result.Body.transformToByteArray();
    } catch (error) {
      throw new StorageError(`S3 get ${key} failed`, error);
    }
  }
}
