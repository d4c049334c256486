// Add or edit a phrase family of the tone check (HQ and admin). Patterns are checked as they are
// typed (the same parser as the server), so a line the checker cannot read is refused with its
// line number before anything is stored.
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { Button, Field, FormErrors, TextareaField } from '~/components/ui/form.tsx'
import { MAX_GAP } from '~/tone/checker.ts'
import { PhraseFamilySchema } from '~/validation/schemas.ts'

export interface PhraseFamilyFormValues {
  name: string
  patterns: string
  exceptions: string
  explanation: string
  suggestion: string
  enabled: boolean
  revision?: number
}

export function PhraseFamilyForm({
  defaultValue,
  lastResult,
  submitLabel,
}: {
  defaultValue: PhraseFamilyFormValues
  lastResult?: SubmissionResult<string[]>
  submitLabel: string
}) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: `phrase-family-${defaultValue.revision ?? 'new'}`,
    lastResult,
    defaultValue: {
      ...defaultValue,
      enabled: defaultValue.enabled ? 'on' : undefined,
      revision: defaultValue.revision?.toString(),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PhraseFamilySchema }),
    shouldRevalidate: 'onBlur',
  })
  const code = <code className="rounded bg-stone-100 px-1" />
  return (
    <Form method="post" {...getFormProps(form)} className="rounded border border-stone-300 bg-white p-5">
      <FormErrors errors={form.errors} />
      <Field
        label={t('tone.form.name')}
        hint={t('tone.form.nameHint')}
        errors={fields.name.errors}
        inputProps={getInputProps(fields.name, { type: 'text' })}
      />
      <TextareaField
        label={t('tone.form.patterns')}
        hint={
          <ul className="list-disc pl-5">
            <li>{t('tone.form.syntaxLine')}</li>
            <li>
              <Trans i18nKey="tone.form.syntaxGap" values={{ gap: MAX_GAP }} components={{ code }} />
            </li>
            <li>
              <Trans i18nKey="tone.form.syntaxPrefix" components={{ code }} />
            </li>
            <li>
              <Trans i18nKey="tone.form.syntaxAny" components={{ code }} />
            </li>
            <li>{t('tone.form.syntaxContractions')}</li>
          </ul>
        }
        errors={fields.patterns.errors}
        textareaProps={{ ...getTextareaProps(fields.patterns), rows: 7, spellCheck: false, className: 'font-mono' }}
      />
      <TextareaField
        label={t('tone.form.exceptions')}
        hint={t('tone.form.exceptionsHint')}
        errors={fields.exceptions.errors}
        textareaProps={{ ...getTextareaProps(fields.exceptions), rows: 3, spellCheck: false }}
      />
      <TextareaField
        label={t('tone.form.explanation')}
        hint={t('tone.form.explanationHint')}
        errors={fields.explanation.errors}
        textareaProps={{ ...getTextareaProps(fields.explanation), rows: 3 }}
      />
      <TextareaField
        label={t('tone.form.suggestion')}
        hint={t('tone.form.suggestionHint')}
        errors={fields.suggestion.errors}
        textareaProps={{ ...getTextareaProps(fields.suggestion), rows: 3 }}
      />
      <div className="mb-4 flex items-center gap-2">
        <input {...getInputProps(fields.enabled, { type: 'checkbox' })} className="h-5 w-5" />
        <label htmlFor={fields.enabled.id}>{t('tone.form.enabled')}</label>
      </div>
      {defaultValue.revision ? <input type="hidden" name="revision" value={defaultValue.revision} /> : null}
      <Button type="submit" disabled={navigation.state === 'submitting'}>
        {submitLabel}
      </Button>
    </Form>
  )
}
