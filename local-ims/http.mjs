// Reading and answering plain node:http requests, as every part of the local IMS outside oidc-provider does.

export const send = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
};

export const sendJson = (res, status, value, headers = {}) =>
  send(res, status, JSON.stringify(value), { 'content-type': 'application/json', ...headers });

/** A request's body, read the way oidc-provider reads it (so the inspector sees it too). */
export const readBody = async (req) => {
  const chunks = [];
  for await (const chunk of req.iterator({ destroyOnReturn: false })) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
};
