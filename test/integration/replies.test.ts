/**
 * Templates, suggested replies and Mark as sent, through the core's channels on a real
 * encrypted store: shipped templates, editing and the JSON file round trip, suggestions
 * from templates and from earlier replies with their reasons, and the outcome record.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from 'fastest-levenshtein';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Core, HostCore } from '../../src/main/core';
import { DEFAULT_TEMPLATES } from '../../src/main/core/replies/default-templates';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { FeedbackSummary } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { grantOf } from '../helpers/grants';
import { call, callError } from '../helpers/results';

const inbox = fileURLToPath(new URL('../fixtures/replies/inbox.json', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'hearken-replies-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const open: TempCore[] = [];
afterEach(async () => {
  for (const temp of open.splice(0)) await temp.cleanup();
});

async function store(): Promise<{ temp: TempCore; core: HostCore; items: Map<string, FeedbackSummary> }> {
  const temp = await makeTempCore({ secrets: new NoSecretStore(), demoInboxPath: inbox });
  open.push(temp);
  await call(temp.core, 'store.create', { passphrase: 'replies tests passphrase' });
  await call(temp.core, 'demo.load', {});
  const list = await call(temp.core, 'feedback.list', { limit: 50 });
  const items = new Map(list.items.map((i) => [i.subject ?? i.preview.slice(0, 20), i]));
  return { temp, core: temp.core, items };
}

const byName = async (core: Core, name: string) => (await call(core, 'templates.list', {})).templates.find((t) => t.name === name);

describe('templates', () => {
  it('a new store has the shipped templates once; deleting one sticks until defaults are restored', async () => {
    const { temp, core } = await store();
    const first = await call(core, 'templates.list', {});
    expect(first.templates.map((t) => t.name).sort()).toEqual(DEFAULT_TEMPLATES.map((t) => t.name).sort());
    expect(first.topics).toContain('refund');
    expect(first.placeholders.map((p) => p.key)).toContain('customer.first_name');

    const gone = first.templates.find((t) => t.name === 'Praise: thank you')!;
    expect(await call(core, 'templates.delete', { id: gone.id })).toEqual({ deleted: true });
    const reopened = await temp.reopen();
    await call(reopened, 'store.unlock', { method: 'passphrase', passphrase: 'replies tests passphrase' });
    expect(await byName(reopened, 'Praise: thank you')).toBeUndefined();
    expect(await call(reopened, 'templates.restoreDefaults', {})).toEqual({ added: 1, updated: 0, unchanged: DEFAULT_TEMPLATES.length - 1 });
    expect(await byName(reopened, 'Praise: thank you')).toBeDefined();
  });

  it('saves, edits and refuses what would break a reply', async () => {
    const { core } = await store();
    const saved = await call(core, 'templates.save', { name: 'Warranty', language: 'en', topics: ['bug or crash'], keywords: 'warranty, guarantee', body: 'Hi {{customer.first_name|there}}, your warranty covers it.' });
    expect(saved).toMatchObject({ name: 'Warranty', topics: ['bug or crash'], usage: { used: 0 } });
    const edited = await call(core, 'templates.save', { id: saved.id, name: saved.name, language: saved.language, topics: saved.topics, keywords: saved.keywords, body: 'Hello {{customer.first_name|there}}, covered.' });
    expect(edited.id).toBe(saved.id);
    expect((await byName(core, 'Warranty'))!.body).toBe('Hello {{customer.first_name|there}}, covered.');

    const unknown = await callError(core, 'templates.save', { name: 'Bad', language: null, topics: [], keywords: '', body: 'Hi {{customer.firstname}}' });
    expect(unknown).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Unknown placeholder \{\{customer\.firstname\}\}/) });
    const clash = await callError(core, 'templates.save', { name: 'warranty', language: null, topics: [], keywords: '', body: 'x' });
    expect(clash).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/already exists/) });
    expect(await callError(core, 'templates.save', { name: 'Lang', language: 'english', topics: [], keywords: '', body: 'x' })).toMatchObject({ code: 'VALIDATION' });
  });

  it('exports to JSON and imports it back by name: added, updated, unchanged', async () => {
    const { core } = await store();
    const file = join(scratch, 'export.json');
    const exported = await call(core, 'templates.export', { grant: await grantOf(core, file, 'write') });
    expect(exported).toEqual({ fileName: 'export.json', count: DEFAULT_TEMPLATES.length });
    const json = JSON.parse(readFileSync(file, 'utf8')) as { format: string; version: number; templates: { name: string; body: string }[] };
    expect(json).toMatchObject({ format: 'hearken.templates', version: 1 });
    expect(JSON.stringify(json)).not.toMatch(/"id"|usage|createdAt/);

    json.templates[0]!.body = 'Changed {{agent.name|us}}';
    json.templates.push({ name: 'Brand new', body: 'Hello' });
    writeFileSync(file, JSON.stringify(json));
    expect(await call(core, 'templates.import', { grant: await grantOf(core, file) })).toEqual({ fileName: 'export.json', added: 1, updated: 1, unchanged: DEFAULT_TEMPLATES.length - 1 });
    expect((await byName(core, json.templates[0]!.name))!.body).toBe('Changed {{agent.name|us}}');
  });

  it('refuses a bad file whole, with a message that says what to do, and writes nothing', async () => {
    const { core } = await store();
    const before = (await call(core, 'templates.list', {})).templates.length;
    const notJson = join(scratch, 'broken.json');
    writeFileSync(notJson, '{"format": "hearken.templates", "templ');
    expect(await callError(core, 'templates.import', { grant: await grantOf(core, notJson) })).toEqual({
      code: 'VALIDATION',
      message: 'broken.json is not a valid template file: JSON syntax error at line 1, column 39. Nothing was imported.',
    });
    const oneBad = join(scratch, 'one-bad.json');
    writeFileSync(oneBad, JSON.stringify({ format: 'hearken.templates', version: 1, templates: [{ name: 'Good one', body: 'fine' }, { name: 'Bad one', body: 'Hi {{nope}}' }] }));
    expect(await callError(core, 'templates.import', { grant: await grantOf(core, oneBad) })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/"Bad one".*\{\{nope\}\}/) });
    const foreign = join(scratch, 'foreign.json');
    writeFileSync(foreign, JSON.stringify([{ title: 'x' }]));
    expect(await callError(core, 'templates.import', { grant: await grantOf(core, foreign) })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/not a templates file/) });
    expect(await core.grantFile(join(scratch, 'missing.json'), 'read')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/does not exist/) } });
    expect((await call(core, 'templates.list', {})).templates).toHaveLength(before);
    expect(await byName(core, 'Good one')).toBeUndefined();
    // Without a dialog and without a grant, the channel says so rather than guessing.
    expect(await callError(core, 'templates.export', {})).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/File dialogs are not available/) });
  });
});

describe('suggestions', () => {
  it('offer a matching template and an earlier reply to similar feedback, filled for this customer, each with its reason', async () => {
    const { core, items } = await store();
    await call(core, 'profile.save', { agentName: 'Sam Reed' });
    const tom = items.get('Still waiting for refund on returned headphones')!;
    const { suggestions, terms } = await call(core, 'suggestions.list', { feedbackId: tom.id });
    expect(terms).toEqual(expect.arrayContaining(['refund', 'headphones']));
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    expect(suggestions.length).toBeLessThanOrEqual(3);

    const template = suggestions.find((s) => s.kind === 'template')!;
    expect(template.title).toMatch(/^Refund/);
    expect(template.text).toMatch(/^Hi Tom,/);
    expect(template.text).toContain('Sam Reed');
    expect(template.reason).toMatch(/mentions: [^·]*refund/);
    expect(template.reason).toMatch(/same topic: refund/);
    expect(template.reason).toMatch(/intent: refund request/);
    expect(template.reason).toMatch(/not used yet/);

    const earlier = suggestions.find((s) => s.kind === 'reply')!;
    // Titled by the topic and the subject of the message it answered.
    expect(earlier.title).toBe('Refund · Refund for my returned headphones');
    // Maria's reply, made for Tom: her name is his, Jonas's signature is Sam's.
    expect(earlier.text).toMatch(/^Hi Tom,/);
    expect(earlier.text).not.toMatch(/Maria|Jonas/);
    expect(earlier.text).toContain('Sam Reed');
    expect(earlier.reason).toMatch(/mentions: .*headphones/);
    expect(earlier.reason).toMatch(/by Jonas Keller to “Refund for my returned headphones”/);
    expect(suggestions.map((s) => s.score)).toEqual([...suggestions.map((s) => s.score)].sort((a, b) => b - a));
  });

  it('greet a customer known by a handle with the fallback, and answer in the customer language', async () => {
    const { core, items } = await store();
    const handle = [...items.values()].find((i) => i.customer?.name === '@lumofan')!;
    const forHandle = await call(core, 'suggestions.list', { feedbackId: handle.id });
    expect(forHandle.suggestions[0]).toMatchObject({ kind: 'template', title: expect.stringMatching(/^Delivery/) });
    expect(forHandle.suggestions[0]!.text).toMatch(/^Hi there,/);
    // No agent name set: the sign-off falls back, nothing is left unfilled.
    expect(forHandle.suggestions[0]!.missing).toEqual([]);

    const german = items.get('Paket nicht angekommen')!;
    const forGerman = await call(core, 'suggestions.list', { feedbackId: german.id });
    expect(forGerman.suggestions[0]).toMatchObject({ kind: 'template', title: 'Lieferung: verspätet' });
    expect(forGerman.suggestions[0]!.text).toMatch(/^Hallo Anke,/);
    expect(forGerman.suggestions.every((s) => !/^Hi /.test(s.text))).toBe(true);
  });
});

describe('Mark as sent', () => {
  it('stores the reply, sets replied, records unchanged / edited with the distance / discarded, and counts them', async () => {
    const { core, items } = await store();
    const tom = items.get('Still waiting for refund on returned headphones')!;
    const first = (await call(core, 'suggestions.list', { feedbackId: tom.id })).suggestions.find((s) => s.kind === 'template')!;
    const ref = { kind: first.kind, sourceId: first.sourceId, text: first.text, rank: 1 };

    const unchanged = await call(core, 'replies.send', { feedbackId: tom.id, body: first.text, suggestion: ref });
    expect(unchanged).toMatchObject({ outcome: 'unchanged', editDistance: 0, status: 'replied' });
    const detail = await call(core, 'feedback.get', { id: tom.id });
    expect(detail.status).toBe('replied');
    expect(detail.messages.at(-1)).toMatchObject({ id: unchanged.messageId, direction: 'out', body: first.text });

    const edited = `${first.text}\n\nP.S. I have also added a voucher.`;
    const second = await call(core, 'replies.send', { feedbackId: tom.id, body: edited, suggestion: ref });
    expect(second).toMatchObject({ outcome: 'edited', editDistance: distance(first.text, edited) });
    expect(await call(core, 'replies.discard', { feedbackId: tom.id, suggestion: ref })).toEqual({ recorded: true });
    const written = await call(core, 'replies.send', { feedbackId: tom.id, body: 'A reply of my own.', suggestion: null });
    expect(written).toMatchObject({ outcome: 'written', editDistance: null });

    const template = (await call(core, 'templates.list', {})).templates.find((t) => t.id === first.sourceId)!;
    expect(template.usage).toEqual({ used: 2, unchanged: 1, edited: 1, discarded: 1 });
    expect(await callError(core, 'replies.send', { feedbackId: 'nope', body: 'x', suggestion: null })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await callError(core, 'replies.send', { feedbackId: tom.id, body: '   ', suggestion: null })).toMatchObject({ code: 'VALIDATION' });
  });

  it('a sent reply is suggested for similar feedback later, made for the new customer, with its track record', async () => {
    const { core, items } = await store();
    const maria = items.get('Parcel tracking stuck')!;
    const body = 'Hi Maria,\n\nI have asked the courier to trace the parcel; the tracking should move within two days.\n\nSam';
    const sent = await call(core, 'replies.send', { feedbackId: maria.id, body, suggestion: null });

    const tom = items.get('Late parcel')!;
    const forTom = (await call(core, 'suggestions.list', { feedbackId: tom.id })).suggestions;
    const reused = forTom.find((s) => s.sourceId === sent.messageId)!;
    expect(reused).toMatchObject({ kind: 'reply', title: 'Delivery · Parcel tracking stuck' });
    expect(reused.reason).toMatch(/mentions: .*(parcel|tracking)/);
    expect(reused.reason).not.toMatch(/reused/);
    expect(reused.text).toMatch(/^Hi Tom,/);
    const rank = forTom.indexOf(reused) + 1;
    await call(core, 'replies.send', { feedbackId: tom.id, body: reused.text, suggestion: { kind: 'reply', sourceId: reused.sourceId, text: reused.text, rank } });

    // A customer known only by a handle is greeted with the fallback.
    const handle = [...items.values()].find((i) => i.customer?.name === '@lumofan')!;
    const again = (await call(core, 'suggestions.list', { feedbackId: handle.id })).suggestions.find((s) => s.sourceId === sent.messageId)!;
    expect(again.reason).toMatch(/reused 1×, unchanged 100%/);
    expect(again.text).toMatch(/^Hi there,/);

    // A conversation's own reply is never suggested back to it.
    const forMaria = (await call(core, 'suggestions.list', { feedbackId: maria.id })).suggestions;
    expect(forMaria.some((s) => s.sourceId === sent.messageId)).toBe(false);
  });
});
