/** Every error the server answers: `{ error: { code, message, fields? } }` with a 4xx (or 503) status. */
export interface ApiError {
  error: {
    code: string
    message: string
    /** For validation errors: one entry per bad field, `path` dotted (`purposes.0.name.ja`). */
    fields?: { path: string; message: string }[]
  }
}
