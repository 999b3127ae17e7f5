'use server';

import { revalidatePath } from 'next/cache';
import { formObject, runAction } from '@/lib/http/action';
import {
  createRule,
  createTeam,
  deleteRule,
  deleteTeam,
  moveRule,
  setTeamMembers,
  testRouting,
  updateRule,
} from '@/lib/routing/service';
import type { TRoutingProbe, TRuleInput } from '@/lib/routing/schemas';

const idOf = (form: FormData, key = 'id') => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

async function changed<T>(p: Promise<{ ok: boolean } & T>) {
  const res = await p;
  if (res.ok) revalidatePath('/settings/routing');
  return res;
}

export async function addRule(_prev: unknown, form: FormData) {
  return changed(
    runAction('routing.manage', async (ctx) => {
      await createRule(ctx, formObject(form) as TRuleInput);
      return null;
    }),
  );
}

export async function saveRule(_prev: unknown, form: FormData) {
  return changed(
    runAction('routing.manage', async (ctx) => {
      await updateRule(ctx, idOf(form), formObject(form) as TRuleInput);
      return null;
    }),
  );
}

export async function removeRule(_prev: unknown, form: FormData) {
  return changed(
    runAction('routing.manage', async (ctx) => {
      await deleteRule(ctx, idOf(form));
      return null;
    }),
  );
}

export async function reorderRule(_prev: unknown, form: FormData) {
  return changed(
    runAction('routing.manage', async (ctx) => {
      await moveRule(ctx, idOf(form), { direction: String(form.get('direction') ?? '') });
      return null;
    }),
  );
}

export async function addTeam(_prev: unknown, form: FormData) {
  return changed(
    runAction('routing.manage', async (ctx) => {
      const o = formObject(form);
      await createTeam(ctx, { name: String(o.name ?? ''), memberIds: (o.memberIds as string[]) ?? [] });
      return null;
    }),
  );
}

export async function saveTeamMembers(_prev: unknown, form: FormData) {
  return changed(
    runAction('routing.manage', async (ctx) => {
      const o = formObject(form);
      await setTeamMembers(ctx, idOf(form), { memberIds: (o.memberIds as string[]) ?? [] });
      return null;
    }),
  );
}

export async function removeTeam(_prev: unknown, form: FormData) {
  return changed(
    runAction('routing.manage', async (ctx) => {
      await deleteTeam(ctx, idOf(form));
      return null;
    }),
  );
}

export async function probeRouting(_prev: unknown, form: FormData) {
  return runAction('routing.manage', async (ctx) => {
    const r = await testRouting(ctx, formObject(form) as TRoutingProbe);
    return { assignee: r.assignee, rule: r.ruleName, via: r.via, fallback: r.fallback ?? null };
  });
}
