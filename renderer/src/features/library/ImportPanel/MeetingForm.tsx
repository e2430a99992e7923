import type { ChangeEvent } from 'react';
import type { MeetingInput } from '../../../../../native/common/api';
import { useI18n } from '../../../i18n/i18n';

export function MeetingForm({ value, onChange }: { value: MeetingInput; onChange(next: MeetingInput): void }) {
  const { t } = useI18n();
  const field = (key: keyof MeetingInput) => ({
    value: value[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: e.target.value }),
  });
  return (
    <div className="form-grid">
      <label>
        {t('meetingTitle')}
        <input name="title" required {...field('title')} />
      </label>
      <label>
        {t('meetingBody')}
        <input name="body" placeholder={t('meetingBodyPlaceholder')} {...field('body')} />
      </label>
      <label>
        {t('meetingDate')}
        <input name="date" type="date" {...field('date')} />
      </label>
      <label>
        {t('meetingPlace')}
        <input name="place" {...field('place')} />
      </label>
    </div>
  );
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
