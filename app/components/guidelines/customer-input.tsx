// What customers told the region: listed with source and date, and a form to add it.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFreshFormKey, useResultFor } from '~/components/action-form.tsx'
import { Button, Field, FormErrors, SelectField, TextareaField } from '~/components/ui/form.tsx'
import { isoDateInOrganisation, useDateFormat } from '~/utils/dates.ts'
import { CUSTOMER_INPUT_SOURCES, CustomerInputSchema } from '~/validation/schemas.ts'

type Input = { id: string; said: string; source: string; heardOn: string | Date; createdBy: { name: string } }

export function CustomerInputSection({ inputs, canAdd }: { inputs: Input[]; canAdd: boolean }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const formKey = useFreshFormKey()
  return (
    <section aria-labelledby="customer-input" className="mt-8">
      <h2 id="customer-input" className="mb-2 text-lg font-semibold">
        {t('guidelines.customerInput')}
      </h2>
      {inputs.length ? (
        <ul className="mb-4 space-y-2">
          {inputs.map((input) => (
            <li
              key={input.id}
              id={`input-${input.id}`}
              tabIndex={-1}
              className="rounded border border-stone-300 bg-white p-3 focus:outline-2 focus:outline-brand-700"
            >
              <p className="whitespace-pre-line">“{input.said}”</p>
              <p className="text-sm text-stone-700">
                {t(`guidelines.sources.${input.source}`)} · {formatDate(input.heardOn)} ·{' '}
                {t('guidelines.recordedBy', { name: input.createdBy.name })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4 text-stone-700">{t('guidelines.noCustomerInput')}</p>
      )}
      {canAdd ? <AddCustomerInputForm key={formKey} /> : null}
    </section>
  )
}

/** The form under the list; empty again after a successful post. */
function AddCustomerInputForm() {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'add-input',
    lastResult: useResultFor('add-input'),
    defaultValue: { source: 'conversation', heardOn: isoDateInOrganisation(new Date()) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CustomerInputSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-xl rounded border border-stone-300 bg-white p-4">
      <FormErrors errors={form.errors} />
      <TextareaField
        label={t('guidelines.said')}
        errors={fields.said.errors}
        textareaProps={{ ...getTextareaProps(fields.said), rows: 3 }}
      />
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t('guidelines.source')}
          errors={fields.source.errors}
          selectProps={getSelectProps(fields.source)}
        >
          {CUSTOMER_INPUT_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`guidelines.sources.${source}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('guidelines.heardOn')}
          errors={fields.heardOn.errors}
          inputProps={getInputProps(fields.heardOn, { type: 'date' })}
        />
      </div>
      <Button name="intent" value="add-input" variant="secondary">
        {t('guidelines.addInput')}
      </Button>
    </Form>
  )
}
