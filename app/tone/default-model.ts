// The learned signal as trained by `npm run tone:train` (model.json, generated; a test checks it
// is current). Imported by the editor and the server alike.
import data from './model.json' with { type: 'json' }
import { loadToneModel, type ToneModel, type ToneModelData } from './classifier.ts'

export const TONE_MODEL_DATA = data as ToneModelData

let loaded: ToneModel | null = null
/** The model, decoded once per process (or page). */
export function defaultToneModel(): ToneModel {
  loaded ??= loadToneModel(TONE_MODEL_DATA)
  return loaded
}
