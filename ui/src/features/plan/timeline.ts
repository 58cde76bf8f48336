//! The Plan page's timeline as plain data: which reminders show, how they group under their race
//! and in what order, and the words for kinds, states and "in 3 h" hints. Kept apart from the
//! components so it can be tested without a webview.

import { dateFormat } from '../../lib/intl';
import type { Reminder } from '../../lib/bindings/Reminder';
import type { ReminderKind } from '../../lib/bindings/ReminderKind';
import type { ReminderState } from '../../lib/bindings/ReminderState';
import type { Session } from '../../lib/bindings/Session';
import { formatStart } from '../../lib/format';
import { KINDS, labelOf, RACE_DISTANCES } from '../../lib/labels';

export const KIND_LABELS: Record<ReminderKind, string> = {
  checkin: 'Soreness check-in',
  book_massage: 'Book a massage',
  massage_window: 'Massage window',
  easy_days: 'Easy days',
  return_to_hard: 'Back to hard sessions',
  pre_race: 'Before the race',
  after_deep: 'After deep tissue',
  manual: 'Your reminder',
};

export const STATE_LABELS: Record<ReminderState, string> = {
  pending: 'Waiting',
  snoozed: 'Snoozed',
  fired: 'Shown',
  done: 'Done',
  dismissed: 'Dismissed',
};

export function kindLabel(kind: ReminderKind): string {
  return KIND_LABELS[kind] ?? kind;
}

export function isWaiting(r: Reminder): boolean {
  return r.state === 'pending' || r.state === 'snoozed';
}

/** A fired reminder older than this counts as past: it is no longer asking for attention. */
const FIRED_STAYS_MS = 2 * 24 * 3600 * 1000;

/** Shown without "Show past and dismissed": what still waits, and what fired recently. */
export function isCurrent(r: Reminder, now: number): boolean {
  if (isWaiting(r)) return true;
  if (r.state !== 'fired') return false;
  const at = Date.parse(r.firedAt ?? r.dueUtc);
  return Number.isNaN(at) || now - at <= FIRED_STAYS_MS;
}

/** The instant a reminder sits at on the timeline: when it fires, else when it fired, else due. */
export function timelineInstant(r: Reminder): string {
  return r.firesAt ?? r.firedAt ?? r.dueUtc;
}

