// A small feedback program through SQL, for specs that need every screen filled with real rows: a
// business unit, a company owned by the account manager, a survey with one send, answers in all three
// categories with comments, and a follow-up per answer assigned to the account manager.
import { randomBytes, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { uuidv7 } from 'uuidv7';
import { sql, uid } from './fixtures';

export async function seedProgram(t: { tenantId: string; routingKey: string }, accountManager: string) {
  const q = (text: string, params: unknown[]) => sql().query(text, params);
  const ids = {
    businessUnitId: uuidv7(),
    companyId: uuidv7(),
    touchpointId: uuidv7(),
    surveyId: uuidv7(),
    distributionId: uuidv7(),
    relationshipTouchpointId: uuidv7(),
    taskIds: [] as string[],
    tokens: [] as string[],
    unansweredToken: '',
  };
  const texts = JSON.parse(readFileSync(new URL('./survey-texts.json', import.meta.url), 'utf8')) as object;
  await q(`INSERT INTO "BusinessUnit" ("tenantId","id","name") VALUES ($1,$2,$3)`, [
    t.tenantId,
    ids.businessUnitId,
    `Installations ${uid()}`,
  ]);
  await q(
    `INSERT INTO "Company" ("tenantId","id","name","ownerMembershipId","businessUnitId","region","yearlyRevenue","updatedAt")
     VALUES ($1,$2,$3,$4,$5,'North',125000,now())`,
    [t.tenantId, ids.companyId, `Customer ${uid()}`, accountManager, ids.businessUnitId],
  );
  await q(`INSERT INTO "Touchpoint" ("tenantId","id","name","phase") VALUES ($1,$2,$3,'GO_LIVE')`, [
    t.tenantId,
    ids.touchpointId,
    `After go-live ${uid()}`,
  ]);
  await q(
    `INSERT INTO "Survey" ("tenantId","id","touchpointId","name","status","texts","updatedAt") VALUES ($1,$2,$3,'NPS after go-live','ACTIVE',$4,now())`,
    [t.tenantId, ids.surveyId, ids.touchpointId, JSON.stringify(texts)],
  );
  await q(
    `INSERT INTO "Distribution" ("tenantId","id","surveyId","audience","status","preparedAt","plannedTotal","plannedInvite")
     VALUES ($1,$2,$3,'{"type":"all"}','SENDING',now(),3,3)`,
    [t.tenantId, ids.distributionId, ids.surveyId],
  );
  const answers = [
    { score: 3, category: 'DETRACTOR', comment: 'The go-live was two weeks late.' },
    { score: 8, category: 'PASSIVE', comment: 'Fine, but the training was short.' },
    { score: 10, category: 'PROMOTER', comment: 'Great team.' },
    { score: null, category: null, comment: null },
  ];
  for (const [i, a] of answers.entries()) {
    const contactId = uuidv7();
    const invitationId = uuidv7();
    const token = `${t.routingKey}.${randomBytes(20).toString('base64url')}`;
    await q(
      `INSERT INTO "Contact" ("tenantId","id","companyId","email","name","locale","updatedAt") VALUES ($1,$2,$3,$4,$5,'en',now())`,
      [t.tenantId, contactId, ids.companyId, `contact-${i}-${uid()}@customer.example`, `Contact ${i}`],
    );
    await q(
      `INSERT INTO "Invitation" ("tenantId","id","surveyId","contactId","companyId","distributionId","tokenHash","locale","status","sentAt","expiresAt","respondedAt")
       VALUES ($1,$2,$3,$4,$5,$6,$7,'en','SENT',now() - interval '1 day', now() + interval '30 days', $8)`,
      [
        t.tenantId,
        invitationId,
        ids.surveyId,
        contactId,
        ids.companyId,
        ids.distributionId,
        createHash('sha256').update(token).digest('hex'),
        a.score === null ? null : new Date(),
      ],
    );
    if (a.score === null) {
      ids.unansweredToken = token;
      continue;
    }
    ids.tokens.push(token);
    const responseId = uuidv7();
    const taskId = uuidv7();
    await q(
      `INSERT INTO "Response" ("tenantId","id","invitationId","surveyId","touchpointId","contactId","companyId","score","category","comment","locale")
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'en')`,
      [
        t.tenantId,
        responseId,
        invitationId,
        ids.surveyId,
        ids.touchpointId,
        contactId,
        ids.companyId,
        a.score,
        a.category,
        a.comment,
      ],
    );
    await q(
      `INSERT INTO "FollowUpTask" ("tenantId","id","responseId","companyId","assigneeMembershipId","category","dueAt","updatedAt")
       VALUES ($1,$2,$3,$4,$5,$6, now() + interval '2 days', now())`,
      [t.tenantId, taskId, responseId, ids.companyId, accountManager, a.category],
    );
    ids.taskIds.push(taskId);
  }
  // A relationship touchpoint (every 12 months) with an active survey: the company's contacts are due.
  const relationshipSurveyId = uuidv7();
  await q(
    `INSERT INTO "Touchpoint" ("tenantId","id","name","phase","kind","cadenceMonths") VALUES ($1,$2,$3,'ACCOUNT_MANAGEMENT','RELATIONSHIP',12)`,
    [t.tenantId, ids.relationshipTouchpointId, `Relationship ${uid()}`],
  );
  await q(
    `INSERT INTO "Survey" ("tenantId","id","touchpointId","name","status","texts","updatedAt") VALUES ($1,$2,$3,'Yearly relationship NPS','ACTIVE',$4,now())`,
    [t.tenantId, relationshipSurveyId, ids.relationshipTouchpointId, JSON.stringify(texts)],
  );
  return ids;
}
