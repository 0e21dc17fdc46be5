// The `send_strategy` a campaign update may carry, checked as Klaviyo's description types it:
// static {datetime, options{is_local, send_past_recipients_immediately}}, throttled {datetime,
// throttle_percentage ∈ 1,2,5,10,11,13,14,17,20,25,33,50}, immediate, smart_send_time {date}.
import { invalid } from './simulator-http.js';

const THROTTLES = [1, 2, 5, 10, 11, 13, 14, 17, 20, 25, 33, 50];
const pointer = (field: string) => ({ pointer: `/data/attributes/send_strategy/${field}` });

export function validStrategy(raw: unknown): { method: string } & Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null) throw invalid('send_strategy must be an object.', pointer(''));
  const s = raw as Record<string, unknown>;
  const datetime = () => {
    if (typeof s.datetime !== 'string' || Number.isNaN(Date.parse(s.datetime)) || !/T/.test(s.datetime)) throw invalid('A valid datetime is required.', pointer('datetime'));
    return s.datetime;
  };
  switch (s.method) {
    case 'static': {
      const o = s.options as Record<string, unknown> | null | undefined;
      if (o !== undefined && o !== null && typeof o.is_local !== 'boolean') throw invalid('options.is_local must be a boolean.', pointer('options'));
      const options = o ? (o.is_local ? { is_local: true, send_past_recipients_immediately: o.send_past_recipients_immediately === true } : { is_local: false }) : { is_local: false };
      return { method: 'static', datetime: datetime(), options };
    }
    case 'throttled':
      if (!THROTTLES.includes(s.throttle_percentage as number)) throw invalid(`throttle_percentage must be one of ${THROTTLES.join(', ')}.`, pointer('throttle_percentage'));
      return { method: 'throttled', datetime: datetime(), throttle_percentage: s.throttle_percentage };
    case 'immediate':
      return { method: 'immediate' };
    case 'smart_send_time':
      if (typeof s.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s.date)) throw invalid('A valid date (YYYY-MM-DD) is required.', pointer('date'));
      return { method: 'smart_send_time', date: s.date };
    default:
      throw invalid("send_strategy.method must be one of: static, throttled, immediate, smart_send_time.", pointer('method'));
  }
}
