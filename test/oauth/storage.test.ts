import { expect } from '@open-wc/testing';
import {
  TRANSACTION_TTL_MS,
  clearToken,
  keepToken,
  loadToken,
  parseToken,
  saveToken,
  saveTransaction,
  sessionStore,
  storeFor,
  takeTransaction,
  tokenKey,
  type Transaction,
} from '../../src/oauth/storage.js';
import { AuthError } from '../../src/oauth/errors.js';

const tx = (createdAt: number): Transaction => ({
  verifier: 'v'.repeat(43),
  clientId: 'client-1',
  redirectUri: 'https://app.example/redirect.html',
  ims: 'https://ims.example',
  returnTo: 'https://app.example/',
  mode: 'popup',
  storage: 'session',
  createdAt,
});

const token = { accessToken: 'at', tokenType: 'bearer', expiresIn: 60, expiresAt: 2_000, clientId: 'client-1' };

/** A Storage whose every call throws, as in a browser with storage disabled. */
const broken = new Proxy({} as Storage, {
  get: () => () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
});

const storageError = (op: () => unknown): AuthError => {
  try {
    op();
  } catch (e) {
    return e as AuthError;
  }
  throw new Error('no error');
};

describe('transaction store', () => {
  beforeEach(() => sessionStorage.clear());

  it('gives a saved transaction back once, then forgets it', () => {
    saveTransaction(sessionStorage, 's1', tx(1_000));
    expect(takeTransaction(sessionStorage, 's1', 2_000)).to.deep.equal(tx(1_000));
    expect(takeTransaction(sessionStorage, 's1', 2_000)).to.equal(null);
  });

  it('knows no state it did not save', () => {
    saveTransaction(sessionStorage, 's1', tx(1_000));
    expect(takeTransaction(sessionStorage, 'forged', 2_000)).to.equal(null);
    expect(takeTransaction(sessionStorage, 's1', 2_000)).to.not.equal(null);
  });

  it('drops transactions older than ten minutes', () => {
    saveTransaction(sessionStorage, 'old', tx(0));
    saveTransaction(sessionStorage, 'new', tx(TRANSACTION_TTL_MS - 5));
    expect(takeTransaction(sessionStorage, 'old', TRANSACTION_TTL_MS)).to.equal(null);
    expect(sessionStorage.length).to.equal(1);
    expect(takeTransaction(sessionStorage, 'new', TRANSACTION_TTL_MS)).to.not.equal(null);
  });

  it('drops an unreadable entry', () => {
    sessionStorage.setItem('adobe-auth:tx:bad', '{not json');
    expect(takeTransaction(sessionStorage, 'bad')).to.equal(null);
    expect(sessionStorage.getItem('adobe-auth:tx:bad')).to.equal(null);
  });

  it('leaves other keys of the page alone', () => {
    sessionStorage.setItem('app', 'x');
    saveTransaction(sessionStorage, 's1', tx(0));
    takeTransaction(sessionStorage, 's1', TRANSACTION_TTL_MS * 2);
    expect(sessionStorage.getItem('app')).to.equal('x');
  });

  it('reports storage_unavailable when storage throws', () => {
    for (const op of [
      () => saveTransaction(broken, 's1', tx(0)),
      () => takeTransaction(broken, 's1'),
      () => saveToken(broken, IMS, token),
      () => loadToken(broken, IMS, 'client-1'),
    ]) {
      const e = storageError(op);
      expect(e).to.be.instanceOf(AuthError);
      expect(e.code).to.equal('storage_unavailable');
    }
  });

  it('reports storage_unavailable when the sessionStorage property itself throws', () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    try {
      expect(storageError(sessionStore).code).to.equal('storage_unavailable');
    } finally {
      Object.defineProperty(window, 'sessionStorage', descriptor);
    }
  });
});

const IMS = 'https://ims-na1.adobelogin.com';

describe('token store', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('keeps a token per issuing IMS and client id', () => {
    saveToken(sessionStorage, IMS, token);
    expect(Object.keys(sessionStorage)).to.deep.equal([tokenKey(IMS, 'client-1')]);
    expect(loadToken(sessionStorage, IMS, 'client-1')).to.deep.equal(token);
    expect(loadToken(sessionStorage, IMS, 'client-2')).to.equal(null);
    expect(loadToken(sessionStorage, 'https://ims-na1-stg1.adobelogin.com', 'client-1')).to.equal(null);
  });

  it('gives back a stored token expired or not: the session decides', () => {
    saveToken(sessionStorage, IMS, { ...token, expiresAt: 0 });
    expect(loadToken(sessionStorage, IMS, 'client-1')?.expiresAt).to.equal(0);
  });

  it('clears a token', () => {
    saveToken(sessionStorage, IMS, token);
    clearToken(sessionStorage, IMS, 'client-1');
    expect(loadToken(sessionStorage, IMS, 'client-1')).to.equal(null);
  });

  it('reads only a token of the client from a stored value: garbage and other clients give null', () => {
    for (const raw of [null, '', '{', 'null', '[]', '{"accessToken":1}', JSON.stringify({ ...token, clientId: 'x' })]) {
      expect(parseToken(raw, 'client-1'), String(raw)).to.equal(null);
    }
    expect(parseToken(JSON.stringify(token), 'client-1')).to.deep.equal(token);
  });

  it('has a store for each kind: this tab, every tab, this page', () => {
    keepToken({ storage: 'session', ims: IMS, clientId: 'client-1' }, token);
    keepToken({ storage: 'local', ims: IMS, clientId: 'client-1' }, { ...token, accessToken: 'shared' });
    keepToken({ storage: 'memory', ims: IMS, clientId: 'client-1' }, { ...token, accessToken: 'memory' });
    expect(loadToken(sessionStorage, IMS, 'client-1')?.accessToken).to.equal('at');
    expect(loadToken(localStorage, IMS, 'client-1')?.accessToken).to.equal('shared');
    expect(loadToken(storeFor('memory'), IMS, 'client-1')?.accessToken).to.equal('memory');
    expect(Object.keys(sessionStorage)).to.have.length(1);
    expect(Object.keys(localStorage)).to.have.length(1);
    clearToken(storeFor('memory'), IMS, 'client-1');
    localStorage.clear();
  });
});