function ms(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

export type PlanGroup = {
  /** The race or massage session, or null for the runner's own reminders. */
  sessionId: string | null;
  items: Reminder[];
};

/**
 * Groups reminders by the session whose plan made them, oldest first within a group. Groups with
 * something recently shown or still waiting come first, soonest first; then the rest, most recent
 * first. The
 * runner's own reminders form one group with `sessionId` null.
 */
export function groupTimeline(reminders: readonly Reminder[], showPast: boolean, now: number): PlanGroup[] {
  const bySession = new Map<string | null, Reminder[]>();
  for (const r of reminders) {
    if (!showPast && !isCurrent(r, now)) continue;
    const key = r.sessionId ?? null;
    const list = bySession.get(key);
    if (list) list.push(r);
    else bySession.set(key, [r]);
  }
  const groups = [...bySession].map(([sessionId, items]) => ({
    sessionId,
    items: items.sort((a, b) => ms(timelineInstant(a)) - ms(timelineInstant(b)) || a.id.localeCompare(b.id)),
  }));
  // What still asks for attention: a reminder just shown (its time is past, so it sorts first),
  // then what waits.
  const attention = (g: PlanGroup) => {
    const w = g.items.filter((r) => isCurrent(r, now)).map((r) => ms(timelineInstant(r)));
    return w.length > 0 ? Math.min(...w) : null;
  };
  const latest = (g: PlanGroup) => Math.max(...g.items.map((r) => ms(timelineInstant(r))));
  return groups.sort((a, b) => {
    const na = attention(a);
    const nb = attention(b);
    if (na !== null && nb !== null) return na - nb;
    if (na !== null) return -1;
    if (nb !== null) return 1;
    return latest(b) - latest(a);
  });
}

/** How many reminders `showPast` would add. */
export function hiddenCount(reminders: readonly Reminder[], now: number): number {
  return reminders.filter((r) => !isCurrent(r, now)).length;
}

/**
 * A compact hint from now to `iso`: "now", "in 25 min", "in 3 h", "in 2 days", "3 h ago".
 * Hours up to 36, so "tomorrow morning" reads as hours rather than "in 1 day".
 */
export function relativeLabel(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = t - now;
  const abs = Math.abs(diff);
  const min = Math.round(abs / 60_000);
  let span: string;
  if (min < 1) return 'now';
  if (min < 60) span = `${min} min`;
  else if (abs < 36 * 3600_000) span = `${Math.round(abs / 3600_000)} h`;
  else {
    const days = Math.round(abs / 86_400_000);
    span = `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  return diff > 0 ? `in ${span}` : `${span} ago`;
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

function formatIn(t: number, zone: string, opts: Intl.DateTimeFormatOptions, locale?: string): string {
  try {
    return dateFormat(locale, { ...opts, timeZone: zone }).format(t);
  } catch {
    // An unknown zone name: the computer's own zone is the best guess left.
    return dateFormat(locale, opts).format(t);
  }
}

/** An instant as wall time in `zone`, e.g. "Mon 6 May, 09:00". */
export function formatInstant(iso: string, zone: string, locale?: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : formatIn(t, zone, { ...DAY, ...TIME }, locale);
}

/** The same, split for a two-line timeline column: "Mon 6 May" and "09:00". */
export function instantParts(iso: string, zone: string, locale?: string): { day: string; time: string } {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return { day: iso, time: '' };
  return { day: formatIn(t, zone, DAY, locale), time: formatIn(t, zone, TIME, locale) };
}

export type TimingNote =
  | { kind: 'snoozed'; until: string }
  | { kind: 'quiet'; due: string }
  | { kind: 'missed' }
  | null;

/**
 * Why a reminder fires at a time other than the one it was set for, or that it was shown late.
 * Quiet hours are the only other reason `firesAt` differs from `dueUtc`.
 */
export function timingNote(r: Reminder): TimingNote {
  if (r.state === 'snoozed' && r.snoozedUntil) return { kind: 'snoozed', until: r.snoozedUntil };
  if (r.firesAt && ms(r.firesAt) !== ms(r.dueUtc) && r.state === 'pending') return { kind: 'quiet', due: r.dueUtc };
  if (r.missed) return { kind: 'missed' };
  return null;
}

/** A button on a reminder row. */
export type RowAction = 'done' | 'dismiss' | 'snooze_hour' | 'snooze_morning' | 'delete' | 'open_chart';

/** What the runner can do to a reminder in its state. Plan reminders cannot be deleted. */
export function actionsFor(r: Reminder) {
  const open = r.state !== 'done' && r.state !== 'dismissed';
  return {
    done: open,
    snooze: open,
    dismiss: open,
    edit: true,
    delete: r.kind === 'manual',
    openChart: r.kind === 'checkin',
  };
}

/** A group's heading: the race's name (or the session's kind) and when it was. */
export function groupHeading(
  sessionId: string | null,
  session: Session | null | undefined,
): { title: string; detail: string } {
  if (sessionId === null) return { title: 'Your reminders', detail: 'Added by you' };
  if (!session) return { title: 'A removed or unknown session', detail: '' };
  const when = formatStart(session.startLocal);
  const d = session.details;
  if (d.kind === 'race') {
    const name = d.name.trim() || labelOf(RACE_DISTANCES, d.distance);
    return { title: name, detail: d.status === 'planned' ? `Planned race, ${when}` : `Race, ${when}` };
  }
  return { title: labelOf(KINDS, d.kind), detail: when };
}
