// The name a lesson profile is shown by: the one the lab makes by itself ("Student") in the student's language, any
// other as the student typed it.
import { useI18n } from 'vue-i18n';
import { FIRST_LESSON_PROFILE_NAME } from '../../../../src-shared/contract/lesson';

export function useStudentName(): (name: string) => string {
  const { t } = useI18n();
  return (name) => (name === FIRST_LESSON_PROFILE_NAME ? t('lesson.profiles.firstName') : name);
}
