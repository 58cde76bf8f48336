import { describe, expect, it } from 'vitest';
import type { Session } from '../../lib/bindings/Session';
import { kindGroup, sessionStats, sourceLine } from './sessionView';

function session(over: Partial<Session>): Session {
  return {
    id: 'x',
    startUtc: '2024-05-03T06:30:00Z',
    zone: 'UTC',
    startLocal: '2024-05-03T06:30',
    durationS: null,
    distanceM: null,
    rpe: null,
    notes: '',
    details: { kind: 'easy_run' },
    measured: null,
    createdAt: '',
    updatedAt: '',
    ...over,
  };
}

describe('sessionStats', () => {
  it('gives distance, duration, pace and effort for a run in the chosen unit', () => {
    const s = session({ distanceM: 10000, durationS: 3000, rpe: 5 });
    expect(sessionStats(s, 'km', 'en')).toEqual(['10 km', '50:00', '5:00 /km', 'RPE 5']);
    expect(sessionStats(s, 'mi', 'en')).toEqual(['6.21 mi', '50:00', '8:03 /mi', 'RPE 5']);
  });

  it('paces a race on its finish time and names a standard distance', () => {
    const s = session({
      distanceM: 42195,
      durationS: 20000,
      details: { kind: 'race', name: 'X', distance: 'marathon', status: 'done', finishTimeS: 12660 },
    });
    expect(sessionStats(s, 'km', 'en')).toEqual(['Done', 'Marathon', 'Finish 3:31:00', '5:00 /km']);
  });

  it('describes a massage without a pace', () => {
    const s = session({
      durationS: 3600,
      details: { kind: 'massage', massageType: 'sports', therapist: '', pressure: 'firm', focusRegions: ['calf_l', 'calf_r'], feltAfter: '' },
    });
    expect(sessionStats(s, 'km', 'en')).toEqual(['1:00:00', 'Firm pressure', '2 focus areas']);
  });

  it('names up to three focus areas once the labels are known, and counts more', () => {
    const labels = new Map([
      ['calf_l', 'Left calf'],
      ['calf_r', 'Right calf'],
      ['shin_l', 'Left shin'],
      ['shin_r', 'Right shin'],
    ]);
    const massage = (focusRegions: string[]) =>
      session({ details: { kind: 'massage', massageType: 'sports', therapist: '', pressure: null, focusRegions, feltAfter: '' } });
    expect(sessionStats(massage(['calf_l', 'calf_r']), 'km', 'en', labels)).toEqual(['Focus: Left calf, Right calf']);
    expect(sessionStats(massage(['calf_l', 'calf_r', 'shin_l', 'shin_r']), 'km', 'en', labels)).toEqual(['4 focus areas']);
    expect(sessionStats(massage(['calf_l', 'glute_l']), 'km', 'en', labels)).toEqual(['2 focus areas']);
  });
});

describe('kindGroup', () => {
  it('groups the three run kinds together', () => {
    expect(['easy_run', 'long_run', 'workout'].map((k) => kindGroup(k as never))).toEqual(['run', 'run', 'run']);
    expect(kindGroup('other_recovery')).toBe('recovery');
  });
});

describe('sourceLine', () => {
  const measured = (over: Partial<NonNullable<Session['measured']>>): Session['measured'] => ({
    movingS: null,
    elapsedS: null,
    avgHr: null,
    maxHr: null,
    ascentM: null,
    cadenceSpm: null,
    trimp: null,
    device: null,
    source: { format: 'gpx', name: 'a.gpx', sha256: '0'.repeat(64) },
    zoneFromFile: false,
    ...over,
  });

  it('names the device and format, and where the zone came from', () => {
    expect(sourceLine(session({ measured: measured({ device: 'Forerunner 935', zoneFromFile: true }) }))).toBe(
      'Forerunner 935, GPX · zone from the file',
    );
    expect(sourceLine(session({ measured: measured({}) }))).toBe('GPX file · zone from Settings');
  });

  it('is nothing for an entry typed in', () => {
    expect(sourceLine(session({}))).toBeNull();
    expect(sourceLine(session({ measured: measured({ source: null }) }))).toBeNull();
  });
});
