/**
 * Errors cross the boundary as data: a stable code the UI translates, the params its message
 * needs, and an English message for logs and for callers without a locale.
 */
export type ErrorParams = Record<string, string | number | string[]>

export interface FieldIssue {
  path: string
  /** i18n key under `validation.` */
  key: string
  params?: ErrorParams
}

export interface ErrorBody {
  code: string
  message: string
  params?: ErrorParams
  issues?: FieldIssue[]
}

export class AppError extends Error {
  readonly code: string
  readonly params: ErrorParams | undefined
  readonly issues: FieldIssue[] | undefined

  constructor(code: string, message: string, params?: ErrorParams, issues?: FieldIssue[]) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.params = params
    this.issues = issues
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message }
    if (this.params) body.params = this.params
    if (this.issues) body.issues = this.issues
    return body
  }
}

export const notFound = (what: string, id: number | string): AppError =>
  new AppError('not_found', `${what} ${id} not found`, { what, id: String(id) })

export const staleVersion = (what: string, id: number): AppError =>
  new AppError('stale_version', `${what} ${id} was changed by someone else; reload it`, { what, id })

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody }
