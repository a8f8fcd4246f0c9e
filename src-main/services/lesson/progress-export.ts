// The progress of one student as a file for the teacher: JSON to read by program, or a printable HTML page.
// English text (lesson-text-en.ts); every value from the student is escaped. Pure.
import { QUIZ_QUESTIONS, REFLECTION_IDS, type LessonStep } from '../../../src-shared/contract/lesson';
import { lessonTextEn } from '../../../src-shared/contract/lesson-text-en';
import type { StoredProfile } from './lesson-store';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  text: string;
}

const words = lessonTextEn.export;

function fileStem(profile: StoredProfile): string {
  const name = profile.name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
  return `lesson-progress-${name || 'student'}-${profile.studentId}`;
}

function questionText(id: (typeof QUIZ_QUESTIONS)[number]['id']): { text: string; options: Record<string, string> } {
  return lessonTextEn.questions[id];
}

export function progressJson(profile: StoredProfile, steps: LessonStep[], exportedAtMs: number): ExportFile {
  const data = {
    format: 'mqtt-lab-lesson-progress',
    version: 1,
    exportedAt: new Date(exportedAtMs).toISOString(),
    student: { name: profile.name, studentId: profile.studentId },
    steps: steps.map((step) => ({
      id: step.id,
      title: lessonTextEn.steps[step.id].title,
      state: step.state,
      passedAt: step.passedAtMs === null ? null : new Date(step.passedAtMs).toISOString(),
      saw: step.check.saw,
      expected: step.check.expected,
    })),
    questions: QUIZ_QUESTIONS.map((question) => {
      const answer = profile.progress.answers[question.id];
      const text = questionText(question.id);
      return {
        id: question.id,
        set: question.set,
        question: text.text,
        answer: answer ? (text.options[answer.optionId] ?? answer.optionId) : null,
        correct: answer ? answer.correct : null,
        attempts: answer?.attempts ?? 0,
      };
    }),
    reflections: REFLECTION_IDS.map((id) => ({ id, question: lessonTextEn.reflections[id], note: profile.progress.reflections[id] ?? '' })),
    assignment: { prompt: lessonTextEn.assignment.prompt, text: profile.progress.assignment },
  };
  return { fileName: `${fileStem(profile)}.json`, mimeType: 'application/json', text: `${JSON.stringify(data, null, 2)}\n` };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

const stateWord = { passed: words.passed, 'in-progress': words.inProgress, 'not-started': words.notStarted } as const;

function stepsHtml(steps: LessonStep[]): string {
  const rows = steps.map((step) => {
    const title = escapeHtml(lessonTextEn.steps[step.id].title);
    const when = step.passedAtMs === null ? '' : ` (${escapeHtml(new Date(step.passedAtMs).toISOString().slice(0, 16).replace('T', ' '))})`;
    return `<tr class="${step.state}"><td>${escapeHtml(step.id)}</td><td>${title}</td><td>${stateWord[step.state]}${when}</td><td>${escapeHtml(step.check.saw)}</td></tr>`;
  });
  return `<h2>${words.steps}</h2>\n<table><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function questionsHtml(profile: StoredProfile, set: 'pre' | 'post' | 'step', heading: string): string {
  const items = QUIZ_QUESTIONS.filter((question) => question.set === set).map((question) => {
    const text = questionText(question.id);
    const answer = profile.progress.answers[question.id];
    const given = answer ? `${escapeHtml(text.options[answer.optionId] ?? answer.optionId)}: ${answer.correct ? words.correct : words.wrong}` : words.notAnswered;
    return `<li><p>${escapeHtml(text.text)}</p><p class="answer">${given}</p></li>`;
  });
  return `<h2>${heading}</h2>\n<ol>\n${items.join('\n')}\n</ol>`;
}

function notesHtml(profile: StoredProfile): string {
  const note = (text: string) => (text.trim() ? `<p class="note">${escapeHtml(text)}</p>` : `<p class="empty">${words.noNotes}</p>`);
  const items = REFLECTION_IDS.map((id) => `<li><p>${escapeHtml(lessonTextEn.reflections[id])}</p>${note(profile.progress.reflections[id] ?? '')}</li>`);
  const assignment = `<h2>${escapeHtml(lessonTextEn.assignment.title)}</h2>\n<p>${escapeHtml(lessonTextEn.assignment.prompt)}</p>\n${note(profile.progress.assignment)}`;
  return `<h2>${words.reflections}</h2>\n<ol>\n${items.join('\n')}\n</ol>\n${assignment}`;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;color:#111;line-height:1.4}
table{border-collapse:collapse;width:100%}td{border:1px solid #999;padding:.3rem;vertical-align:top}
tr.passed td:nth-child(3){color:#0a5c1f;font-weight:bold}.note{white-space:pre-wrap;border-left:3px solid #555;padding-left:.5rem}
.empty{color:#555}@media print{body{margin:0}}`;

export function progressHtml(profile: StoredProfile, steps: LessonStep[], exportedAtMs: number): ExportFile {
  const header = `<h1>${words.heading}</h1>\n<p>${words.student}: <strong>${escapeHtml(profile.name)}</strong> · ${words.studentId}: <code>${escapeHtml(profile.studentId)}</code> · ${words.exportedAt}: ${escapeHtml(new Date(exportedAtMs).toISOString().slice(0, 16).replace('T', ' '))}</p>`;
  const body = [
    header,
    stepsHtml(steps),
    questionsHtml(profile, 'pre', words.preQuiz),
    questionsHtml(profile, 'post', words.postQuiz),
    questionsHtml(profile, 'step', words.stepQuestions),
    notesHtml(profile),
  ].join('\n');
  const text = `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${words.heading}: ${escapeHtml(profile.name)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
  return { fileName: `${fileStem(profile)}.html`, mimeType: 'text/html', text };
}
