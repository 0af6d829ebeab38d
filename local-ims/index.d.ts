/** A client of the local IMS, as a Developer Console credential ("OAuth Single-Page App") has it. */
export interface LocalImsClient {
  clientId: string;
  /** Redirect URIs, matched exactly. */
  redirectUris?: string[];
  /** Redirect URI Patterns: regular expressions, as in Developer Console. One that can backtrack catastrophically is refused. */
  redirectUriPatterns?: string[];
  /** Where IMS answers a redirect_uri no pattern matches: the first redirect URI unless given. */
  defaultRedirectUri?: string;
}

/** Who signs in at the local IMS; what is not given is the test user's (`test.user@example.com` / `adobe-test`). */
export interface LocalImsUser {
  sub?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
}

export interface LocalImsOptions {
  /** 8001 by default; 0 picks a free port (`origin` says which). */
  port?: number;
  clients?: LocalImsClient[];
  user?: LocalImsUser;
  /** IMS's screens pass without input: the user is signed in, and consents. */
  autoSignIn?: boolean;
  /** Behaviour for every client (see SWITCHES), as `IMS_*` variables set it for the command. */
  switches?: Record<string, unknown>;
  /** Serve POST /__ims/switches, GET /__ims/stats and POST /__ims/revoke-tokens, to its clients' pages only. */
  controls?: boolean;
  /** Serve the flow inspector's events at GET /__ims/inspector, to its clients' pages only. */
  inspector?: boolean;
}

export interface LocalIms {
  /** Where it is, `http://localhost:<port>`: the `ims-origin` of your app's `<adobe-sign-in>`. */
  origin: string;
  /** What it did for a client: its token requests, revocations, logouts, screens shown, last authorize request. */
  stats(clientId: string): {
    tokenRequests: number;
    revocations: number;
    logouts: number;
    userinfoRequests: number;
    apiRequests: number;
    screens: string[];
    authorize: Record<string, string> | null;
  };
  /** Sets one client's switches, replacing the ones it had. */
  setSwitches(clientId: string, switches: Record<string, unknown>): void;
  /** Stops it and frees its port. */
  close(): Promise<void>;
}

/** Starts the local IMS; resolves once it listens. Rejects with a LocalImsError, one line, for a setting it refuses. */
export declare function startLocalIms(options?: LocalImsOptions): Promise<LocalIms>;

/** The built-in test user. */
export declare const TEST_USER: Readonly<
  Required<LocalImsUser> & { password: string; email_verified: boolean; account_type: string }
>;

/** The switches tests turn on (see the package README). */
export declare const SWITCHES: string[];

/** A setting the local IMS refuses; its message is one line saying why. */
export declare class LocalImsError extends Error {}
