/**
 * The little of `ws` (8.x, present through jsdom) the playground test uses. Remove this file once
 * `ws` and `@types/ws` are devDependencies.
 */
declare module 'ws' {
  export default class WebSocket {
    constructor(url: string);
    on(event: 'message', listener: (data: { toString(): string }) => void): this;
    once(event: 'open', listener: () => void): this;
    once(event: 'error', listener: (error: Error) => void): this;
    close(): void;
  }
}
