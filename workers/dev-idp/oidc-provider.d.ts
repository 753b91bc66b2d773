// oidc-provider ships no type declarations; this covers the few parts the development IdP uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type Req = IncomingMessage;
  type Res = ServerResponse;
  type CheckContext = { oidc: { result?: { login?: unknown } } };

  class Check {
    constructor(reason: string, description: string, error: string, check: (ctx: CheckContext) => boolean | Promise<boolean>);
    static REQUEST_PROMPT: boolean;
    static NO_NEED_TO_PROMPT: boolean;
  }
  type Prompt = { name: string; checks: Check[] };
  type Policy = Prompt[] & { get(name: string): Prompt | undefined };
  export const interactionPolicy: { Check: typeof Check; base(): Policy };

  export type InteractionDetails = {
    uid: string;
    prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
    params: { client_id: string } & Record<string, unknown>;
    session?: { accountId: string };
    grantId?: string;
  };

  class Grant {
    constructor(init: { accountId: string; clientId: string });
    static find(id: string): Promise<Grant | undefined>;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    proxy: boolean;
    Grant: typeof Grant;
    callback(): (req: Req, res: Res) => void;
    interactionDetails(req: Req, res: Res): Promise<InteractionDetails>;
    interactionFinished(req: Req, res: Res, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
