import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/**
 * Secrets the site needs (signing sessions, salting visitor hashes). An environment variable
 * wins; otherwise a random secret is made on first use and kept in the database, so
 * `npm start` needs no configuration and every app instance on one database shares it.
 */
const SECRETS = {
  auth: ["AUTH_SECRET", "NEXTAUTH_SECRET"],
  visitor: ["VISITOR_SECRET"],
} as const;

export type SecretName = keyof typeof SECRETS;

const loaded = new Map<SecretName, Promise<string>>();

async function loadSecret(name: SecretName): Promise<string> {
  for (const variable of SECRETS[name]) {
    const value = process.env[variable];
    if (value) return value;
  }
  const key = `secret.${name}`;
  const existing = await db.siteSetting.findUnique({ where: { key } });
  if (existing) return existing.value;
  // Two instances may race to make it: the first insert wins and both read the winner.
  await db.siteSetting.createMany({ data: [{ key, value: randomBytes(32).toString("base64url") }] }).catch(() => undefined);
  return (await db.siteSetting.findUniqueOrThrow({ where: { key } })).value;
}

export function siteSecret(name: SecretName): Promise<string> {
  let secret = loaded.get(name);
  if (!secret) {
    secret = loadSecret(name);
    secret.catch(() => loaded.delete(name));
    loaded.set(name, secret);
  }
  return secret;
}
