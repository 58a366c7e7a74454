import { describe, expect, it } from 'vitest';
import { ownerWord, parseCommand, parseSnooze, tokenize } from '../../src/chat/commands/grammar.js';

describe('the /actie grammar', () => {
  it('reads Dutch and English words for the same command', () => {
    expect(parseCommand('klaar 12')).toEqual({ name: 'done', ref: '12' });
    expect(parseCommand('done 12')).toEqual({ name: 'done', ref: '12' });
    expect(parseCommand('/actie uitvoeren #7')).toEqual({ name: 'execute', ref: '7' });
    expect(parseCommand('/action execute act_00ff')).toEqual({ name: 'execute', ref: 'act_00ff' });
    expect(parseCommand('mijn te-laat')).toEqual({ name: 'mine', filters: { colour: 'overdue' } });
    expect(parseCommand('mine today')).toEqual({ name: 'mine', filters: { colour: 'today' } });
  });

  it('treats an empty command as help and says which word is unknown', () => {
    expect(parseCommand('')).toEqual({ name: 'help' });
    expect(parseCommand('/actie')).toEqual({ name: 'help' });
    expect(parseCommand('hulp')).toEqual({ name: 'help' });
    expect(parseCommand('frobnicate 3')).toEqual({ error: 'unknown-command', word: 'frobnicate' });
  });

  it('reads list filters in both languages and refuses unreadable ones', () => {
    expect(parseCommand('lijst status:mislukt,afgewezen eigenaar:niemand template:call-back-quote')).toEqual({
      name: 'list',
      filters: { states: ['failed', 'rejected'], owner: 'none', template: 'call-back-quote' },
    });
    expect(parseCommand('list owner:@sam@debrug.example gepland')).toEqual({
      name: 'list',
      filters: { owner: 'sam@debrug.example', colour: 'future' },
    });
    expect(parseCommand('list state:sleeping')).toEqual({
      error: 'bad-argument',
      argument: 'state',
      value: 'state:sleeping',
      command: 'list',
    });
    expect(parseCommand('mijn eigenaar:ik')).toMatchObject({ error: 'bad-argument', command: 'mine' });
  });

  it('needs a number for commands on one action', () => {
    expect(parseCommand('klaar')).toEqual({ error: 'missing-argument', argument: 'number', command: 'done' });
    expect(parseCommand('toon twaalf')).toEqual({
      error: 'bad-argument',
      argument: 'number',
      value: 'twaalf',
      command: 'show',
    });
    expect(parseCommand('klaar 12 lijst is uitgedeeld')).toEqual({
      name: 'done',
      ref: '12',
      note: 'lijst is uitgedeeld',
    });
    expect(parseCommand('annuleer 4 "dubbel ingevoerd"')).toEqual({
      name: 'cancel',
      ref: '4',
      reason: 'dubbel ingevoerd',
    });
  });

  it('reads snooze durations and dates', () => {
    expect(parseCommand('uitstellen 5 3wd')).toEqual({
      name: 'snooze',
      ref: '5',
      snooze: { by: { amount: 3, unit: 'working-days' } },
    });
    expect(parseCommand('snooze 5 2u')).toEqual({
      name: 'snooze',
      ref: '5',
      snooze: { by: { amount: 2, unit: 'hours' } },
    });
    expect(parseCommand('snooze 5 2026-12-01 10:30')).toEqual({
      name: 'snooze',
      ref: '5',
      snooze: { until: '2026-12-01T10:30' },
    });
    expect(parseCommand('snooze 5')).toEqual({
      error: 'missing-argument',
      argument: 'duration',
      command: 'snooze',
    });
    expect(parseCommand('snooze 5 soon')).toEqual({
      error: 'bad-argument',
      argument: 'duration',
      value: 'soon',
      command: 'snooze',
    });
    expect(parseSnooze(['1w'])).toEqual({ by: { amount: 1, unit: 'weeks' } });
    expect(parseSnooze(['2026-12-01', '25:00'])).toBeUndefined();
  });

  it('reads who to assign to', () => {
    expect(parseCommand('toewijzen 9 ik')).toEqual({ name: 'assign', ref: '9', owner: 'me' });
    expect(parseCommand('assign 9 nobody')).toEqual({ name: 'assign', ref: '9', owner: 'none' });
    expect(parseCommand('assign 9 @ans@debrug.example')).toEqual({
      name: 'assign',
      ref: '9',
      owner: 'ans@debrug.example',
    });
    expect(ownerWord('Mij')).toBe('me');
  });

  it('reads a new action with options and free remarks', () => {
    expect(parseCommand('nieuw call-back-quote req_1 eigenaar:ik start:2026-12-01 "bel na 14u"')).toEqual({
      name: 'new',
      template: 'call-back-quote',
      recordId: 'req_1',
      owner: 'me',
      start: '2026-12-01',
      remarks: 'bel na 14u',
    });
    expect(parseCommand('new call-back-quote')).toEqual({ name: 'new-form', template: 'call-back-quote' });
    expect(parseCommand('nieuw')).toEqual({ name: 'new-form' });
  });

  it('keeps quoted phrases together, with straight or curly quotes', () => {
    expect(tokenize('a "b c" “d e” f')).toEqual(['a', 'b c', 'd e', 'f']);
    expect(parseCommand('sjablonen eerste hulp')).toEqual({ name: 'templates', search: 'eerste hulp' });
  });
});

describe('the digest command', () => {
  it('reads on, off and show, in Dutch and English, with schedule words and options', () => {
    expect(
      parseCommand('digest aan werkdagen 08:30 leeg:overslaan sjabloon:bel-terug kanaal:planning'),
    ).toEqual({
      name: 'digest',
      mode: 'on',
      schedule: ['werkdagen', '08:30'],
      options: { empty: 'skip', template: 'bel-terug', channel: 'planning' },
    });
    expect(parseCommand('digest on "30 8 * * 1-5" tz:Europe/London owner:me top:5')).toEqual({
      name: 'digest',
      mode: 'on',
      schedule: ['30 8 * * 1-5'],
      options: { timeZone: 'Europe/London', owner: 'me', top: '5' },
    });
    expect(parseCommand('digest uit')).toEqual({ name: 'digest', mode: 'off', options: {} });
    expect(parseCommand('overzicht')).toEqual({ name: 'digest', mode: 'show', options: {} });
  });

  it('names what it cannot read', () => {
    expect(parseCommand('digest aan')).toEqual({
      error: 'missing-argument',
      argument: 'schedule',
      command: 'digest',
    });
    expect(parseCommand('digest soms')).toMatchObject({
      error: 'bad-argument',
      argument: 'digest-mode',
      value: 'soms',
    });
    expect(parseCommand('digest aan werkdagen 08:30 kleur:rood')).toMatchObject({
      error: 'bad-argument',
      argument: 'filter',
      value: 'kleur:rood',
    });
    expect(parseCommand('digest aan werkdagen 08:30 leeg:misschien')).toMatchObject({
      error: 'bad-argument',
      argument: 'empty',
    });
  });
});
