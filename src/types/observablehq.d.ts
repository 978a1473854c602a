// Framework's standard library, as the page kit uses it: FileAttachment with a literal path (resolved by Framework at build time).
declare module "observablehq:stdlib" {
  export interface FileAttachmentHandle {
    name: string;
    /** The file's absolute URL (hashed name in a build, ?sha= in the preview). */
    href: string;
    json(): Promise<any>;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(): Promise<string>;
  }
  export function FileAttachment(path: string): FileAttachmentHandle;
}
